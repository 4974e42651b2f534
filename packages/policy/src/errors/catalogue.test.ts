import { CONDITION_ERRORS } from '@scorebook/conditions';
import { CONFIG_FILE_ERRORS } from '@scorebook/config-file';
import { messageOf } from '@scorebook/problems';
import { describe, expect, it } from 'vitest';
import { POLICY_ERRORS, weightsNot100 } from './catalogue.ts';

describe('the policy error catalogue', () => {
  it('builds messages in both languages from typed parameters', () => {
    const sum = weightsNot100([
      { id: 'frt', weight: 60 },
      { id: 'fcr', weight: 45 },
    ]);
    if (sum === null) throw new Error('60 + 45 is not 100');
    expect(messageOf(POLICY_ERRORS, 'WEIGHTS_NOT_100', { scorecard: 'aftersale', ...sum })).toEqual({
      zh: '考核表 "aftersale" 的权重合计为 105,应为 100:frt 60 + fcr 45 = 105。',
      en: 'The weights of scorecard "aftersale" add up to 105; they must add up to 100: frt 60 + fcr 45 = 105.',
    });
    expect(messageOf(POLICY_ERRORS, 'NO_POLICY_FILES').en).toContain('configs/policies/<policy id>');
    // Checked by tsc, never run.
    const typeChecks = () => {
      // @ts-expect-error: the sum alone, without each weight, is no longer a message
      messageOf(POLICY_ERRORS, 'WEIGHTS_NOT_100', { scorecard: 'a', sum: 105 });
      // @ts-expect-error: only weightsNot100 gives the terms, so that no caller writes them its own way
      messageOf(POLICY_ERRORS, 'GROUP_WEIGHTS_NOT_100', { scorecard: 'a', sum: 105, terms: 'a 105' });
      // @ts-expect-error: a parameter is missing
      messageOf(POLICY_ERRORS, 'UNKNOWN_GRADE', { grade: 'X' });
      // @ts-expect-error: condition codes live in CONDITION_ERRORS
      messageOf(POLICY_ERRORS, 'CONDITION_SHAPE', { found: 'list' });
    };
    expect(typeof typeChecks).toBe('function');
  });

  it("lists each weight of a sum that is not 100, as the number reads and in the list's order", () => {
    expect(
      weightsNot100([
        { id: 'frt', weight: 12.5 },
        { id: null, weight: 20 },
        { id: 'csat_rate', weight: 0.1 },
        { id: 'fcr', weight: 62.5 },
      ]),
    ).toEqual({ sum: 95.1, terms: 'frt 12.5 + [1] 20 + csat_rate 0.1 + fcr 62.5' });
    // The sum to 12 significant digits: 33.3 + 33.3 + 33.5 is 100.10000000000001 in doubles.
    expect(
      weightsNot100([
        { id: 'a', weight: 33.3 },
        { id: 'b', weight: 33.3 },
        { id: 'c', weight: 33.5 },
      ])?.sum,
    ).toBe(100.1);
    // Nothing to say: 100 within 1e-9 (0.1 + 0.2 is not 0.3 in doubles), or no weights at all.
    expect(weightsNot100([0.1, 0.2, 99.7].map((weight, i) => ({ id: `m${i}`, weight })))).toBeNull();
    expect(weightsNot100([{ id: 'a', weight: 100 + 2e-9 }])).not.toBeNull();
    expect(weightsNot100([])).toBeNull();
  });

  it('says the weights in the group messages too', () => {
    const sum = weightsNot100([
      { id: 'efficiency', weight: 70 },
      { id: 'quality', weight: 40 },
    ]);
    if (sum === null) throw new Error('70 + 40 is not 100');
    expect(messageOf(POLICY_ERRORS, 'GROUP_WEIGHTS_NOT_100', { scorecard: 'service', ...sum })).toEqual({
      zh: '考核表 "service" 的考核维度权重合计为 110,应为 100:efficiency 70 + quality 40 = 110。',
      en: 'The group weights of scorecard "service" add up to 110; they must add up to 100: efficiency 70 + quality 40 = 110.',
    });
    expect(
      messageOf(POLICY_ERRORS, 'GROUP_ITEM_WEIGHTS_NOT_100', {
        scorecard: 'service',
        group: 'quality',
        ...sum,
      }).zh,
    ).toBe(
      '考核维度 "quality"(考核表 "service")内的指标权重合计为 110,应为 100(维度内的权重是维度分内部的占比):efficiency 70 + quality 40 = 110。',
    );
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
