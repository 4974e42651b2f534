import { describe, expect, it } from 'vitest';
import { loadText, v2Text, where } from './v2-policy.ts';

const card = (when: string) => `  s:
    title: t
    roles: [r]
    scored:
      - { metric: qa_score, weight: 100, target: 90, floor: 50 }
    flags:
      - id: weak
        label: 上期较差
        when: ${when}
`;

describe('conditions on history.prev.grade', () => {
  it('warn at each value that is no grade of the version, naming the grades there are', () => {
    const loaded = loadText(
      v2Text(
        card(
          '{ any: [{ fact: history.prev.grade, operator: equal, value: E }, { fact: history.prev.grade, operator: in, value: [D, c] }] }',
        ),
      ),
    );
    expect(where(loaded)).toEqual([
      ['PREV_GRADE_NOT_A_GRADE', 'warning', 23, 75, 'scorecards.s.flags[0].when.any[0].value'],
      ['PREV_GRADE_NOT_A_GRADE', 'warning', 23, 133, 'scorecards.s.flags[0].when.any[1].value[1]'],
    ]);
    expect(loaded.problems[0]?.message.en).toBe(
      'history.prev.grade is compared with "E", but this version\'s grades are only S, A, B, C, D. Unless the previous period was graded by another version that has the grade "E", the comparison never matches; write a grade of grades.',
    );
    expect(loaded.problems[1]?.message.zh).toBe(
      'history.prev.grade 与 "c" 比较,但本版本的等级只有 S、A、B、C、D(是否想写 "C"?)。除非上一期间是按另一个有 "c" 等级的版本评估的,这个比较不会相等,这个条件不会成立;请写成 grades 中的等级。',
    );
    expect(loaded.policy).not.toBeNull();
  });

  it('say a negated comparison then always holds, and take a textIn value that normalises to a grade for that grade', () => {
    const loaded = loadText(
      v2Text(
        card(
          '{ any: [{ fact: history.prev.grade, operator: notEqual, value: "A +" }, { fact: history.prev.grade, operator: textIn, value: [c, " D ", F] }] }',
        ),
      ),
    );
    expect(loaded.problems.map((p) => [p.code, p.path])).toEqual([
      ['PREV_GRADE_NOT_A_GRADE', 'scorecards.s.flags[0].when.any[0].value'],
      ['PREV_GRADE_NOT_A_GRADE', 'scorecards.s.flags[0].when.any[1].value[2]'],
    ]);
    expect(loaded.problems[0]?.message.en).toBe(
      'history.prev.grade is compared with "A +", but this version\'s grades are only S, A, B, C, D. Unless the previous period was graded by another version that has the grade "A +", the comparison never matches, so the condition always holds; write a grade of grades.',
    );
  });

  it('say nothing of grades the version has, nor of other facts compared with such a text', () => {
    const loaded = loadText(
      v2Text(
        card(
          '{ all: [{ fact: history.prev.grade, operator: notIn, value: [S, A] }, { fact: team, operator: equal, value: E }] }',
        ),
      ),
    );
    expect(where(loaded)).toEqual([]);
  });
});
