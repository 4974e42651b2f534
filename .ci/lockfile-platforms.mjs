// Adds to package-lock.json the platform packages npm leaves out when it writes the lockfile on
// one platform (npm/cli#4828): every optional dependency of a locked package that the lockfile
// does not record — e.g. the Astro compiler's bindings for macOS and Windows — with its own
// dependencies, from the npm registry (`npm view`). Without them `npm ci` on another platform
// installs no binary. Run after changing dependencies: node .ci/lockfile-platforms.mjs
// (the repository test `packages/cli/test/repository.test.ts` says when it is needed).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const semver = createRequire(import.meta.url)('semver');
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const packages = lock.packages;

/** The entry npm would use for `name` required from `from`: the nearest node_modules up. */
function resolveIn(from, name) {
  let dir = from;
  for (;;) {
    const candidate = `${dir === '' ? '' : `${dir}/`}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (dir === '') return null;
    const up = dir.lastIndexOf('/node_modules/');
    dir = up < 0 ? '' : dir.slice(0, up);
  }
}

/** The shallowest free place for `name` on the way from the root to `from`, as npm places it. */
function placeFor(from, name) {
  const steps = from === '' ? [] : from.split('/node_modules/');
  for (let i = 0; i <= steps.length; i++) {
    const dir = steps.slice(0, i).join('/node_modules/');
    const candidate = `${dir === '' ? '' : `${dir}/`}node_modules/${name}`;
    if (!packages[candidate]) return candidate;
  }
  throw new Error(`no place for ${name} under ${from}`);
}

const view = (spec) => JSON.parse(execFileSync('npm', ['view', spec, '--json'], { encoding: 'utf8' }));

/** Records `name` satisfying `range` for the entry at `from`, then its dependencies. */
function add(from, name, range, dev) {
  const versions = [view(`${name}@${range}`)].flat().map((v) => (typeof v === 'string' ? v : v.version));
  const version = semver.maxSatisfying(versions, range) ?? versions.at(-1);
  const meta = view(`${name}@${version}`);
  const path = placeFor(from, name);
  const entry = { version: meta.version, integrity: meta.dist.integrity };
  if (meta.cpu) entry.cpu = meta.cpu;
  if (dev) entry.dev = true;
  if (meta.libc) entry.libc = meta.libc;
  if (meta.license) entry.license = meta.license;
  entry.optional = true;
  if (meta.os) entry.os = meta.os;
  if (meta.dependencies) entry.dependencies = meta.dependencies;
  if (meta.engines) entry.engines = meta.engines;
  packages[path] = entry;
  console.log(`added ${path} ${meta.version}`);
  for (const [dep, depRange] of Object.entries(meta.dependencies ?? {})) {
    const found = resolveIn(path, dep);
    if (found === null || !semver.satisfies(packages[found].version, depRange)) add(path, dep, depRange, dev);
  }
}

let added = 0;
for (const [path, entry] of Object.entries({ ...packages }))
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {}))
    if (resolveIn(path, name) === null) {
      add(path, name, range, entry.dev === true);
      added++;
    }
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
if (added > 0)
  execFileSync('npm', ['install', '--package-lock-only', '--no-audit', '--no-fund'], { stdio: 'inherit' });
console.log(added === 0 ? 'the lockfile records every platform package' : `added ${added} platform packages`);
