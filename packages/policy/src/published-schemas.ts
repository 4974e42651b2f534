import { fileURLToPath } from 'node:url';
import { CATALOG_SCHEMA } from '@scorebook/contract';
import { POLICY_SCHEMA } from './check/policy-schema.ts';

const schemaDir = new URL('../../../configs/schema/', import.meta.url);

/** The JSON Schemas published under `configs/schema/`, by file path. */
export const PUBLISHED_SCHEMAS: ReadonlyArray<readonly [string, object]> = [
  [fileURLToPath(new URL('policy.schema.json', schemaDir)), POLICY_SCHEMA],
  [fileURLToPath(new URL('catalog.schema.json', schemaDir)), CATALOG_SCHEMA],
];

/** The text of a published schema file. */
export function schemaText(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
