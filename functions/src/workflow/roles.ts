/**
 * Who is who (SOP.md, "Who is who") and who may see the reporter's identity.
 * Pure: no Firebase imports.
 */

export const STAFF_ROLES = ['upp', 'sesdep', 'deputi', 'asdep', 'kabid', 'menko', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
/** `public` has no account; `system` is the platform itself (automatic moves). */
export type Role = StaffRole | 'public' | 'system';

export const ROLE_LABELS: Record<Role, { id: string; en: string }> = {
  public: { id: 'Masyarakat', en: 'Member of the public' },
  upp: { id: 'Petugas Unit Pelayanan Publik (UPP)', en: 'Public service desk officer (UPP)' },
  sesdep: { id: 'Sekretaris Deputi', en: 'Secretary of the Deputy' },
  deputi: { id: 'Deputi Bidang Koordinasi Kesatuan Bangsa', en: 'Deputy for National Unity' },
  asdep: { id: 'Asisten Deputi', en: 'Assistant Deputy' },
  kabid: { id: 'Kepala Bidang / Jabatan Fungsional', en: 'Head of Division / Functional Staff' },
  menko: { id: 'Menteri Koordinator Bidang Politik, Hukum, dan Keamanan', en: 'Coordinating Minister' },
  admin: { id: 'Administrator Sistem', en: 'System administrator' },
  system: { id: 'Sistem', en: 'System' },
};

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/**
 * Confidentiality of a complaint, chosen by the reporter (as in SP4N-LAPOR!):
 * - `biasa`: ordinary; the staff who handle the case may know who reported it;
 * - `rahasia`: confidential; only the intake chain (UPP, Sesdep) and the Deputi who answers
 *   for the case may know; the Asdep, Kabid/JF and Menko work on the substance only;
 * - `anonim`: anonymous; no one in the office may read the identity (the reporter may still
 *   have left contact data that the system alone uses — and for anonim it sends nothing).
 */
export const CONFIDENTIALITY_LEVELS = ['biasa', 'rahasia', 'anonim'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY_LEVELS)[number];

export const CONFIDENTIALITY_LABELS: Record<Confidentiality, { id: string; en: string }> = {
  biasa: { id: 'Biasa', en: 'Ordinary' },
  rahasia: { id: 'Rahasia', en: 'Confidential' },
  anonim: { id: 'Anonim', en: 'Anonymous' },
};

/** The table of who may read `complaints/{id}/private/reporter`, per confidentiality level. */
export const IDENTITY_READERS: Record<Confidentiality, readonly StaffRole[]> = {
  biasa: ['upp', 'sesdep', 'deputi', 'asdep', 'kabid', 'menko'],
  rahasia: ['upp', 'sesdep', 'deputi'],
  anonim: [],
};

export function mayReadIdentity(role: Role, level: Confidentiality): boolean {
  return isStaffRole(role) && IDENTITY_READERS[level].includes(role);
}
