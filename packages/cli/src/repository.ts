import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The files of the Scorebook repository that the command line uses on its own: the one place
 * where the repository's layout is written down.
 *
 * The command line is the shell of this repository, not a library: it is private (never
 * published) and runs from a checkout, so it may know where the checkout keeps the sample company
 * (`data/sample`), the published results (`data/results`), the policies (`configs/policies`), the
 * metric catalog (`configs/catalog`) and the JSON Schemas (`configs/schema`). The libraries may
 * not: they are given every path by their caller, so they read a test's temporary folder or
 * another company's data the same way. Packages, the report site among them, are found the way
 * Node finds any declared dependency, never through this layout.
 *
 * The root is the nearest folder above this file whose package.json declares `workspaces`: the
 * npm workspace root, found the way npm finds it.
 */
export const REPOSITORY = layoutOf(workspaceRoot(dirname(fileURLToPath(import.meta.url))));

/** The nearest folder at or above `from` whose package.json declares `workspaces`. */
function workspaceRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in (JSON.parse(readFileSync(manifest, 'utf8')) as object))
      return dir;
    if (dirname(dir) === dir) throw new Error(`no npm workspace root above ${from}`);
  }
}

/** The layout of a repository checked out at `root`. */
function layoutOf(root: string) {
  return {
    root,
    /** The sample company's exports, which `scorebook demo` evaluates. */
    sampleData: join(root, 'data', 'sample'),
    /** The published periods, one folder each. */
    publishedResults: join(root, 'data', 'results'),
    /** The policy folders. */
    policies: join(root, 'configs', 'policies'),
    /** The policy of the sample company. */
    samplePolicy: join(root, 'configs', 'policies', 'ecommerce-cs'),
    /** The metric catalog the site's packages read; an input of the site's fingerprint. */
    metricCatalog: join(root, 'configs', 'catalog'),
    /** The published JSON Schema of source.yaml, named by the drafts `source init` writes. */
    sourceSchema: join(root, 'configs', 'schema', 'source.schema.json'),
    /** Where `scorebook demo` writes its results and site (not committed). */
    demoWork: join(root, '.scorebook', 'demo'),
    /** The root package.json and the lockfile: inputs of the site's fingerprint. */
    manifest: join(root, 'package.json'),
    lockfile: join(root, 'package-lock.json'),
  } as const;
}

/**
 * How to run the command again, for the next step a message names: `npx scorebook` inside the
 * checkout (npm finds it in the checkout's node_modules/.bin), `scorebook` elsewhere, where a
 * repository of one's own puts the checkout's commands on the PATH (docs/own-repository.md) and
 * `npx scorebook` would look for a package of that name in the registry.
 */
export function commandHint(cwd: string = process.cwd()): string {
  const inside = relative(REPOSITORY.root, resolve(cwd));
  return inside === '' || (!inside.startsWith('..') && !isAbsolute(inside)) ? 'npx scorebook' : 'scorebook';
}
