import { CONDITION_ERRORS } from '@scorebook/conditions';
import { CONFIG_FILE_ERRORS } from '@scorebook/config-file';
import { messageOf } from '@scorebook/problems';
import { describe, expect, it } from 'vitest';
import { POLICY_ERRORS } from './catalogue.ts';

describe('the policy error catalogue', () => {
  it('builds messages in both languages from typed parameters', () => {
    expect(messageOf(POLICY_ERRORS, 'WEIGHTS_NOT_100', { scorecard: 'aftersale', sum: 105 })).toEqual({
      zh: '考核表 "aftersale" 的权重合计为 105,应为 100。',
      en: 'The weights of scorecard "aftersale" add up to 105; they must add up to 100.',
    });
    expect(messageOf(POLICY_ERRORS, 'NO_POLICY_FILES').en).toContain('configs/policies/<policy id>');
    // Checked by tsc, never run.
    const typeChecks = () => {
      // @ts-expect-error: `sum` is a number
      messageOf(POLICY_ERRORS, 'WEIGHTS_NOT_100', { scorecard: 'a', sum: '105' });
      // @ts-expect-error: a parameter is missing
      messageOf(POLICY_ERRORS, 'UNKNOWN_GRADE', { grade: 'X' });
      // @ts-expect-error: condition codes live in CONDITION_ERRORS
      messageOf(POLICY_ERRORS, 'CONDITION_SHAPE', { found: 'list' });
    };
    expect(typeof typeChecks).toBe('function');
  });

  it('shares no code with the condition and configuration file catalogues', () => {
    const codes = [POLICY_ERRORS, CONDITION_ERRORS, CONFIG_FILE_ERRORS].flatMap((c) => Object.keys(c));
    expect(codes.length).toBe(new Set(codes).size);
    expect(Object.keys(CONDITION_ERRORS)).toEqual([
      'CONDITION_SHAPE',
      'CONDITION_UNKNOWN_KEY',
      'CONDITION_EMPTY',
      'CONDITION_UNKNOWN_OPERATOR',
      'CONDITION_UNKNOWN_FACT',
      'CONDITION_VALUE_TYPE',
      'CONDITION_OPERATOR_FACT_TYPE',
      'CONDITION_PATH',
      'CONDITION_VALUE_FACT_OPERATOR',
      'CONDITION_KEYWORDS_EMPTY',
      'CONDITION_KEYWORD_EMPTY',
    ]);
  });
});
