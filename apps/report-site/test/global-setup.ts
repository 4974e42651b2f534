import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { browserPresent, buildFixtureSite, type FixtureSite } from './fixture-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The fixture site of the browser tests; null where Chromium is missing (they are skipped). */
    fixture: FixtureSite | null;
  }
}

let built: FixtureSite | null = null;

/** Builds the fixture site once for every browser test file. */
export function setup(project: TestProject): void {
  built = browserPresent() ? buildFixtureSite() : null;
  project.provide('fixture', built);
}

/** Removes the fixture site. */
export function teardown(): void {
  if (built !== null) rmSync(built.work, { recursive: true, force: true });
}
