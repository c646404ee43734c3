/**
 * Schedule times for the Cloud Tasks emulator, which dispatches every task about 2 s after
 * enqueue whatever its `scheduleTime`. Functions running in the local stack write their tasks
 * to `_localTasks/{taskId}` ({queue, data, dueAt}) — functions/src/tasks/queue.ts — and this
 * process enqueues each one into the emulator, with its own id, once it is due.
 *
 *   node --import tsx tools/stack/task-scheduler.ts
 * Needs FIRESTORE_EMULATOR_HOST, CLOUD_TASKS_EMULATOR_HOST and GCLOUD_PROJECT.
 */
import { initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { getFunctions } from 'firebase-admin/functions';

const project = process.env.GCLOUD_PROJECT ?? 'demo-kesbang';
if (!project.startsWith('demo-') || !process.env.FIRESTORE_EMULATOR_HOST || !process.env.CLOUD_TASKS_EMULATOR_HOST) {
  console.error('task-scheduler: runs only against the emulators of a demo-* project');
  process.exit(2);
}
// A service account id keeps firebase-admin from asking the (absent) metadata server.
initializeApp({ projectId: project, serviceAccountId: `local-scheduler@${project}.iam.gserviceaccount.com` });
const db = getFirestore();
const functions = getFunctions();
const EVERY_MS = 200;
let stopped = false;

function alreadyExists(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  return code.endsWith('task-already-exists') || code === '6';
}

async function tick(): Promise<number> {
  const due = await db.collection('_localTasks').where('dueAt', '<=', new Date().toISOString()).orderBy('dueAt').limit(50).get();
  for (const doc of due.docs) {
    const { queue, data } = doc.data() as { queue: string; data: Record<string, unknown> };
    try {
      await functions.taskQueue(queue).enqueue(data, { id: doc.id });
    } catch (err) {
      if (!alreadyExists(err)) {
        console.error(`task-scheduler: enqueue ${doc.id} failed: ${String(err)}`);
        continue; // try again at the next tick
      }
    }
    await doc.ref.delete();
  }
  return due.size;
}

async function loop(): Promise<void> {
  while (!stopped) {
    try {
      await tick();
    } catch (err) {
      console.error(`task-scheduler: ${String(err)}`);
    }
    await new Promise((r) => setTimeout(r, EVERY_MS));
  }
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => {
  stopped = true;
  setTimeout(() => process.exit(0), 300);
});
console.log('task-scheduler: dispatching _localTasks at their schedule time');
void loop();
