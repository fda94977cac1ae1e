import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'Crosscheck',
    description:
      'Cross-checks war coverage against a local reference corpus, claim by claim. Runs fully offline.',
    // Minimal for now: the popup and (later) the cache only need extension storage.
    // No host permissions yet; the content script arrives in a later version.
    permissions: ['storage'],
  },
});
