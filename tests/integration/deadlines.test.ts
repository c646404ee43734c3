/**
 * Deadlines with compressed time (KESBANG_TIME_SCALE): the 75 % reminder, the breach with its
 * escalation to the supervisor, and idempotency — redelivered trigger events and duplicate
 * deadline tasks change nothing.
 */
import { getFunctions } from 'firebase-admin/functions';
import { admin, call, makeStaff, sleep, waitFor, TIME_SCALE, type TestStaff } from './support';

jest.setTimeout(180_000);

const FIRESTORE = `http://${process.env.FIRESTORE_EMULATOR_HOST ?? '127.0.0.1:8080'}`;
let S: Record<'upp' | 'sesdep' | 'deputi', TestStaff>;

beforeAll(async () => {
  const deputi = await makeStaff('dl-deputi', 'deputi', 'deputi', null, 'Deputi Deadline');
  const sesdep = await makeStaff('dl-sesdep', 'sesdep', 'sesdep', deputi.uid, 'Sesdep Deadline');
  const upp = await makeStaff('dl-upp', 'upp', 'upp', sesdep.uid, 'UPP Deadline');
  S = { deputi, sesdep, upp };
});

const db = () => admin().db;

async function submit(): Promise<string> {
  const res = await call<{ id: string }>('POST', '/complaints', {
    body: {
      subject: 'Pembubaran diskusi kebangsaan oleh massa',
      description: 'Diskusi kebangsaan di balai warga dibubarkan paksa oleh sekelompok massa yang membawa senjata tajam.',
      confidentiality: 'biasa',
      reporter: { name: 'Yusuf Maulana', email: 'yusuf.deadline@integration.test' },
      consent: true,
    },
  });
  expect(res.status).toBe(201);
  await waitFor('intake', async () => (await db().doc(`complaints/${res.body.id}/history/v0002`).get()).get('effectsDoneAt'));
  return res.body.id;
}

async function mailIds(complaintId: string): Promise<string[]> {
  const snap = await db().collection('mail').where('complaintId', '==', complaintId).get();
  return snap.docs.map((d) => d.id).sort();
}

async function idle(): Promise<void> {
  const res = await fetch(`${FIRESTORE}/_local/triggers/idle?timeoutMs=30000`);
  expect(res.status).toBe(200);
}

describe('deadlines', () => {
  it('the time scale is compressed for these tests', () => {
    expect(TIME_SCALE).toBeGreaterThanOrEqual(30);
  });

  it('reminds at 75 %, then marks the breach and escalates to the supervisor', async () => {
    const id = await submit();
    const c = (await db().doc(`complaints/${id}`).get()).data() as { stepEnteredAt: string; stepDueAt: string };
    const dueMs = new Date(c.stepDueAt).getTime();
    expect(dueMs - new Date(c.stepEnteredAt).getTime()).toBe((10 * 60_000) / TIME_SCALE);

    const reminder = await waitFor('reminder mail', async () => (await db().doc(`mail/reminder-${id}-v2-${S.upp.uid}`).get()).data());
    expect(reminder.to).toEqual([S.upp.email]);
    expect(reminder.template).toBe('reminder');
    // Not before 75 % of the standard.
    expect(new Date(reminder.createdAt).getTime()).toBeGreaterThanOrEqual(new Date(c.stepEnteredAt).getTime() + (0.75 * 10 * 60_000) / TIME_SCALE - 300);

    const breach = await waitFor('breach record', async () => (await db().doc(`breaches/${id}-s2-v2`).get()).data(), 60_000);
    expect(breach).toMatchObject({ complaintId: id, step: 2, version: 2, assigneeRole: 'upp', dueAt: c.stepDueAt });
    expect(typeof breach.minutesLate).toBe('number');
    expect(new Date(breach.detectedAt).getTime()).toBeGreaterThanOrEqual(dueMs - 300);

    const marked = (await db().doc(`complaints/${id}`).get()).data();
    expect(marked).toMatchObject({ isOverdue: true, breachCount: 1, overdue: { step: 2, version: 2, dueAt: c.stepDueAt } });

    const escalation = await waitFor('escalation mail', async () => (await db().doc(`mail/breach-${id}-s2-v2-${S.sesdep.uid}`).get()).data());
    expect(escalation.to).toEqual([S.sesdep.email]);
    expect(escalation.message.text).not.toContain('Yusuf');

    // The overdue list shows it to the supervisor.
    const list = await call<{ items: Array<{ id: string }> }>('GET', '/cases?scope=overdue&limit=100', { token: S.sesdep.token });
    expect(list.body.items.map((i) => i.id)).toContain(id);

    // A duplicate deadline task (same step entry, another task id) changes nothing.
    const before = await mailIds(id);
    await getFunctions()
      .taskQueue('locations/asia-southeast2/functions/deadlineCheck')
      .enqueue({ complaintId: id, step: 2, version: 2, kind: 'deadline', attempt: 777 }, { id: `dup-${id}` });
    await sleep(5000); // the emulator dispatches after ~2 s
    expect((await db().doc(`complaints/${id}`).get()).get('breachCount')).toBe(1);
    expect((await db().collection('breaches').where('complaintId', '==', id).get()).size).toBe(1);
    expect(await mailIds(id)).toEqual(before);

    // Acting on the step clears the overdue mark; the breach record stays.
    const v = (await db().doc(`complaints/${id}`).get()).get('version') as number;
    const res = await call('POST', `/cases/${id}/actions`, { token: S.upp.token, body: { action: 'forward', version: v, category: 'konflik_sosial', analysis: 'Perlu ditangani segera.' } });
    expect(res.status).toBe(200);
    const after = (await db().doc(`complaints/${id}`).get()).data();
    expect([after?.isOverdue, after?.overdue, after?.breachCount]).toEqual([false, null, 1]);
    expect((await db().doc(`breaches/${id}-s2-v2`).get()).exists).toBe(true);
  });

  it('a deadline task that fires early re-schedules itself for the due time, and breaches once', async () => {
    const id = await submit();
    const queue = getFunctions().taskQueue('locations/asia-southeast2/functions/deadlineCheck');
    // Straight into the emulator, which dispatches it within ~2 s: well before the 10 s due.
    await queue.enqueue({ complaintId: id, step: 2, version: 2, kind: 'deadline', attempt: 40 }, { id: `early-${id}` });
    const next = await waitFor('the re-scheduled task', async () => (await db().doc(`_localTasks/dl-${id}-s2-v2-a41`).get()).data(), 9_000, 100);
    const due = (await db().doc(`complaints/${id}`).get()).get('stepDueAt') as string;
    expect(next).toMatchObject({ queue: 'locations/asia-southeast2/functions/deadlineCheck', dueAt: due, data: { complaintId: id, step: 2, version: 2, kind: 'deadline', attempt: 41 } });
    expect((await db().doc(`breaches/${id}-s2-v2`).get()).exists).toBe(false);
    await waitFor('the breach', async () => (await db().doc(`breaches/${id}-s2-v2`).get()).exists, 30_000);
    await sleep(4000); // both the first task and the re-scheduled one have run by now
    expect((await db().doc(`complaints/${id}`).get()).get('breachCount')).toBe(1);
  });

  it('a step that ends before its deadline never breaches', async () => {
    const id = await submit();
    const v = (await db().doc(`complaints/${id}`).get()).get('version') as number;
    const res = await call('POST', `/cases/${id}/actions`, { token: S.upp.token, body: { action: 'forward', version: v, category: 'intoleransi', analysis: 'Diteruskan tepat waktu.' } });
    expect(res.status).toBe(200);
    await sleep((10 * 60_000) / TIME_SCALE + 4000);
    expect((await db().doc(`breaches/${id}-s2-v2`).get()).exists).toBe(false);
    expect((await db().doc(`mail/reminder-${id}-v2-${S.upp.uid}`).get()).exists).toBe(false);
  });

  it('redelivered and out-of-order trigger events change nothing', async () => {
    const id = await submit();
    const v = (await db().doc(`complaints/${id}`).get()).get('version') as number;
    await call('POST', `/cases/${id}/actions`, { token: S.upp.token, body: { action: 'forward', version: v, category: 'intoleransi', analysis: 'Diteruskan untuk validasi.' } });
    await waitFor('effects of v3', async () => (await db().doc(`complaints/${id}/history/v0003`).get()).get('effectsDoneAt'));
    await idle();

    // Everything a move's bookkeeping writes (deadline fields may change meanwhile: step 3's
    // own reminder can fire during the test, and is not what is checked here).
    const snapshot = async () => {
      const { remindedVersion: _r, isOverdue: _i, overdue: _o, breachCount: _b, ...complaint } = (await db().doc(`complaints/${id}`).get()).data() ?? {};
      return {
        complaint,
        history: (await db().collection(`complaints/${id}/history`).get()).docs.map((d) => [d.id, d.data()]),
        documents: (await db().collection(`complaints/${id}/documents`).get()).docs.map((d) => [d.id, d.get('html')]),
        mails: (await mailIds(id)).filter((m) => m.startsWith('status-') || m.startsWith('task-')),
      };
    };
    const before = await snapshot();

    const events = (await (await fetch(`${FIRESTORE}/_local/events?document=${encodeURIComponent(`complaints/${id}`)}&trigger=onComplaintWritten`)).json()) as {
      events: Array<{ eventId: string; redelivery: boolean }>;
    };
    const originals = events.events.filter((e) => !e.redelivery);
    expect(originals.length).toBeGreaterThanOrEqual(3); // create, intake, forward (+ bookkeeping writes)
    // Deliver every event again, newest first (out of order).
    for (const e of [...originals].reverse()) {
      const r = await fetch(`${FIRESTORE}/_local/events/${encodeURIComponent(e.eventId)}/redeliver`, { method: 'POST' });
      expect(r.status).toBe(200);
    }
    await idle();
    expect(await snapshot()).toEqual(before);
  });
});
