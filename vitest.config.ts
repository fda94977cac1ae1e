import { configDefaults, defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    setupFiles: ['tests/support/setup.ts'],
    include: ['tests/**/*.test.ts', 'lib/**/*.test.ts'],
    // Real-browser tests have their own config (vitest.e2e.config.ts).
    exclude: [...configDefaults.exclude, 'tests/e2e/**'],
  },
});
