#!/usr/bin/env node
// Builds the npm output of one workspace package, run from its folder (`npm run build` there):
//
//   dist/**/*.js     one ES module per source module, bare imports kept (Lit, i18next, chart.js and
//                    the other @ringside packages stay external: a host must not get two copies);
//                    JSON imports are inlined, because a browser or Node cannot import JSON
//                    without import attributes (and never with named imports);
//   dist/**/*.d.ts   declarations from tsc (emitDeclarationOnly), with declaration maps into src/;
//   custom-elements.json   for a package with custom-elements-manifest.config.mjs (widgets).
//
// Packages a package depends on must be built first (scripts/build.mjs does that): declarations
// resolve the other @ringside packages through their `types` (dist), not their TypeScript source.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET = 'es2022';

/** Modules of src/ that become dist/ modules (not tests, stories or declaration files). */
const isShippedSource = (file) =>
  /\.(ts|mts|js|mjs)$/.test(file) && !/\.d\.(ts|mts)$/.test(file) && !/\.(test|spec|stories)\.(ts|mts|js|mjs)$/.test(file);

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

const rel = (path) => relative(ROOT, path).split(sep).join('/');

/**
 * esbuild in bundle mode, one entry per module, with every import external except JSON: each
 * output file is its source module, imports untouched, JSON imports replaced by the values used
 * (`import { version } from '../../package.json'` becomes `var version = "1.2.3"`).
 */
const externalExceptJson = {
  name: 'external-except-json',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (/\.json$/.test(args.path) && (args.path.startsWith('.') || args.path.startsWith('/'))) return undefined;
      return { path: args.path, external: true };
    });
  },
};

async function buildJs(packageDir, sources) {
  const result = await esbuild.build({
    absWorkingDir: packageDir,
    entryPoints: sources,
    outbase: 'src',
    outdir: 'dist',
    bundle: true,
    plugins: [externalExceptJson],
    format: 'esm',
    platform: 'neutral',
    target: TARGET,
    // experimentalDecorators / useDefineForClassFields: false / verbatimModuleSyntax come from here.
    tsconfig: join(ROOT, 'tsconfig.json'),
    sourcemap: true,
    sourcesContent: false, // src/ ships in the package; the maps point at it
    legalComments: 'inline',
    logLevel: 'warning',
    metafile: true,
  });
  return Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js')).length;
}

/** Moves dist paths in a declaration map's `sources` after the file moved from `from` to `to`. */
function relocateMap(mapFile, fromDir, toDir) {
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  map.sources = map.sources.map((source) => relative(toDir, resolve(fromDir, source)).split(sep).join('/'));
  writeFileSync(mapFile, JSON.stringify(map));
}

function buildDeclarations(packageDir, sources) {
  // tsc's rootDir must hold every input, and `version.ts` imports ../../package.json; so declare
  // into a scratch folder with rootDir = the package, then move <scratch>/src/** to dist/**.
  const scratch = mkdtempSync(join(tmpdir(), 'ringside-dts-'));
  try {
    const tsconfig = join(scratch, 'tsconfig.json');
    writeFileSync(
      tsconfig,
      JSON.stringify({
        extends: join(ROOT, 'tsconfig.json'),
        compilerOptions: {
          // Other @ringside packages are read through their built `types`, not their source,
          // so their files do not become part of this package's output.
          customConditions: [],
          rootDir: packageDir,
          outDir: join(scratch, 'out'),
          declaration: true,
          declarationMap: true,
          emitDeclarationOnly: true,
          noEmit: false,
          sourceMap: false,
          incremental: false,
          composite: false,
        },
        files: sources.map((source) => join(packageDir, source)),
        include: [],
      }),
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    try {
      execFileSync(process.execPath, [tsc, '-p', tsconfig, '--pretty'], { cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      process.stderr.write(error.stdout?.toString() ?? '');
      process.stderr.write(error.stderr?.toString() ?? '');
      throw new Error(`tsc failed to write the declarations of ${packageDir}`);
    }
    const emitted = join(scratch, 'out', 'src');
    let count = 0;
    // tsc does not copy declaration files that are sources (generated types, ambient modules);
    // the emitted declarations may import them, so they ship too.
    for (const file of listFiles(join(packageDir, 'src')).filter((path) => /\.d\.(ts|mts)$/.test(path))) {
      const target = join(packageDir, 'dist', relative(join(packageDir, 'src'), file));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(file, target);
      count++;
    }
    for (const file of listFiles(emitted)) {
      const target = join(packageDir, 'dist', relative(emitted, file));
      mkdirSync(dirname(target), { recursive: true });
      renameSync(file, target);
      if (target.endsWith('.d.ts.map')) relocateMap(target, dirname(file), dirname(target));
      else count++;
    }
    return count;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function buildManifest(packageDir) {
  const config = join(packageDir, 'custom-elements-manifest.config.mjs');
  if (!existsSync(config)) return false;
  const cem = join(ROOT, 'node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js');
  // The analyzer must run from the package folder (it resolves globs and the config from the cwd).
  execFileSync(process.execPath, [cem, 'analyze', '--litelement', '--config', config], { cwd: packageDir, stdio: ['ignore', 'pipe', 'inherit'] });
  return true;
}

export async function buildPackage(packageDir = process.cwd(), { manifest = true } = {}) {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const started = performance.now();
  const sources = listFiles(join(packageDir, 'src'))
    .map((file) => relative(packageDir, file).split(sep).join('/'))
    .filter(isShippedSource)
    .sort();
  rmSync(join(packageDir, 'dist'), { recursive: true, force: true });
  if (sources.length === 0) {
    console.warn(`${pkg.name}: no sources in src/, nothing to build.`);
    return;
  }
  let jsCount;
  let dtsCount;
  let wroteManifest;
  try {
    jsCount = await buildJs(packageDir, sources);
    dtsCount = buildDeclarations(packageDir, sources);
    wroteManifest = manifest && buildManifest(packageDir);
    checkExports(packageDir, pkg);
  } catch (error) {
    // No half-built dist/ (JavaScript without declarations) for other packages to pick up.
    rmSync(join(packageDir, 'dist'), { recursive: true, force: true });
    throw error;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${pkg.name}: ${jsCount} modules, ${dtsCount} declarations${wroteManifest ? ', custom-elements.json' : ''} (${seconds} s)`);
}

/** Every dist file an `exports` entry names must exist after the build (catches stale paths). */
function checkExports(packageDir, pkg) {
  const missing = [];
  const visit = (subpath, value) => {
    if (typeof value === 'string') {
      if (value.includes('*') || !value.startsWith('./dist/')) return;
      if (!existsSync(join(packageDir, value))) missing.push(`${subpath} -> ${value}`);
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) visit(key.startsWith('.') ? key : subpath, inner);
    }
  };
  visit('.', pkg.exports ?? {});
  if (missing.length) throw new Error(`${pkg.name}: exports point at files the build did not produce:\n  ${missing.join('\n  ')}`);
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const noManifest = process.argv.includes('--no-manifest');
  buildPackage(process.cwd(), { manifest: !noManifest }).catch((error) => {
    console.error(`\nbuild of ${rel(process.cwd()) || '.'} failed: ${error.message}`);
    process.exit(1);
  });
}
