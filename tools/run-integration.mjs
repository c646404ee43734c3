// Integration tests only (the local stack is started and stopped around them), with the
// totals line at the end:  node tools/run-integration.mjs [-- <jest args>]
import { tsImport } from 'tsx/esm/api';

if (!process.argv.includes('--skip-unit')) process.argv.splice(2, 0, '--skip-unit');
await tsImport('./stack/test.ts', import.meta.url);
