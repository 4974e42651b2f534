import { describe, expect, it } from 'vitest';
import {
  type CustomFieldDocument,
  type CustomTableDocument,
  type FieldDocument,
  SOURCE_SCHEMA,
  type SourceDocument,
  type TableDocument,
} from './source-schema.ts';

// Every key of each document type, once: `satisfies` fails to compile on a missing or extra key.
const DOCUMENT_KEYS = {
  scorebook: true,
  kind: true,
  id: true,
  timezone: true,
  ignore: true,
  tables: true,
  custom: true,
} satisfies Record<keyof SourceDocument, true>;
const CUSTOM_TABLE_KEYS = {
  title: true,
  files: true,
  encoding: true,
  header_row: true,
  sheet: true,
  id: true,
  agent: true,
  time: true,
  fields: true,
} satisfies Record<keyof CustomTableDocument, true>;
const CUSTOM_FIELD_KEYS = {
  column: true,
  type: true,
  required: true,
  min: true,
  max: true,
  values: true,
  map: true,
  format: true,
  number: true,
  title: true,
  title_en: true,
} satisfies Record<keyof CustomFieldDocument, true>;
const TABLE_KEYS = {
  files: true,
  encoding: true,
  header_row: true,
  sheet: true,
  fields: true,
} satisfies Record<keyof TableDocument, true>;
const FIELD_KEYS = { column: true, map: true, format: true, number: true, type: true } satisfies Record<
  keyof Exclude<FieldDocument, string>,
  true
>;

const keys = (o: object) => Object.keys(o).sort();

describe('SourceDocument, the type the validator promises', () => {
  it('has the keys of the schema at every level', () => {
    const table = SOURCE_SCHEMA.properties.tables.properties.agents;
    expect(keys(SOURCE_SCHEMA.properties)).toEqual(keys(DOCUMENT_KEYS));
    expect(keys(table?.properties ?? {})).toEqual(keys(TABLE_KEYS));
    expect(keys(table?.properties.fields.additionalProperties.properties ?? {})).toEqual(keys(FIELD_KEYS));
    const custom = SOURCE_SCHEMA.properties.custom.additionalProperties;
    expect(keys(custom.properties)).toEqual(keys(CUSTOM_TABLE_KEYS));
    expect(keys(custom.properties.fields.additionalProperties.properties)).toEqual(keys(CUSTOM_FIELD_KEYS));
  });
});
