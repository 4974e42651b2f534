// Checks of the repository's own set-up that would otherwise fail only on another machine: the
// lockfile on macOS and Windows, the scripts, the stated Node minimum, turbo's inputs, the workflows.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commandHint, REPOSITORY } from '../src/repository.ts';
import { siteAppDir } from '../src/site/build-site.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const json = <T>(path: string) => JSON.parse(read(path)) as T;

interface LockEntry {
  version?: string;
  os?: string[];
  cpu?: string[];
  optional?: boolean;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}
const lock = json<{ packages: Record<string, LockEntry> }>('package-lock.json').packages;

/** The entry npm would install for `name` required from the entry at `from` (nearest node_modules up). */
function resolveIn(from: string, name: string): string | null {
  let dir = from;
  for (;;) {
    const candidate = `${dir === '' ? '' : `${dir}/`}node_modules/${name}`;
    if (lock[candidate]) return candidate;
    if (dir === '') return null;
    const up = dir.lastIndexOf('/node_modules/');
    dir = up < 0 ? '' : dir.slice(0, up);
  }
}

describe('the lockfile (npm ci on Linux, macOS and Windows)', () => {
  it('records every optional dependency of every package, for every platform', () => {
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock))
      for (const name of Object.keys(entry.optionalDependencies ?? {}))
        if (resolveIn(path, name) === null) missing.push(`${path || '(root)'} → ${name}`);
    // To fix: node .ci/lockfile-platforms.mjs
    expect(missing, 'run node .ci/lockfile-platforms.mjs').toEqual([]);
  });

  it('records each workspace package at its version, and the versions its dependents pin (npm install leaves it unchanged)', () => {
    const stale: string[] = [];
    const versions = new Map<string, string>();
    for (const dir of ['packages', 'apps'])
      for (const name of readdirSync(join(root, dir))) {
        const file = join(dir, name, 'package.json');
        if (!existsSync(join(root, file))) continue;
        const pkg = json<{ name: string; version: string; dependencies?: Record<string, string> }>(file);
        versions.set(pkg.name, pkg.version);
        const entry = lock[`${dir}/${name}`];
        if (entry?.version !== pkg.version) stale.push(`${dir}/${name}: ${entry?.version} ≠ ${pkg.version}`);
        for (const [dep, wanted] of Object.entries(pkg.dependencies ?? {}))
          if (dep.startsWith('@scorebook/') && entry?.dependencies?.[dep] !== wanted)
            stale.push(`${dir}/${name} → ${dep}: ${entry?.dependencies?.[dep]} ≠ ${wanted}`);
      }
    expect(versions.size).toBeGreaterThan(10);
    // To fix: npm install --package-lock-only
    expect(stale, 'run npm install --package-lock-only').toEqual([]);
  });

  it.each([
    ['@biomejs/biome'],
    ['turbo'],
    ['@astrojs/compiler-binding'],
    ['esbuild'],
    ['rolldown'],
    ['lightningcss'],
  ])('has %s for macOS (arm64, x64), Windows x64 and Linux x64', (name) => {
    const parent = `node_modules/${name}`;
    const platforms = Object.keys(lock[parent]?.optionalDependencies ?? {})
      .map((dep) => lock[resolveIn(parent, dep) ?? '']!)
      .flatMap((e) => (e.os ?? []).flatMap((os) => (e.cpu ?? []).map((cpu) => `${os}-${cpu}`)));
    for (const platform of ['darwin-arm64', 'darwin-x64', 'win32-x64', 'linux-x64'])
      expect(platforms, `${name} lacks ${platform}`).toContain(platform);
  });
});

describe('scripts and versions', () => {
  const manifests = [
    'package.json',
    ...['packages', 'apps'].flatMap((d) => readdirSync(join(root, d)).map((p) => `${d}/${p}/package.json`)),
  ].filter((p) => existsSync(join(root, p)));

  it('every `node <file>` of a package script names a file that exists (npm run bench works)', () => {
    const dangling: string[] = [];
    for (const manifest of manifests)
      for (const [name, script] of Object.entries(
        json<{ scripts?: Record<string, string> }>(manifest).scripts ?? {},
      ))
        for (const [, file] of script.matchAll(/\bnode ([^\s&|;]+\.[cm]?[jt]s)\b/g))
          if (!existsSync(join(root, dirname(manifest), file!)))
            dangling.push(`${manifest} ${name}: ${file}`);
    expect(dangling).toEqual([]);
  });

  it('states one Node minimum: package.json engines, the launcher, the README', () => {
    const engines = json<{ engines: { node: string } }>('package.json').engines.node;
    const launcher = /const MINIMUM_NODE = (\d+);/.exec(read('packages/cli/bin/scorebook.js'))?.[1];
    expect(engines).toBe(`>=${launcher}`);
    expect(read('README.md')).toContain(`Node ${launcher} or later`);
    expect(read('README.md')).not.toMatch(/Node (1[0-9]|2[1-3]) or later/);
  });
});

describe('what the command line knows of the repository (src/repository.ts)', () => {
  it('finds the workspace root and every file it names', () => {
    expect(join(REPOSITORY.root, '/')).toBe(root);
    const { root: _root, ...files } = REPOSITORY;
    for (const [name, path] of Object.entries(files))
      if (name !== 'demoWork') expect(existsSync(path), `${name}: ${path}`).toBe(true);
  });

  it('finds the report site as a declared dependency, the way Node resolves it', () => {
    const site = json<{ version: string }>('apps/report-site/package.json');
    const cli = json<{ dependencies: Record<string, string> }>('packages/cli/package.json');
    expect(cli.dependencies['@scorebook/report-site']).toBe(site.version);
    expect(siteAppDir()).toBe(realpathSync(join(root, 'apps/report-site')));
  });
});

describe('turbo re-runs what changed', () => {
  const tasks = json<{ tasks: Record<string, { inputs?: string[] }> }>('turbo.json').tasks;
  it('tests hash the data, the configs and the fixtures they read', () => {
    for (const task of ['test', '@scorebook/cli#test', '@scorebook/report-site#test'])
      expect(tasks[task]!.inputs).toEqual(
        expect.arrayContaining(['$TURBO_ROOT$/configs/**', '$TURBO_ROOT$/data/**']),
      );
  });
  it('the site’s browser tests re-run when the engine or the command line changes', () => {
    expect(tasks['@scorebook/report-site#test']!.inputs).toEqual(
      expect.arrayContaining(['$TURBO_ROOT$/packages/*/src/**', '$TURBO_ROOT$/packages/*/bin/**']),
    );
  });
});

describe('the workflows and CI', () => {
  const workflows = ['.github/workflows/policy-pr.yml', '.github/workflows/publish.yml'];
  it('install with npm ci, in bash with pipefail', () => {
    for (const file of [...workflows, '.ci/run']) {
      expect(read(file), file).toMatch(/npm ci\b/);
      expect(read(file), file).not.toMatch(/npm install\b/);
    }
    for (const file of workflows)
      expect(read(file), file).toMatch(/defaults:\n\s+run:\n(\s+#.*\n)*\s+shell: bash\n/);
  });
  it('publish checks out the whole history, which verify --all needs', () => {
    expect(read('.github/workflows/publish.yml')).toMatch(
      /actions\/checkout@v4\n\s+with:\n\s+fetch-depth: 0/,
    );
  });

  it('the policy review fails when a policy test fails, and shows it', () => {
    const repo = mkdtempSync(join(tmpdir(), 'scorebook-review-'));
    const golden = join(root, 'packages/engine/test/fixtures/golden');
    cpSync(join(golden, 'policies'), join(repo, 'configs/policies'), { recursive: true });
    cpSync(join(golden, 'data'), join(repo, 'data/sample'), { recursive: true });
    const scorebook = `${process.execPath} ${join(root, 'packages/cli/bin/scorebook.js')}`;
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.email=t@scorebook.dev', '-c', 'user.name=T', ...args], { cwd: repo });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'policy');
    const sh = (...args: string[]) =>
      spawnSync(process.execPath, [join(root, 'packages/cli/bin/scorebook.js'), ...args], { cwd: repo });
    expect(
      sh(
        'publish',
        '--period',
        '2026-10',
        '--policies',
        'configs/policies/ecommerce-cs',
        '--data',
        'data/sample',
        '--quiet',
      ).status,
    ).toBe(0);
    git('add', '-A');
    git('commit', '-qm', 'publish');
    const review = () =>
      spawnSync('bash', [join(root, '.ci/policy-review.sh'), 'main'], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, SCOREBOOK: scorebook },
      });
    const clean = review();
    expect([clean.status, clean.stdout.split('\n')[0]]).toEqual([0, '<!-- scorebook-policy-review -->']);
    mkdirSync(join(repo, 'configs/policies/ecommerce-cs/tests'));
    writeFileSync(
      join(repo, 'configs/policies/ecommerce-cs/tests/a.yaml'),
      'period: 2026-10\ntests:\n  - name: wrong\n    data: ../../../../data/sample\n    expect:\n      - { agent: a001, grade: S }\n',
    );
    const failing = review();
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('0 passed, 1 failed');
    expect(failing.stdout).toContain('**✗ 失败 / failed (exit 1):**');
    // Ten CLI processes: minutes on a loaded 2-core machine.
  }, 300_000);
});

describe('the command a message tells to run next', () => {
  it('is npx scorebook inside the checkout and scorebook elsewhere (a repository of your own)', () => {
    expect(commandHint(REPOSITORY.root)).toBe('npx scorebook');
    expect(commandHint(join(REPOSITORY.root, 'packages', 'cli'))).toBe('npx scorebook');
    expect(commandHint(tmpdir())).toBe('scorebook');
    // A folder beside the checkout whose name starts with the checkout's is not inside it.
    expect(commandHint(`${REPOSITORY.root}-company`)).toBe('scorebook');
  });
});
