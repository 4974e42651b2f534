import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { APIRoute } from 'astro';
import { build } from 'esbuild';

/**
 * The calibration page's script (docs/calibration.md): src/island/calibrate.ts bundled for the
 * browser as one classic script (an IIFE, so it runs from file:// too), minified. The island
 * uses two run-time parts of packages whose indexes also load Node-only modules: of
 * `@scorebook/conditions` its `trace.ts` (what `rateAgent` calls) and of `@scorebook/policy` its
 * error catalogue (with `weightsNot100`); the bundle resolves the two names to those files.
 */
export const GET: APIRoute = async () => {
  // `astro build` runs in the site app's folder (scorebook site build starts it there).
  const app = process.cwd();
  const require = createRequire(join(app, 'package.json'));
  const inPackage = (name: string, file: string) => join(dirname(require.resolve(name)), file);
  const aliases: Record<string, string> = {
    '@scorebook/conditions': inPackage('@scorebook/conditions', 'trace.ts'),
    '@scorebook/policy': inPackage('@scorebook/policy', 'errors/catalogue.ts'),
  };
  const result = await build({
    entryPoints: [join(app, 'src/island/calibrate.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'scorebook-browser-parts',
        setup(b) {
          b.onResolve({ filter: /^@scorebook\/(conditions|policy)$/ }, (args) => ({
            path: aliases[args.path] ?? args.path,
          }));
        },
      },
    ],
  });
  const [out] = result.outputFiles;
  if (out === undefined) throw new Error('esbuild wrote no calibrate.js');
  return new Response(out.text, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
