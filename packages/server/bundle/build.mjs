#!/usr/bin/env node
// Builds the bundled files for plain `<script type="module">` pages into packages/server/public/:
//
//   ringside.js          every widget registered, provideRingside() and the classes exported;
//                        Lit, @lit/context, i18next and @ringside/core bundled in, minified
//   ringside-openapi.js  the OpenAPI adapter and its session functions (signIn, signOut,
//                        getSession, connectOpenApiAdapter, createOpenApiAdapter); registers nothing
//   ringside-rt.js       the Request Tracker adapter (createRtAdapter); registers nothing
//   chunks/*.js          code both entries share, and chart.js, which the balance card loads
//                        only when its chart opens (the dynamic import stays dynamic)
//
// Both entries are built together so that they share one copy of @ringside/core (one
// RingsideError class, one set of contexts). Sources are read through the packages' `source`
// condition (TypeScript), so no package needs to be built first. Lit's dev mode is left out: the
// `development` condition is not used.
//
//   node packages/server/bundle/build.mjs          build
//   node packages/server/bundle/build.mjs --if-stale   build only when a source is newer than the output
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(SERVER_DIR, '..', '..');
export const PUBLIC_DIR = join(SERVER_DIR, 'public');
export const ENTRIES = {
  ringside: join(SERVER_DIR, 'bundle', 'ringside.js'),
  'ringside-openapi': join(SERVER_DIR, 'bundle', 'ringside-openapi.js'),
  'ringside-rt': join(SERVER_DIR, 'bundle', 'ringside-rt.js'),
};
/** The output files the demo pages name; chunks are named by hash and found through these. */
export const ENTRY_FILES = Object.keys(ENTRIES).map((name) => join(PUBLIC_DIR, `${name}.js`));

/** What the bundles are made from: a change in any of these makes them stale. */
function inputs() {
  const packagesDir = join(ROOT, 'packages');
  const packages = readdirSync(packagesDir).filter((name) => name !== 'server' && existsSync(join(packagesDir, name, 'package.json')));
  return [
    join(SERVER_DIR, 'bundle'),
    ...packages.flatMap((name) => [join(packagesDir, name, 'src'), join(packagesDir, name, 'package.json')]),
    join(ROOT, 'package-lock.json'),
    join(ROOT, 'tsconfig.json'),
  ];
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path, { recursive: true })) {
    newest = Math.max(newest, statSync(join(path, entry)).mtimeMs);
  }
  return newest;
}

/** True when an entry file is missing or older than any input. */
export function bundlesAreStale() {
  if (!ENTRY_FILES.every((file) => existsSync(file))) return true;
  const built = Math.min(...ENTRY_FILES.map((file) => statSync(file).mtimeMs));
  return inputs().some((input) => newestMtime(input) > built);
}

/** The Vite configuration of the bundles (also used by scripts/size.mjs). */
export function bundleConfig({ outDir = PUBLIC_DIR, sourcemap = true, entries = ENTRIES } = {}) {
  return {
    configFile: false,
    root: SERVER_DIR,
    mode: 'production',
    logLevel: 'warn',
    publicDir: false,
    resolve: {
      // `source`: workspace packages from TypeScript. `production` (not `development`): Lit and
      // @lit/context without their dev-mode checks and warnings.
      conditions: ['source', 'module', 'browser', 'production'],
    },
    // Library builds leave process.env alone; a browser has no `process`.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap,
      minify: true,
      reportCompressedSize: false,
      lib: { entry: entries, formats: ['es'], fileName: (_format, name) => `${name}.js` },
      rolldownOptions: {
        output: {
          // Vite's library mode keeps whitespace in ES output (for consumers who bundle again);
          // these files go to browsers as they are, so remove it too.
          minify: { codegen: true },
          // Keep license notices of the bundled packages (Lit's BSD-3-Clause asks for them).
          comments: { legal: true },
          // Lazily loaded chunks keep their module's name (charges-chart-…); code the entries
          // share is "shared-…". Hashed names: the server lets browsers cache them for good.
          chunkFileNames: (chunk) => (chunk.isDynamicEntry ? 'chunks/[name]-[hash].js' : 'chunks/shared-[hash].js'),
        },
      },
    },
  };
}

export async function buildBundles(options = {}) {
  const { build } = await import('vite');
  const started = performance.now();
  await build(bundleConfig(options));
  const outDir = options.outDir ?? PUBLIC_DIR;
  const files = readdirSync(outDir, { recursive: true }).filter((file) => String(file).endsWith('.js'));
  const problems = files.flatMap((file) => unsafeConstructs(readFileSync(join(outDir, String(file)), 'utf8')).map((what) => `${file}: ${what}`));
  if (problems.length) throw new Error(`The bundle would break under a strict Content-Security-Policy:\n  ${problems.join('\n  ')}`);
  console.log(`Bundled ${files.length} files into ${relative(ROOT, outDir)}/ (${((performance.now() - started) / 1000).toFixed(1)} s).`);
}

/** What a `script-src 'self'` policy forbids (and what Lit's dev mode or `process` would leave in). */
export function unsafeConstructs(code) {
  const found = [];
  if (/\beval\s*\(/.test(code)) found.push('eval(');
  if (/\bnew\s+Function\s*\(/.test(code)) found.push('new Function(');
  if (/\bprocess\.env\b/.test(code)) found.push('process.env');
  if (/Lit is in dev mode/.test(code)) found.push("Lit's dev mode");
  return found;
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  if (process.argv.includes('--if-stale') && !bundlesAreStale()) {
    console.log(`Bundles in ${relative(ROOT, PUBLIC_DIR)}/ are up to date.`);
  } else {
    buildBundles().catch((error) => {
      console.error(error.message ?? error);
      process.exit(1);
    });
  }
}
