// Runs the reference API server alone (the demo portal's server mounts the same app):
//
//   node packages/server/src/api/run.mjs
//   PORT=8787 HOST=127.0.0.1 RINGSIDE_DATA_DIR=.data/pglite node packages/server/src/api/run.mjs
//   DATABASE_URL=postgres://user:pass@localhost/ringside node packages/server/src/api/run.mjs
//
// Without RINGSIDE_DATA_DIR or DATABASE_URL the embedded database lives in memory: every start
// is a fresh demo. Prints one line `listening on <url>` when ready.
import { startApiServer } from './server.js';

const server = await startApiServer({
  port: Number(process.env.PORT ?? 8787),
  host: process.env.HOST ?? '127.0.0.1',
  url: process.env.DATABASE_URL || undefined,
  dataDir: process.env.RINGSIDE_DATA_DIR || undefined,
});
console.log(`listening on ${server.url} (${server.db.kind}${process.env.RINGSIDE_DATA_DIR ? ` in ${process.env.RINGSIDE_DATA_DIR}` : process.env.DATABASE_URL ? '' : ', in memory'})`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
