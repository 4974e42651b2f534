// Writes data/examples/helpdesk-2026-10 — October 2026 of data/sample as a help desk would export
// it, with its source.yaml and README.txt — so that the folder holds exactly what the converter
// gives (docs/example-export.md). A test keeps the folder equal to what this script writes.
import { fileURLToPath } from 'node:url';
import { buildHelpdeskExample, writeFolder } from '../src/export/build-example.ts';
import { EXAMPLE } from '../src/export/example.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const files = await buildHelpdeskExample({ ...EXAMPLE, sampleDir: `${root}${EXAMPLE.sampleDir}` });
writeFolder(`${root}${EXAMPLE.dir}`, files);
const bytes = [...files.values()].reduce((sum, b) => sum + b.byteLength, 0);
console.log(`wrote ${files.size} files (${(bytes / 1e6).toFixed(2)} MB) into ${EXAMPLE.dir}`);
