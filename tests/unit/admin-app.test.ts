/** firebase-functions creates a named app before our code runs; adminApp() must still give
 * (and create) the default app, or getAuth()/getFirestore() fail on a fresh instance. */
import { deleteApp, getApps, initializeApp } from 'firebase-admin/app';
import { adminApp } from '../../functions/src/store/db';

describe('adminApp()', () => {
  afterAll(async () => {
    await Promise.all(getApps().map((a) => deleteApp(a)));
  });

  it('creates the default app even when a named app exists', () => {
    initializeApp({ projectId: 'demo-unit' }, '__FIREBASE_FUNCTIONS_SDK__');
    expect(getApps().map((a) => a.name)).toEqual(['__FIREBASE_FUNCTIONS_SDK__']);
    const app = adminApp();
    expect(app.name).toBe('[DEFAULT]');
    expect(adminApp()).toBe(app);
  });
});
