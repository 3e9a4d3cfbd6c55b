import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*'],
    // Goldens are reviewed, never written silently: a missing or changed snapshot fails every run.
    // Intended changes go through `pnpm run test:update` (vitest -u), and the diff is read.
    update: 'none',
  },
});
