import { defaultClientConditions, mergeConfig } from 'vite';
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    return mergeConfig(viteConfig, {
      // Workspace packages export a `source` condition pointing at TypeScript: stories run
      // from source, without building the packages first.
      resolve: { conditions: ['source', ...defaultClientConditions] },
      optimizeDeps: {
        include: [
          // Otherwise two copies of Lit load (the renderer's and ours) in dev and in story tests.
          'lit/directive-helpers.js',
          // Imported lazily by <rs-balance-card> when the chart opens. Listing it here spares
          // Vite a re-optimisation, and with it a page reload, in the middle of a story test.
          'chart.js',
        ],
      },
      // Storybook's own preview runtime is one ~1 MB chunk; that is not ours to split.
      build: { chunkSizeWarningLimit: 1200 },
    });
  },
};

export default config;
