#!/usr/bin/env node
// A burst of 200 concurrent requests from one client at the reference API server on 127.0.0.1,
// with latency percentiles and errors written to docs/performance.md ("## Reference server
// burst"; other sections are kept).
//
//   node packages/server/bench/burst.mjs                 starts its own server (in-memory PGlite)
//   node packages/server/bench/burst.mjs --url http://127.0.0.1:8787   bursts at a running one
//   node packages/server/bench/burst.mjs --database-url postgres://…   also measures a server on PostgreSQL
//                                                                    (a fresh database is created and dropped)
//   options: --requests 200 --rounds 3 --no-write (print only)
//
// The mix is what a portal page does when every widget loads at once, plus writes: 70 % reads
// of lists, balance and charges; 30 % writes (new schedules, payments with idempotency keys,
// replies to a ticket). Every answer must be 2xx: any other status or a network error counts
// as an error, and the script exits 1 when there is one.
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(SERVER_DIR, '../..');
const REPORT = join(ROOT, 'docs', 'performance.md');
const HEADING = '## Reference server burst';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1];
};
const REQUESTS = Number(option('requests', 200));
const ROUNDS = Number(option('rounds', 3));
const WRITE_REPORT = !args.includes('--no-write');

function startServer(databaseUrl = '') {
  const child = spawn(process.execPath, [join(SERVER_DIR, 'src/api/run.mjs')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', RINGSIDE_DATA_DIR: '', DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolvePromise, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolvePromise({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

async function call(base, token, method, path, body, headers = {}) {
  const started = performance.now();
  try {
    const response = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    await response.arrayBuffer();
    return { ms: performance.now() - started, status: response.status, ok: response.ok, path: `${method} ${path.split('?')[0]}` };
  } catch (error) {
    return { ms: performance.now() - started, status: 0, ok: false, path: `${method} ${path.split('?')[0]}`, error: String(error?.cause?.code ?? error) };
  }
}

const today = new Date().toISOString().slice(0, 10);
const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);

/** The i-th request of a burst. */
function request(i, round) {
  const reads = [
    ['GET', '/extensions?page=1&pageSize=50&sort=number:asc'],
    ['GET', '/hunt-groups'],
    ['GET', '/schedules?search=o'],
    ['GET', '/tickets?filter[status]=new,open&sort=updatedAt:desc'],
    ['GET', '/billing/balance'],
    ['GET', `/billing/charges?from=${monthAgo}&to=${today}`],
    ['GET', '/payment-methods'],
  ];
  const slot = i % 10;
  if (slot < 7) return reads[slot];
  if (slot === 7) return ['POST', '/schedules', { name: `Burst ${round}-${i}`, period: 'wd {mo-fr} hr {9-16}', timeZone: 'UTC' }];
  if (slot === 8) {
    return ['POST', '/payments', { amount: { amount: 5, currency: 'USD' }, source: { savedMethodId: 'pm-card-4242' } }, { 'Idempotency-Key': `burst-${process.pid}-${round}-${i}` }];
  }
  return ['POST', '/tickets/1001/messages', { body: `Burst reply ${round}-${i}` }];
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const fmt = (ms) => ms.toFixed(1);

async function burst(base, token, round) {
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: REQUESTS }, (_, i) => call(base, token, ...request(i, round))));
  const wallMs = performance.now() - started;
  const latencies = results.map((result) => result.ms).sort((a, b) => a - b);
  const errors = results.filter((result) => !result.ok);
  return {
    round,
    wallMs,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies.at(-1),
    errors: errors.length,
    errorDetail: [...new Set(errors.map((error) => `${error.path} → ${error.status || error.error}`))],
  };
}

const url = option('url', null);
const adminUrl = option('database-url', null);

/** Signs in and fires the rounds at one server. */
async function measure(base, label) {
  const signIn = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'demo-business', password: 'ringside-demo' }),
  });
  if (signIn.status !== 201) throw new Error(`sign-in answered ${signIn.status}`);
  const { token } = await signIn.json();
  const rounds = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const result = { ...(await burst(base, token, round)), label };
    rounds.push(result);
    console.log(
      `${label}, round ${round}${round === 1 ? ' (cold)' : ''}: ${REQUESTS} requests in ${fmt(result.wallMs)} ms, p50 ${fmt(result.p50)} ms, p90 ${fmt(result.p90)} ms, p99 ${fmt(result.p99)} ms, max ${fmt(result.max)} ms, errors ${result.errors}`,
    );
    for (const detail of result.errorDetail) console.log(`  error: ${detail}`);
  }
  return rounds;
}

/** A fresh database on the PostgreSQL server of `adminUrl`, and a way to drop it. */
async function freshDatabase() {
  const { default: pg } = await import('pg');
  const name = `ringside_burst_${process.pid}`;
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name}`);
  await admin(`CREATE DATABASE ${name}`);
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${name}`;
  return { url: databaseUrl.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name}`) };
}

const rounds = [];
const setups = [];
if (url) {
  rounds.push(...(await measure(url, 'given server')));
  setups.push(`a running server at ${url}`);
} else {
  const server = await startServer();
  try {
    rounds.push(...(await measure(server.url, 'PGlite')));
    setups.push('PGlite: the server started by the script, embedded PGlite in memory');
  } finally {
    server.child.kill('SIGTERM');
  }
  if (adminUrl) {
    const database = await freshDatabase();
    const pgServer = await startServer(database.url);
    try {
      rounds.push(...(await measure(pgServer.url, 'PostgreSQL')));
      setups.push('PostgreSQL: the same server with `DATABASE_URL` (pool of 10 connections) on a local PostgreSQL 15, fresh database');
    } finally {
      pgServer.child.kill('SIGTERM');
      await new Promise((resolvePromise) => pgServer.child.once('exit', resolvePromise));
      await database.drop();
    }
  }
}
const errors = rounds.reduce((sum, round) => sum + round.errors, 0);
if (WRITE_REPORT) {
  const cpu = cpus();
  const rows = rounds
    .map((r) => `| ${r.label} | ${r.round}${r.round === 1 ? ' (cold)' : ''} | ${fmt(r.wallMs)} | ${Math.round((REQUESTS / r.wallMs) * 1000)} | ${fmt(r.p50)} | ${fmt(r.p90)} | ${fmt(r.p99)} | ${fmt(r.max)} | ${r.errors} |`)
    .join('\n');
  const section = `${HEADING}

Measured by \`node packages/server/bench/burst.mjs\` on ${today}, Node ${process.version},
${cpu[0]?.model.trim() ?? 'unknown CPU'} (${cpu.length} logical CPUs); client and server in separate processes on 127.0.0.1,
response validation on (the default unless \`NODE_ENV=production\`). Servers:
${setups.map((setup) => `- ${setup}`).join('\n')}

Each round fires ${REQUESTS} requests at once from one client (one connection each): 70 % reads
(extensions, hunt groups, schedules with search, tickets filtered and sorted, balance, charges,
payment methods) and 30 % writes (new schedules, payments with idempotency keys, ticket replies).
Latencies are per request, from sending to the last byte. Round 1 follows the start: each
operation's response validator compiles on its first answer.

| database | round | wall time (ms) | requests/s | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | errors |
|---|---|---:|---:|---:|---:|---:|---:|---:|
${rows}

${errors === 0 ? 'Every request was answered 2xx.' : `**${errors} requests failed**: ${rounds.flatMap((r) => r.errorDetail).join('; ')}.`}
PGlite has one connection, so the server runs one query at a time: a burst queues, and latency
grows with the queue (p99 is about the wall time of the burst) rather than failing. On
PostgreSQL the pool runs queries in parallel; writes of one customer still take turns (each
write transaction locks the customer's row first).
`;
  const current = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : '# Performance\n';
  const start = current.indexOf(`${HEADING}\n`);
  let next;
  if (start === -1) next = `${current.trimEnd()}\n\n${section}`;
  else {
    const after = current.indexOf('\n## ', start + HEADING.length);
    next = `${current.slice(0, start)}${section}${after === -1 ? '' : `\n${current.slice(after + 1)}`}`;
  }
  writeFileSync(REPORT, next.endsWith('\n') ? next : `${next}\n`);
  console.log(`wrote ${HEADING.slice(3)} to ${REPORT}`);
}
process.exitCode = errors ? 1 : 0;
