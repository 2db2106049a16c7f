import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    // Services write real files; lowdb's presets fall back to memory under NODE_ENV=test, and
    // Lede never uses those presets, but keep the variable away from the code under test anyway.
    env: { NODE_ENV: 'development' },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    setupFiles: ['tests/unit/setup/fast-check-seed.ts'],
  },
});
