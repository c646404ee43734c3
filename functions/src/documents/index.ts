/** Printable documents and e-mails (pure: data in, strings out; no Firebase imports). */
export {
  DOCUMENT_NAMES,
  DocumentDataError,
  PARTICIPANT_GROUP_LABELS,
  REQUIRED_OUTPUTS,
  letterSifat,
  renderDocument,
} from './render';
export type {
  ApprovalRecord,
  Approvals,
  AssignOutput,
  DiscussionOutput,
  DisposeOutput,
  DocumentComplaint,
  DocumentData,
  DocumentKind,
  DraftOutput,
  ForwardOutput,
  LetterInfo,
  Participant,
  ParticipantKind,
  RenderedDocument,
  ReturnRecord,
  StudyOutput,
  ValidateOutput,
} from './render';
export { MAIL_TEMPLATES, STAFF_MAIL_TEMPLATES, renderMail, renderMailInput } from './mail';
export type { BreachMail, MailDataMap, MailInput, MailTemplate, NewTaskMail, RenderedMail, ReminderMail, ReporterStatusMail } from './mail';
export {
  escapeHtml,
  formatDate,
  formatDateEn,
  formatDateTime,
  formatDateTimeEn,
  formatHariTanggal,
  formatTanggal,
  formatTanggalWaktu,
  formatWeekdayDateEn,
  multilineHtml,
  terbilang,
  toParagraphs,
} from './format';
