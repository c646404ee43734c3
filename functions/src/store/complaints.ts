/**
 * Complaints in Firestore: creation (with a unique tracking code and a secret access token)
 * and staff actions, each in one transaction that checks the stored version.
 *
 * Layout: complaints/{id} (no identity), complaints/{id}/private/reporter (identity),
 * complaints/{id}/history/v0001… (one entry per move, keyed by version), trackingCodes/{code}.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'crypto';
import type { DocumentReference, Transaction } from 'firebase-admin/firestore';
import type { Lang, FieldError } from '../schemas/i18n';
import type { PublicSubmission, RecordedSubmission, Reporter } from '../schemas/complaint';
import { TRACKING_ALPHABET } from '../schemas/complaint';
import {
  initialState,
  transition,
  type Actor,
  type ActionRequest,
  type CaseState,
  type Category,
  type Channel,
  type Move,
  type StepNo,
  type TransitionError,
} from '../workflow';
import { db } from './db';
import { loadClock } from './calendar';

export interface OverdueMark {
  step: StepNo;
  version: number;
  dueAt: string;
  detectedAt: string;
  minutesLate: number;
}

export interface ComplaintDoc extends CaseState {
  id: string;
  trackingCode: string;
  accessTokenHash: string;
  subject: string;
  description: string;
  category: Category | null;
  location: string | null;
  incidentDate: string | null;
  channel: Channel;
  lang: Lang;
  submittedAt: string;
  caseDueAt: string;
  recordedBy: string | null;
  letterNumber: string | null;
  hasReporter: boolean;
  outputs: Partial<Record<`step${StepNo}`, Record<string, unknown>>>;
  lastMove: Move | null;
  /** The open step's breach, if its deadline passed; cleared when the step ends. */
  overdue: OverdueMark | null;
  isOverdue: boolean;
  breachCount: number;
  /** Versions (step entries) for which the 75 % reminder went out. */
  remindedVersion: number | null;
  updatedAt: string;
}

export interface HistoryEntry extends Move {
  status: CaseState['status'];
  /** Set when the trigger has run the move's effects (idempotency mark). */
  effectsDoneAt: string | null;
}

export const complaintRef = (id: string) => db().collection('complaints').doc(id);
export const historyId = (version: number) => `v${String(version).padStart(4, '0')}`;
export const historyRef = (id: string, version: number) => complaintRef(id).collection('history').doc(historyId(version));
export const reporterRef = (id: string) => complaintRef(id).collection('private').doc('reporter');

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function tokenMatches(token: string, hash: string): boolean {
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function newTrackingCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return `KB-${s.slice(0, 4)}-${s.slice(4)}`;
}

export function normaliseTrackingCode(raw: string): string {
  const c = raw.trim().toUpperCase().replace(/[^0-9A-Z]/g, '');
  const body = c.startsWith('KB') ? c.slice(2) : c;
  return body.length === 8 ? `KB-${body.slice(0, 4)}-${body.slice(4)}` : raw.trim().toUpperCase();
}

export interface NewComplaint {
  submission: PublicSubmission | RecordedSubmission;
  channel: Channel;
  recordedBy: string | null;
}

export interface Created {
  id: string;
  trackingCode: string;
  accessToken: string;
  status: CaseState['status'];
}

/**
 * A submission retried with the same `Idempotency-Key` (a citizen on a weak connection whose
 * first answer was lost) gets the first answer again — including the access token, which is
 * why these records are server-only and expire (`expireAt`, a Firestore TTL field).
 */
export interface IdempotencyRecord {
  bodyHash: string;
  result: Created;
  createdAt: string;
  expireAt: Date;
}

export type CreateOutcome = { ok: true; created: Created; replayed: boolean } | { ok: false; reason: 'KEY_REUSED' };

const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

export async function createComplaintOnce(input: NewComplaint, key: string, now: Date): Promise<CreateOutcome> {
  const ref = db().collection('idempotency').doc(createHash('sha256').update(`complaints:${key}`).digest('hex'));
  const bodyHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  const seen = await ref.get();
  if (seen.exists) {
    const rec = seen.data() as IdempotencyRecord;
    return rec.bodyHash === bodyHash ? { ok: true, created: rec.result, replayed: true } : { ok: false, reason: 'KEY_REUSED' };
  }
  const created = await insertComplaint(input, now, { ref, bodyHash });
  if (created !== 'raced') return { ok: true, created, replayed: false };
  // Two requests with one key raced: the other one created the complaint.
  const rec = (await ref.get()).data() as IdempotencyRecord;
  return rec.bodyHash === bodyHash ? { ok: true, created: rec.result, replayed: true } : { ok: false, reason: 'KEY_REUSED' };
}

export async function createComplaint(input: NewComplaint, now: Date): Promise<Created> {
  const created = await insertComplaint(input, now);
  if (created === 'raced') throw new Error('unreachable: no idempotency key');
  return created;
}

async function insertComplaint(
  input: NewComplaint,
  now: Date,
  idempotency?: { ref: DocumentReference; bodyHash: string },
): Promise<Created | 'raced'> {
  const clock = await loadClock();
  const { submission } = input;
  const ref = db().collection('complaints').doc();
  const accessToken = randomBytes(24).toString('base64url');
  const submittedAt =
    'receivedAt' in submission && submission.receivedAt ? new Date(submission.receivedAt) : now;
  const state = initialState(submission.confidentiality, now);
  for (let attempt = 0; attempt < 5; attempt++) {
    const trackingCode = newTrackingCode();
    const created = await db().runTransaction(async (tx) => {
      const codeRef = db().collection('trackingCodes').doc(trackingCode);
      if (idempotency && (await tx.get(idempotency.ref)).exists) return 'raced' as const;
      if ((await tx.get(codeRef)).exists) return false;
      const doc: ComplaintDoc = {
        ...state,
        stepDueAt: clock.dueAt(1, now).toISOString(),
        id: ref.id,
        trackingCode,
        accessTokenHash: hashToken(accessToken),
        subject: submission.subject,
        description: submission.description,
        category: submission.category ?? null,
        location: submission.location ?? null,
        incidentDate: submission.incidentDate ?? null,
        channel: input.channel,
        lang: submission.lang,
        submittedAt: submittedAt.toISOString(),
        caseDueAt: clock.caseDueAt(submittedAt).toISOString(),
        recordedBy: input.recordedBy,
        letterNumber: 'letterNumber' in submission ? (submission.letterNumber ?? null) : null,
        hasReporter: submission.reporter !== undefined,
        outputs: {},
        lastMove: null,
        overdue: null,
        isOverdue: false,
        breachCount: 0,
        remindedVersion: null,
        updatedAt: now.toISOString(),
      };
      const move: Move = {
        version: 1,
        action: 'submit',
        actor: input.recordedBy ? { uid: input.recordedBy, role: 'upp' } : { uid: 'public', role: 'public' },
        from: { step: 1, outcome: null },
        to: { step: 1, outcome: null },
        at: now.toISOString(),
        payload: { channel: input.channel },
        // Intake (1 → 2) follows at once in the trigger, so step 1 gets no deadline task.
        effects: [{ type: 'notifyReporter', status: 'diterima' }],
      };
      doc.lastMove = move;
      tx.create(codeRef, { complaintId: ref.id, createdAt: now.toISOString() });
      tx.create(ref, doc);
      if (submission.reporter) tx.create(reporterRef(ref.id), submission.reporter satisfies Reporter);
      tx.create(historyRef(ref.id, 1), { ...move, status: doc.status, effectsDoneAt: null } satisfies HistoryEntry);
      if (idempotency) {
        const result: Created = { id: ref.id, trackingCode, accessToken, status: state.status };
        tx.create(idempotency.ref, {
          bodyHash: idempotency.bodyHash,
          result,
          createdAt: now.toISOString(),
          expireAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
        } satisfies IdempotencyRecord);
      }
      return true;
    });
    if (created === 'raced') return created;
    if (created) return { id: ref.id, trackingCode, accessToken, status: state.status };
  }
  throw new Error('could not allocate a unique tracking code');
}

export function toCaseState(doc: ComplaintDoc): CaseState {
  return {
    step: doc.step,
    outcome: doc.outcome,
    status: doc.status,
    version: doc.version,
    confidentiality: doc.confidentiality,
    assignees: doc.assignees,
    assigneeRole: doc.assigneeRole,
    asdepUid: doc.asdepUid,
    staffUids: doc.staffUids,
    draftedBy: doc.draftedBy,
    approvals: doc.approvals,
    rework: doc.rework,
    stepEnteredAt: doc.stepEnteredAt,
    stepDueAt: doc.stepDueAt,
  };
}

export type ActionOutcome =
  | { ok: true; complaint: ComplaintDoc; move: Move }
  | { ok: false; error: TransitionError }
  | { ok: false; notFound: true };

/** Field-level checks that need the staff directory (whom the Deputi/Asdep chose). */
async function checkReferences(tx: Transaction, move: Move, lang: Lang): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const expect = async (uid: string, role: string, path: string) => {
    const snap = await tx.get(db().collection('staff').doc(uid));
    const s = snap.data();
    if (!snap.exists || s?.role !== role || s?.active === false) {
      const roleName = role === 'asdep' ? 'Asisten Deputi' : 'Kepala Bidang/JF';
      errors.push({
        path,
        message: lang === 'id' ? `Bukan ${roleName} yang aktif.` : `Not an active ${role === 'asdep' ? 'Assistant Deputy' : 'Kabid/JF staff member'}.`,
      });
    }
  };
  if (move.action === 'dispose') await expect(String(move.payload.asdepUid), 'asdep', 'asdepUid');
  if (move.action === 'assign') {
    const uids = move.payload.staffUids as string[];
    for (let i = 0; i < uids.length; i++) await expect(uids[i], 'kabid', `staffUids[${i}]`);
  }
  return errors;
}

/**
 * A staff (or system) action, in one transaction: re-read, transition(), check references,
 * write the complaint and its history entry. Effects run later, in the trigger.
 */
export async function applyAction(
  id: string,
  request: ActionRequest,
  actor: Actor,
  lang: Lang,
  now: Date,
  canSee: (doc: ComplaintDoc) => boolean = () => true,
): Promise<ActionOutcome> {
  const clock = await loadClock();
  return db().runTransaction(async (tx): Promise<ActionOutcome> => {
    const snap = await tx.get(complaintRef(id));
    if (!snap.exists) return { ok: false, notFound: true };
    const doc = snap.data() as ComplaintDoc;
    if (!canSee(doc)) return { ok: false, notFound: true };
    const r = transition(toCaseState(doc), request, actor, now, { lang, dueAt: clock.dueAt });
    if (!r.ok) return r;
    const refErrors = await checkReferences(tx, r.move, lang);
    if (refErrors.length > 0) {
      return {
        ok: false,
        error: {
          code: 'INVALID_PAYLOAD',
          status: 422,
          message: lang === 'id' ? 'Isian tidak valid.' : 'Invalid input.',
          errors: refErrors,
        },
      };
    }
    const next: ComplaintDoc = {
      ...doc,
      ...r.state,
      lastMove: r.move,
      outputs: { ...doc.outputs, [`step${r.move.from.step}`]: { ...r.move.payload, by: actor.uid, at: r.move.at } },
      // A step that ends clears its overdue mark (the breach record stays).
      overdue: null,
      isOverdue: false,
      updatedAt: now.toISOString(),
    };
    if (r.move.action === 'forward') next.category = r.move.payload.category as Category;
    tx.set(complaintRef(id), next);
    tx.create(historyRef(id, r.move.version), { ...r.move, status: r.state.status, effectsDoneAt: null } satisfies HistoryEntry);
    return { ok: true, complaint: next, move: r.move };
  });
}

export async function getComplaint(id: string): Promise<ComplaintDoc | null> {
  const snap = await complaintRef(id).get();
  return snap.exists ? (snap.data() as ComplaintDoc) : null;
}

export async function findByTrackingCode(code: string): Promise<ComplaintDoc | null> {
  const snap = await db().collection('trackingCodes').doc(normaliseTrackingCode(code)).get();
  if (!snap.exists) return null;
  return getComplaint(String(snap.get('complaintId')));
}

export async function getHistory(id: string): Promise<HistoryEntry[]> {
  const snap = await complaintRef(id).collection('history').get();
  return snap.docs.map((d) => d.data() as HistoryEntry).sort((a, b) => a.version - b.version);
}

export async function getReporter(id: string): Promise<Reporter | null> {
  const snap = await reporterRef(id).get();
  return snap.exists ? (snap.data() as Reporter) : null;
}

