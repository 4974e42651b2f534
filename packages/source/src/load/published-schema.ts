import { fileURLToPath } from 'node:url';

/** The command that regenerates the schema file and the validator. */
export const SCHEMA_SCRIPT = 'npm run schema -w @scorebook/source';

/** Where the JSON Schema of source.yaml is published for editors. */
export const SOURCE_SCHEMA_FILE = fileURLToPath(
  new URL('../../../../configs/schema/source.schema.json', import.meta.url),
);

/** The precompiled validator shipped in the source tree. */
export const SOURCE_VALIDATOR_FILE = fileURLToPath(
  new URL('../generated/source-validator.js', import.meta.url),
);

/** The text of a published schema file. */
export function schemaText(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
