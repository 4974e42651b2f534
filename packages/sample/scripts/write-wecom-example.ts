// Writes data/examples/wecom-community-2026-10 — the community agents of October 2026 of
// data/sample as a WeCom export, with the custom table of group members (docs/custom-tables.md).
// A test keeps the folder equal to what this script writes.
import { fileURLToPath } from 'node:url';
import { writeFolder } from '../src/export/build-example.ts';
import { buildWecomExample, WECOM_EXAMPLE } from '../src/export/wecom-community.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const files = buildWecomExample({ ...WECOM_EXAMPLE, sampleDir: `${root}${WECOM_EXAMPLE.sampleDir}` });
writeFolder(`${root}${WECOM_EXAMPLE.dir}`, files);
console.log(`wrote ${files.size} files into ${WECOM_EXAMPLE.dir}`);
