import { defineConfig } from 'vitest/config';

// Publishing, verifying and impact evaluate whole periods, several times a test, often in child
// processes; on a shared 2-core machine that takes seconds.
export default defineConfig({ test: { testTimeout: 120_000 } });
