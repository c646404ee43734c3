/** firestore.rules is generated from the workflow tables and checked in; stale → fail. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { generateRules } from '../../functions/src/workflow/rules';
import { IDENTITY_READERS } from '../../functions/src/workflow';

describe('firestore.rules', () => {
  const rules = readFileSync(join(__dirname, '../../firestore.rules'), 'utf8');

  it('is what `npm run rules` generates (run it after changing the tables)', () => {
    expect(rules).toBe(generateRules());
  });

  it('encodes the identity table and denies every client write', () => {
    expect(rules).toContain("(level == 'rahasia' && role() in ['upp', 'sesdep', 'deputi'])");
    expect(rules).toContain("(level == 'anonim' && role() in [])");
    expect(IDENTITY_READERS.anonim).toEqual([]);
    const writes = [...rules.matchAll(/allow ([a-z, ]*write[a-z, ]*): if (.*);/g)].map((m) => m[2]);
    expect(writes.length).toBeGreaterThan(5);
    expect(new Set(writes)).toEqual(new Set(['false']));
  });
});
