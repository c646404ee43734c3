/**
 * Showing a problem's field errors: each message next to its field (linked with
 * aria-describedby, the field marked aria-invalid), plus an error summary that is announced
 * (role=alert) and receives focus. Field ids are `prefix + path`, with `.` and `[n]` turned
 * into `-`: `reporter.email` → `f-reporter-email`, `participants[0].name` →
 * `a-participants-0-name`. A path with no field of its own goes to its nearest parent's.
 */
import { L } from './i18n.js';

export const idFor = (prefix, path) => prefix + String(path).replace(/\[(\d+)\]/g, '.$1').replace(/\./g, '-');

function findField(prefix, path) {
  let p = String(path);
  while (p) {
    const el = document.getElementById(idFor(prefix, p));
    if (el) return el;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) break;
    p = p.slice(0, cut);
  }
  return null;
}

function labelText(el) {
  // A short name for the summary, where the label is a whole sentence (a consent box).
  if (el.dataset.name) return el.dataset.name;
  if (el.tagName === 'FIELDSET') return el.querySelector('legend')?.textContent.trim() ?? '';
  const label = document.querySelector(`label[for="${el.id}"]`);
  const text = label ? label.textContent.replace(/\(opsional\)|\(optional\)/gi, '').trim() : '';
  // A field of a repeated row names its row: "Peserta 2 — Nama".
  const row = el.closest('fieldset.participant')?.querySelector('legend')?.textContent.trim();
  return row && text ? `${row} — ${text}` : text;
}

function focusTarget(el) {
  return el.tagName === 'FIELDSET' ? el.querySelector('input, select, textarea') || el : el;
}

/** Remove every field error and the summary inside `root`. */
export function clearErrors(root) {
  for (const p of root.querySelectorAll('.field-error')) {
    const owner = document.getElementById(p.dataset.for);
    if (owner) {
      owner.removeAttribute('aria-invalid');
      const ids = (owner.getAttribute('aria-describedby') || '').split(/\s+/).filter((x) => x && x !== p.id);
      if (ids.length) owner.setAttribute('aria-describedby', ids.join(' '));
      else owner.removeAttribute('aria-describedby');
    }
    p.remove();
  }
  for (const el of root.querySelectorAll('.has-error')) el.classList.remove('has-error');
  for (const el of root.querySelectorAll('.error-summary')) el.remove();
}

/**
 * Show `errors` ([{path, message}]) of a problem in `form`, with the summary placed at the
 * top of `form` (or in `summaryHost`). Returns the summary element (focused).
 */
export function showErrors(form, { errors = [], prefix, title, detail, summaryHost }) {
  clearErrors(form);
  if (summaryHost) clearErrors(summaryHost);
  const byField = new Map();
  const loose = [];
  for (const e of errors) {
    const el = findField(prefix, e.path);
    if (!el) {
      loose.push(e);
      continue;
    }
    if (!byField.has(el)) byField.set(el, []);
    byField.get(el).push(e.message);
  }

  const summary = document.createElement('div');
  summary.className = 'alert error-summary';
  summary.setAttribute('role', 'alert');
  summary.tabIndex = -1;
  const h = document.createElement('h2');
  const count = byField.size + loose.length;
  h.textContent =
    title || (count > 0 ? L(`Ada ${count} isian yang perlu diperbaiki`, `${count} ${count === 1 ? 'entry needs' : 'entries need'} correcting`) : L('Permintaan gagal', 'The request failed'));
  summary.append(h);
  if (detail) {
    const p = document.createElement('p');
    p.textContent = detail;
    summary.append(p);
  }
  const ul = document.createElement('ul');

  for (const [el, messages] of byField) {
    let msg = [...new Set(messages)].join(' ');
    // A list of codes means nothing next to a drop-down: ask for a choice instead.
    if (el.tagName === 'SELECT' && /^(Pilihan tidak valid|Invalid choice)/.test(msg)) msg = L('Pilih salah satu dari daftar.', 'Choose one from the list.');
    const p = document.createElement('p');
    p.className = 'field-error';
    p.id = `${el.id}-error`;
    p.dataset.for = el.id;
    p.textContent = msg;
    const container = el.closest('.field, .choice-field') || el;
    if (el.tagName === 'FIELDSET') {
      el.querySelector('legend')?.after(p);
      el.classList.add('has-error');
    } else {
      const choice = el.closest('.choice');
      (choice || el).before(p);
      container.classList.add('has-error');
      el.setAttribute('aria-invalid', 'true');
    }
    const described = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    el.setAttribute('aria-describedby', [p.id, ...described.filter((x) => x !== p.id)].join(' '));

    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `#${focusTarget(el).id || el.id}`;
    const name = labelText(el);
    a.textContent = name ? `${name}: ${msg}` : msg;
    a.addEventListener('click', (ev) => {
      ev.preventDefault();
      const t = focusTarget(el);
      t.focus();
      t.scrollIntoView({ block: 'center' });
    });
    li.append(a);
    ul.append(li);
  }
  for (const e of loose) {
    const li = document.createElement('li');
    li.textContent = e.path ? `${e.path}: ${e.message}` : e.message;
    ul.append(li);
  }
  if (ul.children.length) summary.append(ul);
  (summaryHost || form).prepend(summary);
  summary.focus();
  return summary;
}

/** Show one message (no field) as an announced alert in `host`, replacing the previous one. */
export function showAlert(host, message, { title, focus = true, extra } = {}) {
  clearErrors(host);
  const box = document.createElement('div');
  box.className = 'alert error-summary';
  box.setAttribute('role', 'alert');
  box.tabIndex = -1;
  if (title) {
    const h = document.createElement('h2');
    h.textContent = title;
    box.append(h);
  }
  const p = document.createElement('p');
  p.textContent = message;
  box.append(p);
  if (extra) box.append(extra);
  host.prepend(box);
  if (focus) box.focus();
  return box;
}

/** Disable a submit button while `work` runs; its label says what is happening. */
export async function busy(button, busyText, work) {
  const text = button.textContent;
  button.disabled = true;
  button.textContent = busyText;
  const form = button.form;
  form?.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.textContent = text;
    form?.removeAttribute('aria-busy');
  }
}

/** Trimmed value of a field, or undefined when empty. */
export function val(id) {
  const el = document.getElementById(id);
  if (!el) return undefined;
  const v = el.value.trim();
  return v === '' ? undefined : v;
}

/** Drop keys whose value is undefined. */
export function compact(obj) {
  for (const k of Object.keys(obj)) if (obj[k] === undefined) delete obj[k];
  return obj;
}
