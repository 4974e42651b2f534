// Writes the JSON Schema of policy test files published for editors
// (configs/schema/policy-test.schema.json) and its precompiled validator. Run after changing the
// schema: npm run schema -w @scorebook/governance
import { writeFileSync } from 'node:fs';
import { GENERATED_FILES } from './generated-files.ts';

for (const { path, text } of GENERATED_FILES) {
  writeFileSync(path, text());
  console.log(`wrote ${path}`);
}
