/**
 * Portal settings. Locally (the Firebase emulators, opened as 127.0.0.1 or localhost) staff
 * sign in against the Auth emulator, which accepts any API key.
 *
 * PRODUCTION — operator: set `PRODUCTION_API_KEY` to the project's Web API key (Firebase
 * console → Project settings → General → Web API key). It is not a secret: it only names
 * the project to Firebase Auth. If the Auth base URLs change, update the
 * Content-Security-Policy `connect-src` in petugas.html as well.
 */
const PRODUCTION_API_KEY = 'GANTI-DENGAN-WEB-API-KEY';

const local = location.hostname === '127.0.0.1' || location.hostname === 'localhost';
const EMULATOR = 'http://127.0.0.1:9099';

export const config = {
  /** Same origin: Hosting rewrites /api/** to the `api` function. */
  apiBase: '/api',
  /** Firebase Auth REST (accounts:signInWithPassword). */
  authBase: local ? `${EMULATOR}/identitytoolkit.googleapis.com/v1` : 'https://identitytoolkit.googleapis.com/v1',
  /** Secure Token REST (refresh an ID token). */
  tokenBase: local ? `${EMULATOR}/securetoken.googleapis.com/v1` : 'https://securetoken.googleapis.com/v1',
  apiKey: local ? 'fake-api-key' : PRODUCTION_API_KEY,
  /** Milliseconds before a request is given up (weak connections: generous). */
  timeoutMs: 30000,
};
