import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { build } from 'esbuild';
import { CHROME_ARGS, ensureChrome } from './scripts/browser.mjs';
import { countReporter } from './scripts/wtr-count-reporter.mjs';

const executablePath = ensureChrome();

/**
 * Testing Library ships CommonJS dependencies that a browser cannot import as they are:
 * serve them as one ES module bundled by esbuild, once per run.
 */
function bundleCommonJs(packages) {
  const bundles = new Map();
  const urlOf = (name) => `/__bundled__/${name.replace('/', '__')}.js`;
  return {
    name: 'bundle-commonjs',
    resolveImport({ source }) {
      if (packages.includes(source)) return urlOf(source);
    },
    async serve(context) {
      const name = packages.find((candidate) => urlOf(candidate) === context.path);
      if (!name) return undefined;
      if (!bundles.has(name)) {
        const result = await build({
          entryPoints: [name],
          bundle: true,
          format: 'esm',
          write: false,
          define: { 'process.env.NODE_ENV': '"test"' },
        });
        bundles.set(name, result.outputFiles[0].text);
      }
      return { body: bundles.get(name), type: 'js' };
    },
  };
}

export default {
  files: ['packages/*/test/**/*.test.ts', '!packages/*/test/**/*.node.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  plugins: [bundleCommonJs(['shadow-dom-testing-library']), esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROME_ARGS } })],
  concurrency: 1,
  reporters: [defaultReporter(), countReporter(process.env.RS_RESULTS_FILE)],
  testFramework: { config: { timeout: 10000 } },
  // Tests look for lazily loaded modules among the resource entries; the browser keeps only 250
  // by default, fewer than the modules of every widget, so keep them all from the first request.
  testRunnerHtml: (testFramework) =>
    `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><script>performance.setResourceTimingBufferSize(100000)</script><script type="module" src="${testFramework}"></script></body></html>`,
  testsFinishTimeout: 300000,
};
