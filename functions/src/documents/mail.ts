/**
 * E-mails in the format of Firebase's Trigger Email extension (`message.subject`, `.html`,
 * `.text`), in Bahasa Indonesia or English. Pure: data in, strings out.
 *
 * Each mail is first built as one language-specific content model (MailView: plain strings),
 * then rendered twice: as HTML by a strict Handlebars template that escapes every value, and as
 * plain text, where user text is shown as typed (a text/plain part is never interpreted).
 *
 * The staff e-mails' data types have no field for the reporter's identity, so no caller can
 * put it in them.
 */
import type { Lang } from '../schemas/i18n';
import { DECLINE_REASON_LABELS, type DeclineReason } from '../workflow/categories';
import { stepDef, type StepNo } from '../workflow/sop';
import { PUBLIC_STATUS_TEXT, type PublicStatus } from '../workflow/status';
import { checkUrl, formatDateTime, oneLine, toParagraphs } from './format';
import { MAIL_TEMPLATE } from './templates';

export type { Lang };

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

/** To the reporter, at each change of the public status. */
export interface ReporterStatusMail {
  /** Greeting name; "Bapak/Ibu" (en: "Sir or Madam") when absent. */
  reporterName?: string;
  trackingCode: string;
  status: PublicStatus;
  /** When the status changed (ISO). */
  at?: string;
  /** For `ditolak`: the UPP's reason and explanation (declineSchema). */
  decline?: {
    reason: DeclineReason;
    explanation: string;
    duplicateOf?: string;
  };
  /** The public tracking page (may carry the reporter's access token). */
  trackUrl: string;
}

/** Who the task is for and what it is — staff only, no reporter fields. */
interface StaffTaskBase {
  /** Greeting name of the recipient (a staff member). */
  recipientName?: string;
  trackingCode: string;
  subject: string;
  step: StepNo;
  /** Deadline of the step (ISO); null when the step has none. */
  dueAt: string | null;
  /** The case on the staff pages. */
  caseUrl: string;
}

/** To an assignee, at each new task. */
export interface NewTaskMail extends StaffTaskBase {
  /** Set when the work was sent back (a `return`). */
  returned?: { reason: string; by?: string };
}

/** To an assignee, when 75 % of the step's time standard has elapsed. */
export interface ReminderMail extends StaffTaskBase {
  minutesLeft: number;
}

/** To the supervisor, when the step's deadline has passed. */
export interface BreachMail extends StaffTaskBase {
  /** Names of the staff the step is assigned to (for a desk: the desk's name). */
  assigneeNames: string[];
  minutesLate: number;
}

export interface MailDataMap {
  reporterStatus: ReporterStatusMail;
  newTask: NewTaskMail;
  reminder: ReminderMail;
  breach: BreachMail;
}

export type MailTemplate = keyof MailDataMap;
export const MAIL_TEMPLATES: readonly MailTemplate[] = ['reporterStatus', 'newTask', 'reminder', 'breach'];
/** The staff templates: their data never holds the reporter's identity. */
export const STAFF_MAIL_TEMPLATES = ['newTask', 'reminder', 'breach'] as const satisfies readonly MailTemplate[];

/** One e-mail to render: `{ template: 'newTask', data: {...} }`, etc. */
export type MailInput = { [K in MailTemplate]: { template: K; data: MailDataMap[K] } }[MailTemplate];

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Content model
// ---------------------------------------------------------------------------------------------

interface MailView {
  lang: Lang;
  subject: string;
  header: string;
  heading: string;
  greeting: string;
  intro: string[];
  fields: { label: string; value: string }[];
  /** Multi-paragraph user text (a decline explanation, a return reason). */
  blocks: { heading: string; text: string }[];
  action: { label: string; url: string; hint: string } | null;
  closing: string[];
  footer: string[];
}

type Copy = Record<Lang, string>;

const ORG: Copy = {
  id: 'KEMENKO POLHUKAM RI · DEPUTI BIDANG KOORDINASI KESATUAN BANGSA',
  en: 'KEMENKO POLHUKAM RI · DEPUTY FOR NATIONAL UNITY COORDINATION',
};

const NO_REPLY: Copy = {
  id: 'Pesan ini dikirim otomatis oleh Sistem Penanganan Pengaduan Masyarakat Deputi Bidang Koordinasi Kesatuan Bangsa, Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan. Mohon tidak membalas e-mail ini.',
  en: 'This message was sent automatically by the public complaint system of the Deputy for National Unity Coordination, Coordinating Ministry for Political, Legal and Security Affairs. Please do not reply to this e-mail.',
};

const STAFF_CONFIDENTIAL: Copy = {
  id: 'Informasi dalam e-mail ini hanya untuk keperluan dinas. Jangan meneruskannya kepada pihak lain.',
  en: 'This e-mail is for official use only. Do not forward it to anyone else.',
};

const LINK_HINT: Copy = {
  id: 'Jika tombol tidak berfungsi, salin alamat ini ke peramban Anda:',
  en: 'If the button does not work, copy this address into your browser:',
};

function greet(name: string | undefined, lang: Lang): string {
  const n = name === undefined ? '' : oneLine(name);
  if (lang === 'en') return n ? `Dear ${n},` : 'Dear Sir or Madam,';
  return n ? `Yth. ${n},` : 'Yth. Bapak/Ibu,';
}

function due(dueAt: string | null, lang: Lang): string {
  if (dueAt === null) return lang === 'en' ? 'none' : 'tidak ditentukan';
  return formatDateTime(dueAt, lang);
}

function stepLine(step: StepNo, lang: Lang): string {
  const def = stepDef(step);
  return lang === 'en' ? `Step ${step} of 11: ${def.title.en}` : `Langkah ${step} dari 11: ${def.title.id}`;
}

function minutes(n: number, lang: Lang): string {
  const whole = Math.max(0, Math.round(n));
  if (lang === 'en') return `${whole} ${whole === 1 ? 'minute' : 'minutes'}`;
  return `${whole} menit`;
}

function caseFields(d: StaffTaskBase, lang: Lang): MailView['fields'] {
  const def = stepDef(d.step);
  return lang === 'en'
    ? [
        { label: 'Tracking code', value: d.trackingCode },
        { label: 'Subject', value: oneLine(d.subject) },
        { label: 'Step', value: stepLine(d.step, lang) },
        { label: 'Activity', value: def.activity.en },
        { label: 'Due', value: due(d.dueAt, lang) },
      ]
    : [
        { label: 'Kode pelacakan', value: d.trackingCode },
        { label: 'Perihal', value: oneLine(d.subject) },
        { label: 'Tahap', value: stepLine(d.step, lang) },
        { label: 'Kegiatan', value: def.activity.id },
        { label: 'Batas waktu', value: due(d.dueAt, lang) },
      ];
}

function caseAction(d: StaffTaskBase, lang: Lang): MailView['action'] {
  return { label: lang === 'en' ? 'Open the case' : 'Buka pengaduan', url: checkUrl(d.caseUrl), hint: LINK_HINT[lang] };
}

function reporterStatusView(d: ReporterStatusMail, lang: Lang): MailView {
  const s = PUBLIC_STATUS_TEXT[d.status][lang];
  const en = lang === 'en';
  const fields: MailView['fields'] = [
    { label: en ? 'Tracking code' : 'Kode pelacakan', value: d.trackingCode },
    { label: en ? 'Status' : 'Status', value: s.label },
  ];
  if (d.at !== undefined) fields.push({ label: en ? 'Updated' : 'Diperbarui', value: formatDateTime(d.at, lang) });
  const blocks: MailView['blocks'] = [];
  if (d.status === 'ditolak' && d.decline) {
    fields.push({ label: en ? 'Reason' : 'Alasan', value: DECLINE_REASON_LABELS[d.decline.reason][lang] });
    if (d.decline.duplicateOf) {
      fields.push({ label: en ? 'Same as complaint' : 'Sama dengan pengaduan', value: d.decline.duplicateOf });
    }
    blocks.push({ heading: en ? 'Explanation' : 'Penjelasan', text: d.decline.explanation });
  }
  return {
    lang,
    subject: oneLine(en ? `[${d.trackingCode}] Complaint status: ${s.label}` : `[${d.trackingCode}] Status pengaduan: ${s.label}`),
    header: ORG[lang],
    heading: en ? `Your complaint: ${s.label}` : `Pengaduan Anda: ${s.label}`,
    greeting: greet(d.reporterName, lang),
    intro: [
      en
        ? `The status of your complaint with tracking code ${d.trackingCode} is now "${s.label}".`
        : `Status pengaduan Anda dengan kode pelacakan ${d.trackingCode} kini "${s.label}".`,
      s.description,
    ],
    fields,
    blocks,
    action: {
      label: en ? 'Track your complaint' : 'Lacak pengaduan',
      url: checkUrl(d.trackUrl),
      hint: LINK_HINT[lang],
    },
    closing: [en ? 'Thank you for your report.' : 'Terima kasih atas laporan Anda.'],
    footer: [NO_REPLY[lang]],
  };
}

function newTaskView(d: NewTaskMail, lang: Lang): MailView {
  const en = lang === 'en';
  const title = stepDef(d.step).title[lang];
  const blocks: MailView['blocks'] = [];
  const fields = caseFields(d, lang);
  if (d.returned) {
    if (d.returned.by) fields.push({ label: en ? 'Returned by' : 'Dikembalikan oleh', value: oneLine(d.returned.by) });
    blocks.push({ heading: en ? 'Reason for return' : 'Alasan pengembalian', text: d.returned.reason });
  }
  const kind = d.returned ? (en ? 'Returned' : 'Dikembalikan') : en ? 'New task' : 'Tugas baru';
  return {
    lang,
    subject: oneLine(`[${kind}] ${en ? 'Step' : 'Langkah'} ${d.step} · ${title} · ${d.trackingCode}`),
    header: ORG[lang],
    heading: en ? `${kind}: step ${d.step}, ${title}` : `${kind}: langkah ${d.step}, ${title}`,
    greeting: greet(d.recipientName, lang),
    intro: [
      d.returned
        ? en
          ? `Complaint ${d.trackingCode} has been returned to you for revision.`
          : `Pengaduan ${d.trackingCode} dikembalikan kepada Anda untuk diperbaiki.`
        : en
          ? `Complaint ${d.trackingCode} is waiting for your action.`
          : `Pengaduan ${d.trackingCode} menunggu tindak lanjut Anda.`,
    ],
    fields,
    blocks,
    action: caseAction(d, lang),
    closing: [
      en
        ? 'Please complete this step within the time standard of the SOP.'
        : 'Mohon selesaikan tahap ini sesuai standar waktu SOP.',
    ],
    footer: [STAFF_CONFIDENTIAL[lang], NO_REPLY[lang]],
  };
}

function reminderView(d: ReminderMail, lang: Lang): MailView {
  const en = lang === 'en';
  const left = en ? `${minutes(d.minutesLeft, lang)} left` : `tersisa ${minutes(d.minutesLeft, lang)}`;
  const title = stepDef(d.step).title[lang];
  return {
    lang,
    subject: oneLine(`[${en ? 'Reminder' : 'Pengingat'}] ${en ? 'Step' : 'Langkah'} ${d.step} · ${title} · ${d.trackingCode} · ${left}`),
    header: ORG[lang],
    heading: en ? `Reminder: ${left}` : `Pengingat: ${left}`,
    greeting: greet(d.recipientName, lang),
    intro: [
      en
        ? `75% of the time standard for complaint ${d.trackingCode} has passed; ${left} before the deadline.`
        : `75% standar waktu untuk pengaduan ${d.trackingCode} telah berlalu; ${left} sebelum batas waktu.`,
    ],
    fields: [...caseFields(d, lang), { label: en ? 'Time left' : 'Sisa waktu', value: minutes(d.minutesLeft, lang) }],
    blocks: [],
    action: caseAction(d, lang),
    closing: [en ? 'Please complete this step before the deadline.' : 'Mohon selesaikan tahap ini sebelum batas waktu.'],
    footer: [STAFF_CONFIDENTIAL[lang], NO_REPLY[lang]],
  };
}

function breachView(d: BreachMail, lang: Lang): MailView {
  const en = lang === 'en';
  const late = en ? `${minutes(d.minutesLate, lang)} late` : `terlambat ${minutes(d.minutesLate, lang)}`;
  const who = d.assigneeNames.map(oneLine).join(', ') || '–';
  const title = stepDef(d.step).title[lang];
  return {
    lang,
    subject: oneLine(`[${en ? 'Overdue' : 'Terlambat'}] ${en ? 'Step' : 'Langkah'} ${d.step} · ${title} · ${d.trackingCode} · ${late}`),
    header: ORG[lang],
    heading: en ? `Deadline missed: step ${d.step}, ${title}` : `Batas waktu terlampaui: langkah ${d.step}, ${title}`,
    greeting: greet(d.recipientName, lang),
    intro: [
      en
        ? `Step ${d.step} of complaint ${d.trackingCode} was not completed by its deadline (${late}). As supervisor, please follow it up.`
        : `Langkah ${d.step} pengaduan ${d.trackingCode} belum diselesaikan sampai batas waktunya (${late}). Sebagai atasan, mohon Bapak/Ibu menindaklanjutinya.`,
    ],
    fields: [
      ...caseFields(d, lang),
      { label: en ? 'Assigned to' : 'Ditugaskan kepada', value: who },
      { label: en ? 'Late by' : 'Keterlambatan', value: minutes(d.minutesLate, lang) },
    ],
    blocks: [],
    action: caseAction(d, lang),
    closing: [],
    footer: [STAFF_CONFIDENTIAL[lang], NO_REPLY[lang]],
  };
}

const VIEWS: { [K in MailTemplate]: (data: MailDataMap[K], lang: Lang) => MailView } = {
  reporterStatus: reporterStatusView,
  newTask: newTaskView,
  reminder: reminderView,
  breach: breachView,
};

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

function toText(v: MailView): string {
  const out: string[] = [v.heading, '', v.greeting, ''];
  for (const p of v.intro) out.push(p, '');
  const width = Math.max(...v.fields.map((f) => f.label.length), 0);
  for (const f of v.fields) out.push(`${f.label.padEnd(width)} : ${f.value}`);
  if (v.fields.length > 0) out.push('');
  for (const b of v.blocks) {
    out.push(`${b.heading}:`);
    for (const lines of toParagraphs(b.text)) out.push(...lines.map((l) => `  ${l}`), '');
  }
  if (v.action) out.push(`${v.action.label}: ${v.action.url}`, '');
  for (const p of v.closing) out.push(p, '');
  out.push('--');
  out.push(...v.footer);
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

/** Renders one e-mail: `renderMail('newTask', data, 'id')`. */
export function renderMail<K extends MailTemplate>(template: K, data: MailDataMap[K], lang: Lang = 'id'): RenderedMail {
  const build: (data: MailDataMap[K], lang: Lang) => MailView = VIEWS[template];
  const v = build(data, lang);
  return { subject: v.subject, html: MAIL_TEMPLATE(v), text: toText(v) };
}

/** The same for a tagged `MailInput`. */
export function renderMailInput(input: MailInput, lang: Lang = 'id'): RenderedMail {
  return renderMail(input.template, input.data, lang);
}
