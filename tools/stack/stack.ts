/**
 * Starts and stops the local stack: a Firestore (the project's local one, or the official
 * emulator when its JAR is cached and java is present) and `firebase emulators:start` for
 * functions, auth, hosting and tasks, with the pinned firebase-tools of node_modules.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const PROJECT_ID = 'demo-kesbang';
export const REGION = 'asia-southeast2';
export const HOST = '127.0.0.1';

export const PORTS = {
  firestore: 8080,
  auth: 9099,
  functions: 5001,
  hosting: 5000,
  tasks: 9499,
  hub: 4400,
  logging: 4500,
  eventarc: 9299,
} as const;

export type FirestoreKind = 'local' | 'official';

/** Environment for clients (tests, seeding) of the running stack. */
export function clientEnv(): Record<string, string> {
  return {
    GCLOUD_PROJECT: PROJECT_ID,
    GOOGLE_CLOUD_PROJECT: PROJECT_ID,
    FIREBASE_CONFIG: JSON.stringify({ projectId: PROJECT_ID }),
    FIRESTORE_EMULATOR_HOST: `${HOST}:${PORTS.firestore}`,
    FIREBASE_AUTH_EMULATOR_HOST: `${HOST}:${PORTS.auth}`,
    CLOUD_TASKS_EMULATOR_HOST: `${HOST}:${PORTS.tasks}`,
    FIREBASE_EMULATOR_HUB: `${HOST}:${PORTS.hub}`,
    FUNCTIONS_EMULATOR_ORIGIN: `http://${HOST}:${PORTS.functions}`,
    HOSTING_EMULATOR_ORIGIN: `http://${HOST}:${PORTS.hosting}`,
    // google-auth-library would probe the GCE metadata server (no network here)
    METADATA_SERVER_DETECTION: 'none',
  };
}

/** The repository root: the nearest directory upwards holding firebase.json. */
export function projectRoot(start = process.cwd()): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'firebase.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no firebase.json above ${start}`);
    dir = parent;
  }
}

/** The cached official Firestore emulator JAR that this firebase-tools would use, if any. */
export function officialFirestoreJar(root: string, home: string = homedir(), java = 'java'): string | null {
  try {
    const info = JSON.parse(
      readFileSync(join(root, 'node_modules/firebase-tools/lib/emulator/downloadableEmulatorInfo.json'), 'utf8'),
    ) as { firestore?: { downloadPathRelativeToCacheDir?: string } };
    const file = info.firestore?.downloadPathRelativeToCacheDir;
    if (!file) return null;
    const jar = join(home, '.cache', 'firebase', 'emulators', file);
    if (!existsSync(jar)) return null;
    return spawnSync(java, ['-version'], { stdio: 'ignore' }).status === 0 ? jar : null;
  } catch {
    return null;
  }
}

/** Throws a clear error naming every port of the stack that is already taken. */
export async function assertPortsFree(ports: Record<string, number> = PORTS): Promise<void> {
  const busy: string[] = [];
  for (const [name, port] of Object.entries(ports)) {
    const free = await new Promise<boolean>((res) => {
      const srv = createServer();
      srv.once('error', () => res(false));
      srv.listen(port, HOST, () => srv.close(() => res(true)));
    });
    if (!free) busy.push(`${name} (${port})`);
  }
  if (busy.length > 0) {
    throw new Error(
      `ports already in use: ${busy.join(', ')}. Another stack (npm start / npm test) or program is running; stop it first (e.g. \`ss -ltnp | grep -E ':(${busy.map((b) => /\((\d+)\)/.exec(b)?.[1]).join('|')})\\b'\`).`,
    );
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function httpOk(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

interface Child {
  name: string;
  proc: ChildProcess;
  exited: Promise<number | null>;
  tail: string[];
  /** set when the firebase CLI printed "All emulators ready" (functions loaded) */
  ready: boolean;
}

export interface StackOptions {
  root?: string;
  /** Start Firestore empty (no import). */
  fresh?: boolean;
  /** Persist Firestore data in `.emulator-data/` (export on exit). Default true. */
  persist?: boolean;
  /** 'auto': official emulator when available; 'local': always the project's local one. */
  firestore?: 'auto' | 'local';
  /** Where the children's output goes: 'inherit' (prefixed to this console) or a file path. */
  output?: 'inherit' | string;
  /** Extra environment for the emulators (e.g. KESBANG_TIME_SCALE). */
  env?: Record<string, string | undefined>;
  /** Readiness timeout. */
  timeoutMs?: number;
  log?: (msg: string) => void;
}

export interface Stack {
  firestore: FirestoreKind;
  env: Record<string, string>;
  /** Last lines of the children's output (for error reports). */
  tail(): string;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const root = options.root ?? projectRoot();
  const log = options.log ?? ((m: string) => console.log(m));
  const persist = options.persist ?? true;
  const timeoutMs = options.timeoutMs ?? 90_000;
  const jar = options.firestore === 'local' ? null : officialFirestoreJar(root);
  const kind: FirestoreKind = jar ? 'official' : 'local';
  const dataDir = join(root, '.emulator-data');

  await assertPortsFree();

  let sink: WriteStream | null = null;
  if (options.output && options.output !== 'inherit') {
    mkdirSync(dirname(options.output), { recursive: true });
    sink = createWriteStream(options.output, { flags: 'a' });
  }
  const children: Child[] = [];
  const baseEnv: Record<string, string | undefined> = {
    METADATA_SERVER_DETECTION: 'none',
    ...process.env,
    ...options.env,
    GCLOUD_PROJECT: PROJECT_ID,
    // functions/src/tasks/queue.ts: tasks go through tools/stack/task-scheduler.ts
    KESBANG_LOCAL_TASK_SCHEDULER: '1',
  };
  // Inherited by the functions runtime: its firebase-admin then talks to our Firestore.
  if (kind === 'local') baseEnv.FIRESTORE_EMULATOR_HOST = `${HOST}:${PORTS.firestore}`;
  else delete baseEnv.FIRESTORE_EMULATOR_HOST;

  const launch = (name: string, args: string[], env: Record<string, string | undefined>): Child => {
    const proc = spawn(process.execPath, args, {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // own process group: Ctrl-C reaches only us; we stop the children in order
    });
    const tail: string[] = [];
    const onData = (buf: Buffer): void => {
      const text = buf.toString();
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        if (line.includes('All emulators ready')) child.ready = true;
        tail.push(line);
        if (tail.length > 200) tail.shift();
        if (sink) sink.write(`[${name}] ${line}\n`);
        else if (options.output === 'inherit') process.stdout.write(`[${name}] ${line}\n`);
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    const exited = new Promise<number | null>((res) => proc.once('exit', (code) => res(code)));
    const child: Child = { name, proc, exited, tail, ready: false };
    if (proc.pid) liveGroups.add(proc.pid);
    children.push(child);
    return child;
  };

  const stopChild = async (child: Child, signal: NodeJS.Signals, graceMs: number): Promise<void> => {
    if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
    child.proc.kill(signal);
    const done = await Promise.race([child.exited.then(() => true), sleep(graceMs).then(() => false)]);
    if (!done && child.proc.pid) {
      log(`${child.name} did not stop in ${graceMs} ms; killing its process group`);
      try {
        process.kill(-child.proc.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await child.exited;
    }
    // functions runtime workers of the emulator share its process group
    if (child.proc.pid) {
      try {
        process.kill(-child.proc.pid, 'SIGKILL');
      } catch {
        // group empty
      }
      liveGroups.delete(child.proc.pid);
    }
  };

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= stopAll().finally(() => liveStops.delete(stop));
    return stopping;
  };
  liveStops.add(stop);
  const stopAll = async (): Promise<void> => {
    // emulators first (functions may still write), then Firestore (exports on exit)
    for (const child of [...children].reverse()) {
      await stopChild(child, child.name === 'firebase' ? 'SIGINT' : 'SIGTERM', 10_000);
    }
    await new Promise<void>((res) => (sink ? sink.end(() => res()) : res()));
  };

  const tail = (): string => children.map((c) => `--- ${c.name} ---\n${c.tail.slice(-40).join('\n')}`).join('\n');

  const waitFor = async (what: string, check: () => Promise<boolean>, deadline: number): Promise<void> => {
    for (;;) {
      if (await check()) return;
      const dead = children.find((c) => c.proc.exitCode !== null || c.proc.signalCode !== null);
      if (dead) throw new Error(`${dead.name} exited (code ${dead.proc.exitCode}) while waiting for ${what}\n${tail()}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${tail()}`);
      await sleep(250);
    }
  };

  const deadline = Date.now() + timeoutMs;
  try {
    const firebaseBin = join(root, 'node_modules/firebase-tools/lib/bin/firebase.js');
    const only = ['functions', 'auth', 'hosting', 'tasks'];
    const fbArgs = [firebaseBin, 'emulators:start', '--project', PROJECT_ID];
    if (kind === 'local') {
      const args = ['--import', 'tsx', join(root, 'tools/firestore/main.ts'), '--port', String(PORTS.firestore)];
      args.push('--project', PROJECT_ID, '--functions', `http://${HOST}:${PORTS.functions}`);
      if (persist) args.push('--data', join(dataDir, 'firestore.json'));
      else args.push('--no-persist');
      if (options.fresh) args.push('--fresh');
      launch('firestore', args, baseEnv);
      await waitFor('the local Firestore', () => httpOk(`http://${HOST}:${PORTS.firestore}/`), deadline);
    } else {
      only.unshift('firestore');
    }
    // Auth accounts (and, with the official emulator, Firestore) persist through the CLI's
    // own export, written on a clean shutdown.
    if (persist) {
      const fbDir = join(dataDir, 'firebase');
      if (!options.fresh && existsSync(join(fbDir, 'firebase-export-metadata.json'))) fbArgs.push('--import', fbDir);
      fbArgs.push('--export-on-exit', fbDir);
    }
    fbArgs.push('--only', only.join(','));
    const firebase = launch('firebase', fbArgs, baseEnv);
    await waitFor(
      'the Firebase emulators',
      async () => {
        // the CLI says so only after the functions definitions are loaded
        if (!firebase.ready) return false;
        try {
          const res = await fetch(`http://${HOST}:${PORTS.hub}/emulators`, { signal: AbortSignal.timeout(2000) });
          if (!res.ok) return false;
          const running = Object.keys((await res.json()) as Record<string, unknown>);
          return only.every((e) => running.includes(e));
        } catch {
          return false;
        }
      },
      deadline,
    );
    await waitFor('the functions to load', () => httpOk(`http://${HOST}:${PORTS.functions}/backends`), deadline);
    // Schedule times for the Cloud Tasks emulator (see tools/stack/task-scheduler.ts).
    launch('task-scheduler', ['--import', 'tsx', join(root, 'tools/stack/task-scheduler.ts')], { ...baseEnv, ...clientEnv() });
    if (kind === 'local') {
      // make the Firestore learn the trigger keys now rather than at the first write
      await fetch(`http://${HOST}:${PORTS.firestore}/_local/triggers/refresh`, { method: 'POST' }).catch(() => undefined);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { firestore: kind, env: clientEnv(), tail, stop };
}

/** Stops of the stacks started by this process (also those still starting). */
const liveStops = new Set<() => Promise<void>>();
/** Process groups of the children, killed synchronously if this process exits abruptly. */
const liveGroups = new Set<number>();

process.on('exit', () => {
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // gone
    }
  }
});

/**
 * SIGINT/SIGTERM, or the parent process going away (npm does not pass SIGTERM on to its
 * script): stop every stack of this process (emulators, then Firestore, which exports) and
 * exit with `exitCode` (default 130/143, as after the signal). A second signal kills at once.
 */
export function installSignalHandlers(log: (m: string) => void = console.log, exitCode?: number): void {
  let stopping = false;
  const shutdown = (reason: string, code: number): void => {
    if (stopping) {
      log(`(${reason} again: killing the stack)`);
      process.exit(1); // the exit hook kills the process groups
    }
    stopping = true;
    log(`\n${reason}: stopping the stack…`);
    Promise.all([...liveStops].map((stop) => stop()))
      .then(() => {
        log('stopped.');
        process.exit(exitCode ?? code);
      })
      .catch((err: unknown) => {
        console.error(err);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT', 130));
  process.on('SIGTERM', () => shutdown('SIGTERM', 143));
  process.on('SIGHUP', () => shutdown('SIGHUP', 129));
  const parent = process.ppid;
  setInterval(() => {
    if (!stopping && process.ppid !== parent) shutdown('parent process gone', 143);
  }, 1000).unref();
}
