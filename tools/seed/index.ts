/**
 * Demo data for the emulators: staff accounts and profiles, then the lead's demo complaints
 * (`seedComplaints` of ./complaints). Refuses to run anywhere but against emulators of a
 * `demo-*` project.
 */
import { getApps, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';

import { seedComplaints } from './complaints';
import { DEMO_PASSWORD, DEMO_STAFF, seedStaff, type StaffProfile } from './staff';

export { DEMO_PASSWORD, DEMO_STAFF };

export interface SeedResult {
  staff: Record<string, StaffProfile>;
  complaints: number;
}

export function assertEmulatorTarget(projectId: string, env: NodeJS.ProcessEnv = process.env): void {
  if (!projectId.startsWith('demo-')) {
    throw new Error(`refusing to seed project "${projectId}": only demo-* projects (emulators) may be seeded`);
  }
  const missing = ['FIRESTORE_EMULATOR_HOST', 'FIREBASE_AUTH_EMULATOR_HOST'].filter((k) => !env[k]);
  if (missing.length > 0) throw new Error(`refusing to seed: ${missing.join(', ')} not set (emulators only)`);
}

export async function seedDemo(projectId = process.env.GCLOUD_PROJECT ?? 'demo-kesbang'): Promise<SeedResult> {
  assertEmulatorTarget(projectId);
  // The default app: the product code that seedComplaints runs uses it too.
  const app = getApps().find((a) => a.name === '[DEFAULT]') ?? initializeApp({ projectId });
  const db = getFirestore(app);
  const staff = await seedStaff(getAuth(app), db);
  const seeded: unknown = await seedComplaints(db, staff);
  return { staff, complaints: Array.isArray(seeded) ? seeded.length : 0 };
}
