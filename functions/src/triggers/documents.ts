/**
 * The output document of a move, rendered from the history up to that move and stored as
 * `complaints/{id}/documents/{kind}-v{n}`: the id is deterministic (a redelivered event
 * rewrites the same document) and a redrafted report gets the next version, the old one kept.
 */
import { renderDocument, type DocumentData, type Participant } from '../documents';
import { complaintRef, getHistory, type ComplaintDoc, type HistoryEntry } from '../store/complaints';
import { getStaffMany, type StaffProfile } from '../store/staff';
import { config } from '../config';
import { CATEGORY_LABELS, CHANNEL_LABELS, type ActionName, type Category, type DocumentKind, type Priority } from '../workflow';

/** Which moves produce each document, in order (their count is the document's version). */
const PRODUCED_BY: Record<DocumentKind, readonly ActionName[]> = {
  tanda_terima: ['intake'],
  lembar_disposisi: ['dispose', 'assign'],
  telaahan_staf: ['submitStudy'],
  hasil_pembahasan: ['recordDiscussion'],
  konsep_laporan: ['submitDraft'],
  surat_rekomendasi: ['approve'],
};

function lastOf(history: readonly HistoryEntry[], action: ActionName): HistoryEntry | undefined {
  for (let i = history.length - 1; i >= 0; i--) if (history[i].action === action) return history[i];
  return undefined;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const optStr = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The letter number: no global counter; the tracking code makes it unique. */
export function letterNumber(trackingCode: string, at: string): string {
  const d = new Date(new Date(at).getTime() + 7 * 3600_000);
  return `B-${trackingCode.replace(/^KB-/, '')}/Menko/Polhukam/DE.6/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

export function documentData(c: ComplaintDoc, upTo: readonly HistoryEntry[], staff: Map<string, StaffProfile>, kind: DocumentKind, generatedAt: string): DocumentData {
  const name = (uid: string) => staff.get(uid)?.name ?? uid;
  const producing = PRODUCED_BY[kind];
  const version = Math.max(
    1,
    upTo.filter((h) => producing.includes(h.action) && (kind !== 'surat_rekomendasi' || h.to.outcome === 'completed')).length,
  );
  const data: DocumentData = {
    complaint: {
      id: c.id,
      trackingCode: c.trackingCode,
      subject: c.subject,
      description: c.description,
      categoryLabel: c.category ? CATEGORY_LABELS[c.category].id : undefined,
      channelLabel: CHANNEL_LABELS[c.channel].id,
      confidentiality: c.confidentiality,
      submittedAt: c.submittedAt,
      location: c.location ?? undefined,
      incidentDate: c.incidentDate ?? undefined,
    },
    version,
    generatedAt,
    trackUrl: `${config.publicUrl}/lacak.html`,
  };
  const forward = lastOf(upTo, 'forward');
  if (forward) {
    const cat = forward.payload.category as Category;
    data.forward = { categoryLabel: CATEGORY_LABELS[cat]?.id ?? str(cat), analysis: str(forward.payload.analysis), by: name(forward.actor.uid), at: forward.at };
  }
  const validate = lastOf(upTo, 'validate');
  if (validate) data.validate = { note: optStr(validate.payload.note), by: name(validate.actor.uid), at: validate.at };
  const dispose = lastOf(upTo, 'dispose');
  if (dispose) {
    const asdep = staff.get(str(dispose.payload.asdepUid));
    data.dispose = {
      asdepName: asdep?.name ?? str(dispose.payload.asdepUid),
      asdepUnit: asdep?.unitName ?? 'Asisten Deputi',
      instruction: str(dispose.payload.instruction),
      priority: (dispose.payload.priority as Priority) ?? 'biasa',
      by: name(dispose.actor.uid),
      at: dispose.at,
    };
  }
  const assign = lastOf(upTo, 'assign');
  if (assign) {
    data.assign = {
      staffNames: (assign.payload.staffUids as string[]).map(name),
      instruction: str(assign.payload.instruction),
      leadershipMeeting: assign.payload.leadershipMeeting === true,
      by: name(assign.actor.uid),
      at: assign.at,
    };
  }
  const study = lastOf(upTo, 'submitStudy');
  if (study) {
    data.study = {
      study: str(study.payload.study),
      materials: (study.payload.materials as string[] | undefined) ?? [],
      coordination: optStr(study.payload.coordination),
      by: name(study.actor.uid),
      at: study.at,
    };
  }
  const discussion = lastOf(upTo, 'recordDiscussion');
  if (discussion) {
    data.discussion = {
      heldOn: str(discussion.payload.heldOn),
      place: optStr(discussion.payload.place),
      participants: discussion.payload.participants as Participant[],
      results: str(discussion.payload.results),
      recommendation: optStr(discussion.payload.recommendation),
      by: name(discussion.actor.uid),
      at: discussion.at,
    };
  }
  const draft = lastOf(upTo, 'submitDraft');
  if (draft) {
    data.draft = {
      addressee: str(draft.payload.addressee),
      findings: str(draft.payload.findings),
      recommendation: str(draft.payload.recommendation),
      by: name(draft.actor.uid),
      at: draft.at,
    };
    // Approvals and returns of the current draft only.
    const since = upTo.filter((h) => h.version > draft.version);
    const approval = (step: number) => {
      const a = [...since].reverse().find((h) => h.action === 'approve' && h.from.step === step);
      return a ? { name: name(a.actor.uid), at: a.at, note: optStr(a.payload.note) } : undefined;
    };
    data.approvals = { asdep: approval(9), deputi: approval(10), menko: approval(11) };
    data.returns = upTo
      .filter((h) => h.action === 'return')
      .map((h) => ({ by: name(h.actor.uid), at: h.at, reason: str(h.payload.reason) }));
  }
  const completed = upTo.find((h) => h.to.outcome === 'completed');
  if (completed && data.draft) {
    data.letter = {
      number: letterNumber(c.trackingCode, completed.at),
      date: completed.at,
      addressee: data.draft.addressee,
      signatory: name(completed.actor.uid),
    };
  }
  return data;
}

export async function storeDocument(c: ComplaintDoc, entry: HistoryEntry, kind: DocumentKind): Promise<string> {
  const history = (await getHistory(c.id)).filter((h) => h.version <= entry.version);
  const uids = history.flatMap((h) => [h.actor.uid, str(h.payload.asdepUid), ...((h.payload.staffUids as string[] | undefined) ?? [])]);
  const staff = await getStaffMany(uids);
  const data = documentData(c, history, staff, kind, entry.at);
  const rendered = renderDocument(kind, data);
  const docId = `${kind}-v${data.version}`;
  await complaintRef(c.id).collection('documents').doc(docId).set({
    kind,
    version: data.version,
    title: rendered.title,
    html: rendered.html,
    step: entry.from.step,
    moveVersion: entry.version,
    createdAt: entry.at,
  });
  return docId;
}
