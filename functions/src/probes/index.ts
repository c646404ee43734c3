/**
 * Stack probes: tiny functions that prove the local emulator stack works end to end
 * (Firestore triggers with idempotent handling, transactions, Auth ID tokens, Cloud Tasks).
 * `functions/src/index.ts` exports them only when FUNCTIONS_EMULATOR === 'true'; they are
 * never deployed. Used by tests/integration/stack.test.ts.
 */
import { getApps, initializeApp, type App } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { FieldValue, getFirestore, type Firestore } from 'firebase-admin/firestore';
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { onRequest } from 'firebase-functions/v2/https';
import { onTaskDispatched } from 'firebase-functions/v2/tasks';

const REGION = 'asia-southeast2';

/**
 * The default app. Not `getApps().length === 0`: firebase-functions creates its own named app
 * ("__FIREBASE_FUNCTIONS_SDK__") to decode Firestore events before the handler runs.
 */
function adminApp(): App {
  return getApps().find((a) => a.name === '[DEFAULT]') ?? initializeApp();
}

function db(): Firestore {
  return getFirestore(adminApp());
}

function isAlreadyExists(err: unknown): boolean {
  // gRPC status 6 = ALREADY_EXISTS
  return typeof err === 'object' && err !== null && 'code' in err && (err as { code: unknown }).code === 6;
}

/**
 * `_probe/{id}` written → `_probeOut/{id}` counts the distinct events seen.
 * The event id is the idempotency key: `_probeEvents/{eventId}` is created in the same
 * atomic batch as the increment, so a redelivered event fails with ALREADY_EXISTS and
 * leaves the count unchanged.
 */
export const probeWritten = onDocumentWritten({ document: '_probe/{id}', region: REGION }, async (event) => {
  const id = event.params.id;
  const after = event.data?.after;
  const store = db();
  const batch = store.batch();
  batch.create(store.doc(`_probeEvents/${event.id}`), { docId: id, at: FieldValue.serverTimestamp() });
  batch.set(
    store.doc(`_probeOut/${id}`),
    {
      count: FieldValue.increment(1),
      lastEventId: event.id,
      lastValue: after?.exists ? (after.get('v') ?? null) : null,
      existsAfter: after?.exists ?? false,
      existedBefore: event.data?.before.exists ?? false,
    },
    { merge: true },
  );
  try {
    await batch.commit();
  } catch (err) {
    if (isAlreadyExists(err)) return; // duplicate delivery: already handled
    throw err;
  }
});

/** Returns the caller's verified uid and role claim: proves Auth emulator ID tokens verify. */
export const probeWhoami = onRequest({ region: REGION }, async (req, res) => {
  const header = req.get('authorization') ?? '';
  const match = /^Bearer (.+)$/.exec(header);
  if (!match) {
    res.status(401).json({ error: 'missing bearer token' });
    return;
  }
  try {
    const decoded = await getAuth(adminApp()).verifyIdToken(match[1]);
    const role: unknown = decoded.role;
    res.json({ uid: decoded.uid, role: typeof role === 'string' ? role : null });
  } catch (err) {
    res.status(401).json({ error: err instanceof Error ? err.message : String(err) });
  }
});

interface ProbeTaskData {
  id: string;
  payload?: string;
}

function isProbeTaskData(value: unknown): value is ProbeTaskData {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}

/** A task enqueued with `{id, payload}` writes `_probeTasks/{id}`. */
export const probeTask = onTaskDispatched(
  { region: REGION, retryConfig: { maxAttempts: 2 }, rateLimits: { maxConcurrentDispatches: 5 } },
  async (req) => {
    const data: unknown = req.data;
    if (!isProbeTaskData(data)) throw new Error('probeTask: expected {id: string}');
    await db()
      .doc(`_probeTasks/${data.id}`)
      .set({ payload: data.payload ?? null, taskName: req.id, at: FieldValue.serverTimestamp() });
  },
);
