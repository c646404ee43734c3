/**
 * `npm test`: build, unit tests, then the integration tests against a freshly started local
 * stack (torn down whatever happens), and finally one plain totals line over all jest runs:
 * `N passed, N failed[, N skipped]`, alone, as the very last line.
 *
 *   node tools/test.mjs [--skip-unit] [--skip-integration] [--skip-e2e] [--skip-build] [-- <jest args>]
 *
 * KESBANG_TIME_SCALE (default 60 here) and everything else in the environment reach the
 * functions and the tests.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { installSignalHandlers, projectRoot, startStack, type Stack } from './stack';

/** KESBANG_TIME_SCALE of the integration stack when the environment does not set one. */
const DEFAULT_TIME_SCALE = '60';

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

interface JestJson {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  numRuntimeErrorTestSuites?: number;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}

function readJest(file: string): Totals | null {
  try {
    const j = JSON.parse(readFileSync(file, 'utf8')) as JestJson;
    return {
      passed: j.numPassedTests ?? 0,
      failed: (j.numFailedTests ?? 0) + (j.numRuntimeErrorTestSuites ?? 0),
      skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0),
    };
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'skip-unit': { type: 'boolean', default: false },
      'skip-integration': { type: 'boolean', default: false },
      'skip-e2e': { type: 'boolean', default: false },
      'skip-build': { type: 'boolean', default: false },
    },
  });
  installSignalHandlers(console.error);
  const root = projectRoot();
  const tmp = mkdtempSync(join(tmpdir(), 'kesbang-test-'));
  const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
  const add = (t: Totals | null, exitCode: number, what: string): void => {
    if (t) {
      totals.passed += t.passed;
      totals.failed += t.failed;
      totals.skipped += t.skipped;
      if (exitCode !== 0 && t.failed === 0) totals.failed++; // e.g. jest failed outside any test
    } else if (exitCode !== 0) {
      console.error(`${what}: jest produced no results (exit ${exitCode})`);
      totals.failed++;
    }
  };
  const jest = join(root, 'node_modules/jest/bin/jest.js');
  // the functions compress the SOP's time standards by this factor (60: a minute lasts a second)
  const timeScale = process.env.KESBANG_TIME_SCALE || DEFAULT_TIME_SCALE;

  if (!values['skip-build']) {
    const code = await run('npm', ['run', '--silent', 'build'], process.env, root);
    if (code !== 0) {
      console.error('build failed (tsc -p functions/tsconfig.json)');
      totals.failed++;
    }
  }

  if (!values['skip-unit']) {
    const out = join(tmp, 'unit.json');
    const code = await run(
      process.execPath,
      [jest, '--selectProjects', 'unit', '--passWithNoTests', '--json', '--outputFile', out, ...positionals],
      process.env,
      root,
    );
    add(readJest(out), code, 'unit tests');
  }

  if (!values["skip-integration"]) {
    let stack: Stack | null = null;
    const logFile = join(root, '.emulator-data', 'test-emulators.log');
    rmSync(logFile, { force: true });
    try {
      console.log('\nStarting the local stack for the integration tests…');
      const t0 = Date.now();
      stack = await startStack({
        fresh: true,
        persist: false,
        output: logFile,
        firestore: 'auto',
        env: { KESBANG_TIME_SCALE: timeScale },
      });
      console.log(
        `stack up in ${((Date.now() - t0) / 1000).toFixed(1)} s (Firestore: ${stack.firestore}, KESBANG_TIME_SCALE=${timeScale}; emulator log: ${logFile})`,
      );
      const out = join(tmp, 'integration.json');
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        ...stack.env,
        KESBANG_TIME_SCALE: timeScale,
        LOCAL_STACK_FIRESTORE: stack.firestore,
      };
      const code = await run(
        process.execPath,
        [jest, '--selectProjects', 'integration', '--runInBand', '--passWithNoTests', '--json', '--outputFile', out, ...positionals],
        env,
        root,
      );
      add(readJest(out), code, 'integration tests');
      if (!values['skip-e2e']) {
        // the portal (hosting/) in headless chromium, against the same stack
        const e2eOut = join(tmp, 'e2e.json');
        const e2eCode = await run(
          process.execPath,
          [jest, '--selectProjects', 'e2e', '--runInBand', '--passWithNoTests', '--json', '--outputFile', e2eOut, ...positionals],
          env,
          root,
        );
        add(readJest(e2eOut), e2eCode, 'e2e tests');
        if (e2eCode !== 0) console.error(`(screenshots: /tmp/shots; emulator log: ${logFile})`);
      }
      if (code !== 0) console.error(`(emulator log: ${logFile})`);
    } catch (err) {
      console.error(`integration tests not run: ${err instanceof Error ? err.message : String(err)}`);
      totals.failed++;
    } finally {
      if (stack) await stack.stop();
    }
  }

  rmSync(tmp, { recursive: true, force: true });
  const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
  process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed${skipped}\n`);
  return totals.failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.stdout.write('\n0 passed, 1 failed\n');
    process.exit(1);
  },
);
