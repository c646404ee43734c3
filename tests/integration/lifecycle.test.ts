/**
 * A complaint from the public form to the Menko's recommendation letter, through all 11
 * steps and both return loops, checked at each step: history, assignee, due time, deadline
 * task, document, mails. Runs on the local stack (hosting rewrite → api function → local
 * Firestore → trigger → Cloud Tasks emulator), with KESBANG_TIME_SCALE compressing time.
 */
import { admin, call, makeTeam, waitFor, TIME_SCALE, type Team, type TestStaff } from './support';

jest.setTimeout(240_000);

const MINUTES: Record<number, number> = { 1: 10, 2: 10, 3: 10, 4: 60, 5: 120, 6: 480, 7: 480, 8: 300, 9: 60, 10: 30, 11: 15 };

interface Complaint {
  step: number;
  version: number;
  outcome: string | null;
  status: string;
  assignees: string[];
  assigneeRole: string | null;
  stepEnteredAt: string;
  stepDueAt: string | null;
  trackingCode: string;
  rework: Record<string, number>;
}

let S: Team;
const reporter = { name: 'Rahmat Hidayat', email: 'rahmat.pelapor@integration.test', phone: '081298765432', nik: '3174012345678901' };

beforeAll(async () => {
  S = await makeTeam('lc', 'Lifecycle');
});

const db = () => admin().db;
const complaint = async (id: string) => (await db().doc(`complaints/${id}`).get()).data() as Complaint;
const history = (id: string, v: number) => db().doc(`complaints/${id}/history/v${String(v).padStart(4, '0')}`);

async function submit(extra: Record<string, unknown> = {}) {
  const res = await call<{ id: string; trackingCode: string; accessToken: string; status: string }>('POST', '/complaints', {
    body: {
      subject: 'Bentrokan antarwarga karena isu SARA',
      description: 'Terjadi bentrokan antarwarga di kelurahan kami setelah beredar pesan bernada kebencian terhadap suku tertentu.',
      category: 'konflik_sosial',
      confidentiality: 'biasa',
      reporter,
      consent: true,
      ...extra,
    },
  });
  expect(res.status).toBe(201);
  return res.body;
}

/** The effects of the move to `version` are done: history entry marked by the trigger. */
async function settled(id: string, version: number) {
  return waitFor(`effects of v${version}`, async () => {
    const h = await history(id, version).get();
    return h.exists && h.get('effectsDoneAt') ? h.data() : undefined;
  });
}

async function act(id: string, who: TestStaff, action: string, payload: Record<string, unknown> = {}) {
  const before = await complaint(id);
  const res = await call<Record<string, unknown>>('POST', `/cases/${id}/actions`, { token: who.token, body: { action, version: before.version, ...payload } });
  if (res.status !== 200) throw new Error(`${action} by ${who.uid}: ${res.status} ${JSON.stringify(res.body)}`);
  await settled(id, before.version + 1);
  return complaint(id);
}

function expectDue(c: Complaint) {
  const expected = new Date(c.stepEnteredAt).getTime() + (MINUTES[c.step] * 60_000) / TIME_SCALE;
  expect(new Date(c.stepDueAt ?? 0).getTime()).toBe(expected);
}

async function mail(id: string) {
  const m = await waitFor(`mail ${id}`, async () => {
    const s = await db().doc(`mail/${id}`).get();
    return s.exists ? s.data() : undefined;
  });
  return m as { to: string[]; message: { subject: string; html: string; text: string }; template: string };
}

async function doc(complaintId: string, docId: string) {
  const s = await db().doc(`complaints/${complaintId}/documents/${docId}`).get();
  expect(s.exists).toBe(true);
  return s.data() as { kind: string; version: number; html: string; title: string };
}

const PAY = {
  forward: { category: 'konflik_sosial', analysis: 'Konflik sosial berbasis SARA, kewenangan Deputi V.' },
  validate: { note: 'Data lengkap.' },
  dispose: () => ({ asdepUid: S.asdep.uid, instruction: 'Koordinasikan dengan Kemendagri dan Polri.', priority: 'segera' }),
  assign: () => ({ staffUids: [S.kabid.uid, S.kabid2.uid], instruction: 'Susun telaahan dan adakan pembahasan.', leadershipMeeting: true }),
  study: { study: 'Telaahan: konflik dipicu hoaks yang menyasar suku tertentu.', materials: ['Kronologi', 'Tangkapan layar pesan'] },
  discussion: {
    heldOn: '2026-12-03',
    participants: [
      { name: 'Budi Santoso', organization: 'Kementerian Dalam Negeri', kind: 'kl_terkait' },
      { name: 'Sri Wahyuni', organization: 'Asdep Wawasan Kebangsaan', kind: 'internal' },
    ],
    results: 'Disepakati mediasi oleh pemerintah daerah dan penegakan hukum terhadap penyebar hoaks.',
  },
  draft: (n: number) => ({
    addressee: 'Menteri Dalam Negeri',
    findings: `Temuan versi ${n}: konflik dipicu hoaks bernuansa SARA di media sosial.`,
    recommendation: `Rekomendasi versi ${n}: pemerintah daerah memfasilitasi mediasi para pihak.`,
  }),
};

describe('a complaint through all 11 steps', () => {
  it('goes from the public form to the Surat Rekomendasi, with both return loops', async () => {
    const created = await submit();
    expect(created.status).toBe('diterima');
    expect(created.trackingCode).toMatch(/^KB-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const id = created.id;

    // 1 → 2 automatically (intake), with the receipt and the reporter's first mail.
    await settled(id, 1);
    await settled(id, 2);
    let c = await complaint(id);
    expect([c.step, c.status, c.assigneeRole, c.assignees]).toEqual([2, 'diterima', 'upp', []]);
    expectDue(c);
    expect((await doc(id, 'tanda_terima-v1')).html).toContain(created.trackingCode);
    const m1 = await mail(`status-${id}-v1`);
    expect(m1.to).toEqual([reporter.email]);
    expect(m1.template).toBe('reporterStatus');
    const t2 = await mail(`task-${id}-v2-${S.upp.uid}`);
    expect(t2.to).toEqual([S.upp.email]);
    expect(t2.message.text).toContain(created.trackingCode);
    expect(t2.message.text).not.toContain(reporter.name);
    // the private identity is stored apart
    expect((await db().doc(`complaints/${id}/private/reporter`).get()).data()).toEqual(reporter);
    expect(JSON.stringify(await complaint(id))).not.toContain(reporter.email);

    c = await act(id, S.upp, 'forward', PAY.forward);
    expect([c.step, c.status, c.assigneeRole]).toEqual([3, 'diverifikasi', 'sesdep']);
    expectDue(c);
    await mail(`task-${id}-v3-${S.sesdep.uid}`);
    expect((await mail(`status-${id}-v3`)).message.text).toContain('Diverifikasi');

    c = await act(id, S.sesdep, 'validate', PAY.validate);
    expect([c.step, c.assigneeRole]).toEqual([4, 'deputi']);
    await mail(`task-${id}-v4-${S.deputi.uid}`);

    c = await act(id, S.deputi, 'dispose', PAY.dispose());
    expect([c.step, c.status, c.assignees]).toEqual([5, 'didisposisi', [S.asdep.uid]]);
    expectDue(c);
    const sheet = await doc(id, 'lembar_disposisi-v1');
    expect(sheet.html).toContain('Koordinasikan dengan Kemendagri dan Polri.');
    expect(sheet.html).toContain(S.asdep.name);
    await mail(`task-${id}-v5-${S.asdep.uid}`);

    c = await act(id, S.asdep, 'assign', PAY.assign());
    expect([c.step, c.status, c.assignees]).toEqual([6, 'ditindaklanjuti', [S.kabid.uid, S.kabid2.uid]]);
    expectDue(c);
    expect((await doc(id, 'lembar_disposisi-v2')).html).toContain(S.kabid2.name);
    await mail(`task-${id}-v6-${S.kabid.uid}`);
    await mail(`task-${id}-v6-${S.kabid2.uid}`);

    c = await act(id, S.kabid, 'submitStudy', PAY.study);
    expect(c.step).toBe(7);
    expectDue(c);
    expect((await doc(id, 'telaahan_staf-v1')).html).toContain('Tangkapan layar pesan');

    c = await act(id, S.kabid2, 'recordDiscussion', PAY.discussion);
    expect(c.step).toBe(8);
    expect((await doc(id, 'hasil_pembahasan-v1')).html).toContain('Kementerian Dalam Negeri');

    c = await act(id, S.kabid, 'submitDraft', PAY.draft(1));
    expect([c.step, c.status, c.assignees]).toEqual([9, 'dalam_peninjauan', [S.asdep.uid]]);
    expect((await doc(id, 'konsep_laporan-v1')).html).toContain('Temuan versi 1');

    // Loop 1: the Asdep returns the draft to the drafters (9 → 8).
    c = await act(id, S.asdep, 'return', { reason: 'Rekomendasi belum menyebut tenggat waktu.' });
    expect([c.step, c.assignees, c.rework.step8]).toEqual([8, [S.kabid.uid, S.kabid2.uid], 1]);
    const returned = await mail(`task-${id}-v${c.version}-${S.kabid.uid}`);
    expect(returned.message.text).toContain('Rekomendasi belum menyebut tenggat waktu.');
    c = await act(id, S.kabid, 'submitDraft', PAY.draft(2));
    expect(c.step).toBe(9);
    expect((await doc(id, 'konsep_laporan-v2')).html).toContain('Temuan versi 2');
    expect((await doc(id, 'konsep_laporan-v1')).html).toContain('Temuan versi 1'); // the old one kept

    c = await act(id, S.asdep, 'approve', { note: 'Setuju.' });
    expect([c.step, c.assigneeRole]).toEqual([10, 'deputi']);
    expectDue(c);

    // Loop 2: the Deputi returns it to the Asdep (10 → 9).
    c = await act(id, S.deputi, 'return', { reason: 'Mohon lengkapi dasar hukum rekomendasi.' });
    expect([c.step, c.assignees, c.rework.step9]).toEqual([9, [S.asdep.uid], 1]);
    c = await act(id, S.asdep, 'approve', {});
    c = await act(id, S.deputi, 'approve', {});
    expect([c.step, c.assigneeRole]).toEqual([11, 'menko']);
    expectDue(c);
    await mail(`task-${id}-v${c.version}-${S.menko.uid}`);

    // The Menko may send it back too (11 → 10), then approve.
    c = await act(id, S.menko, 'return', { reason: 'Pertajam rekomendasi kepada Kemendagri.' });
    expect([c.step, c.rework.step10]).toEqual([10, 1]);
    c = await act(id, S.deputi, 'approve', {});
    c = await act(id, S.menko, 'approve', { note: 'Setuju.' });
    expect([c.outcome, c.status, c.stepDueAt, c.assigneeRole]).toEqual(['completed', 'selesai', null, null]);

    const letter = await doc(id, 'surat_rekomendasi-v1');
    expect(letter.html).toContain('Menteri Dalam Negeri');
    expect(letter.html).toContain('Rekomendasi versi 2');
    expect(letter.html).toContain(created.trackingCode);
    expect(letter.html).not.toContain(reporter.name);
    expect((await mail(`status-${id}-v${c.version}`)).message.text).toContain('Selesai');

    // History: one entry per move, in order, each done once.
    const hist = await db().collection(`complaints/${id}/history`).get();
    expect(hist.size).toBe(c.version);
    expect(hist.docs.map((d) => d.get('action'))).toEqual([
      'submit', 'intake', 'forward', 'validate', 'dispose', 'assign', 'submitStudy', 'recordDiscussion', 'submitDraft',
      'return', 'submitDraft', 'approve', 'return', 'approve', 'approve', 'return', 'approve', 'approve',
    ]);
    expect(hist.docs.every((d) => typeof d.get('effectsDoneAt') === 'string')).toBe(true);

    // The reporter's mails: one per public status change, and nothing else.
    const reporterMails = await db().collection('mail').where('complaintId', '==', id).where('template', '==', 'reporterStatus').get();
    expect(reporterMails.docs.map((d) => d.id).sort()).toEqual(
      [1, 3, 5, 6, 9, 10, 11, c.version].map((v) => `status-${id}-v${v}`).sort(),
    );

    // The public tracking page: status and timeline, no identity, no staff, no internals.
    const track = await call<Record<string, unknown>>('GET', `/track/${created.trackingCode}`, { headers: { 'x-access-token': created.accessToken } });
    expect(track.status).toBe(200);
    expect(track.body.status).toBe('selesai');
    const timeline = (track.body.timeline as Array<{ status: string }>).map((t) => t.status);
    expect(timeline).toEqual(['diterima', 'diverifikasi', 'didisposisi', 'ditindaklanjuti', 'dalam_peninjauan', 'ditindaklanjuti', 'dalam_peninjauan', 'selesai']);
    const text = JSON.stringify(track.body);
    for (const secret of [reporter.name, reporter.email, reporter.phone, reporter.nik, S.asdep.name, S.kabid.name, S.asdep.uid, 'Rekomendasi belum', 'Konflik sosial berbasis SARA']) {
      expect(text).not.toContain(secret);
    }
    expect(Object.keys(track.body).sort()).toEqual(['statusDescription', 'statusLabel', 'status', 'subject', 'submittedAt', 'targetDate', 'timeline', 'trackingCode', 'updatedAt'].sort());
  });
});
