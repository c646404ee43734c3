/** Which cases each role may see (list and detail). Pure. */
import type { StaffRole } from './roles';

export interface Visible {
  asdepUid: string | null;
  staffUids: readonly string[];
}

/**
 * The intake chain, the Deputi, the Menko and the admin see every case; an Asdep sees the
 * cases disposed to them; a Kabid/JF sees the cases they are assigned to.
 */
export function canSeeCase(role: StaffRole, uid: string, c: Visible): boolean {
  switch (role) {
    case 'asdep':
      return c.asdepUid === uid;
    case 'kabid':
      return c.staffUids.includes(uid);
    default:
      return true;
  }
}
