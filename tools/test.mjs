// `npm test` entry point: build, unit tests, integration tests on a fresh local stack, and
// the totals line of all of them (tools/stack/test.ts, run through tsx).
import { tsImport } from 'tsx/esm/api';

await tsImport('./stack/test.ts', import.meta.url);
