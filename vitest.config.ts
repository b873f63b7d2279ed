import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROME_ARGS, findChrome } from './scripts/browser.mjs';

// Two projects:
// - node: node-side unit tests (pure modules: period maths, formatting, store logic that needs no DOM).
// - storybook: every story in stories/ rendered in headless Chromium (smoke render + play function),
//   through @storybook/addon-vitest. Uses Debian's Chromium (or CHROME_PATH); never downloads one.
export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    projects: [
      {
        resolve: { conditions: ['source'] },
        // Node tests run in Vite's SSR environment, which has its own conditions: without this,
        // @ringside/* imports resolve to (possibly stale or missing) dist/ builds.
        ssr: { resolve: { conditions: ['source'] } },
        test: {
          name: 'node',
          environment: 'node',
          include: ['packages/*/test/**/*.node.test.ts'],
        },
      },
      {
        // The Vite settings (source condition, optimizeDeps) come from .storybook/main.ts viteFinal.
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                // Looked up when the browser starts, so `--project node` needs no browser.
                get executablePath() {
                  const executablePath = findChrome();
                  if (!executablePath) {
                    throw new Error(
                      'Story tests need Chromium: install it (Debian: apt-get install chromium) or set CHROME_PATH to a Chrome/Chromium binary.',
                    );
                  }
                  return executablePath;
                },
                args: CHROME_ARGS,
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
