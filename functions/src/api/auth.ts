/** Staff authentication: a Firebase ID token whose custom claims carry the role. */
import type { NextFunction, Request, Response } from 'express';
import { getAuth } from 'firebase-admin/auth';
import { isStaffRole, type Actor, type StaffRole } from '../workflow';
import { adminApp, db } from '../store/db';
import { langOf, problem } from './problem';

export interface StaffActor extends Actor {
  role: StaffRole;
  unit: string | null;
  email: string | null;
}

export interface AuthedRequest extends Request {
  actor?: StaffActor;
}

export async function requireStaff(req: AuthedRequest, res: Response, next: NextFunction): Promise<void> {
  const lang = langOf(req);
  const match = /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '');
  if (!match) {
    problem(res, lang, 401, 'UNAUTHENTICATED', lang === 'id' ? 'Masuk terlebih dahulu (token tidak ada).' : 'Sign in first (no token).');
    return;
  }
  let claims: Record<string, unknown>;
  try {
    claims = await getAuth(adminApp()).verifyIdToken(match[1]);
  } catch {
    problem(res, lang, 401, 'INVALID_TOKEN', lang === 'id' ? 'Token tidak valid atau kedaluwarsa. Masuk kembali.' : 'Invalid or expired token. Sign in again.');
    return;
  }
  const role = claims.role;
  const uid = String(claims.uid ?? claims.sub ?? '');
  if (!isStaffRole(role) || !uid) {
    problem(res, lang, 403, 'NOT_STAFF', lang === 'id' ? 'Akun ini tidak memiliki peran petugas.' : 'This account has no staff role.');
    return;
  }
  // A deactivated staff member keeps a valid token for up to an hour; the directory decides.
  const profile = await db().collection('staff').doc(uid).get();
  if (profile.exists && profile.get('active') === false) {
    problem(res, lang, 403, 'STAFF_INACTIVE', lang === 'id' ? 'Akun petugas ini dinonaktifkan.' : 'This staff account is deactivated.');
    return;
  }
  req.actor = {
    uid,
    role,
    unit: typeof claims.unit === 'string' ? claims.unit : null,
    email: typeof claims.email === 'string' ? claims.email : null,
  };
  next();
}
