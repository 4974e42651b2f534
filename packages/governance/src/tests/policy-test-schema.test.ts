import { describe, expect, it } from 'vitest';
import {
  type AgentExpectation,
  POLICY_TEST_SCHEMA,
  type TestCase,
  type TestFile,
} from './policy-test-schema.ts';

// Every key of each document type, once: `satisfies` fails to compile on a missing or extra key.
const FILE_KEYS = { period: true, version: true, tests: true } satisfies Record<keyof TestFile, true>;
const CASE_KEYS = {
  name: true,
  period: true,
  version: true,
  data: true,
  appeals: true,
  expect: true,
} satisfies Record<keyof TestCase, true>;
const EXPECTATION_KEYS = {
  agent: true,
  status: true,
  grade: true,
  rank: true,
  vetoes: true,
  adjustments: true,
  excluded: true,
  metrics: true,
  metric_status: true,
  scores: true,
  groups: true,
  flags: true,
  grade_by_score: true,
  awards: true,
  segment_scores: true,
  reward: true,
  base_score: true,
  total_score: true,
} satisfies Record<keyof AgentExpectation, true>;

const keys = (o: object) => Object.keys(o).sort();

describe('TestFile, the type the validator promises', () => {
  it('has the keys of the schema at every level', () => {
    const testCase = POLICY_TEST_SCHEMA.properties.tests.items;
    expect(keys(POLICY_TEST_SCHEMA.properties)).toEqual(keys(FILE_KEYS));
    expect(keys(testCase.properties)).toEqual(keys(CASE_KEYS));
    expect(keys(testCase.properties.expect.items.properties)).toEqual(keys(EXPECTATION_KEYS));
  });
});
