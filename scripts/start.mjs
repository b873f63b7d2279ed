#!/usr/bin/env node
// `npm start`: the demo portal and the reference API at http://localhost:8080 (PORT overrides,
// HOST picks the interface; RINGSIDE_DATA_DIR or DATABASE_URL choose the database, else it lives
// in memory: see docs/api.md). Builds ringside.js and ringside-openapi.js first when they are
// missing or older than their sources (`npm start -- --rebuild` always builds), then runs
// packages/server/src/serve.mjs, which builds the API, opens and seeds the database and listens.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundles, bundlesAreStale } from '../packages/server/bundle/build.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

try {
  if (process.argv.includes('--rebuild') || bundlesAreStale()) {
    console.log('Building ringside.js and ringside-openapi.js…');
    await buildBundles();
  }
} catch (error) {
  console.error(`Could not build the bundles: ${error.message ?? error}`);
  process.exit(1);
}

const server = spawn(process.execPath, [join(ROOT, 'packages', 'server', 'src', 'serve.mjs')], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
