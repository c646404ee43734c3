/** The functional core imports nothing from Firebase (ARCHITECTURE.md: pure folders). */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

const SRC = join(__dirname, '../../functions/src');

describe.each(['workflow', 'sla', 'schemas'])('functions/src/%s', (dir) => {
  const files = readdirSync(join(SRC, dir)).filter((f) => f.endsWith('.ts'));
  it.each(files)('%s imports no Firebase or Google Cloud package', (file) => {
    const text = readFileSync(join(SRC, dir, file), 'utf8');
    const imports = [...text.matchAll(/(?:from\s+|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    expect(imports.filter((m) => /firebase|@google-cloud|firestore/.test(m))).toEqual([]);
  });
});
