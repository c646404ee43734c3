/**
 * Bookkeeping of each move, exactly once per move even when an event is redelivered or
 * arrives out of order. The move itself (and its history entry `history/v{version}`) was
 * written in one transaction by the API or by the intake below; this handler runs the
 * move's effects, each idempotent by a deterministic id, then marks the entry done.
 */
import { ALREADY_EXISTS, grpcCode } from '../store/db';
import {
  applyAction,
  getComplaint,
  historyRef,
  type ComplaintDoc,
  type HistoryEntry,
} from '../store/complaints';
import { SYSTEM_ACTOR, type Effect, type StepNo } from '../workflow';
import { cancelDeadline, scheduleDeadline } from '../tasks/deadlines';
import { sendNewTaskMails, sendReporterStatusMail } from './notifications';
import { storeDocument } from './documents';

export interface WrittenEvent {
  id: string;
  complaintId: string;
  beforeVersion: number | null;
  afterVersion: number | null;
}

export type WrittenResult = 'deleted' | 'no-move' | 'no-history' | 'already' | 'done';

export async function handleComplaintWritten(event: WrittenEvent, now: Date = new Date()): Promise<WrittenResult> {
  const { complaintId, beforeVersion, afterVersion } = event;
  if (afterVersion === null) return 'deleted';
  if (beforeVersion === afterVersion) return 'no-move'; // bookkeeping write, not a move
  // Each move is its own event; a skipped-over version (events coalesced) is handled too.
  const from = beforeVersion !== null && beforeVersion < afterVersion ? beforeVersion + 1 : afterVersion;
  let result: WrittenResult = 'no-history';
  for (let v = from; v <= afterVersion; v++) {
    const r = await handleVersion(complaintId, v, now);
    if (r === 'done' || (r === 'already' && result !== 'done')) result = r;
  }
  return result;
}

async function handleVersion(complaintId: string, version: number, now: Date): Promise<WrittenResult> {
  const entryRef = historyRef(complaintId, version);
  const snap = await entryRef.get();
  if (!snap.exists) return 'no-history';
  const entry = snap.data() as HistoryEntry;
  if (version === 1) await intake(complaintId, now);
  if (entry.effectsDoneAt) return 'already';
  const current = await getComplaint(complaintId);
  if (!current) return 'deleted';
  for (const effect of entry.effects) await runEffect(effect, entry, current);
  await entryRef.update({ effectsDoneAt: now.toISOString() });
  return 'done';
}

/** The automatic move 1 → 2; a redelivery finds the version moved on and does nothing. */
async function intake(complaintId: string, now: Date): Promise<void> {
  const current = await getComplaint(complaintId);
  if (!current || current.version !== 1 || current.step !== 1) return;
  try {
    await applyAction(complaintId, { action: 'intake', version: 1, payload: {} }, SYSTEM_ACTOR, current.lang, now);
  } catch (err) {
    // Two deliveries raced: the other one's history entry v0002 exists already.
    if (grpcCode(err) !== ALREADY_EXISTS) throw err;
  }
}

async function runEffect(effect: Effect, entry: HistoryEntry, current: ComplaintDoc): Promise<void> {
  // Effects about the step now open only make sense while it is still open.
  const stillCurrent = current.version === entry.version;
  switch (effect.type) {
    case 'cancelDeadline':
      await cancelDeadline(current.id, effect.step, effect.version);
      return;
    case 'scheduleDeadline':
      if (stillCurrent) await scheduleDeadline(current, effect.step as StepNo, effect.version);
      return;
    case 'notifyAssignees':
      if (stillCurrent) await sendNewTaskMails(current, entry);
      return;
    case 'notifyReporter':
      await sendReporterStatusMail(current, entry, effect.status);
      return;
    case 'renderDocument':
      await storeDocument(current, entry, effect.kind);
      return;
  }
}
