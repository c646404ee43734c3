/** The API contract: every 401/403/409/422 path, validation problems, tracking, lists, documents. */
import { admin, call, makeTeam, waitFor, type Team, type TestStaff } from './support';

let S: Team;

beforeAll(async () => {
  S = await makeTeam('ap', 'API');
});

const db = () => admin().db;
const valid = {
  subject: 'Intimidasi terhadap kelompok minoritas',
  description: 'Sekelompok orang mengintimidasi warga minoritas agar meninggalkan kampung mereka sejak bulan lalu.',
  confidentiality: 'rahasia',
  reporter: { name: 'Dewi Lestari', email: 'dewi.api@integration.test' },
  consent: true,
};

async function newCaseAtStep2(body: Record<string, unknown> = valid): Promise<{ id: string; trackingCode: string; accessToken: string }> {
  const res = await call<{ id: string; trackingCode: string; accessToken: string }>('POST', '/complaints', { body });
  expect(res.status).toBe(201);
  await waitFor('intake', async () => (await db().doc(`complaints/${res.body.id}`).get()).get('step') === 2);
  return res.body;
}

const version = async (id: string) => (await db().doc(`complaints/${id}`).get()).get('version') as number;

async function actOk(id: string, who: TestStaff, action: string, payload: Record<string, unknown>) {
  const res = await call('POST', `/cases/${id}/actions`, { token: who.token, body: { action, version: await version(id), ...payload } });
  expect(res.status).toBe(200);
  return res.body;
}

describe('public endpoints', () => {
  it('GET /api/health answers 200', async () => {
    const res = await call('GET', '/health');
    expect([res.status, res.body]).toEqual([200, { status: 'ok' }]);
  });

  it('GET /api/workflow gives the SOP table with JSON Schemas of the payloads', async () => {
    const res = await call<{ steps: Array<{ step: number; role: string; standard: unknown; actions: Array<{ name: string; payloadSchema: { required?: string[] } | null }> }> }>('GET', '/workflow');
    expect(res.status).toBe(200);
    expect(res.body.steps).toHaveLength(11);
    expect(res.body.steps[5]).toMatchObject({ step: 6, role: 'kabid', standard: { workingDays: 1 } });
    const dispose = res.body.steps[3].actions.find((a) => a.name === 'dispose');
    expect(dispose?.payloadSchema?.required).toEqual(['asdepUid', 'instruction']);
  });

  it('GET /api/openapi.json serves the OpenAPI document', async () => {
    const res = await call<{ openapi: string; paths: Record<string, unknown> }>('GET', '/openapi.json');
    expect([res.status, res.body.openapi]).toEqual([200, '3.1.0']);
    expect(res.body.paths).toHaveProperty(['/cases/{id}/actions']);
  });

  it('POST /api/complaints names every invalid field, in Indonesian by default', async () => {
    const res = await call<{ type: string; title: string; status: number; detail: string; errors: Array<{ path: string; message: string }> }>('POST', '/complaints', {
      body: { subject: 'x', description: 'terlalu pendek', consent: false, reporter: { name: 'Al', email: 'salah' } },
    });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(res.body).toMatchObject({ type: '/problems/invalid-submission', title: 'Permintaan tidak valid', status: 400 });
    expect(res.body.errors).toEqual([
      { path: 'subject', message: 'Minimal 5 karakter.' },
      { path: 'description', message: 'Minimal 30 karakter.' },
      { path: 'reporter.name', message: 'Minimal 3 karakter.' },
      { path: 'reporter.email', message: 'Alamat e-mail tidak valid.' },
      { path: 'consent', message: 'Anda harus menyetujui pernyataan kebenaran dan penggunaan data.' },
    ]);
  });

  it('answers in English on request, and 400 for malformed JSON, never 5xx', async () => {
    const en = await call<{ errors: Array<{ path: string; message: string }> }>('POST', '/complaints?lang=en', { body: { ...valid, subject: 'x' } });
    expect(en.status).toBe(400);
    expect(en.body.errors).toEqual([{ path: 'subject', message: 'At least 5 characters.' }]);
    // Malformed JSON is refused by the Functions runtime's own body parser before the app
    // runs (a 400 without problem details; the app's MALFORMED_JSON answer covers direct use).
    const bad = await call<{ code: string }>('POST', '/complaints', { body: '{"subject": ' });
    expect(bad.status).toBe(400);
    const arr = await call<{ code: string }>('POST', '/complaints', { body: [1, 2] });
    expect([arr.status, arr.body.code]).toEqual([400, 'INVALID_SUBMISSION']);
  });

  it('a retried submission with the same Idempotency-Key gets the first answer, not a second complaint', async () => {
    const key = `k-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const first = await call<{ id: string; trackingCode: string; accessToken: string }>('POST', '/complaints', { body: valid, headers: { 'idempotency-key': key } });
    const again = await call<{ id: string; trackingCode: string; accessToken: string }>('POST', '/complaints', { body: valid, headers: { 'idempotency-key': key } });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
    const codes = await db().collection('trackingCodes').where('complaintId', '==', first.body.id).get();
    expect(codes.size).toBe(1);
    const other = await call<{ code: string }>('POST', '/complaints', { body: { ...valid, subject: 'Pengaduan yang lain sama sekali' }, headers: { 'idempotency-key': key } });
    expect([other.status, other.body.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    const bad = await call<{ errors: Array<{ path: string }> }>('POST', '/complaints', { body: valid, headers: { 'idempotency-key': 'x' } });
    expect([bad.status, bad.body.errors[0].path]).toEqual([400, 'Idempotency-Key']);
    const stored = (await db().collection('idempotency').get()).docs.map((d) => d.data()).find((r) => r.result.id === first.body.id);
    expect(stored?.expireAt.toDate().getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
  });

  it('tracking: unknown code and wrong token give the same 404; query token works', async () => {
    const c = await newCaseAtStep2();
    const wrong = await call('GET', `/track/${c.trackingCode}`, { headers: { 'x-access-token': 'nope' } });
    const unknown = await call('GET', '/track/KB-2222-2222', { headers: { 'x-access-token': c.accessToken } });
    const none = await call('GET', `/track/${c.trackingCode}`);
    expect([wrong.status, unknown.status, none.status]).toEqual([404, 404, 404]);
    expect(wrong.body).toEqual(unknown.body);
    const ok = await call<{ status: string; trackingCode: string }>('GET', `/track/${c.trackingCode.toLowerCase()}?token=${encodeURIComponent(c.accessToken)}`);
    expect([ok.status, ok.body.status, ok.body.trackingCode]).toEqual([200, 'diterima', c.trackingCode]);
    expect(JSON.stringify(ok.body)).not.toContain('Dewi');
  });
});

describe('staff endpoints', () => {
  it('401 without a token and with an invalid one', async () => {
    const none = await call<{ code: string; status: number }>('GET', '/cases');
    expect([none.status, none.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    const bad = await call<{ code: string }>('GET', '/cases', { token: 'not-a-token' });
    expect([bad.status, bad.body.code]).toEqual([401, 'INVALID_TOKEN']);
    const act = await call('POST', '/cases/x/actions', { body: { action: 'forward', version: 1 } });
    expect(act.status).toBe(401);
  });

  it('GET /api/staff?role=asdep lists the directory; a bad role is 400', async () => {
    const res = await call<{ staff: Array<{ uid: string; role: string }> }>('GET', '/staff?role=asdep', { token: S.deputi.token });
    expect(res.status).toBe(200);
    expect(res.body.staff.map((s) => s.uid)).toEqual(expect.arrayContaining([S.asdep.uid, S.asdep2.uid]));
    expect(res.body.staff.every((s) => s.role === 'asdep')).toBe(true);
    const bad = await call<{ errors: Array<{ path: string }> }>('GET', '/staff?role=raja', { token: S.deputi.token });
    expect([bad.status, bad.body.errors[0].path]).toEqual([400, 'role']);
  });

  it('403 for a role outside its row, 403 for a non-assignee, 409 for a stale version, 422 for the wrong step or payload', async () => {
    const c = await newCaseAtStep2();
    const v = await version(c.id);
    const post = (who: TestStaff, body: Record<string, unknown>) => call<{ code: string; status: number; errors?: Array<{ path: string; message: string }>; currentVersion?: number }>('POST', `/cases/${c.id}/actions`, { token: who.token, body });

    const role = await post(S.kabid, { action: 'forward', version: v, category: 'intoleransi', analysis: 'Analisis yang cukup panjang.' });
    expect([role.status, role.body.code]).toEqual([403, 'ROLE_NOT_PERMITTED']);


    const payload = await post(S.upp, { action: 'forward', version: v, category: 'bukan-kategori' });
    expect([payload.status, payload.body.code]).toEqual([422, 'INVALID_PAYLOAD']);
    expect(payload.body.errors?.map((e) => e.path)).toEqual(['category', 'analysis']);

    const envelope = await post(S.upp, { action: 'forward' });
    expect([envelope.status, envelope.body.code, envelope.body.errors?.[0].path]).toEqual([422, 'INVALID_PAYLOAD', 'version']);

    const stale = await post(S.upp, { action: 'forward', version: v - 1, category: 'intoleransi', analysis: 'Analisis yang cukup panjang.' });
    expect([stale.status, stale.body.code, stale.body.currentVersion]).toEqual([409, 'STALE_VERSION', v]);

    // nothing moved
    expect(await version(c.id)).toBe(v);

    await actOk(c.id, S.upp, 'forward', { category: 'intoleransi', analysis: 'Analisis yang cukup panjang.' });
    // The UPP's action, at a step that is no longer the UPP's, with the current version.
    const wrongStep = await post(S.upp, { action: 'forward', version: await version(c.id), category: 'intoleransi', analysis: 'Analisis yang cukup panjang.' });
    expect([wrongStep.status, wrongStep.body.code]).toEqual([422, 'WRONG_STEP']);
    await actOk(c.id, S.sesdep, 'validate', {});
    // dispose to someone who is not an Asdep: 422 naming the field
    const notAsdep = await post(S.deputi, { action: 'dispose', version: await version(c.id), asdepUid: S.kabid.uid, instruction: 'Tindak lanjuti.' });
    expect([notAsdep.status, notAsdep.body.code, notAsdep.body.errors]).toEqual([422, 'INVALID_PAYLOAD', [{ path: 'asdepUid', message: 'Bukan Asisten Deputi yang aktif.' }]]);
    await actOk(c.id, S.deputi, 'dispose', { asdepUid: S.asdep.uid, instruction: 'Tindak lanjuti.' });

    // Another Asdep may not act on it (403) and cannot see it (404).
    const other = await post(S.asdep2, { action: 'assign', version: await version(c.id), staffUids: [S.kabid.uid], instruction: 'Kerjakan.' });
    expect([other.status, other.body.code]).toEqual([403, 'NOT_ASSIGNEE']);
    const see = await call('GET', `/cases/${c.id}`, { token: S.asdep2.token });
    expect(see.status).toBe(404);

    await actOk(c.id, S.asdep, 'assign', { staffUids: [S.kabid.uid], instruction: 'Kerjakan.' });
    // The Asdep sees it but is not the assignee at step 6: 403.
    const notAssignee = await post(S.asdep, { action: 'submitStudy', version: await version(c.id), study: 'Telaahan yang cukup panjang untuk diterima.' });
    expect([notAssignee.status, notAssignee.body.code]).toEqual([403, 'ROLE_NOT_PERMITTED']);
  });

  it('GET /api/cases/{id}: identity only for the roles the table entitles (rahasia: upp, sesdep, deputi)', async () => {
    const c = await newCaseAtStep2();
    await actOk(c.id, S.upp, 'forward', { category: 'intoleransi', analysis: 'Analisis yang cukup panjang.' });
    await actOk(c.id, S.sesdep, 'validate', {});
    await actOk(c.id, S.deputi, 'dispose', { asdepUid: S.asdep.uid, instruction: 'Tindak lanjuti.' });
    const forDeputi = await call<{ reporter: { name: string } | null; reporterHidden: boolean; history: unknown[]; availableActions: unknown[] }>('GET', `/cases/${c.id}`, { token: S.deputi.token });
    expect(forDeputi.status).toBe(200);
    expect(forDeputi.body.reporter).toEqual({ name: 'Dewi Lestari', email: 'dewi.api@integration.test' });
    const forAsdep = await call<{ reporter: unknown; reporterHidden: boolean; availableActions: Array<{ name: string }> }>('GET', `/cases/${c.id}`, { token: S.asdep.token });
    expect([forAsdep.status, forAsdep.body.reporter, forAsdep.body.reporterHidden]).toEqual([200, null, true]);
    expect(forAsdep.body.availableActions.map((a) => a.name)).toEqual(['assign']);
    expect(JSON.stringify(forAsdep.body)).not.toContain('Dewi');
    const forAdmin = await call<{ reporter: unknown }>('GET', `/cases/${c.id}`, { token: S.admin.token });
    expect(forAdmin.body.reporter).toBeNull();
    // Reading the identity is recorded.
    const reads = await db().collection(`complaints/${c.id}/identityReads`).get();
    expect(reads.docs.map((d) => d.get('uid'))).toEqual([S.deputi.uid]);
  });

  it('GET /api/cases scopes: mine, all, overdue, with paging', async () => {
    const c = await newCaseAtStep2();
    const mine = await call<{ items: Array<{ id: string }>; total: number }>('GET', '/cases?scope=mine&limit=100', { token: S.upp.token });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i) => i.id)).toContain(c.id);
    const sesdepMine = await call<{ items: Array<{ id: string }> }>('GET', '/cases?scope=mine&limit=100', { token: S.sesdep.token });
    expect(sesdepMine.body.items.map((i) => i.id)).not.toContain(c.id);
    const kabidAll = await call<{ items: Array<{ id: string }> }>('GET', '/cases?scope=all', { token: S.kabid2.token });
    expect(kabidAll.body.items.map((i) => i.id)).not.toContain(c.id);
    const page1 = await call<{ items: unknown[]; nextCursor: string | null; total: number }>('GET', '/cases?scope=all&limit=1', { token: S.deputi.token });
    expect(page1.body.items).toHaveLength(1);
    expect(page1.body.total).toBeGreaterThan(1);
    expect(page1.body.nextCursor).toBe('1');
    const bad = await call<{ status: number }>('GET', '/cases?scope=semua', { token: S.deputi.token });
    expect(bad.status).toBe(400);
    const overdue = await call<{ items: Array<{ isOverdue: boolean }> }>('GET', '/cases?scope=overdue', { token: S.deputi.token });
    expect(overdue.status).toBe(200);
    expect(overdue.body.items.every((i) => i.isOverdue)).toBe(true);
  });

  it('POST /api/cases: the UPP records a walk-in complaint; other roles may not', async () => {
    const { consent: _consent, ...recorded } = valid;
    const body = { ...recorded, confidentiality: 'biasa', channel: 'walkin' };
    const no = await call<{ code: string }>('POST', '/cases', { token: S.sesdep.token, body });
    expect([no.status, no.body.code]).toEqual([403, 'ROLE_NOT_PERMITTED']);
    const missing = await call<{ errors: Array<{ path: string }> }>('POST', '/cases', { token: S.upp.token, body: recorded });
    expect([missing.status, missing.body.errors.map((e) => e.path)]).toEqual([400, ['channel']]);
    const ok = await call<{ id: string; trackingCode: string }>('POST', '/cases', { token: S.upp.token, body });
    expect(ok.status).toBe(201);
    const stored = (await db().doc(`complaints/${ok.body.id}`).get()).data();
    expect([stored?.channel, stored?.recordedBy]).toEqual(['walkin', S.upp.uid]);
  });

  it('GET /api/cases/{id}/documents/{docId} serves the printable HTML', async () => {
    const c = await newCaseAtStep2();
    await waitFor('receipt', async () => (await db().doc(`complaints/${c.id}/documents/tanda_terima-v1`).get()).exists);
    const res = await call<string>('GET', `/cases/${c.id}/documents/tanda_terima-v1`, { token: S.upp.token });
    expect(res.status).toBe(200);
    expect(res.type).toContain('text/html');
    expect(res.body).toContain(c.trackingCode);
    expect(res.body).toContain('@page');
    const missing = await call('GET', `/cases/${c.id}/documents/nope-v1`, { token: S.upp.token });
    expect(missing.status).toBe(404);
  });
});

describe('the working calendar (admin)', () => {
  it('staff read it; only the admin changes it; bad settings are 422 naming the field', async () => {
    const read = await call<{ config: { workingDays: number[]; dayStart: string }; upcomingHolidays: Array<{ date: string; name: string }> }>('GET', '/config/calendar', { token: S.kabid.token });
    expect(read.status).toBe(200);
    expect(read.body.config.dayStart).toBe('08:00');

    const settings = { additions: [{ date: '2027-03-11', name: 'Cuti bersama Idul Fitri' }], removals: [] };
    const denied = await call<{ code: string }>('PUT', '/config/calendar', { token: S.deputi.token, body: settings });
    expect([denied.status, denied.body.code]).toEqual([403, 'ROLE_NOT_PERMITTED']);

    const put = (body: unknown) => call<{ errors: Array<{ path: string; message: string }> }>('PUT', '/config/calendar', { token: S.admin.token, body });
    const order = await put({ dayStart: '16:00', dayEnd: '08:00' });
    expect([order.status, order.body.errors]).toEqual([422, [{ path: 'dayEnd', message: 'Jam selesai harus setelah jam mulai.' }]]);
    const date = await put({ additions: [{ date: '2027-13-01', name: 'x' }], workingDays: [0] });
    expect([date.status, date.body.errors.map((e) => e.path)]).toEqual([422, ['workingDays[0]', 'additions[0].date']]);

    const ok = await call<{ config: { additions: Array<{ date: string }> } }>('PUT', '/config/calendar', { token: S.admin.token, body: settings });
    expect(ok.status).toBe(200);
    expect(ok.body.config.additions).toEqual([{ date: '2027-03-11', name: 'Cuti bersama Idul Fitri' }]);
    const stored = (await db().doc('config/calendar').get()).data();
    expect(stored).toMatchObject({ ...settings, workingDays: [1, 2, 3, 4, 5], dayStart: '08:00', dayEnd: '16:00', updatedBy: S.admin.uid });
    // back to the defaults for the other tests
    await call('PUT', '/config/calendar', { token: S.admin.token, body: {} });
  });
});
