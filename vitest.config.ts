import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // CLI tests spawn the built binary: keep the pool small on two cores.
    pool: 'forks',
    projects: [
      {
        // one module graph per worker: the data files, the lexicons and jieba's dictionary load once,
        // not once per test file (most of the suite's time on two cores)
        extends: true,
        test: { name: 'shared', include: ['tests/**/*.test.ts'], exclude: ['tests/robustness/**'], isolate: false },
      },
      {
        // these mock node:fs/promises or time signals against child processes: each file alone
        extends: true,
        test: { name: 'isolated', include: ['tests/robustness/**/*.test.ts'] },
      },
    ],
  },
});
