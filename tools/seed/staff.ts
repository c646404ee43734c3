/**
 * Demo staff: Auth emulator accounts (custom claims {role, unit}) and `staff/{uid}` profiles.
 * Deterministic uids, one password; re-running updates in place (no duplicates).
 */
import type { Auth } from 'firebase-admin/auth';
import type { Firestore } from 'firebase-admin/firestore';

import type { StaffProfile } from '../../functions/src/store/staff';
import type { StaffRole } from '../../functions/src/workflow/roles';

export type { StaffProfile };

export const DEMO_PASSWORD = 'demo12345';

const UNITS = {
  upp: 'Unit Pelayanan Publik',
  sesdep: 'Sekretariat Deputi Bidang Koordinasi Kesatuan Bangsa',
  deputi: 'Deputi Bidang Koordinasi Kesatuan Bangsa',
  wasbang: 'Asisten Deputi Koordinasi Wawasan Kebangsaan',
  konflik: 'Asisten Deputi Koordinasi Penanganan Konflik Sosial',
  menko: 'Menteri Koordinator Bidang Politik, Hukum, dan Keamanan',
  admin: 'Administrator Sistem',
} as const;

type Unit = keyof typeof UNITS;

function staff(uid: string, name: string, email: string, role: StaffRole, unit: Unit, supervisorUid: string | null): StaffProfile {
  return { uid, name, email, role, unit, unitName: UNITS[unit], supervisorUid, active: true };
}

/** Supervisors: upp→sesdep, sesdep→deputi, asdep→deputi, kabid→their asdep, deputi→menko. */
export const DEMO_STAFF: readonly StaffProfile[] = [
  staff('demo-upp', 'Rina Kartika (UPP)', 'upp@demo.test', 'upp', 'upp', 'demo-sesdep'),
  staff('demo-sesdep', 'Bambang Sutrisno (Sesdep)', 'sesdep@demo.test', 'sesdep', 'sesdep', 'demo-deputi'),
  staff('demo-deputi', 'Dr. Hadi Prasetyo (Deputi)', 'deputi@demo.test', 'deputi', 'deputi', 'demo-menko'),
  staff('demo-asdep-wasbang', 'Sri Wahyuni (Asdep Wawasan Kebangsaan)', 'asdep.wasbang@demo.test', 'asdep', 'wasbang', 'demo-deputi'),
  staff('demo-asdep-konflik', 'Agus Salim (Asdep Penanganan Konflik)', 'asdep.konflik@demo.test', 'asdep', 'konflik', 'demo-deputi'),
  staff('demo-kabid-wasbang', 'Dewi Lestari (Kabid Wawasan Kebangsaan)', 'kabid.wasbang@demo.test', 'kabid', 'wasbang', 'demo-asdep-wasbang'),
  staff('demo-kabid-konflik', 'Yusuf Hidayat (Kabid Penanganan Konflik)', 'kabid.konflik@demo.test', 'kabid', 'konflik', 'demo-asdep-konflik'),
  staff('demo-menko', 'Menko Polhukam (demo)', 'menko@demo.test', 'menko', 'menko', null),
  staff('demo-admin', 'Admin Sistem', 'admin@demo.test', 'admin', 'admin', null),
];

function errorCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
}

/** Creates or updates every demo account and profile; returns the profiles by e-mail. */
export async function seedStaff(auth: Auth, db: Firestore): Promise<Record<string, StaffProfile>> {
  const byEmail: Record<string, StaffProfile> = {};
  for (const s of DEMO_STAFF) {
    const account = { email: s.email, password: DEMO_PASSWORD, displayName: s.name, emailVerified: true, disabled: false };
    try {
      await auth.createUser({ uid: s.uid, ...account });
    } catch (err) {
      if (errorCode(err) !== 'auth/uid-already-exists' && errorCode(err) !== 'auth/email-already-exists') throw err;
      await auth.updateUser(s.uid, account);
    }
    await auth.setCustomUserClaims(s.uid, { role: s.role, unit: s.unit });
    await db.doc(`staff/${s.uid}`).set({ ...s });
    byEmail[s.email] = s;
  }
  return byEmail;
}
