/**
 * Enqueue and delete Cloud Tasks of this project's task-queue functions.
 *
 * In production: firebase-admin's task queue client (a Cloud Tasks client). It, unlike
 * @google-cloud/tasks (gRPC), is what the Cloud Tasks emulator serves.
 *
 * In the local stack (KESBANG_LOCAL_TASK_SCHEDULER=1, set by tools/stack): the Cloud Tasks
 * emulator dispatches every task about 2 s after enqueue, whatever its schedule time, so a
 * task due in a day would fire, find itself early and re-enqueue, in a tight loop. Here the
 * task is written to `_localTasks/{id}` instead and tools/stack/task-scheduler enqueues it
 * into the emulator at its schedule time — the emulator then dispatches it as Cloud Tasks would.
 */
import { getFunctions } from 'firebase-admin/functions';
import { REGION } from '../config';
import { ALREADY_EXISTS, NOT_FOUND, adminApp, db, grpcCode } from '../store/db';

export const LOCAL_TASKS = '_localTasks';

export interface LocalTask {
  queue: string;
  data: Record<string, unknown>;
  dueAt: string;
  createdAt: string;
}

const local = () => process.env.FUNCTIONS_EMULATOR === 'true' && process.env.KESBANG_LOCAL_TASK_SCHEDULER === '1';
const queueName = (fn: string) => `locations/${REGION}/functions/${fn}`;

function alreadyExists(err: unknown): boolean {
  if (grpcCode(err) === ALREADY_EXISTS) return true;
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  return code.endsWith('task-already-exists');
}

/** Enqueue `data` for function `fn` at `scheduleTime`; an existing id is success (dedupe). */
export async function enqueueTask(fn: string, data: Record<string, unknown>, opts: { id: string; scheduleTime: Date }): Promise<void> {
  try {
    if (local()) {
      const task: LocalTask = { queue: queueName(fn), data, dueAt: opts.scheduleTime.toISOString(), createdAt: new Date().toISOString() };
      await db().collection(LOCAL_TASKS).doc(opts.id).create(task);
    } else {
      await getFunctions(adminApp()).taskQueue(queueName(fn)).enqueue(data, { id: opts.id, scheduleTime: opts.scheduleTime });
    }
  } catch (err) {
    if (alreadyExists(err)) return;
    throw err;
  }
}

/** Delete a task not yet dispatched; a missing one is success. */
export async function deleteTask(fn: string, id: string): Promise<void> {
  try {
    if (local()) await db().collection(LOCAL_TASKS).doc(id).delete();
    else await getFunctions(adminApp()).taskQueue(queueName(fn)).delete(id);
  } catch (err) {
    if (grpcCode(err) === NOT_FOUND) return;
    throw err;
  }
}
