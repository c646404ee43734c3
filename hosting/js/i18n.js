/**
 * Language: Bahasa Indonesia first, English on request (`?lang=en`, or the header button,
 * remembered in localStorage). Static text is written in Indonesian in the HTML; elements
 * marked `data-i18n="key"` take the page's English dictionary entry (HTML allowed, trusted
 * static strings only), `data-i18n-attr="attr:key;attr2:key2"` does the same for attributes.
 * Text built by scripts uses L('Indonesia', 'English').
 */
const KEY = 'kesbang.lang';
const listeners = [];
const original = new WeakMap();
let dict = {};

function store(value) {
  try {
    localStorage.setItem(KEY, value);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

function initial() {
  const q = new URLSearchParams(location.search).get('lang');
  if (q === 'en' || q === 'id') {
    store(q);
    return q;
  }
  try {
    const s = localStorage.getItem(KEY);
    if (s === 'en' || s === 'id') return s;
  } catch {
    /* ignore */
  }
  return 'id';
}

export let lang = initial();

/** The text in the current language. */
export const L = (id, en) => (lang === 'en' ? en : id);

/** Pick from a `{ id, en }` label. */
export const pick = (label) => (label ? label[lang] ?? label.id : '');

function applyStatic() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) {
    if (!original.has(el)) original.set(el, el.innerHTML);
    const en = dict[el.dataset.i18n];
    el.innerHTML = lang === 'en' && en !== undefined ? en : original.get(el);
  }
  for (const el of document.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      const keep = `i18nOrig${attr.replace(/-/g, '')}`;
      if (el.dataset[keep] === undefined) el.dataset[keep] = el.getAttribute(attr) ?? '';
      const en = dict[key];
      el.setAttribute(attr, lang === 'en' && en !== undefined ? en : el.dataset[keep]);
    }
  }
  const btn = document.getElementById('lang-toggle');
  if (btn) {
    // The button names the other language, in that language.
    btn.textContent = lang === 'en' ? 'Bahasa Indonesia' : 'English';
    btn.lang = lang === 'en' ? 'id' : 'en';
    btn.setAttribute('aria-label', lang === 'en' ? 'Ganti bahasa ke Bahasa Indonesia' : 'Switch language to English');
  }
}

export function setLang(value) {
  if (value !== 'id' && value !== 'en') return;
  lang = value;
  store(value);
  const url = new URL(location.href);
  if (url.searchParams.has('lang')) {
    url.searchParams.set('lang', value);
    history.replaceState(history.state, '', url);
  }
  applyStatic();
  for (const fn of listeners) fn(value);
}

/** Run `fn(lang)` after every language change (to re-render script-built text). */
export const onLangChange = (fn) => listeners.push(fn);

/** Set the page's English dictionary, translate the page and wire the header button. */
export function initI18n(pageDict = {}) {
  dict = { ...COMMON, ...pageDict };
  applyStatic();
  document.getElementById('lang-toggle')?.addEventListener('click', () => setLang(lang === 'en' ? 'id' : 'en'));
}

const COMMON = {
  skip: 'Skip to main content',
  brand: 'Public Complaints <small>Deputy for National Unity — Kemenko Polhukam</small>',
  navReport: 'Report',
  navTrack: 'Track a complaint',
  navStaff: 'Staff',
  foot: 'Deputy for National Unity, Coordinating Ministry for Political, Legal and Security Affairs of the Republic of Indonesia. Complaints are handled according to the SOP, target 5 working days.',
};

/** A date-time in Western Indonesia Time, e.g. "5 Des 2026 14.30 WIB". */
export function formatWIB(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const s = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    timeZone: 'Asia/Jakarta',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
  return `${s} WIB`;
}

/** A calendar date (YYYY-MM-DD), e.g. "5 Desember 2026". */
export function formatDate(ymd) {
  if (!ymd) return '—';
  const d = new Date(`${ymd}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return String(ymd);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

/** Today's date in Jakarta, YYYY-MM-DD. */
export function todayWIB() {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}
