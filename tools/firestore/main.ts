/**
 * CLI of the local Firestore.
 *
 *   node --import tsx tools/firestore/main.ts [--port 8080] [--host 127.0.0.1]
 *     [--project demo-kesbang] [--functions http://127.0.0.1:5001 | --functions none]
 *     [--data .emulator-data/firestore.json] [--fresh] [--no-persist] [--autosave-ms 30000]
 *
 * Environment equivalents: LOCAL_FIRESTORE_PORT, LOCAL_FIRESTORE_DATA, LOCAL_FIRESTORE_FRESH=1,
 * LOCAL_FIRESTORE_FUNCTIONS, GCLOUD_PROJECT. Exports the data on SIGINT/SIGTERM.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { startLocalFirestore } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      project: { type: 'string' },
      functions: { type: 'string' },
      data: { type: 'string' },
      fresh: { type: 'boolean', default: false },
      'no-persist': { type: 'boolean', default: false },
      'autosave-ms': { type: 'string' },
    },
  });
  const env = process.env;
  const port = Number(values.port ?? env.LOCAL_FIRESTORE_PORT ?? 8080);
  const functions = values.functions ?? env.LOCAL_FIRESTORE_FUNCTIONS ?? 'http://127.0.0.1:5001';
  const persist = !values['no-persist'];
  const dataFile = persist ? resolve(values.data ?? env.LOCAL_FIRESTORE_DATA ?? '.emulator-data/firestore.json') : null;
  const fresh = values.fresh || env.LOCAL_FIRESTORE_FRESH === '1';
  const autosaveMs = Number(values['autosave-ms'] ?? 30_000);

  const fs = await startLocalFirestore({
    host: values.host ?? '127.0.0.1',
    port,
    projectId: values.project ?? env.GCLOUD_PROJECT ?? 'demo-kesbang',
    functionsOrigin: functions === 'none' ? null : functions,
    dataFile,
    fresh,
  });

  // Autosave (a crash or kill -9 loses at most this much); the exit export is the main path.
  let savedGeneration = fs.store.generation;
  if (dataFile && autosaveMs > 0) {
    setInterval(() => {
      if (fs.store.generation === savedGeneration) return;
      savedGeneration = fs.store.generation;
      try {
        fs.exportNow();
      } catch (err) {
        console.error('[local-firestore] autosave failed:', err);
      }
    }, autosaveMs).unref();
  }

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`[local-firestore] ${signal}: stopping`);
    fs.close(true)
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        console.error('[local-firestore] error while stopping:', err);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  console.log('[local-firestore] ready');
}

main().catch((err: unknown) => {
  console.error('[local-firestore] failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
