/** transition(): every action × role × step, both return loops, and each typed error. */
import {
  SOP,
  STAFF_ROLES,
  SYSTEM_ACTOR,
  initialState,
  transition,
  availableActions,
  type Actor,
  type CaseState,
  type StaffRole,
  type StepNo,
} from '../../functions/src/workflow';
import { ACTORS, HAPPY_PATH, PAYLOADS, T0, act, caseAt, must } from './helpers';

const STAFF_ACTIONS = ['forward', 'decline', 'validate', 'dispose', 'assign', 'submitStudy', 'recordDiscussion', 'submitDraft', 'approve', 'return'];

/** The one actor of each role who is entitled at a step of the happy path. */
function rightful(role: StaffRole): Actor {
  return { upp: ACTORS.upp, sesdep: ACTORS.sesdep, deputi: ACTORS.deputi, asdep: ACTORS.asdep, kabid: ACTORS.kabid, menko: ACTORS.menko, admin: ACTORS.admin }[role];
}

describe('every action × role × step', () => {
  const cases: Array<[number, string, StaffRole]> = [];
  for (let step = 2; step <= 11; step++) for (const action of STAFF_ACTIONS) for (const role of STAFF_ROLES) cases.push([step, action, role]);

  it.each(cases)('step %i, %s by %s', (step, action, role) => {
    const state = caseAt(step);
    expect(state.step).toBe(step);
    const r = act(state, action, rightful(role));
    const def = SOP[step - 1].actions.find((a) => a.name === action);
    const allowed = def !== undefined && def.roles.includes(role);
    if (allowed) {
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.state.version).toBe(state.version + 1);
      expect(r.move.action).toBe(action);
      if ('step' in def.to) expect(r.state.step).toBe(def.to.step);
      else expect(r.state.outcome).toBe(def.to.outcome);
    } else {
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const roleEverAllowed = SOP.some((s) => s.actions.some((a) => a.name === action && a.roles.includes(role)));
      if (!roleEverAllowed) expect(r.error).toMatchObject({ code: 'ROLE_NOT_PERMITTED', status: 403 });
      else if (def === undefined) expect(r.error).toMatchObject({ code: 'WRONG_STEP', status: 422 });
      else expect(r.error).toMatchObject({ code: 'ROLE_NOT_PERMITTED', status: 403 });
      // A refused action changes nothing.
      expect(caseAt(step)).toEqual(state);
    }
  });
});

describe('the happy path', () => {
  it('runs 1 → 11 → completed with the right assignees, statuses and effects', () => {
    const seen: Array<[number, string | null, string, string[]]> = [];
    let s = initialState('biasa', T0);
    const record = () => seen.push([s.step, s.outcome, s.status, s.assignees]);
    record();
    s = must(s, 'intake', SYSTEM_ACTOR);
    record();
    for (const [action, actor] of HAPPY_PATH) {
      s = must(s, action, actor);
      record();
    }
    expect(seen).toEqual([
      [1, null, 'diterima', []],
      [2, null, 'diterima', []],
      [3, null, 'diverifikasi', []],
      [4, null, 'diverifikasi', []],
      [5, null, 'didisposisi', ['u-asdep']],
      [6, null, 'ditindaklanjuti', ['u-kabid']],
      [7, null, 'ditindaklanjuti', ['u-kabid']],
      [8, null, 'ditindaklanjuti', ['u-kabid']],
      [9, null, 'dalam_peninjauan', ['u-asdep']],
      [10, null, 'dalam_peninjauan', []],
      [11, null, 'dalam_peninjauan', []],
      [11, 'completed', 'selesai', []],
    ]);
    expect(s.version).toBe(12);
    expect(s.draftedBy).toBe('u-kabid');
    expect(s.approvals.step9?.uid).toBe('u-asdep');
    expect(s.approvals.step10?.uid).toBe('u-deputi');
    expect(s.approvals.step11?.uid).toBe('u-menko');
    expect(s.assigneeRole).toBeNull();
  });

  it('returns the effects to run after the commit', () => {
    const s4 = caseAt(4);
    const r = transition(s4, { action: 'dispose', version: s4.version, payload: PAYLOADS.dispose }, ACTORS.deputi, T0, {
      dueAt: (_step: StepNo, at: Date) => new Date(at.getTime() + 120 * 60_000),
    });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.move.effects).toEqual([
      { type: 'cancelDeadline', step: 4, version: 4 },
      { type: 'scheduleDeadline', step: 5, version: 5 },
      { type: 'notifyAssignees', step: 5 },
      { type: 'notifyReporter', status: 'didisposisi' },
      { type: 'renderDocument', kind: 'lembar_disposisi', step: 4 },
    ]);
    expect(r.state.stepEnteredAt).toBe(T0.toISOString());
    expect(r.state.stepDueAt).toBe('2026-12-07T04:00:00.000Z');
    expect(r.move.payload).toEqual({ ...PAYLOADS.dispose, priority: 'biasa' });
  });

  it('the final approval closes the case with the Surat Rekomendasi and no new deadline', () => {
    const s = caseAt(11);
    const r = act(s, 'approve', ACTORS.menko);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.move.effects).toEqual([
      { type: 'cancelDeadline', step: 11, version: s.version },
      { type: 'notifyReporter', status: 'selesai' },
      { type: 'renderDocument', kind: 'surat_rekomendasi', step: 11 },
    ]);
    expect(r.state.stepDueAt).toBeNull();
  });

  it('a declined complaint is closed with status ditolak', () => {
    const s = must(caseAt(2), 'decline', ACTORS.upp);
    expect([s.outcome, s.status, s.step]).toEqual(['declined', 'ditolak', 2]);
    expect(act(s, 'forward', ACTORS.upp).ok).toBe(false);
    const r = act(s, 'forward', ACTORS.upp);
    expect(!r.ok && r.error.code).toBe('CASE_CLOSED');
  });
});

describe('the return loops', () => {
  it('step 9 return → 8 (the drafters), redraft, approve again', () => {
    let s = caseAt(9);
    s = must(s, 'return', ACTORS.asdep);
    expect([s.step, s.assignees, s.rework]).toEqual([8, ['u-kabid'], { step8: 1, step9: 0, step10: 0 }]);
    expect(s.status).toBe('ditindaklanjuti');
    s = must(s, 'submitDraft', ACTORS.kabid);
    expect([s.step, s.assignees]).toEqual([9, ['u-asdep']]);
    s = must(s, 'approve', ACTORS.asdep);
    expect(s.step).toBe(10);
  });

  it('step 10 return → 9 (the disposed Asdep) clears the Asdep approval', () => {
    let s = caseAt(10);
    expect(s.approvals.step9).not.toBeNull();
    s = must(s, 'return', ACTORS.deputi);
    expect([s.step, s.assignees, s.rework.step9]).toEqual([9, ['u-asdep'], 1]);
    expect(s.approvals).toEqual({ step9: null, step10: null, step11: null });
    s = must(s, 'approve', ACTORS.asdep);
    s = must(s, 'approve', ACTORS.deputi);
    expect(s.step).toBe(11);
  });

  it('step 11 return → 10 (the Deputi desk)', () => {
    let s = caseAt(11);
    s = must(s, 'return', ACTORS.menko);
    expect([s.step, s.assignees, s.assigneeRole, s.rework.step10]).toEqual([10, [], 'deputi', 1]);
    expect(s.approvals.step10).toBeNull();
    expect(s.approvals.step9?.uid).toBe('u-asdep');
  });

  it('a return needs a reason', () => {
    const r = act(caseAt(9), 'return', ACTORS.asdep, {});
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_PAYLOAD');
    expect(r.error.status).toBe(422);
    expect(r.error.errors).toEqual([{ path: 'reason', message: 'Wajib diisi.' }]);
  });
});

describe('typed errors', () => {
  it('NOT_ASSIGNEE: another Asdep cannot act on a case disposed to someone else', () => {
    const r = act(caseAt(5), 'assign', ACTORS.asdep2);
    expect(!r.ok && r.error).toMatchObject({ code: 'NOT_ASSIGNEE', status: 403 });
  });

  it('NOT_ASSIGNEE: an unassigned Kabid cannot submit the study', () => {
    const r = act(caseAt(6), 'submitStudy', ACTORS.kabid2);
    expect(!r.ok && r.error).toMatchObject({ code: 'NOT_ASSIGNEE', status: 403 });
  });

  it('STALE_VERSION: 409 with the current version', () => {
    const s = caseAt(3);
    const r = transition(s, { action: 'validate', version: s.version - 1, payload: {} }, ACTORS.sesdep, T0);
    expect(!r.ok && r.error).toMatchObject({ code: 'STALE_VERSION', status: 409, currentVersion: s.version });
  });

  it('STALE_VERSION rather than WRONG_STEP when the client saw an older step', () => {
    const s = caseAt(4);
    const r = transition(s, { action: 'validate', version: s.version - 1, payload: {} }, ACTORS.sesdep, T0);
    expect(!r.ok && r.error.code).toBe('STALE_VERSION');
  });

  it('INVALID_PAYLOAD names each field, in Indonesian by default and English on request', () => {
    const s = caseAt(2);
    const bad = { category: 'nope', analysis: 'short' };
    const id = transition(s, { action: 'forward', version: s.version, payload: bad }, ACTORS.upp, T0);
    const en = transition(s, { action: 'forward', version: s.version, payload: bad }, ACTORS.upp, T0, { lang: 'en' });
    expect(!id.ok && id.error.errors?.map((e) => e.path)).toEqual(['category', 'analysis']);
    expect(!id.ok && id.error.errors?.[1].message).toBe('Minimal 10 karakter.');
    expect(!en.ok && en.error.errors?.[1].message).toBe('At least 10 characters.');
    expect(!en.ok && en.error.message).toBe('Invalid input.');
  });

  it('UNKNOWN_ACTION for a name not in the table; submit/intake are not staff actions', () => {
    expect(act(caseAt(2), 'teleport', ACTORS.upp)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION', status: 422 } });
    expect(act(caseAt(1), 'intake', ACTORS.upp)).toMatchObject({ ok: false, error: { code: 'ROLE_NOT_PERMITTED' } });
    expect(act(caseAt(2), 'submit', ACTORS.upp)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  });

  it('SELF_APPROVAL: whoever drafted the report may not approve it', () => {
    // A staff member who drafted (e.g. acting in two roles) is refused at 9, 10 and 11.
    const s = { ...caseAt(9), draftedBy: 'u-asdep' };
    expect(act(s, 'approve', ACTORS.asdep)).toMatchObject({ ok: false, error: { code: 'SELF_APPROVAL', status: 403 } });
    const s10: CaseState = { ...caseAt(10), staffUids: ['u-kabid', 'u-deputi'] };
    expect(act(s10, 'approve', ACTORS.deputi)).toMatchObject({ ok: false, error: { code: 'SELF_APPROVAL' } });
    // but may still return it
    expect(act(s, 'return', ACTORS.asdep).ok).toBe(true);
  });

  it('public and admin take no staff action', () => {
    for (const action of STAFF_ACTIONS) {
      expect(act(caseAt(2), action, ACTORS.public)).toMatchObject({ ok: false, error: { code: 'ROLE_NOT_PERMITTED' } });
      expect(act(caseAt(2), action, ACTORS.admin)).toMatchObject({ ok: false, error: { code: 'ROLE_NOT_PERMITTED' } });
    }
  });
});

describe('availableActions', () => {
  it('offers each actor exactly what transition() would accept', () => {
    expect(availableActions(caseAt(2), ACTORS.upp).map((a) => a.name)).toEqual(['forward', 'decline']);
    expect(availableActions(caseAt(5), ACTORS.asdep2)).toEqual([]);
    expect(availableActions(caseAt(9), ACTORS.asdep).map((a) => a.name)).toEqual(['approve', 'return']);
    expect(availableActions({ ...caseAt(9), draftedBy: 'u-asdep' }, ACTORS.asdep).map((a) => a.name)).toEqual(['return']);
    expect(availableActions(caseAt(12), ACTORS.menko)).toEqual([]);
  });
});
