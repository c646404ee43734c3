/** `node --import tsx tools/seed/main.ts`: seeds the running emulators (demo-* only). */
import { seedDemo } from './index';

seedDemo()
  .then((r) => {
    console.log(`seeded ${Object.keys(r.staff).length} staff accounts and ${r.complaints} complaints`);
    process.exit(0);
  })
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
