/** Tracking page: GET /api/track/{code} with the access code in X-Access-Token. */
import { initI18n, onLangChange, L, formatWIB } from './i18n.js';
import { api, networkMessage, problemMessage, NetworkError } from './api.js';
import { showAlert, showErrors, clearErrors, busy } from './form.js';

const EN = {
  title: 'Track a complaint — Deputy for National Unity',
  h1: 'Track a complaint',
  lead: 'Enter the tracking code and the access code you received when you sent your complaint.',
  code: 'Tracking code',
  codeHint: 'Example: KB-7KQ4-M2XD',
  token: 'Access code',
  tokenHint: 'Upper and lower case letters differ.',
  show: 'Show the access code',
  submit: 'See status',
  loading: 'Loading the status…',
};

const form = document.getElementById('track-form');
const codeEl = document.getElementById('t-code');
const tokenEl = document.getElementById('t-token');
const submit = document.getElementById('t-submit');
const statusHost = document.getElementById('track-status');
const result = document.getElementById('result');
const loading = document.getElementById('loading');
let shown = null;

initI18n(EN);

/** "kb 7kq4m2xd" → "KB-7KQ4-M2XD"; anything else is sent as typed (upper case). */
function normaliseCode(raw) {
  const s = raw.toUpperCase().replace(/[\s_]+/g, '');
  const m = /^KB-?([0-9A-Z]{4})-?([0-9A-Z]{4})$/.exec(s);
  return m ? `KB-${m[1]}-${m[2]}` : s;
}

// Prefill: ?kode=… in the query, #token=… in the fragment (never sent to a server).
const params = new URLSearchParams(location.search);
const frag = new URLSearchParams(location.hash.slice(1));
if (params.get('kode')) codeEl.value = normaliseCode(params.get('kode'));
if (frag.get('token')) {
  tokenEl.value = frag.get('token');
  // Keep the access code out of the address bar and history from now on.
  history.replaceState(null, '', location.pathname + location.search);
}

document.getElementById('t-show').addEventListener('change', (e) => {
  tokenEl.type = e.target.checked ? 'text' : 'password';
});

form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  lookup(true);
});

onLangChange(() => {
  if (shown) lookup(false);
});

async function lookup(focus) {
  if (submit.disabled) return;
  clearErrors(form);
  const code = normaliseCode(codeEl.value.trim());
  const token = tokenEl.value.trim();
  codeEl.value = code;
  const missing = [];
  if (!code) missing.push({ path: 'code', message: L('Isi kode pelacakan.', 'Enter the tracking code.') });
  if (!token) missing.push({ path: 'token', message: L('Isi kode akses.', 'Enter the access code.') });
  if (missing.length) {
    showErrors(form, { errors: missing, prefix: 't-' });
    return;
  }
  loading.hidden = false;
  await busy(submit, L('Memuat…', 'Loading…'), async () => {
    let r;
    try {
      r = await api(`/track/${encodeURIComponent(code)}`, { headers: { 'X-Access-Token': token } });
    } catch (err) {
      if (!(err instanceof NetworkError)) throw err;
      showAlert(statusHost, networkMessage(err), { title: L('Status belum dapat dimuat', 'The status could not be loaded') });
      return;
    } finally {
      loading.hidden = true;
    }
    if (!r.ok) {
      result.hidden = true;
      shown = null;
      // Unknown code and wrong access code: one answer, from the API.
      showAlert(statusHost, problemMessage(r), {
        title: r.status === 404 ? L('Pengaduan tidak ditemukan', 'Complaint not found') : L('Status belum dapat dimuat', 'The status could not be loaded'),
      });
      return;
    }
    shown = r.data;
    render(r.data);
    if (focus) result.focus();
  });
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
}

function render(t) {
  result.replaceChildren();
  const dl = el('dl', { class: 'meta' },
    el('dt', {}, L('Kode pelacakan', 'Tracking code')), el('dd', { class: 'code-input' }, t.trackingCode),
    el('dt', {}, L('Judul', 'Subject')), el('dd', {}, t.subject),
    el('dt', {}, L('Dikirim', 'Submitted')), el('dd', {}, formatWIB(t.submittedAt)),
    el('dt', {}, L('Terakhir diperbarui', 'Last updated')), el('dd', {}, formatWIB(t.updatedAt)),
  );
  if (t.targetDate && t.status !== 'selesai' && t.status !== 'ditolak') {
    dl.append(el('dt', {}, L('Target selesai', 'Target date')), el('dd', {}, formatWIB(t.targetDate)));
  }
  result.append(
    el('h2', { id: 'res-title' }, L('Status pengaduan', 'Complaint status')),
    el('p', {}, el('span', { class: `status ${t.status}`, id: 'res-status' }, t.statusLabel)),
    el('p', {}, t.statusDescription),
  );
  if (t.decline) {
    const box = el('div', { class: 'warn' },
      el('h3', {}, L('Alasan penolakan', 'Reason for declining')),
      el('p', {}, el('strong', {}, t.decline.reasonLabel || t.decline.reason)),
    );
    if (t.decline.explanation) box.append(el('p', { class: 'pre' }, t.decline.explanation));
    result.append(box);
  }
  result.append(dl, el('h3', {}, L('Riwayat', 'History')));
  const ol = el('ol', { class: 'timeline' });
  for (const step of t.timeline || []) {
    ol.append(el('li', {}, el('strong', {}, step.label), el('time', { datetime: step.at }, formatWIB(step.at)), el('span', {}, step.description)));
  }
  result.append(ol);
  result.hidden = false;
}

// Came from the confirmation link with both codes: show the status at once.
if (codeEl.value && tokenEl.value) lookup(true);
