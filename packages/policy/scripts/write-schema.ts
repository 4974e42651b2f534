// Writes the published JSON Schemas (policy and metric catalog) to configs/schema/, for editors
// (`# yaml-language-server: $schema=…`). A test keeps the files equal to the generated ones.
import { writeFileSync } from 'node:fs';
import { PUBLISHED_SCHEMAS, schemaText } from '../src/published-schemas.ts';

for (const [path, schema] of PUBLISHED_SCHEMAS) writeFileSync(path, schemaText(schema));
console.log(`wrote ${PUBLISHED_SCHEMAS.map(([p]) => p).join(', ')}`);
