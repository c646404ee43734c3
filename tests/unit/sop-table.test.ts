/** The SOP table in code, row by row against docs/sop/SOP.md (a copy of shared/sop). */
import { readFileSync } from 'fs';
import { join } from 'path';
import { SOP, STEP_NUMBERS, stepDef, type TimeStandard } from '../../functions/src/workflow';

const md = readFileSync(join(__dirname, '../../docs/sop/SOP.md'), 'utf8');
const original = readFileSync(join(__dirname, '../../docs/sop/000_785c904e6c8f8555.txt'), 'utf8');

interface Row {
  no: number;
  actor: string;
  standard: string;
  input: string;
  output: string;
  note: string;
}

function rows(): Row[] {
  const section = md.slice(md.indexOf('## The steps'), md.indexOf('Sum of the time standards'));
  return section
    .split('\n')
    .filter((l) => /^\| \d+ \|/.test(l))
    .map((l) => {
      const c = l.split('|').slice(1, -1).map((x) => x.trim());
      return { no: Number(c[0]), actor: c[1], standard: c[3], input: c[4], output: c[5], note: c[6] };
    });
}

function parseStandard(s: string): TimeStandard {
  const m = /^(\d+) (min|day)s?$/.exec(s);
  if (!m) throw new Error(`unreadable time standard ${s}`);
  return m[2] === 'min' ? { minutes: Number(m[1]) } : { workingDays: Number(m[1]) };
}

const norm = (s: string) => s.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

describe('the SOP table', () => {
  const table = rows();

  it('has the 11 steps of SOP.md, in order', () => {
    expect(table.map((r) => r.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(SOP.map((s) => s.no)).toEqual([...STEP_NUMBERS]);
  });

  it.each(rows().map((r) => [r.no, r] as const))('step %i matches SOP.md: actor, time standard, input, output, note', (no, row) => {
    const def = stepDef(no as (typeof STEP_NUMBERS)[number]);
    expect(def.role).toBe(row.actor);
    expect(def.standard).toEqual(parseStandard(row.standard));
    expect(norm(def.output.en)).toBe(norm(row.output));
    expect(def.input ? norm(def.input.en) : '—').toBe(row.input === '—' ? '—' : norm(row.input));
    expect(def.note !== null).toBe(row.note !== '');
  });

  it.each(SOP.map((s) => [s.no, s] as const))('step %i: Indonesian activity and output are the words of the original SOP', (_no, def) => {
    const text = norm(original);
    // One correction of the original's spelling: "mengugaskan" → "menugaskan".
    expect(text).toContain(norm(def.activity.id.replace('menugaskan', 'mengugaskan')));
    expect(text).toContain(norm(def.output.id));
  });

  it('sums to 615 minutes plus 2 working days, as SOP.md says', () => {
    const minutes = SOP.reduce((n, s) => n + ('minutes' in s.standard ? s.standard.minutes : 0), 0);
    const days = SOP.reduce((n, s) => n + ('workingDays' in s.standard ? s.standard.workingDays : 0), 0);
    expect([minutes, days]).toEqual([615, 2]);
  });

  it('lists exactly the actions of the issue for each step', () => {
    expect(SOP.map((s) => s.actions.map((a) => `${a.name}:${a.roles.join('/')}`))).toEqual([
      ['submit:public/upp', 'intake:system'],
      ['forward:upp', 'decline:upp'],
      ['validate:sesdep'],
      ['dispose:deputi'],
      ['assign:asdep'],
      ['submitStudy:kabid'],
      ['recordDiscussion:kabid'],
      ['submitDraft:kabid'],
      ['approve:asdep', 'return:asdep'],
      ['approve:deputi', 'return:deputi'],
      ['approve:menko', 'return:menko'],
    ]);
  });

  it('routes approvals forward and returns back, as the SOP says', () => {
    const to = (no: number, name: string) => SOP[no - 1].actions.find((a) => a.name === name)?.to;
    expect(to(9, 'approve')).toEqual({ step: 10 });
    expect(to(9, 'return')).toEqual({ step: 8 });
    expect(to(10, 'approve')).toEqual({ step: 11 });
    expect(to(10, 'return')).toEqual({ step: 9 });
    expect(to(11, 'approve')).toEqual({ outcome: 'completed' });
    expect(to(11, 'return')).toEqual({ step: 10 });
    expect(to(2, 'decline')).toEqual({ outcome: 'declined' });
  });
});
