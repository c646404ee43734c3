/**
 * Staff page: sign-in (Firebase Auth REST), work lists, case detail with documents and the
 * SOP actions available to the signed-in officer, and the UPP's record of a complaint
 * received directly. Routes (in the fragment): #daftar[/mine|all|overdue], #kasus/{id}, #catat.
 */
import { config } from '../config.js';
import { initI18n, onLangChange, L, pick, formatWIB, formatDate, todayWIB } from './i18n.js';
import { api, send, networkMessage, problemMessage, NetworkError } from './api.js';
import { showErrors, showAlert, clearErrors, busy, val, compact } from './form.js';
import { CATEGORIES, DECLINE_REASONS, PRIORITIES, CHANNELS, CONFIDENTIALITY, PARTICIPANT_KINDS, ROLES, STEPS, ACTIONS, PAYLOAD_FIELDS } from './labels.js';
import { collectSubmission, fillCategories, wireConfidentiality } from './complaint-form.js';

const EN = {
  title: 'Staff — Public Complaints, National Unity',
  brandStaff: 'Complaint Handling Staff <small>Deputy for National Unity — Kemenko Polhukam</small>',
  navList: 'Complaints',
  navRecord: 'Record a complaint',
  boot: 'Loading…',
  loginTitle: 'Staff sign-in',
  loginLead: 'This page is for complaint-handling officers. Members of the public can <a href="/">submit a complaint</a> or <a href="/lacak.html">track a complaint</a>.',
  email: 'Official e-mail',
  password: 'Password',
  showPassword: 'Show password',
  signIn: 'Sign in',
  signedInAs: 'Signed in as',
  signOut: 'Sign out',
};

const SESSION_KEY = 'kesbang.staff';
const $ = (id) => document.getElementById(id);
const view = $('view');
let session = loadSession();
let renderSeq = 0;
/** Values typed into the case page's forms, kept across a reload of the case (409, language). */
let drafts = null;

class SignedOut extends Error {}

initI18n(EN);
$('boot').hidden = true;

// ---------------------------------------------------------------- session and calls

function loadSession() {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
  } catch {
    return null;
  }
}

function saveSession(s) {
  session = s;
  try {
    if (s) sessionStorage.setItem(SESSION_KEY, JSON.stringify(s));
    else sessionStorage.removeItem(SESSION_KEY);
  } catch {
    /* storage unavailable: the session lasts for this page */
  }
}

/** Claims of an ID token (role, unit, name, email) — for display only; the API checks. */
function claims() {
  try {
    const part = session.idToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(part.padEnd(Math.ceil(part.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return {};
  }
}

const authUrl = (base, path) => `${base}/${path}?key=${encodeURIComponent(config.apiKey)}`;

async function signIn(email, password) {
  const res = await send(authUrl(config.authBase, 'accounts:signInWithPassword'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password, returnSecureToken: true }),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok || !body.idToken) return authError(String(body.error?.message || res.status));
  saveSession({ idToken: body.idToken, refreshToken: body.refreshToken, email: body.email });
  return null;
}

function authError(code) {
  if (/INVALID_LOGIN_CREDENTIALS|EMAIL_NOT_FOUND|INVALID_PASSWORD|INVALID_EMAIL/.test(code)) return L('E-mail atau kata sandi salah.', 'Wrong e-mail or password.');
  if (/USER_DISABLED/.test(code)) return L('Akun ini dinonaktifkan. Hubungi administrator.', 'This account is disabled. Contact the administrator.');
  if (/TOO_MANY_ATTEMPTS/.test(code)) return L('Terlalu banyak percobaan masuk. Coba lagi beberapa saat lagi.', 'Too many sign-in attempts. Try again later.');
  if (/API_KEY|API key/i.test(code)) return L('Portal belum dikonfigurasi (Web API key). Hubungi administrator.', 'The portal is not configured (Web API key). Contact the administrator.');
  return L(`Gagal masuk (${code}).`, `Sign-in failed (${code}).`);
}

let refreshing = null;
/** Exchange the refresh token for a new ID token; false when the session is over. */
function refresh() {
  if (!session?.refreshToken) return Promise.resolve(false);
  refreshing ??= (async () => {
    try {
      const res = await send(authUrl(config.tokenBase, 'token'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: session.refreshToken }).toString(),
      });
      const body = await res.json().catch(() => ({}));
      if (!res.ok || !body.id_token) return false;
      saveSession({ ...session, idToken: body.id_token, refreshToken: body.refresh_token || session.refreshToken });
      return true;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** An API call as the signed-in officer; one refresh and retry on 401. */
async function call(path, opts = {}) {
  if (!session) throw new SignedOut();
  let r = await api(path, { ...opts, token: session.idToken });
  if (r.status === 401) {
    if (await refresh()) r = await api(path, { ...opts, token: session.idToken });
    if (r.status === 401) {
      saveSession(null);
      showLogin(L('Sesi Anda telah berakhir. Silakan masuk kembali.', 'Your session has ended. Please sign in again.'));
      throw new SignedOut();
    }
  }
  return r;
}

// ---------------------------------------------------------------- small DOM helpers

function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v === true) e.setAttribute(k, '');
    else e.setAttribute(k, v);
  }
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

/** A labelled control in a `.field`, with an optional hint linked by aria-describedby. */
function field(control, label, { hint, optional } = {}) {
  const parts = [h('label', { for: control.id }, label, optional ? h('span', { class: 'opt' }, ` ${L('(opsional)', '(optional)')}`) : null)];
  if (hint) {
    parts.push(h('span', { class: 'hint', id: `${control.id}-hint` }, hint));
    control.setAttribute('aria-describedby', `${control.id}-hint`);
  }
  return h('div', { class: 'field' }, parts, control);
}

const input = (id, attrs = {}) => h('input', { type: 'text', id, ...attrs });
const textarea = (id, rows = 4, attrs = {}) => h('textarea', { id, rows, ...attrs });
function select(id, options, { empty, value } = {}) {
  const s = h('select', { id });
  if (empty !== undefined) s.add(new Option(empty, ''));
  for (const [v, label] of options) s.add(new Option(label, v));
  if (value !== undefined) s.value = value;
  return s;
}
const labelled = (obj) => Object.entries(obj).map(([k, v]) => [k, pick(v)]);

function loadingBox(text) {
  return h('p', { class: 'loading', role: 'status' }, text || L('Memuat…', 'Loading…'));
}

/** An error box with a retry button (network failures). */
function retryBox(message, retry) {
  const box = h('div', { class: 'alert', role: 'alert' }, h('p', {}, message));
  if (retry) box.append(h('button', { type: 'button', class: 'btn secondary small', onclick: retry }, L('Coba lagi', 'Try again')));
  return box;
}

function focusHeading() {
  const h1 = view.querySelector('h1');
  if (h1) {
    h1.tabIndex = -1;
    h1.focus();
  }
}

// ---------------------------------------------------------------- views: login / app

function showLogin(message) {
  $('view-app').hidden = true;
  $('staff-nav').hidden = true;
  $('view-login').hidden = false;
  const notice = $('login-notice');
  clearErrors(notice);
  if (message) showAlert(notice, message, { focus: false });
  $('login-title').focus();
}

function showApp() {
  const c = claims();
  $('view-login').hidden = true;
  $('view-app').hidden = false;
  $('staff-nav').hidden = false;
  $('who').textContent = `${c.name || c.email || session.email} — ${pick(ROLES[c.role]) || c.role || '?'}`;
  $('nav-record-item').hidden = c.role !== 'upp';
}

$('l-show').addEventListener('change', (e) => {
  $('l-password').type = e.target.checked ? 'text' : 'password';
});

$('login-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const form = ev.currentTarget;
  const btn = $('l-submit');
  if (btn.disabled) return;
  clearErrors($('login-notice'));
  const email = $('l-email').value.trim();
  const password = $('l-password').value;
  const errors = [];
  if (!email) errors.push({ path: 'email', message: L('Isi e-mail.', 'Enter your e-mail.') });
  if (!password) errors.push({ path: 'password', message: L('Isi kata sandi.', 'Enter your password.') });
  if (errors.length) return showErrors(form, { errors, prefix: 'l-' });
  await busy(btn, L('Memproses…', 'Signing in…'), async () => {
    let problem;
    try {
      problem = await signIn(email, password);
    } catch (err) {
      if (!(err instanceof NetworkError)) throw err;
      problem = networkMessage(err);
    }
    if (problem) {
      clearErrors(form);
      showAlert($('login-notice'), problem, { title: L('Belum berhasil masuk', 'Not signed in') });
      return;
    }
    $('l-password').value = '';
    clearErrors(form);
    route(true);
  });
});

$('logout').addEventListener('click', () => {
  saveSession(null);
  drafts = null;
  view.replaceChildren();
  history.replaceState(null, '', location.pathname);
  showLogin(L('Anda telah keluar.', 'You have signed out.'));
});

// ---------------------------------------------------------------- routing

window.addEventListener('hashchange', () => route(true));
onLangChange(() => {
  if (session && !$('view-app').hidden) {
    drafts = snapshot();
    route(false);
  }
});

async function route(focus) {
  if (!session) return showLogin();
  showApp();
  let hash = '';
  try {
    hash = decodeURIComponent(location.hash.slice(1));
  } catch {
    /* malformed: the list */
  }
  const seq = ++renderSeq;
  let m;
  $('nav-list').removeAttribute('aria-current');
  $('nav-record').removeAttribute('aria-current');
  try {
    if ((m = /^kasus\/([\w-]{1,128})$/.exec(hash))) await renderCase(m[1], seq);
    else if (hash === 'catat') {
      $('nav-record').setAttribute('aria-current', 'page');
      renderRecord();
    } else {
      $('nav-list').setAttribute('aria-current', 'page');
      m = /^daftar\/(mine|all|overdue)$/.exec(hash);
      await renderList(m ? m[1] : 'mine', seq);
    }
    if (focus && seq === renderSeq) focusHeading();
  } catch (err) {
    if (err instanceof SignedOut) return;
    if (err instanceof NetworkError) {
      if (seq === renderSeq) view.replaceChildren(retryBox(networkMessage(err), () => route(true)));
      return;
    }
    throw err;
  }
}

// ---------------------------------------------------------------- list

const SCOPES = {
  mine: { id: 'Tugas saya', en: 'My tasks' },
  overdue: { id: 'Terlambat', en: 'Overdue' },
  all: { id: 'Semua', en: 'All' },
};

async function renderList(scope, seq, cursor = 0, list = null) {
  if (!list) {
    view.replaceChildren(
      h('h1', {}, L('Daftar pengaduan', 'Complaints')),
      h('ul', { class: 'tabs', 'aria-label': L('Pilih daftar', 'Choose a list') },
        Object.entries(SCOPES).map(([k, label]) =>
          h('li', {}, h('a', { href: `#daftar/${k}`, 'aria-current': k === scope ? 'page' : undefined }, pick(label))))),
      h('div', { id: 'list-body' }, loadingBox(L('Memuat daftar…', 'Loading the list…'))),
    );
  }
  const r = await call(`/cases?scope=${scope}&limit=20&cursor=${cursor}`);
  if (seq !== renderSeq) return;
  const body = $('list-body');
  if (!r.ok) {
    body.replaceChildren(retryBox(problemMessage(r), () => route(true)));
    return;
  }
  const { items, total, nextCursor } = r.data;
  if (!list) {
    body.replaceChildren(
      h('p', { role: 'status', id: 'list-count' }, total === 0
        ? scope === 'mine'
          ? L('Tidak ada pengaduan yang menunggu tindakan Anda.', 'No complaint is waiting for you.')
          : L('Tidak ada pengaduan.', 'No complaints.')
        : L(`${total} pengaduan`, `${total} complaint${total === 1 ? '' : 's'}`)),
    );
    list = h('ul', { class: 'cases' });
    if (total > 0) body.append(list);
  }
  for (const c of items) list.append(caseItem(c));
  body.querySelector('.more')?.remove();
  if (nextCursor) {
    const more = h('button', { type: 'button', class: 'btn secondary more' }, L('Muat lebih banyak', 'Load more'));
    more.addEventListener('click', () =>
      busy(more, L('Memuat…', 'Loading…'), async () => {
        try {
          await renderList(scope, seq, Number(nextCursor), list);
        } catch (err) {
          if (err instanceof NetworkError) body.append(retryBox(networkMessage(err)));
          else if (!(err instanceof SignedOut)) throw err;
        }
      }));
    body.append(more);
  }
}

function caseItem(c) {
  return h('li', {},
    h('a', { href: `#kasus/${encodeURIComponent(c.id)}` }, c.subject),
    ' ', c.isOverdue ? h('span', { class: 'badge late' }, L('Terlambat', 'Overdue')) : null,
    h('span', { class: 'line code' }, c.trackingCode),
    h('span', { class: 'line' }, `${L('Tahap', 'Step')} ${c.step}: ${c.stepTitle}`),
    h('span', { class: 'line' }, `${L('Status', 'Status')}: ${c.statusLabel}`),
    c.outcome ? null : h('span', { class: 'line' }, `${L('Batas waktu', 'Due')}: ${formatWIB(c.stepDueAt)}`),
  );
}

// ---------------------------------------------------------------- case detail

async function renderCase(id, seq, notice) {
  if (!notice) view.replaceChildren(h('p', {}, h('a', { href: '#daftar' }, `← ${L('Kembali ke daftar', 'Back to the list')}`)), loadingBox(L('Memuat pengaduan…', 'Loading the complaint…')));
  const r = await call(`/cases/${encodeURIComponent(id)}`);
  if (seq !== renderSeq) return;
  if (!r.ok) {
    view.replaceChildren(h('p', {}, h('a', { href: '#daftar' }, `← ${L('Kembali ke daftar', 'Back to the list')}`)), h('h1', {}, L('Pengaduan', 'Complaint')), retryBox(problemMessage(r), r.status >= 500 ? () => route(true) : null));
    return;
  }
  const c = r.data;
  const keep = drafts;
  drafts = null;
  const rows = [
    [L('Status', 'Status'), c.statusLabel],
    [L('Tahap', 'Step'), `${c.step}. ${c.stepTitle}`],
  ];
  if (!c.outcome) {
    rows.push([L('Ditangani oleh', 'Handled by'), [c.assigneeRoleLabel, ...(c.assigneeNames || [])].filter(Boolean).join(' — ')]);
    rows.push([L('Batas waktu tahap', 'Step due'), formatWIB(c.stepDueAt)]);
    rows.push([L('Target selesai', 'Case due'), formatWIB(c.caseDueAt)]);
  }
  rows.push(
    [L('Kategori', 'Category'), c.categoryLabel || L('Belum ditentukan', 'Not set')],
    [L('Saluran', 'Channel'), c.channelLabel],
    [L('Kerahasiaan', 'Confidentiality'), pick(CONFIDENTIALITY[c.confidentiality]) || c.confidentiality],
    [L('Diterima', 'Received'), formatWIB(c.submittedAt)],
  );
  if (c.location) rows.push([L('Lokasi', 'Place'), c.location]);
  if (c.incidentDate) rows.push([L('Tanggal kejadian', 'Incident date'), formatDate(c.incidentDate)]);
  if (c.letterNumber) rows.push([L('Nomor surat', 'Letter number'), c.letterNumber]);
  if (c.breachCount) rows.push([L('Pelanggaran waktu', 'Deadline breaches'), String(c.breachCount)]);

  const noticeHost = h('div', { id: 'case-notice' });
  view.replaceChildren(
    h('p', {}, h('a', { href: '#daftar' }, `← ${L('Kembali ke daftar', 'Back to the list')}`)),
    noticeHost,
    h('h1', {}, c.subject),
    h('p', {}, h('span', { class: 'code-input' }, c.trackingCode), ' ', c.isOverdue ? h('span', { class: 'badge late' }, L('Terlambat', 'Overdue')) : null),
    h('dl', { class: 'meta' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('h2', {}, L('Uraian', 'Description')),
    h('p', { class: 'pre' }, c.description),
    h('h2', {}, L('Pelapor', 'Reporter')),
    reporterBlock(c),
    h('h2', { id: 'actions-title' }, L('Tindakan', 'Actions')),
    actionsBlock(c),
    h('h2', {}, L('Dokumen', 'Documents')),
    documentsBlock(c),
    h('h2', {}, L('Riwayat', 'History')),
    historyBlock(c),
  );
  if (keep) restore(keep);
  if (notice) {
    const box = h('div', { class: 'success', role: 'status', tabindex: '-1' }, h('p', {}, notice));
    noticeHost.append(box);
    box.focus();
  }
}

function reporterBlock(c) {
  const p = c.reporter;
  if (!p) {
    const anon = c.confidentiality === 'anonim' ? ` ${L('(Pengaduan anonim.)', '(Anonymous complaint.)')}` : '';
    return h('p', { class: 'info' }, L('Identitas pelapor dirahasiakan.', 'The reporter’s identity is confidential.') + anon);
  }
  const rows = [
    [L('Nama', 'Name'), p.name],
    [L('NIK', 'NIK'), p.nik],
    [L('E-mail', 'E-mail'), p.email],
    [L('Telepon', 'Phone'), p.phone],
    [L('Alamat', 'Address'), p.address],
  ].filter(([, v]) => v);
  return h('dl', { class: 'meta' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function historyBlock(c) {
  const ol = h('ol', { class: 'history' });
  for (const e of c.history || []) {
    const moved = e.from.step !== e.to.step || e.to.outcome;
    const li = h('li', {},
      h('span', { class: 'when' }, formatWIB(e.at)),
      h('strong', {}, pick(ACTIONS[e.action]) || e.action),
      ` — ${e.actor.name}`,
      moved ? h('span', { class: 'when' }, `${L('Tahap', 'Step')} ${e.from.step} → ${e.to.outcome ? pick(ACTIONS[e.action]) : `${e.to.step}. ${pick(STEPS[e.to.step])}`}`) : null,
    );
    for (const [k, label] of Object.entries(PAYLOAD_FIELDS)) {
      const shown = payloadText(k, e.payload?.[k]);
      if (shown) li.append(h('blockquote', {}, `${pick(label)}: ${shown}`));
    }
    ol.append(li);
  }
  return ol;
}

/** One payload value of a history entry, as text ('' to leave it out). */
function payloadText(k, v) {
  if (v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length)) return '';
  const from = { reason: DECLINE_REASONS, priority: PRIORITIES, category: CATEGORIES }[k];
  if (from && from[v]) return pick(from[v]);
  if (k === 'heldOn') return formatDate(v);
  if (k === 'participants') return v.map((x) => `${x.name} (${x.organization})`).join('; ');
  if (Array.isArray(v)) return v.join('; ');
  if (typeof v === 'boolean') return v ? L('Ya', 'Yes') : '';
  return String(v);
}

function documentsBlock(c) {
  if (!c.documents?.length) return h('p', { class: 'muted' }, L('Belum ada dokumen.', 'No documents yet.'));
  const status = h('div', { 'aria-live': 'polite' });
  const ul = h('ul', { class: 'doc-list' });
  for (const d of c.documents) {
    ul.append(h('li', {}, h('button', { type: 'button', class: 'btn secondary small', onclick: (ev) => openDocument(c.id, d, ev.currentTarget, status) },
      `${d.title || d.kind} ↗`)));
  }
  return h('div', {}, ul, status);
}

/** Documents need the Authorization header: fetch the HTML, open it as a blob: URL. */
async function openDocument(caseId, d, button, status) {
  // Opened now, inside the click, so that pop-up blockers allow it; filled when loaded.
  const win = window.open('', '_blank');
  if (win) {
    win.opener = null;
    win.document.title = L('Memuat dokumen…', 'Loading the document…');
    win.document.body.textContent = L('Memuat dokumen…', 'Loading the document…');
  }
  status.replaceChildren();
  await busy(button, L('Membuka…', 'Opening…'), async () => {
    let r;
    try {
      r = await call(`/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(d.id)}`, { text: true, headers: { Accept: 'text/html' } });
    } catch (err) {
      win?.close();
      if (err instanceof NetworkError) status.replaceChildren(retryBox(networkMessage(err)));
      else if (!(err instanceof SignedOut)) throw err;
      return;
    }
    if (!r.ok) {
      win?.close();
      status.replaceChildren(retryBox(problemMessage(r)));
      return;
    }
    const url = URL.createObjectURL(new Blob([r.data], { type: 'text/html;charset=utf-8' }));
    setTimeout(() => URL.revokeObjectURL(url), 5 * 60_000);
    if (win && !win.closed) win.location.href = url;
    else status.replaceChildren(h('p', {}, L('Jendela baru diblokir peramban. ', 'The browser blocked the new window. '), h('a', { href: url, target: '_blank', rel: 'noopener' }, L('Buka dokumen', 'Open the document'))));
  });
}

// ---------------------------------------------------------------- actions

const PARTICIPANT_FIELDS = ['name', 'organization', 'kind'];

function actionsBlock(c) {
  const list = c.availableActions || [];
  if (!list.length) {
    return h('p', { class: 'muted' }, c.outcome
      ? L('Pengaduan ini sudah ditutup.', 'This complaint is closed.')
      : L('Tidak ada tindakan yang dapat Anda lakukan pada tahap ini.', 'There is no action for you at this step.'));
  }
  return h('div', {}, list.map((a) => actionForm(c, a, list.length === 1)));
}

/** The fields of one action (ids `a-{action}-{field}`), hand-written per action. */
function actionFields(name, p, c) {
  switch (name) {
    case 'forward':
      return [
        field(select(`${p}category`, labelled(CATEGORIES), { empty: L('— Pilih kategori —', '— Choose a category —'), value: c.category || '' }), L('Kategori', 'Category')),
        field(textarea(`${p}analysis`, 5), L('Analisis', 'Analysis'), { hint: L('Identifikasi dan analisis kasus, minimal 10 karakter.', 'Identification and analysis of the case, at least 10 characters.') }),
      ];
    case 'decline':
      return [
        field(select(`${p}reason`, labelled(DECLINE_REASONS), { empty: L('— Pilih alasan —', '— Choose a reason —') }), L('Alasan penolakan', 'Reason')),
        field(textarea(`${p}explanation`, 4), L('Penjelasan untuk pelapor', 'Explanation for the reporter'), { hint: L('Ditampilkan kepada pelapor di halaman lacak. Minimal 10 karakter.', 'Shown to the reporter on the tracking page. At least 10 characters.') }),
        field(input(`${p}duplicateOf`, { class: 'code-input', autocomplete: 'off', spellcheck: 'false' }), L('Kode pelacakan pengaduan yang sama', 'Tracking code of the same complaint'), { hint: L('Wajib bila alasannya duplikat. Contoh: KB-7KQ4-M2XD', 'Required for a duplicate. Example: KB-7KQ4-M2XD'), optional: true }),
      ];
    case 'validate':
    case 'approve':
      return [field(textarea(`${p}note`, 3), L('Catatan', 'Note'), { optional: true })];
    case 'return':
      return [field(textarea(`${p}reason`, 4), L('Alasan pengembalian / yang harus diperbaiki', 'Reason / what must be fixed'), { hint: L('Minimal 10 karakter.', 'At least 10 characters.') })];
    case 'dispose': {
      const asdep = select(`${p}asdepUid`, [], { empty: L('Memuat daftar Asdep…', 'Loading the Assistant Deputies…') });
      fillStaff(asdep, 'asdep');
      return [
        field(asdep, L('Disposisi kepada Asisten Deputi', 'Dispose to Assistant Deputy')),
        field(textarea(`${p}instruction`, 4), L('Arahan', 'Instruction'), { hint: L('Minimal 5 karakter.', 'At least 5 characters.') }),
        field(select(`${p}priority`, labelled(PRIORITIES), { value: 'biasa' }), L('Prioritas', 'Priority')),
      ];
    }
    case 'assign': {
      const group = h('fieldset', { id: `${p}staffUids`, class: 'field' }, h('legend', {}, L('Tugaskan Kabid/JF (boleh lebih dari satu)', 'Assign Kabid/JF staff (one or more)')), loadingBox());
      fillKabid(group, p);
      return [
        group,
        field(textarea(`${p}instruction`, 4), L('Arahan', 'Instruction'), { hint: L('Minimal 5 karakter.', 'At least 5 characters.') }),
        h('div', { class: 'field' }, h('div', { class: 'choice' }, h('input', { type: 'checkbox', id: `${p}leadershipMeeting` }),
          h('label', { for: `${p}leadershipMeeting` }, L('Ajukan rapat internal staf pimpinan Sesmenko Polhukam', 'Request an internal leadership meeting')))),
      ];
    }
    case 'submitStudy':
      return [
        field(textarea(`${p}study`, 8), L('Telaahan staf', 'Staff study'), { hint: L('Minimal 20 karakter.', 'At least 20 characters.') }),
        field(textarea(`${p}materials`, 4), L('Bahan-bahan terkait', 'Related materials'), { hint: L('Satu bahan per baris.', 'One item per line.'), optional: true }),
        field(textarea(`${p}coordination`, 3), L('Koordinasi yang dilakukan', 'Coordination done'), { optional: true }),
      ];
    case 'recordDiscussion': {
      const box = h('fieldset', { id: `${p}participants`, class: 'field' }, h('legend', {}, L('Peserta pembahasan', 'Participants')), h('div', { class: 'rows' }));
      const add = h('button', { type: 'button', class: 'btn secondary small' }, L('+ Tambah peserta', '+ Add a participant'));
      add.addEventListener('click', () => {
        setParticipants(p, box, [...readParticipants(p, box), {}]);
        box.querySelector('.participant:last-child input')?.focus();
      });
      box.append(add);
      setParticipants(p, box, [{}]);
      return [
        field(input(`${p}heldOn`, { type: 'date', value: todayWIB(), max: todayWIB() }), L('Tanggal pembahasan', 'Date held')),
        field(input(`${p}place`), L('Tempat', 'Place'), { optional: true }),
        box,
        field(textarea(`${p}results`, 6), L('Hasil pembahasan', 'Results'), { hint: L('Minimal 20 karakter.', 'At least 20 characters.') }),
        field(textarea(`${p}recommendation`, 4), L('Rumusan rekomendasi', 'Recommendation'), { optional: true }),
      ];
    }
    case 'submitDraft':
      return [
        field(input(`${p}addressee`), L('Ditujukan kepada (kementerian/lembaga)', 'Addressed to (ministry/agency)')),
        field(textarea(`${p}findings`, 6), L('Temuan', 'Findings'), { hint: L('Minimal 20 karakter.', 'At least 20 characters.') }),
        field(textarea(`${p}recommendation`, 6), L('Rekomendasi', 'Recommendation'), { hint: L('Minimal 20 karakter.', 'At least 20 characters.') }),
      ];
    default:
      return [h('p', { class: 'muted' }, L('Tindakan ini tidak memerlukan isian.', 'This action needs no input.'))];
  }
}

function payloadOf(name, p) {
  switch (name) {
    case 'forward':
      return { category: val(`${p}category`), analysis: val(`${p}analysis`) };
    case 'decline':
      return { reason: val(`${p}reason`), explanation: val(`${p}explanation`), duplicateOf: val(`${p}duplicateOf`)?.toUpperCase() };
    case 'validate':
    case 'approve':
      return { note: val(`${p}note`) };
    case 'return':
      return { reason: val(`${p}reason`) };
    case 'dispose':
      return { asdepUid: val(`${p}asdepUid`), instruction: val(`${p}instruction`), priority: val(`${p}priority`) };
    case 'assign':
      return {
        staffUids: [...document.querySelectorAll(`#${p}staffUids input:checked`)].map((i) => i.value),
        instruction: val(`${p}instruction`),
        leadershipMeeting: $(`${p}leadershipMeeting`).checked,
      };
    case 'submitStudy':
      return {
        study: val(`${p}study`),
        materials: (val(`${p}materials`) || '').split('\n').map((s) => s.trim()).filter(Boolean),
        coordination: val(`${p}coordination`),
      };
    case 'recordDiscussion':
      return {
        heldOn: val(`${p}heldOn`),
        place: val(`${p}place`),
        participants: readParticipants(p, $(`${p}participants`)).map((row) => compact({ ...row })),
        results: val(`${p}results`),
        recommendation: val(`${p}recommendation`),
      };
    case 'submitDraft':
      return { addressee: val(`${p}addressee`), findings: val(`${p}findings`), recommendation: val(`${p}recommendation`) };
    default:
      return {};
  }
}

function readParticipants(p, box) {
  return [...box.querySelectorAll('.participant')].map((_, i) =>
    Object.fromEntries(PARTICIPANT_FIELDS.map((f) => [f, val(`${p}participants-${i}-${f}`)])));
}

function setParticipants(p, box, rows) {
  const host = box.querySelector('.rows');
  host.replaceChildren(...rows.map((row, i) => {
    const q = `${p}participants-${i}-`;
    const set = h('fieldset', { class: 'participant', id: `${p}participants-${i}` },
      h('legend', {}, `${L('Peserta', 'Participant')} ${i + 1}`),
      field(input(`${q}name`, { value: row.name || '' }), L('Nama', 'Name')),
      field(input(`${q}organization`, { value: row.organization || '' }), L('Instansi/unit', 'Organisation/unit')),
      field(select(`${q}kind`, labelled(PARTICIPANT_KINDS), { value: row.kind || 'internal' }), L('Jenis peserta', 'Kind')));
    if (rows.length > 1) {
      set.append(h('p', {}, h('button', {
        type: 'button',
        class: 'btn secondary small',
        onclick: () => {
          const now = readParticipants(p, box);
          now.splice(i, 1);
          setParticipants(p, box, now);
          box.querySelector('.participant input')?.focus();
        },
      }, `${L('Hapus peserta', 'Remove participant')} ${i + 1}`)));
    }
    return set;
  }));
}

const staffCache = new Map();
async function staffOf(role) {
  if (!staffCache.has(role)) {
    const r = await call(`/staff?role=${role}`);
    if (!r.ok) throw new Error(problemMessage(r));
    staffCache.set(role, r.data.staff || []);
  }
  return staffCache.get(role);
}

async function fillStaff(sel, role) {
  try {
    const staff = await staffOf(role);
    const keep = sel.value || sel.dataset.restore || '';
    sel.options[0].textContent = L('— Pilih Asisten Deputi —', '— Choose an Assistant Deputy —');
    for (const s of staff) sel.add(new Option(`${s.name} — ${s.unitName || s.unit || ''}`, s.uid));
    sel.value = keep;
  } catch (err) {
    if (err instanceof SignedOut) return;
    sel.options[0].textContent = L('Daftar tidak dapat dimuat — muat ulang halaman', 'The list could not be loaded — reload the page');
  }
}

async function fillKabid(group, p) {
  let staff;
  try {
    staff = await staffOf('kabid');
  } catch (err) {
    if (err instanceof SignedOut) return;
    group.querySelector('.loading')?.replaceWith(retryBox(err instanceof NetworkError ? networkMessage(err) : String(err.message)));
    return;
  }
  const unit = claims().unit;
  const sorted = [...staff].sort((a, b) => Number(b.unit === unit) - Number(a.unit === unit) || a.name.localeCompare(b.name));
  const restoreIds = (group.dataset.restore || '').split(' ').filter(Boolean);
  group.querySelector('.loading')?.replaceWith(...sorted.map((s, i) =>
    h('div', { class: 'choice' },
      h('input', { type: 'checkbox', id: `${p}staff-${i}`, value: s.uid, checked: restoreIds.includes(s.uid) }),
      h('label', { for: `${p}staff-${i}` }, s.name, h('span', { class: 'hint' }, s.unitName || s.unit || '')))));
  if (!sorted.length) group.append(h('p', { class: 'muted' }, L('Belum ada Kabid/JF terdaftar.', 'No Kabid/JF staff registered.')));
}

function actionForm(c, a, open) {
  const p = `a-${a.name}-`;
  const submit = h('button', { type: 'submit', class: a.name === 'decline' || a.name === 'return' ? 'btn danger' : 'btn' }, a.label);
  const form = h('form', { novalidate: true, 'data-action': a.name }, actionFields(a.name, p, c), h('div', { class: 'send-status' }), submit);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (submit.disabled) return;
    clearErrors(form);
    const body = { action: a.name, version: c.version, ...compact(payloadOf(a.name, p)) };
    await busy(submit, L('Mengirim…', 'Sending…'), async () => {
      let r;
      try {
        r = await call(`/cases/${encodeURIComponent(c.id)}/actions`, { method: 'POST', body, timeoutMs: 45000 });
      } catch (err) {
        if (err instanceof NetworkError) showAlert(form.querySelector('.send-status'), networkMessage(err), { title: L('Belum terkirim', 'Not sent') });
        else if (!(err instanceof SignedOut)) throw err;
        return;
      }
      if (r.ok) {
        const d = r.data;
        const where = d.outcome ? d.statusLabel : `${L('tahap', 'step')} ${d.step}. ${d.stepTitle}`;
        await renderCase(c.id, ++renderSeq, L(`Berhasil: ${a.label}. Pengaduan kini pada ${where} (status: ${d.statusLabel}).`, `Done: ${a.label}. The complaint is now at ${where} (status: ${d.statusLabel}).`)).catch(() => route(true));
        return;
      }
      const title = r.status === 409
        ? L('Pengaduan ini telah diperbarui orang lain', 'This complaint was updated by someone else')
        : r.status === 403
          ? L('Tidak diizinkan', 'Not permitted')
          : L('Tindakan belum dapat diproses', 'The action could not be processed');
      const detail = r.status === 409
        ? L('Muat ulang untuk melihat keadaan terbarunya. Isian Anda tetap disimpan.', 'Reload it to see its current state. Your input is kept.')
        : problemMessage(r);
      const summary = showErrors(form, { errors: Array.isArray(r.data.errors) ? r.data.errors : [], prefix: p, title, detail });
      if (r.status === 409 || (r.status === 422 && !r.data.errors)) {
        summary.append(h('button', {
          type: 'button',
          class: 'btn secondary small',
          onclick: () => {
            drafts = snapshot();
            renderCase(c.id, ++renderSeq).catch(() => route(true));
          },
        }, L('Muat ulang pengaduan', 'Reload the complaint')));
      }
    });
  });
  return h('details', { class: 'action', open, id: `act-${a.name}` }, h('summary', {}, a.label), form);
}

/** Everything typed into the view (by id), the participants' rows and open sections. */
function snapshot() {
  const values = {};
  for (const el of view.querySelectorAll('input[id], select[id], textarea[id]')) {
    values[el.id] = el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value;
  }
  const participants = $('a-recordDiscussion-participants') ? readParticipants('a-recordDiscussion-', $('a-recordDiscussion-participants')) : null;
  const kabid = [...view.querySelectorAll('#a-assign-staffUids input:checked')].map((i) => i.value);
  const open = [...view.querySelectorAll('details[open]')].map((d) => d.id);
  return { values, participants, kabid, open, hash: location.hash };
}

function restore(s) {
  if (s.hash !== location.hash) return;
  const box = $('a-recordDiscussion-participants');
  if (box && s.participants) setParticipants('a-recordDiscussion-', box, s.participants);
  const group = $('a-assign-staffUids');
  if (group) group.dataset.restore = s.kabid.join(' ');
  for (const [id, v] of Object.entries(s.values)) {
    const el = $(id);
    if (!el) continue;
    if (el.type === 'checkbox' || el.type === 'radio') el.checked = v;
    else {
      el.value = v;
      if (el.tagName === 'SELECT') el.dataset.restore = v;
    }
  }
  for (const d of view.querySelectorAll('details')) d.open = s.open.includes(d.id);
}

// ---------------------------------------------------------------- UPP: record a direct complaint

function renderRecord() {
  const c = claims();
  const keep = drafts;
  drafts = null;
  if (c.role !== 'upp') {
    view.replaceChildren(h('h1', {}, L('Catat pengaduan langsung', 'Record a direct complaint')), h('p', { class: 'alert' }, L('Hanya petugas UPP yang mencatat pengaduan langsung.', 'Only UPP officers record direct complaints.')));
    return;
  }
  const P = 'c-';
  const conf = h('fieldset', { id: `${P}confidentiality`, class: 'field' }, h('legend', {}, L('Kerahasiaan identitas pelapor', 'Confidentiality of the reporter’s identity')),
    Object.entries({
      biasa: L('Petugas yang menangani dapat melihat identitas.', 'The officers handling it can see the identity.'),
      rahasia: L('Hanya UPP, Sekretaris Deputi, dan Deputi yang dapat melihat identitas.', 'Only the UPP, the Secretary of the Deputy and the Deputy can see the identity.'),
      anonim: L('Tanpa identitas; kolom identitas tidak dikirim.', 'No identity; the identity fields are not sent.'),
    }).map(([k, hint]) => h('div', { class: 'choice' },
      h('input', { type: 'radio', name: 'c-confidentiality', id: `${P}conf-${k}`, value: k, checked: k === 'biasa', 'aria-describedby': `${P}conf-${k}-hint` }),
      h('label', { for: `${P}conf-${k}` }, h('b', {}, pick(CONFIDENTIALITY[k])), h('span', { class: 'hint', id: `${P}conf-${k}-hint` }, hint)))));
  const reporter = h('fieldset', { id: `${P}reporter`, class: 'box' }, h('legend', {}, L('Identitas pelapor', 'Reporter’s identity')),
    h('p', { class: 'hint' }, L('Isi e-mail atau nomor telepon (minimal salah satu).', 'Give an e-mail or a phone number (at least one).')),
    field(input(`${P}reporter-name`, { autocomplete: 'off' }), L('Nama lengkap', 'Full name')),
    field(input(`${P}reporter-nik`, { inputmode: 'numeric', maxlength: '16', autocomplete: 'off' }), L('NIK', 'NIK'), { optional: true, hint: L('16 angka.', '16 digits.') }),
    field(input(`${P}reporter-email`, { type: 'email', autocomplete: 'off' }), L('E-mail', 'E-mail')),
    field(input(`${P}reporter-phone`, { type: 'tel', autocomplete: 'off' }), L('Nomor telepon', 'Phone number')),
    field(textarea(`${P}reporter-address`, 2), L('Alamat', 'Address'), { optional: true }));
  const category = select(`${P}category`, [], { empty: L('— Belum ditentukan —', '— Not set —') });
  fillCategories(category);
  const submit = h('button', { type: 'submit', class: 'btn block' }, L('Simpan pengaduan', 'Save the complaint'));
  const form = h('form', { novalidate: true, id: 'record-form' },
    field(select(`${P}channel`, labelled(CHANNELS), { empty: L('— Pilih saluran —', '— Choose the channel —') }), L('Diterima melalui', 'Received by')),
    field(input(`${P}receivedAt`, { type: 'datetime-local' }), L('Waktu diterima (WIB)', 'Time received (WIB)'), { optional: true, hint: L('Kosongkan bila baru saja diterima.', 'Leave empty if just received.') }),
    field(input(`${P}letterNumber`, { maxlength: '100' }), L('Nomor surat', 'Letter number'), { optional: true, hint: L('Untuk pengaduan melalui surat.', 'For complaints received by letter.') }),
    field(input(`${P}subject`, { maxlength: '150' }), L('Judul pengaduan', 'Subject'), { hint: L('5–150 karakter.', '5–150 characters.') }),
    field(textarea(`${P}description`, 6, { maxlength: '10000' }), L('Uraian pengaduan', 'Description'), { hint: L('Minimal 30 karakter.', 'At least 30 characters.') }),
    field(category, L('Kategori', 'Category'), { optional: true }),
    field(input(`${P}location`, { maxlength: '200' }), L('Lokasi kejadian', 'Place of the incident'), { optional: true }),
    field(input(`${P}incidentDate`, { type: 'date', max: todayWIB() }), L('Tanggal kejadian', 'Incident date'), { optional: true }),
    conf, reporter,
    field(select(`${P}lang`, [['id', 'Bahasa Indonesia'], ['en', 'English']], { value: 'id' }), L('Bahasa pemberitahuan kepada pelapor', 'Language of notifications to the reporter')),
    h('div', { class: 'send-status' }),
    submit);
  const result = h('section', { id: 'record-result', hidden: true, tabindex: '-1', class: 'success' });
  view.replaceChildren(h('h1', {}, L('Catat pengaduan langsung', 'Record a direct complaint')),
    h('p', {}, L('Untuk pengaduan yang diterima langsung, melalui telepon, atau surat.', 'For complaints received in person, by phone or by letter.')),
    form, result);
  wireConfidentiality(P);
  if (keep) restore(keep);
  $(`${P}confidentiality`).dispatchEvent(new Event('change'));

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (submit.disabled) return;
    clearErrors(form);
    const body = collectSubmission(P);
    body.channel = val(`${P}channel`) ?? '';
    const received = val(`${P}receivedAt`);
    if (received) body.receivedAt = `${received.length === 16 ? `${received}:00` : received}+07:00`;
    const letter = val(`${P}letterNumber`);
    if (letter) body.letterNumber = letter;
    await busy(submit, L('Menyimpan…', 'Saving…'), async () => {
      let r;
      try {
        r = await call('/cases', { method: 'POST', body, timeoutMs: 45000 });
      } catch (err) {
        if (err instanceof NetworkError) showAlert(form.querySelector('.send-status'), networkMessage(err), { title: L('Belum tersimpan', 'Not saved') });
        else if (!(err instanceof SignedOut)) throw err;
        return;
      }
      if (r.status === 201) {
        form.hidden = true;
        result.replaceChildren(
          h('h2', {}, L('Pengaduan tercatat', 'Complaint recorded')),
          h('p', {}, L('Berikan kedua kode ini kepada pelapor untuk melacak pengaduannya.', 'Give both codes to the reporter to track the complaint.')),
          h('div', { class: 'codebox' }, h('span', { class: 'k' }, L('Kode pelacakan', 'Tracking code')), h('span', { class: 'v', id: 'rec-code' }, r.data.trackingCode)),
          h('div', { class: 'codebox' }, h('span', { class: 'k' }, L('Kode akses', 'Access code')), h('span', { class: 'v token' }, r.data.accessToken)),
          h('p', { class: 'btn-row' },
            h('a', { class: 'btn', href: `#kasus/${encodeURIComponent(r.data.id)}` }, L('Buka pengaduan', 'Open the complaint')),
            h('button', { type: 'button', class: 'btn secondary', onclick: () => renderRecord() }, L('Catat pengaduan lain', 'Record another'))));
        result.hidden = false;
        result.focus();
        return;
      }
      showErrors(form, { errors: Array.isArray(r.data.errors) ? r.data.errors : [], prefix: P, detail: problemMessage(r) });
    });
  });
}

route(false);
