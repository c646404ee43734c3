/**
 * Calls to the portal API (same origin). Every call says which language the answer's
 * messages should be in (Accept-Language and ?lang=), gives up after a time-out, and
 * returns { ok, status, data } — `data` is the JSON body or the problem details — or throws
 * a NetworkError when no answer came (offline, time-out): the caller keeps the user's input.
 */
import { config } from '../config.js';
import { lang, L } from './i18n.js';

export class NetworkError extends Error {
  constructor(timedOut) {
    super(timedOut ? 'timeout' : 'network');
    this.timedOut = timedOut;
  }
}

/** Message for a failed connection, in the current language. */
export function networkMessage(err) {
  return err && err.timedOut
    ? L('Server terlalu lama menjawab. Koneksi Anda mungkin lambat. Isian Anda tidak hilang — silakan coba lagi.',
        'The server took too long to answer. Your connection may be slow. Your input is kept — please try again.')
    : L('Tidak dapat terhubung ke server. Periksa koneksi internet Anda, lalu coba lagi. Isian Anda tidak hilang.',
        'Could not reach the server. Check your internet connection and try again. Your input is kept.');
}

/** fetch() with a time-out; throws NetworkError when no HTTP answer arrives. */
export async function send(url, init = {}, timeoutMs = config.timeoutMs) {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), timeoutMs);
  try {
    return await fetch(url, { ...init, signal: ctl.signal });
  } catch (err) {
    throw new NetworkError(ctl.signal.aborted);
  } finally {
    clearTimeout(timer);
  }
}

async function bodyOf(res) {
  const type = res.headers.get('content-type') || '';
  if (!type.includes('json')) return null;
  try {
    return await res.json();
  } catch {
    return null;
  }
}

/**
 * Call `/api{path}`. opts: method, body (sent as JSON), token (Bearer), headers, timeoutMs, text.
 */
export async function api(path, opts = {}) {
  const url = new URL(config.apiBase + path, location.origin);
  url.searchParams.set('lang', lang);
  const headers = { Accept: 'application/json', 'Accept-Language': lang, ...(opts.headers || {}) };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  let body;
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const res = await send(url, { method: opts.method || 'GET', headers, body, cache: 'no-store' }, opts.timeoutMs);
  // opts.text: a successful answer is read as text (a document's HTML).
  const data = opts.text && res.ok ? await res.text() : await bodyOf(res);
  return { ok: res.ok, status: res.status, data: data || {}, res };
}

/** A problem's message for the user, with a fallback per status. */
export function problemMessage(r) {
  const d = r.data || {};
  if (d.detail) return d.detail;
  if (r.status >= 500) return L('Terjadi kesalahan pada server. Coba lagi beberapa saat lagi.', 'Server error. Please try again in a moment.');
  return L(`Permintaan gagal (kode ${r.status}).`, `The request failed (status ${r.status}).`);
}
