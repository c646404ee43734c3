/**
 * Every deployed function, and nothing else: handlers live in their own modules, exported
 * apart from their triggers so that tests call them directly.
 */
import { setGlobalOptions } from 'firebase-functions/v2';
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { onRequest } from 'firebase-functions/v2/https';
import { onTaskDispatched } from 'firebase-functions/v2/tasks';
import { REGION } from './config';
import { createApp } from './api/app';
import { handleComplaintWritten } from './triggers/complaint-written';
import { handleDeadlineTask } from './tasks/deadlines';

setGlobalOptions({ region: REGION, maxInstances: 10 });

/** The HTTP API behind the Hosting rewrite /api/**. */
export const api = onRequest({ region: REGION, cors: false }, createApp());

/** Bookkeeping of every move of a complaint; retried on failure (every effect is idempotent). */
export const onComplaintWritten = onDocumentWritten({ document: 'complaints/{id}', region: REGION, retry: true }, async (event) => {
  const version = (snap: { exists: boolean; get(field: string): unknown } | undefined) => {
    if (!snap || !snap.exists) return null;
    const v = snap.get('version');
    return typeof v === 'number' ? v : null;
  };
  await handleComplaintWritten({
    id: event.id,
    complaintId: event.params.id,
    beforeVersion: version(event.data?.before),
    afterVersion: version(event.data?.after),
  });
});

/** Reminders and deadline checks of each step entry. */
export const deadlineCheck = onTaskDispatched(
  { region: REGION, retryConfig: { maxAttempts: 5, minBackoffSeconds: 10 }, rateLimits: { maxConcurrentDispatches: 20 } },
  async (req) => {
    await handleDeadlineTask(req.data);
  },
);

// Stack probes: tiny functions that prove the local emulator stack works (triggers, tasks,
// auth). Exported only inside the Functions emulator, never deployed.
if (process.env.FUNCTIONS_EMULATOR === 'true') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  Object.assign(exports, require('./probes'));
}
