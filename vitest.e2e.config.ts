import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/**
 * End-to-end tests: the built extension in real browsers (Chromium via playwright-core, Firefox
 * via puppeteer-core + WebDriver BiDi). `npm run test:e2e`; part of `npm test`.
 */
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    // One browser at a time: they are heavy, and timings are recorded.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
