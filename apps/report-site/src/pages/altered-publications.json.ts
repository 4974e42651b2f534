import type { APIRoute } from 'astro';
import { siteData } from '../lib/load.ts';

/**
 * The published files that no longer hash to what their manifest.json records, as the site's
 * pages warn of them (`docs/site.md`): one entry per file, periods in code-point order of their
 * ids, files in manifest order. `scorebook site build` reads it to list them, then removes it
 * from the built site, so that each file is hashed once per build.
 */
export const GET: APIRoute = () => {
  const altered = [...siteData().periods]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .flatMap((p) => p.altered.map((a) => ({ period: p.id, ...a })));
  return new Response(`${JSON.stringify(altered, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
