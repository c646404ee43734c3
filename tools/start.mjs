// `npm start` entry point: runs tools/stack/start.ts through tsx (a devDependency).
import { tsImport } from 'tsx/esm/api';

await tsImport('./stack/start.ts', import.meta.url);
