import { fileURLToPath } from 'node:url';
import { CATALOG_SCHEMA } from '@scorebook/contract/schemas';
import { POLICY_SCHEMA } from './check/policy-schema.ts';

const schemaDir = new URL('../../../configs/schema/', import.meta.url);

/** The JSON Schemas published under `configs/schema/`, by file path. */
export const PUBLISHED_SCHEMAS: ReadonlyArray<readonly [string, object]> = [
  [fileURLToPath(new URL('policy.schema.json', schemaDir)), POLICY_SCHEMA],
  [fileURLToPath(new URL('catalog.schema.json', schemaDir)), CATALOG_SCHEMA],
];

/** Precompiled validators shipped in the source tree, by file path, with their schemas. */
export const GENERATED_VALIDATORS: ReadonlyArray<readonly [string, object]> = [
  [fileURLToPath(new URL('./generated/policy-validator.js', import.meta.url)), POLICY_SCHEMA],
  [
    fileURLToPath(new URL('../../contract/src/generated/catalog-validator.js', import.meta.url)),
    CATALOG_SCHEMA,
  ],
];

/** The command that regenerates the schemas and validators. */
export const SCRIPT = 'npm run schema -w @scorebook/policy';

/** The text of a published schema file. */
export function schemaText(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
