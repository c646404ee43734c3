/**
 * Shared helpers of the integration tests: the stack is started by tools/run-integration,
 * which sets FIRESTORE_EMULATOR_HOST, FIREBASE_AUTH_EMULATOR_HOST and GCLOUD_PROJECT.
 */
import { getApps, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';

export const PROJECT = process.env.GCLOUD_PROJECT ?? 'demo-kesbang';
export const HOSTING = process.env.KESBANG_HOSTING_URL ?? 'http://127.0.0.1:5000';
export const API = `${HOSTING}/api`;
export const AUTH_HOST = process.env.FIREBASE_AUTH_EMULATOR_HOST ?? '127.0.0.1:9099';
export const PASSWORD = 'integration-123';
export const TIME_SCALE = Number(process.env.KESBANG_TIME_SCALE ?? '1');

export function admin(): { db: Firestore } {
  if (!getApps().some((a) => a.name === '[DEFAULT]')) initializeApp({ projectId: PROJECT });
  return { db: getFirestore() };
}

export interface TestStaff {
  uid: string;
  email: string;
  role: string;
  name: string;
  token: string;
}

/** Create (or reuse) an Auth emulator account with role claims and a staff profile. */
export async function makeStaff(uid: string, role: string, unit: string, supervisorUid: string | null, name = `${role} ${uid}`): Promise<TestStaff> {
  admin();
  const auth = getAuth();
  const email = `${uid}@integration.test`;
  try {
    await auth.getUser(uid);
  } catch {
    await auth.createUser({ uid, email, password: PASSWORD, displayName: name });
  }
  await auth.setCustomUserClaims(uid, { role, unit });
  await admin()
    .db.collection('staff')
    .doc(uid)
    .set({ uid, name, email, role, unit, unitName: `Unit ${unit}`, supervisorUid, active: true });
  return { uid, email, role, name, token: await signIn(email) };
}

export async function signIn(email: string, password = PASSWORD): Promise<string> {
  const res = await fetch(`http://${AUTH_HOST}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=fake-api-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, returnSecureToken: true }),
  });
  const body = (await res.json()) as { idToken?: string; error?: unknown };
  if (!body.idToken) throw new Error(`sign-in failed for ${email}: ${JSON.stringify(body.error)}`);
  return body.idToken;
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  type: string;
  body: T;
}

export async function call<T = Record<string, unknown>>(method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${API}${path}`, { method, headers, body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) });
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text();
  let body: unknown = text;
  if (type.includes('json')) body = JSON.parse(text);
  return { status: res.status, type, body: body as T };
}

/** Poll until `probe` returns a value that is not undefined/false, or fail with `what`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000, everyMs = 150): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const v = await probe();
      if (v !== undefined && v !== null && v !== false) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type Team = Record<'upp' | 'sesdep' | 'deputi' | 'asdep' | 'asdep2' | 'kabid' | 'kabid2' | 'menko' | 'admin', TestStaff>;

/** One account per role (two Asdeps, two Kabid/JF), uids prefixed so test files stay apart. */
export async function makeTeam(prefix: string, label: string): Promise<Team> {
  const deputi = await makeStaff(`${prefix}-deputi`, 'deputi', 'deputi', null, `Deputi ${label}`);
  const sesdep = await makeStaff(`${prefix}-sesdep`, 'sesdep', 'sesdep', deputi.uid, `Sesdep ${label}`);
  const asdep = await makeStaff(`${prefix}-asdep`, 'asdep', 'wasbang', deputi.uid, `Asdep Wasbang ${label}`);
  return {
    deputi,
    sesdep,
    asdep,
    asdep2: await makeStaff(`${prefix}-asdep2`, 'asdep', 'konflik', deputi.uid, `Asdep Konflik ${label}`),
    upp: await makeStaff(`${prefix}-upp`, 'upp', 'upp', sesdep.uid, `Petugas UPP ${label}`),
    kabid: await makeStaff(`${prefix}-kabid`, 'kabid', 'wasbang', asdep.uid, `Kabid ${label}`),
    kabid2: await makeStaff(`${prefix}-kabid2`, 'kabid', 'wasbang', asdep.uid, `Kabid Dua ${label}`),
    menko: await makeStaff(`${prefix}-menko`, 'menko', 'menko', null, `Menko ${label}`),
    admin: await makeStaff(`${prefix}-admin`, 'admin', 'admin', null, `Admin ${label}`),
  };
}
