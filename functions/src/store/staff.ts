/** The staff directory (`staff/{uid}`); roles are also Auth custom claims. */
import type { Role, StaffRole } from '../workflow';
import { db } from './db';

export interface StaffProfile {
  uid: string;
  name: string;
  email: string;
  role: StaffRole;
  unit: string;
  unitName: string;
  supervisorUid: string | null;
  active: boolean;
}

export async function getStaff(uid: string): Promise<StaffProfile | null> {
  const snap = await db().collection('staff').doc(uid).get();
  return snap.exists ? (snap.data() as StaffProfile) : null;
}

export async function getStaffMany(uids: readonly string[]): Promise<Map<string, StaffProfile>> {
  const unique = [...new Set(uids)].filter((u) => u && u !== 'system' && u !== 'public');
  const out = new Map<string, StaffProfile>();
  if (unique.length === 0) return out;
  const snaps = await db().getAll(...unique.map((u) => db().collection('staff').doc(u)));
  for (const s of snaps) if (s.exists) out.set(s.id, s.data() as StaffProfile);
  return out;
}

export async function listStaff(role?: Role): Promise<StaffProfile[]> {
  const q = role ? db().collection('staff').where('role', '==', role) : db().collection('staff');
  const snap = await q.get();
  return snap.docs
    .map((d) => d.data() as StaffProfile)
    .filter((s) => s.active !== false)
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
}

/** Who acts now: the named assignees, or everyone active in the step's role (a desk). */
export async function resolveAssignees(assignees: readonly string[], role: Role | null): Promise<StaffProfile[]> {
  if (assignees.length > 0) return [...(await getStaffMany(assignees)).values()].filter((s) => s.active !== false);
  if (!role) return [];
  return listStaff(role);
}

/** The supervisors of the given staff, each once. */
export async function supervisorsOf(staff: readonly StaffProfile[]): Promise<StaffProfile[]> {
  const uids = staff.map((s) => s.supervisorUid).filter((u): u is string => typeof u === 'string');
  return [...(await getStaffMany(uids)).values()];
}
