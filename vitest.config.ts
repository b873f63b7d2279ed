import { defineConfig } from 'vitest/config';

// Node-side unit tests (pure modules: period maths, formatting, store logic that needs no DOM).
// Story tests live in their own project, added in .storybook/vitest.config.ts.
export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    projects: [
      {
        resolve: { conditions: ['source'] },
        test: {
          name: 'node',
          environment: 'node',
          include: ['packages/*/test/**/*.node.test.ts'],
        },
      },
    ],
  },
});
