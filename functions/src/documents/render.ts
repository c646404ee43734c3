/**
 * `renderDocument(kind, data)`: the printable output of a step as one standalone HTML5 page
 * (A4 in print, one column on a phone). Data in, strings out — no Firebase, no clock, no I/O.
 *
 * The reporter's identity appears on the receipt (`tanda_terima`) only, and only the name; every
 * other document is built from a view model that has no identity field at all.
 */
import type { Priority } from '../workflow/categories';
import { PRIORITY_LABELS } from '../workflow/categories';
import type { Confidentiality } from '../workflow/roles';
import { CONFIDENTIALITY_LABELS } from '../workflow/roles';
import type { DocumentKind } from '../workflow/sop';
import { checkUrl, terbilang } from './format';
import { DOCUMENT_TEMPLATES } from './templates';

export type { DocumentKind };

// ---------------------------------------------------------------------------------------------
// Input: plain data, as stored on the complaint and in its step outputs. All instants are ISO
// 8601 strings (`2026-12-07T02:00:00Z` or with an offset); calendar dates are `YYYY-MM-DD`.
// Names (`by`, `name`) are staff display names, resolved by the caller from `staff/{uid}`.
// ---------------------------------------------------------------------------------------------

/** The complaint's substance — never the reporter's identity. */
export interface DocumentComplaint {
  id: string;
  trackingCode: string;
  subject: string;
  description: string;
  /** Category known at submission, if the reporter chose one (the UPP's choice wins). */
  categoryLabel?: string;
  /** e.g. `CHANNEL_LABELS[channel].id`. */
  channelLabel: string;
  confidentiality: Confidentiality;
  submittedAt: string;
  location?: string;
  /** `YYYY-MM-DD`. */
  incidentDate?: string;
}

/** Step 2 — the UPP forwards (forwardSchema). */
export interface ForwardOutput {
  /** e.g. `CATEGORY_LABELS[category].id`. */
  categoryLabel: string;
  analysis: string;
  by: string;
  at?: string;
}

/** Step 3 — the Sesdep validates (validateSchema). */
export interface ValidateOutput {
  note?: string;
  by: string;
  at?: string;
}

/** Step 4 — the Deputi disposes to an Asdep (disposeSchema). */
export interface DisposeOutput {
  asdepName: string;
  /** The Asdep's unit as a full title, printed verbatim: "Asisten Deputi Koordinasi …". */
  asdepUnit: string;
  instruction: string;
  /** Printed as the Sifat of the disposition: Biasa / Segera / Sangat Segera. */
  priority: Priority;
  /** The Deputi's name. */
  by: string;
  at: string;
}

/** Step 5 — the Asdep assigns Kabid/JF staff (assignSchema). */
export interface AssignOutput {
  staffNames: string[];
  instruction: string;
  /** The Asdep requests an internal leadership meeting (rapat internal staf pimpinan). */
  leadershipMeeting: boolean;
  /** The Asdep's name. */
  by: string;
  at: string;
}

/** Step 6 — staff study (submitStudySchema). */
export interface StudyOutput {
  study: string;
  materials: string[];
  coordination?: string;
  by: string;
  at: string;
}

export type ParticipantKind = 'internal' | 'unit_terkait' | 'kl_terkait';

export interface Participant {
  name: string;
  organization: string;
  kind: ParticipantKind;
}

/** Step 7 — discussion (recordDiscussionSchema). */
export interface DiscussionOutput {
  /** `YYYY-MM-DD`. */
  heldOn: string;
  place?: string;
  participants: Participant[];
  results: string;
  recommendation?: string;
  by: string;
  at: string;
}

/** Step 8 — draft report (submitDraftSchema). */
export interface DraftOutput {
  /** The ministry/agency the recommendation is addressed to. */
  addressee: string;
  findings: string;
  recommendation: string;
  /** The drafter (konseptor). */
  by: string;
  at: string;
}

export interface ApprovalRecord {
  name: string;
  at: string;
  note?: string;
}

/** Approvals of the current draft (steps 9, 10, 11). */
export interface Approvals {
  asdep?: ApprovalRecord;
  deputi?: ApprovalRecord;
  menko?: ApprovalRecord;
}

/** A return of the draft (steps 9, 10, 11 → back), shown on a redrafted report. */
export interface ReturnRecord {
  by: string;
  at: string;
  reason: string;
}

/** The letter's own particulars (step 11). */
export interface LetterInfo {
  number: string;
  /** Date of the letter (ISO instant or `YYYY-MM-DD`), printed as a Jakarta date. */
  date: string;
  /** "Yth. …" — e.g. "Menteri Dalam Negeri Republik Indonesia". */
  addressee: string;
  /** "di …": defaults to "Tempat". */
  addresseeLocation?: string;
  /** Number of attached files: none → "-", 1 → "1 (satu) berkas". */
  attachments?: number;
  /** The Menko's name on the signature line; defaults to `approvals.menko.name`. */
  signatory?: string;
  /** Further copies after "Deputi Bidang Koordinasi Kesatuan Bangsa". */
  tembusan?: string[];
}

export interface DocumentData {
  complaint: DocumentComplaint;
  /** Version of this document: 1, then 2, 3… each time a returned report is redrafted. */
  version: number;
  generatedAt: string;
  /**
   * The reporter's name — printed on `tanda_terima` only (and never for an anonymous
   * complaint); every other kind ignores it.
   */
  reporterName?: string;
  /** Public tracking page, printed on `tanda_terima` (without any access token). */
  trackUrl?: string;
  forward?: ForwardOutput;
  validate?: ValidateOutput;
  dispose?: DisposeOutput;
  assign?: AssignOutput;
  study?: StudyOutput;
  discussion?: DiscussionOutput;
  draft?: DraftOutput;
  approvals?: Approvals;
  returns?: ReturnRecord[];
  letter?: LetterInfo;
}

export interface RenderedDocument {
  kind: DocumentKind;
  /** Plain text (not HTML). */
  title: string;
  html: string;
}

/** The step outputs each kind cannot do without. */
export const REQUIRED_OUTPUTS: Record<DocumentKind, readonly (keyof DocumentData)[]> = {
  tanda_terima: [],
  lembar_disposisi: ['dispose'],
  telaahan_staf: ['study'],
  hasil_pembahasan: ['discussion'],
  konsep_laporan: ['draft'],
  surat_rekomendasi: ['draft', 'letter'],
};

export const DOCUMENT_NAMES: Record<DocumentKind, string> = {
  tanda_terima: 'Tanda Terima Pengaduan',
  lembar_disposisi: 'Lembar Disposisi',
  telaahan_staf: 'Telaahan Staf',
  hasil_pembahasan: 'Hasil Pembahasan',
  konsep_laporan: 'Konsep Laporan',
  surat_rekomendasi: 'Surat Rekomendasi Menko Polhukam',
};

export class DocumentDataError extends Error {
  constructor(
    readonly kind: DocumentKind,
    readonly missing: readonly string[],
  ) {
    super(`${kind}: missing ${missing.join(', ')}`);
    this.name = 'DocumentDataError';
  }
}

/**
 * Sifat of the letter. An anonymous complaint counts as Rahasia: an anonymous reporter usually
 * fears being recognised, and the substance of the letter could point to them as much as a
 * name would — so it gets the same handling as a complaint marked confidential.
 */
export function letterSifat(level: Confidentiality): 'Biasa' | 'Rahasia' {
  return level === 'biasa' ? 'Biasa' : 'Rahasia';
}

export const PARTICIPANT_GROUP_LABELS: Record<ParticipantKind, string> = {
  internal: 'Internal Deputi Bidang Koordinasi Kesatuan Bangsa',
  unit_terkait: 'Unit Organisasi Terkait di Lingkungan Kemenko Polhukam',
  kl_terkait: 'Kementerian/Lembaga Terkait',
};
const PARTICIPANT_ORDER: readonly ParticipantKind[] = ['internal', 'unit_terkait', 'kl_terkait'];

const DEFAULT_TEMBUSAN = 'Deputi Bidang Koordinasi Kesatuan Bangsa, Kemenko Polhukam';

// ---------------------------------------------------------------------------------------------
// View models: every field the templates read is present (value or null), as `strict`
// templates require. Nothing here is HTML — the templates escape it all.
// ---------------------------------------------------------------------------------------------

interface ComplaintView {
  trackingCode: string;
  subject: string;
  description: string;
  categoryLabel: string | null;
  channelLabel: string;
  confidentialityLabel: string;
  submittedAt: string;
  location: string | null;
  incidentDate: string | null;
}

interface BaseView {
  title: string;
  docName: string;
  bodyClass: 'sheet' | 'letter';
  /** "RAHASIA" at the top and bottom of internal documents of a confidential/anonymous case. */
  classification: string | null;
  watermark: string | null;
  trackingCode: string;
  version: number;
  generatedAt: string;
  complaint: ComplaintView;
  categoryLabel: string | null;
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);
const nonEmpty = (value: string | undefined): string | null => (value !== undefined && value.trim() !== '' ? value : null);

function complaintView(c: DocumentComplaint): ComplaintView {
  return {
    trackingCode: c.trackingCode,
    subject: c.subject,
    description: c.description,
    categoryLabel: nonEmpty(c.categoryLabel),
    channelLabel: c.channelLabel,
    confidentialityLabel: CONFIDENTIALITY_LABELS[c.confidentiality].id,
    submittedAt: c.submittedAt,
    location: nonEmpty(c.location),
    incidentDate: nonEmpty(c.incidentDate),
  };
}

function baseView(kind: DocumentKind, data: DocumentData): BaseView {
  const c = data.complaint;
  const confidential = c.confidentiality !== 'biasa';
  return {
    title: `${DOCUMENT_NAMES[kind]} ${c.trackingCode} (Versi ${data.version})`,
    docName: DOCUMENT_NAMES[kind],
    bodyClass: kind === 'surat_rekomendasi' ? 'letter' : 'sheet',
    // The receipt belongs to the reporter; it carries no classification banner.
    classification: confidential && kind !== 'tanda_terima' ? 'RAHASIA' : null,
    watermark: kind === 'konsep_laporan' ? 'KONSEP' : null,
    trackingCode: c.trackingCode,
    version: data.version,
    generatedAt: data.generatedAt,
    complaint: complaintView(c),
    categoryLabel: nonEmpty(data.forward?.categoryLabel) ?? nonEmpty(c.categoryLabel),
  };
}

function need<T>(kind: DocumentKind, value: T | undefined): T {
  if (value === undefined) throw new DocumentDataError(kind, REQUIRED_OUTPUTS[kind]);
  return value;
}

function assignView(a: AssignOutput | undefined, dispose: DisposeOutput | undefined) {
  if (!a) return null;
  return { ...a, byTitle: dispose ? dispose.asdepUnit : 'Asisten Deputi' };
}

function view(kind: DocumentKind, data: DocumentData, base: BaseView): object {
  switch (kind) {
    case 'tanda_terima':
      return {
        ...base,
        reporterName: data.complaint.confidentiality === 'anonim' ? null : nonEmpty(data.reporterName),
        trackUrl: data.trackUrl === undefined ? null : checkUrl(data.trackUrl),
        isConfidential: data.complaint.confidentiality !== 'biasa',
      };
    case 'lembar_disposisi': {
      const dispose = need(kind, data.dispose);
      return {
        ...base,
        dispose: { ...dispose, priorityLabel: PRIORITY_LABELS[dispose.priority].id },
        validateNote: nonEmpty(data.validate?.note),
        assign: assignView(data.assign, dispose),
        asdepSignatureTitle: `${dispose.asdepUnit},`,
      };
    }
    case 'telaahan_staf': {
      const study = need(kind, data.study);
      const hasDirections = data.dispose !== undefined || data.assign !== undefined;
      return {
        ...base,
        kepada: data.dispose ? `Yth. ${data.dispose.asdepUnit}` : 'Yth. Asisten Deputi',
        perihal: `Telaahan atas pengaduan masyarakat ${base.trackingCode}: ${data.complaint.subject}`,
        study: { ...study, coordination: nonEmpty(study.coordination) },
        forward: orNull(data.forward),
        dispose: orNull(data.dispose),
        assign: assignView(data.assign, data.dispose),
        hasDirections,
        hasAnalysis: data.forward !== undefined || nonEmpty(study.coordination) !== null,
        leadershipMeeting: data.assign?.leadershipMeeting === true,
      };
    }
    case 'hasil_pembahasan': {
      const discussion = need(kind, data.discussion);
      return {
        ...base,
        discussion: { ...discussion, recommendation: nonEmpty(discussion.recommendation) },
        place: nonEmpty(discussion.place) ?? '–',
        participantGroups: PARTICIPANT_ORDER.map((k) => ({
          label: PARTICIPANT_GROUP_LABELS[k],
          people: discussion.participants
            .filter((p) => p.kind === k)
            .map((p, i) => ({ no: i + 1, name: p.name, organization: p.organization })),
        })).filter((g) => g.people.length > 0),
      };
    }
    case 'konsep_laporan': {
      const draft = need(kind, data.draft);
      const a = data.approvals ?? {};
      const row = (stage: string, r: ApprovalRecord | undefined) => ({
        stage,
        name: r ? r.name : null,
        at: r ? r.at : null,
        note: r ? nonEmpty(r.note) : null,
      });
      return {
        ...base,
        draft,
        approvalRows: [
          row('Pemeriksaan Asisten Deputi', a.asdep),
          row('Pemeriksaan Deputi', a.deputi),
          row('Persetujuan Menko Polhukam', a.menko),
        ],
        returns: data.returns ?? [],
      };
    }
    case 'surat_rekomendasi': {
      const draft = need(kind, data.draft);
      const letter = need(kind, data.letter);
      const attachments = letter.attachments ?? 0;
      return {
        ...base,
        // The letter goes outside: no version banner beyond the small footer, no watermark.
        draft,
        letter,
        letterPlace: 'Jakarta',
        sifat: letterSifat(data.complaint.confidentiality),
        lampiran: attachments > 0 ? `${attachments} (${terbilang(attachments)}) berkas` : '-',
        addresseeLocation: nonEmpty(letter.addresseeLocation) ?? 'Tempat',
        signatory: nonEmpty(letter.signatory) ?? nonEmpty(data.approvals?.menko?.name) ?? '……………………………………',
        tembusan: [DEFAULT_TEMBUSAN, ...(letter.tembusan ?? [])],
      };
    }
  }
}

/** Renders one document. Throws `DocumentDataError` when a step output it needs is missing. */
export function renderDocument(kind: DocumentKind, data: DocumentData): RenderedDocument {
  const missing = REQUIRED_OUTPUTS[kind].filter((k) => data[k] === undefined);
  if (missing.length > 0) throw new DocumentDataError(kind, missing);
  if (!Number.isInteger(data.version) || data.version < 1) throw new RangeError(`version must be a positive integer: ${data.version}`);
  const base = baseView(kind, data);
  return { kind, title: base.title, html: DOCUMENT_TEMPLATES[kind](view(kind, data, base)) };
}
