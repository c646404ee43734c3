/**
 * `npm start`: the whole local stack, offline, seeded with demo data.
 *   npm start                 keep the data of the last run (.emulator-data/)
 *   npm start -- --fresh      start with an empty Firestore (demo data is seeded again)
 *   npm start -- --local-firestore   use the project's local Firestore even if the official one is cached
 * Ctrl-C stops everything; the Firestore data is exported on the way out.
 */
import { parseArgs } from 'node:util';

import { DEMO_PASSWORD, DEMO_STAFF, seedDemo } from '../seed';
import { HOST, PORTS, PROJECT_ID, REGION, installSignalHandlers, startStack } from './stack';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      fresh: { type: 'boolean', default: false },
      'local-firestore': { type: 'boolean', default: false },
      'no-seed': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  });
  installSignalHandlers(console.log, 0);
  const t0 = Date.now();
  console.log(`Starting the local stack${values.fresh ? ' (fresh data)' : ''}…`);
  const stack = await startStack({
    fresh: values.fresh,
    firestore: values['local-firestore'] ? 'local' : 'auto',
    output: values.quiet ? '.emulator-data/emulators.log' : 'inherit',
  });
  Object.assign(process.env, stack.env);

  let seeded = '';
  if (!values['no-seed']) {
    try {
      const r = await seedDemo(PROJECT_ID);
      const complaints = r.complaints > 0 ? `${r.complaints} demo complaints` : 'demo complaints already present';
      seeded = `seeded ${Object.keys(r.staff).length} staff accounts, ${complaints}`;
    } catch (err) {
      seeded = `SEEDING FAILED: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  const pad = (s: string, n: number): string => s.padEnd(n);
  const firestoreLine =
    stack.firestore === 'local'
      ? `${HOST}:${PORTS.firestore}  (project's local Firestore — no security rules; status http://${HOST}:${PORTS.firestore}/_local/status)`
      : `${HOST}:${PORTS.firestore}  (official Firestore emulator, security rules enforced)`;
  const lines = [
    '',
    '┌──────────────────────────────────────────────────────────────────────────',
    `│ Local stack ready in ${((Date.now() - t0) / 1000).toFixed(1)} s — project ${PROJECT_ID}, region ${REGION}`,
    '│',
    `│ Portal (Hosting)   http://${HOST}:${PORTS.hosting}/`,
    `│ API                http://${HOST}:${PORTS.hosting}/api/…  (→ function api)`,
    `│ Functions          http://${HOST}:${PORTS.functions}/${PROJECT_ID}/${REGION}/<name>`,
    `│ Firestore          ${firestoreLine}`,
    `│ Auth emulator      http://${HOST}:${PORTS.auth}/`,
    `│ Cloud Tasks        ${HOST}:${PORTS.tasks}`,
    '│',
    `│ Demo logins (password for all: ${DEMO_PASSWORD})${seeded ? ` — ${seeded}` : ''}`,
    ...DEMO_STAFF.map((s) => `│   ${pad(s.email, 26)} ${pad(s.role, 7)} ${s.unitName}`),
    '│',
    '│ Ctrl-C stops everything (Firestore data is saved to .emulator-data/).',
    '└──────────────────────────────────────────────────────────────────────────',
    '',
  ];
  console.log(lines.join('\n'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
