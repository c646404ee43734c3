/** npm start / npm test use the official Firestore emulator when its JAR is cached and java runs. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { officialFirestoreJar, projectRoot } from '../../tools/stack/stack';

describe('officialFirestoreJar()', () => {
  const root = projectRoot(__dirname);
  const info = JSON.parse(readFileSync(join(root, 'node_modules/firebase-tools/lib/emulator/downloadableEmulatorInfo.json'), 'utf8')) as {
    firestore: { downloadPathRelativeToCacheDir: string };
  };

  it('is null when the JAR this firebase-tools expects is not cached', () => {
    expect(officialFirestoreJar(root, mkdtempSync(join(tmpdir(), 'home-')))).toBeNull();
  });

  it('is the cached JAR when it is there and java runs, and null without java', () => {
    const home = mkdtempSync(join(tmpdir(), 'home-'));
    const dir = join(home, '.cache', 'firebase', 'emulators');
    mkdirSync(dir, { recursive: true });
    const jar = join(dir, info.firestore.downloadPathRelativeToCacheDir);
    writeFileSync(jar, 'not really a jar');
    const bin = mkdtempSync(join(tmpdir(), 'bin-'));
    writeFileSync(join(bin, 'java-ok'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    writeFileSync(join(bin, 'java-broken'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    expect(officialFirestoreJar(root, home, join(bin, 'java-ok'))).toBe(jar);
    expect(officialFirestoreJar(root, home, join(bin, 'java-broken'))).toBeNull();
    expect(officialFirestoreJar(root, home, join(bin, 'no-java-here'))).toBeNull();
  });
});
