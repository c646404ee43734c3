/** The public complaint form (POST /api/complaints). */
import { initI18n, onLangChange, lang, L, todayWIB } from './i18n.js';
import { api, networkMessage, problemMessage, NetworkError } from './api.js';
import { showErrors, showAlert, clearErrors, busy } from './form.js';
import { collectSubmission, fillCategories, wireConfidentiality } from './complaint-form.js';

const EN = {
  title: 'Submit a complaint — Deputy for National Unity',
  h1: 'Submit a complaint',
  lead: 'Report a problem concerning national unity — for example intolerance, social conflict, discrimination or hate speech. Complaints are handled within <strong>5 working days</strong>. <a href="#alur">See how complaints are handled</a>.',
  required: 'All fields are required unless marked (optional).',
  optional: '(optional)',
  subject: 'Subject',
  subjectHint: 'Short, 5–150 characters. Example: Provocative banner in front of a place of worship.',
  description: 'Description',
  descriptionHint: 'Tell us what happened, where, who was involved and since when. At least 30 characters.',
  category: 'Category',
  categoryNone: '— Choose if you know —',
  location: 'Place of the incident',
  locationHint: 'Village, district, regency/city, province.',
  incidentDate: 'Date of the incident',
  conf: 'Confidentiality of your identity',
  confBiasa: 'Ordinary',
  confBiasaHint: 'The officers handling the complaint can see your identity.',
  confRahasia: 'Confidential',
  confRahasiaHint: 'Only the receiving officer, the Secretary of the Deputy and the Deputy can see your identity. Other officers see only the content of the complaint.',
  confAnonim: 'Anonymous',
  confAnonimHint: 'You give no identity at all; the identity fields are hidden and not sent. We cannot contact you — follow the progress with the tracking code.',
  reporter: 'Your identity',
  reporterHint: 'Give an e-mail or a phone number (at least one) so that we can contact you.',
  name: 'Full name',
  nik: 'NIK (national ID number)',
  nikHint: '16 digits, as on your identity card (KTP).',
  email: 'E-mail',
  phone: 'Phone/WhatsApp number',
  phoneHint: 'Example: 0812 3456 7890',
  address: 'Address',
  anonNote: 'Anonymous complaint: your identity is not sent. Keep the tracking code and access code shown after sending.',
  langField: 'Language of notifications',
  langHint: 'Language of the e-mails about the progress of your complaint.',
  consentName: 'Consent',
  consent: 'I declare that this complaint is true, and I agree that my data is used to handle it.',
  submit: 'Send complaint',
  okTitle: 'Your complaint has been received',
  okSave: '<strong>Keep both codes</strong> (write them down, take a photo or copy them). You need them to track your complaint. The access code is shown only this once and cannot be shown again.',
  trackingCode: 'Tracking code',
  accessToken: 'Access code (secret, case-sensitive)',
  copy: 'Copy both codes',
  trackThis: 'Track this complaint',
  okWarn: 'Do not share the access code with anyone. Officers will never ask for it. The “Track this complaint” link contains the access code — bookmark it only on your own device.',
  another: 'Send another complaint',
  flowTitle: 'How complaints are handled',
  flowLead: 'Every complaint goes through these stages. Target: <strong>5 working days</strong> after receipt. You can see the stage on the <a href="/lacak.html">Track a complaint</a> page.',
  s1: 'Received', s1d: 'The complaint is recorded and analysed by a public service desk officer.',
  s2: 'Verified', s2d: 'The complaint is checked and passed to the leadership for direction.',
  s3: 'Assigned', s3d: 'The leadership assigns the responsible unit.',
  s4: 'In progress', s4d: 'The complaint is studied and coordinated with the parties concerned.',
  s5: 'Under review', s5d: 'The outcome is reviewed by the leadership.',
  s6: 'Completed', s6d: 'A recommendation is sent to the ministry or agency concerned.',
  flowDecline: 'A complaint that cannot be followed up (for example a duplicate, or outside our authority) is declined with a reason you can read on the tracking page.',
};

const form = document.getElementById('complaint-form');
const submit = document.getElementById('f-submit');
const status = document.getElementById('send-status');
const result = document.getElementById('result');
let last = null;

initI18n(EN);
document.getElementById('f-lang').value = lang;
document.getElementById('f-incidentDate').max = todayWIB();
fillCategories(document.getElementById('f-category'));
wireConfidentiality('f-', document.getElementById('anon-note'));
onLangChange(() => {
  fillCategories(document.getElementById('f-category'));
  document.getElementById('f-lang').value = lang;
  if (last) showResult(last, false);
});

/**
 * One key per complaint being written: a retry after a lost answer (weak connection) gets
 * the first answer back instead of filing the complaint twice. A new key after success.
 */
function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
let submissionKey = newKey();

form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  if (submit.disabled) return;
  clearErrors(form);
  status.textContent = '';
  const body = collectSubmission('f-');
  body.consent = document.getElementById('f-consent').checked;
  await busy(submit, L('Mengirim…', 'Sending…'), async () => {
    let r;
    try {
      r = await api('/complaints', { method: 'POST', body, timeoutMs: 45000, headers: { 'Idempotency-Key': submissionKey } });
    } catch (err) {
      if (!(err instanceof NetworkError)) throw err;
      showAlert(status, networkMessage(err), { title: L('Pengaduan belum terkirim', 'The complaint was not sent') });
      return;
    }
    if (r.status === 201) {
      submissionKey = newKey();
      last = r.data;
      showResult(r.data, true);
      return;
    }
    if (r.status === 400 && Array.isArray(r.data.errors)) {
      showErrors(form, { errors: r.data.errors, prefix: 'f-', detail: r.data.detail });
      return;
    }
    showAlert(status, problemMessage(r), { title: L('Pengaduan belum terkirim', 'The complaint was not sent') });
  });
});

function showResult(data, focus) {
  document.getElementById('r-code').textContent = data.trackingCode;
  document.getElementById('r-token').textContent = data.accessToken;
  // The token travels in the fragment: never sent to a server, so never in a log.
  const link = `/lacak.html?kode=${encodeURIComponent(data.trackingCode)}${lang === 'en' ? '&lang=en' : ''}#token=${encodeURIComponent(data.accessToken)}`;
  document.getElementById('r-link').href = link;
  form.hidden = true;
  for (const el of document.querySelectorAll('.lead, .muted[data-i18n="required"]')) el.hidden = true;
  result.hidden = false;
  if (focus) {
    result.focus();
    result.scrollIntoView({ block: 'start' });
  }
}

document.getElementById('r-copy').addEventListener('click', async () => {
  const out = document.getElementById('r-copied');
  const text = `${L('Kode pelacakan', 'Tracking code')}: ${last.trackingCode}\n${L('Kode akses', 'Access code')}: ${last.accessToken}`;
  try {
    await navigator.clipboard.writeText(text);
    out.textContent = L('Tersalin.', 'Copied.');
  } catch {
    out.textContent = L('Tidak dapat menyalin otomatis; tulis atau foto kode di atas.', 'Could not copy; write down or photograph the codes above.');
  }
});

document.getElementById('r-new').addEventListener('click', () => {
  last = null;
  form.reset();
  document.getElementById('f-lang').value = lang;
  document.getElementById('f-confidentiality').dispatchEvent(new Event('change', { bubbles: true }));
  result.hidden = true;
  form.hidden = false;
  for (const el of document.querySelectorAll('.lead, .muted[data-i18n="required"]')) el.hidden = false;
  document.getElementById('f-subject').focus();
});

