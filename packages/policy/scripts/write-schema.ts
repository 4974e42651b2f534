// Writes the published JSON Schemas (policy and metric catalog) to configs/schema/, for editors
// (`# yaml-language-server: $schema=…`), and the precompiled validators of both. Tests keep
// the files equal to what this script generates.
import { writeFileSync } from 'node:fs';
import { validatorModule } from '@scorebook/config-file';
import { GENERATED_VALIDATORS, PUBLISHED_SCHEMAS, SCRIPT, schemaText } from '../src/published-schemas.ts';

for (const [path, schema] of PUBLISHED_SCHEMAS) writeFileSync(path, schemaText(schema));
for (const [path, schema] of GENERATED_VALIDATORS) writeFileSync(path, validatorModule(schema, SCRIPT));
console.log(`wrote ${[...PUBLISHED_SCHEMAS, ...GENERATED_VALIDATORS].map(([p]) => p).join(', ')}`);
