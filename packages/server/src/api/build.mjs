// Node 20 cannot run TypeScript: this bundles the API server's TypeScript (and the @ringside
// packages it uses, from their sources) into packages/server/dist/api/ with esbuild, keeping
// every npm dependency external. Takes well under a second.
//
//   import { buildApi } from './build.mjs'; const { main, index } = await buildApi();
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const API_DIR = dirname(fileURLToPath(import.meta.url));
const SERVER_DIR = resolve(API_DIR, '../..');
export const OUT_DIR = join(SERVER_DIR, 'dist', 'api');

/** Bare imports stay imports, except our own workspace packages, which are bundled from source. */
const externalDependencies = {
  name: 'external-dependencies',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@ringside/') ? undefined : { path: args.path, external: true }));
  },
};

export async function buildApi() {
  mkdirSync(OUT_DIR, { recursive: true });
  // Each build gets its own folder, so servers starting at the same time (tests) never load each
  // other's half-written files; folders older than an hour are removed.
  const outdir = join(OUT_DIR, `build-${process.pid}-${Date.now()}`);
  await esbuild.build({
    absWorkingDir: SERVER_DIR,
    entryPoints: { main: join(API_DIR, 'main.ts'), index: join(API_DIR, 'index.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    conditions: ['source'],
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [externalDependencies],
  });
  for (const entry of readdirSync(OUT_DIR)) {
    const path = join(OUT_DIR, entry);
    if (entry.startsWith('build-') && path !== outdir && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
  }
  return { main: join(outdir, 'main.js'), index: join(outdir, 'index.js') };
}
