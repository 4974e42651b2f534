// Writes the appeal JSON Schema published for editors (configs/schema/appeal.schema.json, named
// by `# yaml-language-server: $schema=…`) and its precompiled validator. Run after changing the
// schema: npm run schema -w @scorebook/appeals
import { writeFileSync } from 'node:fs';
import { GENERATED_FILES } from './generated-files.ts';

for (const { path, text } of GENERATED_FILES) {
  writeFileSync(path, text());
  console.log(`wrote ${path}`);
}
