/** Three projects: `unit` (pure, fast, no emulators), `integration` (needs the local stack
 * started by tools/run-integration.mjs, which sets the *_EMULATOR_HOST variables) and `e2e`
 * (the portal in headless chromium, against the same running stack). */
const tsJest = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] };
module.exports = {
  // Integration tests drive emulators on a 2-core machine; unit tests finish far sooner.
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      transform: tsJest,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      transform: tsJest,
    },
    {
      // The portal (hosting/) in headless chromium against the running stack.
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      transform: tsJest,
    },
  ],
};
