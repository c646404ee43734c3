import { getApp, getApps, initializeApp, type App } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';

/**
 * The default firebase-admin app, created on first use. firebase-functions creates a named
 * app of its own, so look for the default one by name rather than counting apps.
 */
export function adminApp(): App {
  return getApps().some((a) => a.name === '[DEFAULT]') ? getApp() : initializeApp();
}

let instance: Firestore | null = null;

/** The one Firestore handle of this process. */
export function db(): Firestore {
  instance ??= getFirestore(adminApp());
  return instance;
}

/** gRPC status codes firebase-admin reports on `err.code`. */
export function grpcCode(err: unknown): number | null {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    return typeof code === 'number' ? code : null;
  }
  return null;
}

export const ALREADY_EXISTS = 6;
export const NOT_FOUND = 5;
