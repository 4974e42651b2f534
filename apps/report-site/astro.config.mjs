// The report site is built from files: SCOREBOOK_RESULTS (one folder per period, as
// `scorebook evaluate` or `publish` writes them) and SCOREBOOK_POLICIES (configs/policies).
// `scorebook site build` sets both, the output folder and SCOREBOOK_RESULTS_SHOWN (the results
// folder as the pages' commands name it); SCOREBOOK_SITE_NOW, when set, is the build's time.
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  outDir: process.env.SCOREBOOK_SITE_OUT ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: Number(process.env.SCOREBOOK_SITE_CONCURRENCY ?? 2) },
  devToolbar: { enabled: false },
});
