// Writes the published JSON Schema of source.yaml to configs/schema/, for editors
// (`# yaml-language-server: $schema=…`), and its precompiled validator. A test keeps both equal
// to what this script generates.
import { writeFileSync } from 'node:fs';
import { validatorModule } from '@scorebook/config-file';
import {
  SCHEMA_SCRIPT,
  SOURCE_SCHEMA_FILE,
  SOURCE_VALIDATOR_FILE,
  schemaText,
} from '../src/load/published-schema.ts';
import { SOURCE_SCHEMA } from '../src/load/source-schema.ts';

writeFileSync(SOURCE_SCHEMA_FILE, schemaText(SOURCE_SCHEMA));
writeFileSync(SOURCE_VALIDATOR_FILE, validatorModule(SOURCE_SCHEMA, SCHEMA_SCRIPT));
console.log(`wrote ${SOURCE_SCHEMA_FILE}, ${SOURCE_VALIDATOR_FILE}`);
