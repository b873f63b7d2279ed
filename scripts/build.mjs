#!/usr/bin/env node
// `npm run build`: builds every workspace package that has a `build` script, each after the
// @ringside packages it depends on (their declarations are read from dist/).
//
//   npm run build                 everything
//   npm run build -- widgets      only the named packages (short or full names), still in order;
//                                 their dependencies are expected to be built already
//   npm run build -- widgets --with-deps   the named packages and the workspace packages they need
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Workspace packages (the root's `workspaces` are `packages/*`). */
export function listPackages() {
  const rootPkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const dirs = [];
  for (const pattern of rootPkg.workspaces ?? []) {
    if (!pattern.endsWith('/*')) throw new Error(`scripts/build.mjs understands "dir/*" workspaces only, not "${pattern}"`);
    const parent = join(ROOT, pattern.slice(0, -2));
    for (const name of readdirSync(parent).sort()) {
      if (existsSync(join(parent, name, 'package.json'))) dirs.push(join(parent, name));
    }
  }
  return dirs.map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }));
}

/** Packages ordered so that each comes after the workspace packages it depends on. */
export function inDependencyOrder(packages) {
  const byName = new Map(packages.map((entry) => [entry.pkg.name, entry]));
  const ordered = [];
  const state = new Map();
  const visit = (entry, path) => {
    const name = entry.pkg.name;
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`dependency cycle: ${[...path, name].join(' -> ')}`);
    state.set(name, 'visiting');
    const { dependencies = {}, devDependencies = {}, peerDependencies = {}, optionalDependencies = {} } = entry.pkg;
    for (const dep of Object.keys({ ...dependencies, ...devDependencies, ...peerDependencies, ...optionalDependencies }).sort()) {
      const inner = byName.get(dep);
      if (inner) visit(inner, [...path, name]);
    }
    state.set(name, 'done');
    ordered.push(entry);
  };
  for (const entry of packages) visit(entry, []);
  return ordered;
}

/** The named packages, or all, in dependency order; with their workspace dependencies when asked. */
export function selectPackages(names = [], { withDependencies = false } = {}) {
  const all = inDependencyOrder(listPackages());
  const named = (entry, name) => entry.pkg.name === name || entry.pkg.name === `@ringside/${name}` || basename(entry.dir) === name;
  const unknown = names.filter((name) => !all.some((entry) => named(entry, name)));
  if (unknown.length) throw new Error(`No workspace package called ${unknown.map((name) => `"${name}"`).join(', ')}.`);
  if (names.length === 0) return all;
  const wanted = new Set(all.filter((entry) => names.some((name) => named(entry, name))).map((entry) => entry.pkg.name));
  if (withDependencies) {
    // `all` is in dependency order: walking it backwards meets every package before its dependencies.
    for (const entry of [...all].reverse()) {
      if (!wanted.has(entry.pkg.name)) continue;
      const { dependencies = {}, devDependencies = {}, peerDependencies = {} } = entry.pkg;
      for (const dep of Object.keys({ ...dependencies, ...devDependencies, ...peerDependencies })) wanted.add(dep);
    }
  }
  return all.filter((entry) => wanted.has(entry.pkg.name));
}

/** Runs `npm run build` in each package that has one, in order; throws on the first failure. */
export function buildPackages(names = [], options = {}) {
  const selected = selectPackages(names, options).filter((entry) => entry.pkg.scripts?.build);
  const started = performance.now();
  for (const { dir, pkg } of selected) {
    // npm sets up PATH (node_modules/.bin) and npm_* variables the way `npm run build` in that folder would.
    const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: dir, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`Build failed in ${pkg.name} (${relative(ROOT, dir)}).`);
  }
  return { count: selected.length, seconds: (performance.now() - started) / 1000 };
}

function main(args) {
  try {
    const { count, seconds } = buildPackages(args.filter((arg) => !arg.startsWith('-')), { withDependencies: args.includes('--with-deps') });
    console.log(`Built ${count} package${count === 1 ? '' : 's'} in ${seconds.toFixed(1)} s.`);
  } catch (error) {
    console.error(`\n${error.message}`);
    process.exit(1);
  }
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) main(process.argv.slice(2));
