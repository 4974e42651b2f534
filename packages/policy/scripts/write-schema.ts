// Writes the policy JSON Schema published for editors (configs/schema/policy.schema.json, named
// by `# yaml-language-server: $schema=…`) and its precompiled validator. Run after changing the
// schema (here or the metric definition schema in @scorebook/contract):
// npm run schema -w @scorebook/policy
import { writeFileSync } from 'node:fs';
import { GENERATED_FILES } from './generated-files.ts';

for (const { path, text } of GENERATED_FILES) {
  writeFileSync(path, text());
  console.log(`wrote ${path}`);
}
