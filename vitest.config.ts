import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    globalSetup: ['scripts/vitest-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The messages' language is English in tests whatever the machine's locale (LANG=zh_CN…):
    // goldens and transcripts are English; a test of Chinese passes --lang zh or POLICY_LANG.
    // In-process runs and spawned commands (which inherit process.env) both see it.
    env: { POLICY_LANG: 'en' },
  },
});
