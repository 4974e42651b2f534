// Writes what this package generates: the built-in catalog module (from
// configs/catalog/metrics.yaml), the precompiled catalog validator, and the published catalog
// JSON Schema (configs/schema/catalog.schema.json, for editors). Run after editing the catalog
// or its schema: npm run generate -w @scorebook/contract
import { writeFileSync } from 'node:fs';
import { GENERATED_FILES } from './generated-files.ts';

for (const { path, text } of GENERATED_FILES) {
  writeFileSync(path, text());
  console.log(`wrote ${path}`);
}
