/**
 * Outgoing e-mail as documents in `mail/` in the format of Firebase's Trigger Email extension
 * (`to`, `message.subject/html/text`); production sends them with the extension. Every mail
 * id is deterministic (complaint, version, recipient), so a redelivered event or task writes
 * nothing twice. Staff mails carry no reporter identity: their data types have no field for it.
 */
import { renderMail, type MailDataMap, type MailTemplate } from '../documents';
import { config } from '../config';
import { ALREADY_EXISTS, db, grpcCode } from '../store/db';
import { getReporter, type ComplaintDoc, type HistoryEntry } from '../store/complaints';
import { resolveAssignees, supervisorsOf, type StaffProfile } from '../store/staff';
import { ROLE_LABELS, type DeclineReason, type PublicStatus, type StepNo } from '../workflow';
import type { Lang } from '../schemas/i18n';

export interface MailDoc {
  to: string[];
  message: { subject: string; html: string; text: string };
  template: MailTemplate;
  complaintId: string;
  createdAt: string;
}

async function putMail<K extends MailTemplate>(
  id: string,
  to: string,
  template: K,
  data: MailDataMap[K],
  lang: Lang,
  complaintId: string,
): Promise<boolean> {
  const message = renderMail(template, data, lang);
  const doc: MailDoc = { to: [to], message, template, complaintId, createdAt: new Date().toISOString() };
  try {
    await db().collection('mail').doc(id).create(doc);
    return true;
  } catch (err) {
    if (grpcCode(err) === ALREADY_EXISTS) return false;
    throw err;
  }
}

export const trackUrl = (c: Pick<ComplaintDoc, 'trackingCode'>) => `${config.publicUrl}/lacak.html?kode=${encodeURIComponent(c.trackingCode)}`;
export const caseUrl = (c: Pick<ComplaintDoc, 'id'>) => `${config.publicUrl}/petugas.html#kasus/${encodeURIComponent(c.id)}`;

/** To the reporter at every public status change — never for an anonymous complaint. */
export async function sendReporterStatusMail(c: ComplaintDoc, entry: HistoryEntry, status: PublicStatus): Promise<boolean> {
  if (c.confidentiality === 'anonim' || !c.hasReporter) return false;
  const reporter = await getReporter(c.id);
  if (!reporter?.email) return false;
  const decline =
    status === 'ditolak' && entry.action === 'decline'
      ? {
          reason: entry.payload.reason as DeclineReason,
          explanation: String(entry.payload.explanation ?? ''),
          duplicateOf: typeof entry.payload.duplicateOf === 'string' ? entry.payload.duplicateOf : undefined,
        }
      : undefined;
  return putMail(
    `status-${c.id}-v${entry.version}`,
    reporter.email,
    'reporterStatus',
    { reporterName: reporter.name, trackingCode: c.trackingCode, status, at: entry.at, decline, trackUrl: trackUrl(c) },
    c.lang,
    c.id,
  );
}

function taskBase(c: ComplaintDoc, recipient: StaffProfile, step: StepNo, dueAt: string | null) {
  return { recipientName: recipient.name, trackingCode: c.trackingCode, subject: c.subject, step, dueAt, caseUrl: caseUrl(c) };
}

/** One staff mail to each person with an e-mail address; returns how many were new. */
async function mailEach<K extends 'newTask' | 'reminder' | 'breach'>(
  c: ComplaintDoc,
  people: readonly StaffProfile[],
  idOf: (p: StaffProfile) => string,
  template: K,
  dataOf: (p: StaffProfile) => MailDataMap[K],
): Promise<number> {
  let sent = 0;
  for (const p of people) {
    if (p.email && (await putMail(idOf(p), p.email, template, dataOf(p), 'id', c.id))) sent++;
  }
  return sent;
}

/** To each assignee of the step a move opened. */
export async function sendNewTaskMails(c: ComplaintDoc, entry: HistoryEntry): Promise<number> {
  const recipients = await resolveAssignees(c.assignees, c.assigneeRole);
  const returned = entry.action === 'return' ? { reason: String(entry.payload.reason ?? ''), by: ROLE_LABELS[entry.actor.role].id } : undefined;
  return mailEach(c, recipients, (r) => `task-${c.id}-v${entry.version}-${r.uid}`, 'newTask', (r) => ({ ...taskBase(c, r, c.step, c.stepDueAt), returned }));
}

/** At 75 % of the step's time standard, to each assignee. */
export async function sendReminderMails(c: ComplaintDoc, now: Date): Promise<number> {
  const recipients = await resolveAssignees(c.assignees, c.assigneeRole);
  const minutesLeft = c.stepDueAt ? Math.max(0, Math.round((new Date(c.stepDueAt).getTime() - now.getTime()) * config.timeScale / 60_000)) : 0;
  return mailEach(c, recipients, (r) => `reminder-${c.id}-v${c.version}-${r.uid}`, 'reminder', (r) => ({ ...taskBase(c, r, c.step, c.stepDueAt), minutesLeft }));
}

/** At the deadline of a step still open, to the supervisors of its assignees. */
export async function sendBreachMails(c: ComplaintDoc, step: StepNo, version: number, dueAt: Date, minutesLate: number): Promise<number> {
  const assignees = await resolveAssignees(c.assignees, c.assigneeRole);
  const supervisors = await supervisorsOf(assignees);
  const assigneeNames = assignees.length > 0 ? assignees.map((a) => a.name) : [c.assigneeRole ? ROLE_LABELS[c.assigneeRole].id : '-'];
  return mailEach(c, supervisors, (s) => `breach-${c.id}-s${step}-v${version}-${s.uid}`, 'breach', (s) => ({
    ...taskBase(c, s, step, dueAt.toISOString()),
    assigneeNames,
    minutesLate,
  }));
}
