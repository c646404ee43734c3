/**
 * Deadlines on Cloud Tasks. Each step entry (complaint, step, version) gets two tasks with
 * deterministic ids: a reminder at 75 % of the step's time standard and the deadline check.
 * Tasks are enqueued with firebase-admin's task queue client (a Cloud Tasks client): the
 * Cloud Tasks emulator serves its REST calls, while @google-cloud/tasks speaks gRPC, which the
 * emulator does not serve (ARCHITECTURE.md, "Local stack").
 *
 * The handler is idempotent and acts only for the step entry it was made for; it re-reads the
 * complaint, and re-schedules itself when it fires early (the emulator fires every task after
 * about 2 s, whatever its schedule time).
 */
import { z } from 'zod';
import { DEADLINE_QUEUE } from '../config';
import { deleteTask, enqueueTask } from './queue';
import { db } from '../store/db';
import { complaintRef, getComplaint, type ComplaintDoc, type OverdueMark } from '../store/complaints';
import { loadClock } from '../store/calendar';
import type { StepNo } from '../workflow';
import { sendBreachMails, sendReminderMails } from '../triggers/notifications';

export const deadlineTaskSchema = z.object({
  complaintId: z.string().min(1),
  step: z.number().int().min(1).max(11),
  version: z.number().int().min(1),
  kind: z.enum(['reminder', 'deadline']),
  attempt: z.number().int().min(0).default(0),
});
export type DeadlineTask = z.output<typeof deadlineTaskSchema>;

export function taskId(t: Pick<DeadlineTask, 'complaintId' | 'step' | 'version' | 'kind' | 'attempt'>): string {
  return `${t.kind === 'deadline' ? 'dl' : 'rm'}-${t.complaintId}-s${t.step}-v${t.version}-a${t.attempt}`;
}

async function enqueue(task: DeadlineTask, at: Date): Promise<void> {
  await enqueueTask(DEADLINE_QUEUE, task, { id: taskId(task), scheduleTime: at });
}

/** Enqueue the reminder and the deadline of a step entry. */
export async function scheduleDeadline(complaint: Pick<ComplaintDoc, 'id' | 'stepEnteredAt' | 'stepDueAt'>, step: StepNo, version: number): Promise<void> {
  const clock = await loadClock();
  const entered = new Date(complaint.stepEnteredAt);
  const base = { complaintId: complaint.id, step, version, attempt: 0 };
  const dueAt = complaint.stepDueAt ? new Date(complaint.stepDueAt) : clock.dueAt(step, entered);
  await enqueue({ ...base, kind: 'reminder' }, clock.reminderAt(step, entered));
  await enqueue({ ...base, kind: 'deadline' }, dueAt);
}

/** Delete the first tasks of a step entry that ended; later re-schedules check the version. */
export async function cancelDeadline(complaintId: string, step: StepNo, version: number): Promise<void> {
  for (const kind of ['reminder', 'deadline'] as const) {
    try {
      await deleteTask(DEADLINE_QUEUE, taskId({ complaintId, step, version, kind, attempt: 0 }));
    } catch (err) {
      // Deleting is an optimisation; the handler no-ops for a step that moved on.
      console.warn('cancelDeadline: delete failed', { complaintId, step, version, kind, error: String(err) });
    }
  }
}

export type DeadlineResult = 'invalid' | 'moved-on' | 'rescheduled' | 'reminded' | 'breached' | 'already';

/** Early by less than this counts as on time (clock skew between emulator and handler). */
const EARLY_TOLERANCE_MS = 250;

export async function handleDeadlineTask(raw: unknown, now: Date = new Date()): Promise<DeadlineResult> {
  const parsed = deadlineTaskSchema.safeParse(raw);
  if (!parsed.success) {
    // A malformed task can never succeed: log it and let Cloud Tasks drop it.
    console.error('deadlineCheck: malformed task', { issues: parsed.error.issues.map((i) => i.path.join('.')) });
    return 'invalid';
  }
  const task = parsed.data;
  const complaint = await getComplaint(task.complaintId);
  if (!complaint || complaint.version !== task.version || complaint.outcome !== null || complaint.step !== task.step) {
    return 'moved-on';
  }
  const clock = await loadClock();
  const step = task.step as StepNo;
  const target =
    task.kind === 'deadline'
      ? complaint.stepDueAt
        ? new Date(complaint.stepDueAt)
        : clock.dueAt(step, new Date(complaint.stepEnteredAt))
      : clock.reminderAt(step, new Date(complaint.stepEnteredAt));
  if (now.getTime() < target.getTime() - EARLY_TOLERANCE_MS) {
    await enqueue({ ...task, attempt: task.attempt + 1 }, target);
    return 'rescheduled';
  }
  return task.kind === 'reminder' ? remind(complaint, task, now) : breach(complaint, task, target, now);
}

async function remind(complaint: ComplaintDoc, task: DeadlineTask, now: Date): Promise<DeadlineResult> {
  const first = await db().runTransaction(async (tx) => {
    const snap = await tx.get(complaintRef(complaint.id));
    const doc = snap.data() as ComplaintDoc | undefined;
    if (!doc || doc.version !== task.version) return null;
    if (doc.remindedVersion === task.version) return false;
    tx.update(complaintRef(complaint.id), { remindedVersion: task.version });
    return true;
  });
  if (first === null) return 'moved-on';
  // Mail ids are deterministic, so a redelivery after a crash completes without duplicates.
  await sendReminderMails(complaint, now);
  return first ? 'reminded' : 'already';
}

export const breachId = (complaintId: string, step: number, version: number) => `${complaintId}-s${step}-v${version}`;

async function breach(complaint: ComplaintDoc, task: DeadlineTask, dueAt: Date, now: Date): Promise<DeadlineResult> {
  const clock = await loadClock();
  const minutesLate = clock.minutesLate(dueAt, now);
  const breachRef = db().collection('breaches').doc(breachId(complaint.id, task.step, task.version));
  const result = await db().runTransaction(async (tx) => {
    const snap = await tx.get(complaintRef(complaint.id));
    const doc = snap.data() as ComplaintDoc | undefined;
    if (!doc || doc.version !== task.version || doc.outcome !== null) return 'moved-on' as const;
    if ((await tx.get(breachRef)).exists) return 'already' as const;
    const mark: OverdueMark = {
      step: task.step as StepNo,
      version: task.version,
      dueAt: dueAt.toISOString(),
      detectedAt: now.toISOString(),
      minutesLate,
    };
    tx.update(complaintRef(complaint.id), { overdue: mark, isOverdue: true, breachCount: (doc.breachCount ?? 0) + 1 });
    tx.create(breachRef, {
      complaintId: complaint.id,
      trackingCode: doc.trackingCode,
      step: task.step,
      version: task.version,
      assignees: doc.assignees,
      assigneeRole: doc.assigneeRole,
      stepEnteredAt: doc.stepEnteredAt,
      dueAt: mark.dueAt,
      detectedAt: mark.detectedAt,
      minutesLate,
    });
    return 'breached' as const;
  });
  if (result === 'moved-on') return result;
  await sendBreachMails(complaint, task.step as StepNo, task.version, dueAt, minutesLate);
  return result;
}
