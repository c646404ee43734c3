/**
 * The local stack works end to end: Firestore triggers (delivered once, idempotent under
 * redelivery), serialised transactions with atomic preconditions, Auth emulator ID tokens
 * verified by an HTTPS function, Cloud Tasks reaching their handler, and Firestore data
 * surviving a restart. Uses the probe functions of functions/src/probes (emulator only).
 *
 * Started by tools/test.mjs, which sets FIRESTORE_EMULATOR_HOST, FIREBASE_AUTH_EMULATOR_HOST,
 * CLOUD_TASKS_EMULATOR_HOST, GCLOUD_PROJECT, FUNCTIONS_EMULATOR_ORIGIN and
 * LOCAL_STACK_FIRESTORE (`local` | `official`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { Firestore, getFirestore } from 'firebase-admin/firestore';
import { getFunctions } from 'firebase-admin/functions';

const PROJECT = process.env.GCLOUD_PROJECT ?? 'demo-kesbang';
const REGION = 'asia-southeast2';
const FIRESTORE = process.env.FIRESTORE_EMULATOR_HOST ?? '127.0.0.1:8080';
const AUTH = process.env.FIREBASE_AUTH_EMULATOR_HOST ?? '127.0.0.1:9099';
const FUNCTIONS = process.env.FUNCTIONS_EMULATOR_ORIGIN ?? 'http://127.0.0.1:5001';
const LOCAL = (process.env.LOCAL_STACK_FIRESTORE ?? 'local') === 'local';
const localOnly = LOCAL ? test : test.skip;

let app: App;
let db: Firestore;

beforeAll(() => {
  // serviceAccountId: firebase-admin would otherwise ask the GCE metadata server for it when
  // enqueueing a task (no network here)
  app = initializeApp({ projectId: PROJECT, serviceAccountId: `stack-test@${PROJECT}.iam.gserviceaccount.com` }, `stack-test-${Date.now()}`);
  db = getFirestore(app);
});

afterAll(async () => {
  await deleteApp(app);
});

function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Waits until the local Firestore has delivered every pending trigger event. */
async function triggersIdle(): Promise<void> {
  if (!LOCAL) return;
  const res = await fetch(`http://${FIRESTORE}/_local/triggers/idle?timeoutMs=30000`);
  expect(res.status).toBe(200);
}

async function eventually<T>(fn: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(200);
  }
}

async function probeOut(id: string): Promise<Record<string, unknown> | undefined> {
  await triggersIdle();
  return eventually(async () => (await db.doc(`_probeOut/${id}`).get()).data());
}

describe('Firestore triggers', () => {
  test('create, update and delete of a document each run the trigger once', async () => {
    const id = uniqueId('w');
    await db.doc(`_probe/${id}`).set({ v: 1 });
    expect(await probeOut(id)).toMatchObject({ count: 1, lastValue: 1, existedBefore: false, existsAfter: true });

    await db.doc(`_probe/${id}`).update({ v: 2 });
    await triggersIdle();
    await eventually(async () => ((await db.doc(`_probeOut/${id}`).get()).get('count') === 2 ? true : undefined));
    expect((await db.doc(`_probeOut/${id}`).get()).data()).toMatchObject({ count: 2, lastValue: 2, existedBefore: true });

    await db.doc(`_probe/${id}`).delete();
    await triggersIdle();
    await eventually(async () => ((await db.doc(`_probeOut/${id}`).get()).get('count') === 3 ? true : undefined));
    expect((await db.doc(`_probeOut/${id}`).get()).data()).toMatchObject({ count: 3, existsAfter: false, lastValue: null });
  });

  localOnly('the same event delivered twice has one effect', async () => {
    const id = uniqueId('dup');
    await db.doc(`_probe/${id}`).set({ v: 'once' });
    expect(await probeOut(id)).toMatchObject({ count: 1 });

    const listed = (await (await fetch(`http://${FIRESTORE}/_local/events?document=_probe/${id}`)).json()) as {
      events: { eventId: string; status: string; triggerId: string }[];
    };
    expect(listed.events).toHaveLength(1);
    const [event] = listed.events;
    expect(event).toMatchObject({ status: 'delivered', triggerId: `${REGION}-probeWritten` });

    const res = await fetch(`http://${FIRESTORE}/_local/events/${event.eventId}/redeliver`, { method: 'POST' });
    expect(res.status).toBe(200);
    const redelivered = (await res.json()) as { events: { status: string; eventId: string; redelivery: boolean }[] };
    expect(redelivered.events).toEqual([expect.objectContaining({ status: 'delivered', eventId: event.eventId, redelivery: true })]);

    await triggersIdle();
    const out = (await db.doc(`_probeOut/${id}`).get()).data();
    expect(out).toMatchObject({ count: 1, lastEventId: event.eventId });
    expect((await db.doc(`_probeEvents/${event.eventId}`).get()).exists).toBe(true);
  });
});

describe('transactions', () => {
  test('20 concurrent increments of one document serialise to 20', async () => {
    const ref = db.doc(`_probeCounters/${uniqueId('tx')}`);
    await ref.set({ n: 0 });
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.runTransaction(async (tx) => {
          const snap = await tx.get(ref);
          tx.update(ref, { n: (snap.get('n') as number) + 1 });
        }),
      ),
    );
    expect((await ref.get()).get('n')).toBe(20);
  });

  test('a transaction whose read document changed before commit is retried', async () => {
    const ref = db.doc(`_probeCounters/${uniqueId('abort')}`);
    await ref.set({ n: 0 });
    let attempts = 0;
    await db.runTransaction(async (tx) => {
      attempts++;
      const snap = await tx.get(ref);
      if (attempts === 1) await ref.set({ n: 100 }); // a write outside the transaction
      tx.update(ref, { n: (snap.get('n') as number) + 1 });
    });
    expect(attempts).toBe(2);
    expect((await ref.get()).get('n')).toBe(101);
  });

  test('a failing precondition applies none of the writes of the commit', async () => {
    const existing = db.doc(`_probeCounters/${uniqueId('exists')}`);
    const other = db.doc(`_probeCounters/${uniqueId('other')}`);
    await existing.set({ n: 1 });
    const batch = db.batch();
    batch.set(other, { n: 1 });
    batch.create(existing, { n: 2 });
    await expect(batch.commit()).rejects.toMatchObject({ code: 6 }); // ALREADY_EXISTS
    expect((await other.get()).exists).toBe(false);
    expect((await existing.get()).get('n')).toBe(1);
  });
});

describe('Auth emulator', () => {
  test('an HTTPS function verifies an ID token and sees the role claim', async () => {
    const auth = getAuth(app);
    const email = `${uniqueId('probe')}@demo.test`;
    const user = await auth.createUser({ email, password: 'secret123' });
    await auth.setCustomUserClaims(user.uid, { role: 'kabid', unit: 'wasbang' });

    const signIn = await fetch(
      `http://${AUTH}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=fake-api-key`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'secret123', returnSecureToken: true }),
      },
    );
    expect(signIn.status).toBe(200);
    const { idToken } = (await signIn.json()) as { idToken: string };

    const url = `${FUNCTIONS}/${PROJECT}/${REGION}/probeWhoami`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${idToken}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ uid: user.uid, role: 'kabid' });

    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
  });
});

describe('Cloud Tasks emulator', () => {
  test('a task enqueued with firebase-admin reaches its onTaskDispatched handler', async () => {
    const id = uniqueId('task');
    const queue = getFunctions(app).taskQueue(`locations/${REGION}/functions/probeTask`);
    await queue.enqueue({ id, payload: 'hello' }, { id });
    const data = await eventually(async () => (await db.doc(`_probeTasks/${id}`).get()).data(), 30_000);
    expect(data).toMatchObject({ payload: 'hello' });
  });
});

describe('local Firestore persistence', () => {
  let child: ChildProcess | null = null;
  let dir = '';

  afterEach(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await new Promise((r) => child?.once('exit', r));
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
      const srv = createServer();
      srv.once('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const address = srv.address();
        const port = typeof address === 'object' && address ? address.port : 0;
        srv.close(() => resolve(port));
      });
    });
  }

  async function startInstance(port: number, dataFile: string): Promise<ChildProcess> {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', 'tools/firestore/main.ts', '--port', String(port), '--data', dataFile, '--functions', 'none', '--autosave-ms', '0'],
      { stdio: 'ignore' },
    );
    await eventually(async () => {
      try {
        return (await fetch(`http://127.0.0.1:${port}/`)).ok ? true : undefined;
      } catch {
        return undefined;
      }
    }, 20_000);
    return proc;
  }

  async function stopInstance(proc: ChildProcess): Promise<number | null> {
    const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
    proc.kill('SIGTERM');
    return exited;
  }

  /** A client for another Firestore host (the environment variable would take precedence). */
  function clientFor(port: number): Firestore {
    const saved = process.env.FIRESTORE_EMULATOR_HOST;
    delete process.env.FIRESTORE_EMULATOR_HOST;
    try {
      return new Firestore({ projectId: PROJECT, host: `127.0.0.1:${port}`, ssl: false });
    } finally {
      process.env.FIRESTORE_EMULATOR_HOST = saved;
    }
  }

  test('data written before a stop is there after a restart', async () => {
    dir = mkdtempSync(join(tmpdir(), 'local-firestore-'));
    const dataFile = join(dir, 'firestore.json');
    const port = await freePort();

    child = await startInstance(port, dataFile);
    let client = clientFor(port);
    await client.doc('persist/a').set({ text: 'survives', n: 42, nested: { at: new Date('2026-01-02T03:04:05.678Z') } });
    await client.doc('persist/a/sub/b').set({ ok: true });
    await client.terminate();
    expect(await stopInstance(child)).toBe(0);

    child = await startInstance(port, dataFile);
    client = clientFor(port);
    const snap = await client.doc('persist/a').get();
    expect(snap.get('text')).toBe('survives');
    expect(snap.get('n')).toBe(42);
    expect(snap.get('nested.at').toDate().toISOString()).toBe('2026-01-02T03:04:05.678Z');
    expect((await client.doc('persist/a/sub/b').get()).get('ok')).toBe(true);
    await client.terminate();
    expect(await stopInstance(child)).toBe(0);
  });
});
