/**
 * Properties over random sequences of actions by random actors (fast-check): no sequence
 * skips a step, completes without the approvals of steps 9–11, or lets a role act outside
 * its row of the SOP table.
 */
import fc from 'fast-check';
import { SOP, SYSTEM_ACTOR, initialState, transition, type Actor, type CaseState } from '../../functions/src/workflow';
import { ACTORS, PAYLOADS, T0 } from './helpers';

const ACTIONS = Object.keys(PAYLOADS);
const ALL_ACTORS: Actor[] = Object.values(ACTORS);

const step = fc.record({
  action: fc.constantFrom(...ACTIONS),
  actor: fc.constantFrom(...ALL_ACTORS),
  // Sometimes a stale version, sometimes an empty payload.
  stale: fc.nat(9).map((n) => n === 0),
  emptyPayload: fc.nat(9).map((n) => n === 0),
});

function legalNextSteps(from: number): number[] {
  return SOP[from - 1].actions.flatMap((a) => ('step' in a.to ? [a.to.step] : []));
}

describe('properties of transition()', () => {
  it('holds for any sequence of actions', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 80 }), (seq) => {
        const first = transition(initialState('biasa', T0), { action: 'intake', version: 1, payload: {} }, SYSTEM_ACTOR, T0);
        if (!first.ok) throw new Error('intake failed');
        let s: CaseState = first.state;
        for (const { action, actor, stale, emptyPayload } of seq) {
          const before = s;
          const r = transition(s, { action, version: stale ? s.version - 1 : s.version, payload: emptyPayload ? {} : PAYLOADS[action] }, actor, T0);
          if (!r.ok) {
            expect(s).toBe(before);
            continue;
          }
          const row = SOP[before.step - 1];
          const def = row.actions.find((a) => a.name === action);
          // A role acts only inside its row, and only for actions that row lists.
          expect(def).toBeDefined();
          expect(def?.roles).toContain(actor.role);
          expect(before.outcome).toBeNull();
          expect(stale).toBe(false);
          // No step is skipped: the next step is one the row leads to.
          if (r.state.outcome === null) expect(legalNextSteps(before.step)).toContain(r.state.step);
          // Versions grow by one per move.
          expect(r.state.version).toBe(before.version + 1);
          // Completion only after approvals at 9, 10 and 11 by the right roles, none by a drafter.
          if (r.state.outcome === 'completed') {
            const { step9, step10, step11 } = r.state.approvals;
            expect([step9?.uid, step10?.uid, step11?.uid]).toEqual([ACTORS.asdep.uid, ACTORS.deputi.uid, ACTORS.menko.uid]);
            expect(r.state.staffUids).not.toContain(step9?.uid);
            expect(before.step).toBe(11);
          }
          s = r.state;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a biased walk reaches completion and passes through every step in order', () => {
    // Prefer the happy path so that long runs really reach the end (and the loops).
    fc.assert(
      fc.property(fc.array(fc.nat(99), { minLength: 40, maxLength: 120 }), (dice) => {
        const r0 = transition(initialState('rahasia', T0), { action: 'intake', version: 1, payload: {} }, SYSTEM_ACTOR, T0);
        if (!r0.ok) throw new Error('intake');
        let s = r0.state;
        const visited: number[] = [s.step];
        const who: Record<number, Actor> = { 2: ACTORS.upp, 3: ACTORS.sesdep, 4: ACTORS.deputi, 5: ACTORS.asdep, 6: ACTORS.kabid, 7: ACTORS.kabid, 8: ACTORS.kabid, 9: ACTORS.asdep, 10: ACTORS.deputi, 11: ACTORS.menko };
        for (const d of dice) {
          if (s.outcome) break;
          const row = SOP[s.step - 1];
          const names = row.actions.map((a) => a.name).filter((n) => n !== 'decline');
          const name = d < 80 ? names[0] : names[names.length - 1];
          const r = transition(s, { action: name, version: s.version, payload: PAYLOADS[name] }, who[s.step], T0);
          if (!r.ok) throw new Error(`${name} at ${s.step}: ${r.error.code}`);
          s = r.state;
          visited.push(s.step);
        }
        for (let i = 1; i < visited.length; i++) {
          const d = visited[i] - visited[i - 1];
          expect(d === 1 || d === -1 || (d === 0 && s.outcome !== null && i === visited.length - 1)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
