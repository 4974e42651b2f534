import { describe, expect, it } from 'vitest';
import { POLICY_SCHEMA, type PolicyDocument } from './policy-schema.ts';

// Every key of PolicyDocument, once: `satisfies` fails to compile on a missing or extra key.
const DOCUMENT_KEYS = {
  scorebook: true,
  id: true,
  version: true,
  effective_from: true,
  title: true,
  title_en: true,
  description: true,
  timezone: true,
  currency: true,
  business_hours: true,
  exclusions: true,
  metrics: true,
  grades: true,
  scorecards: true,
  appeals: true,
  periods: true,
} satisfies Record<keyof PolicyDocument, true>;

describe('PolicyDocument, the type the validator promises', () => {
  it('has the keys of the schema, the required ones required', () => {
    expect(Object.keys(POLICY_SCHEMA.properties).sort()).toEqual(Object.keys(DOCUMENT_KEYS).sort());
    const required: Array<keyof PolicyDocument> = [
      'scorebook',
      'id',
      'version',
      'effective_from',
      'title',
      'timezone',
      'grades',
      'scorecards',
    ];
    expect([...POLICY_SCHEMA.required].sort()).toEqual(required.sort());
  });
});
