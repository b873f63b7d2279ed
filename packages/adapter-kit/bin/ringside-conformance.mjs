#!/usr/bin/env node
// Runs the Ringside conformance suite against an adapter module and exits non-zero when a check fails.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const USAGE = `Usage: ringside-conformance <adapter-module> [options]

The module default-exports a function returning a fresh adapter (or a promise of one); it may
also export \`conformanceOptions\` ({ fixtures, domains, checks, timeoutMs }). TypeScript modules
(.ts, .mts) are bundled with esbuild before they run.

Options:
  --domains <a,b>   only these domains (contract, billing, extensions, huntGroups, schedules, payments, tickets)
  --checks <a,b>    only these check ids (e.g. extensions.stale-version)
  --timeout <ms>    time one check may take (default 30000)
  --voucher <code>  a voucher code valid on every fresh adapter, for the voucher replay check
  --json            print the report as JSON instead of text
  -h, --help        show this text`;

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
const KIT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function fail(message) {
  console.error(`ringside-conformance: ${message}`);
  process.exit(EXIT_USAGE);
}

function readArguments() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        domains: { type: 'string' },
        checks: { type: 'string' },
        timeout: { type: 'string' },
        voucher: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    fail(`${error.message}\n\n${USAGE}`);
  }
}

/**
 * The kit and the adapter module, loaded together. Built JavaScript is imported as it is when
 * the kit is built too; otherwise esbuild bundles both into one module, so they share one copy
 * of @ringside/core (and TypeScript just works).
 */
async function load(modulePath) {
  const builtKit = join(KIT_DIR, 'dist', 'index.js');
  if (!/\.[cm]?tsx?$/.test(modulePath) && existsSync(builtKit)) {
    return { kit: await import(pathToFileURL(builtKit).href), target: await import(pathToFileURL(modulePath).href) };
  }
  const esbuild = await import('esbuild').catch(() => fail('bundling TypeScript needs esbuild: npm install --save-dev esbuild'));
  const kitEntry = existsSync(builtKit) ? builtKit : join(KIT_DIR, 'src', 'index.ts');
  const result = await esbuild.build({
    stdin: {
      contents: `export * as kit from ${JSON.stringify(kitEntry)};\nexport * as target from ${JSON.stringify(modulePath)};`,
      resolveDir: process.cwd(),
      loader: 'js',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    write: false,
    logLevel: 'error',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  const dir = mkdtempSync(join(tmpdir(), 'ringside-conformance-'));
  try {
    const file = join(dir, 'bundle.mjs');
    writeFileSync(file, result.outputFiles[0].text);
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const list = (text) => text?.split(',').map((item) => item.trim()).filter(Boolean);

async function main() {
  const { values, positionals } = readArguments();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length !== 1) fail(`name one adapter module\n\n${USAGE}`);
  const modulePath = resolve(positionals[0]);
  if (!existsSync(modulePath)) fail(`no such file: ${modulePath}`);

  const { kit, target } = await load(modulePath);
  const createAdapter = target.default ?? target.createAdapter;
  if (typeof createAdapter !== 'function') fail(`${positionals[0]} must default-export a function that returns an adapter`);
  const defaults = target.conformanceOptions ?? {};
  const timeoutMs = values.timeout === undefined ? defaults.timeoutMs : Number(values.timeout);
  if (timeoutMs !== undefined && !(timeoutMs > 0)) fail(`--timeout needs a number of milliseconds, not ${values.timeout}`);
  const options = {
    ...defaults,
    domains: list(values.domains) ?? defaults.domains,
    checks: list(values.checks) ?? defaults.checks,
    timeoutMs,
    fixtures: { ...defaults.fixtures, ...(values.voucher ? { voucherCode: values.voucher } : {}) },
    reporter: values.json ? undefined : (result) => console.log(kit.formatResult(result)),
  };

  const report = await kit.runConformance(createAdapter, options);
  console.log(values.json ? JSON.stringify(report, null, 2) : kit.formatSummary(report));
  if (report.failed > 0 || report.passed === 0) process.exitCode = EXIT_FAILED;
}

main().catch((error) => {
  console.error(error);
  process.exit(EXIT_USAGE);
});
