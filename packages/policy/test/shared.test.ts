import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONDITION_ERRORS } from '@scorebook/conditions';
import { CONFIG_FILE_ERRORS } from '@scorebook/config-file';
import { describe, expect, it } from 'vitest';
import {
  diffPolicies,
  loadPolicyBytes,
  loadPolicyFile,
  loadSharedBytes,
  POLICY_ERRORS,
  type Policy,
  SHARED_ERRORS,
  type SharedSource,
} from '../src/index.ts';
import { v2Text } from './v2-policy.ts';

const configs = fileURLToPath(new URL('../../../configs/', import.meta.url));
const load = (file: string): Policy => {
  const loaded = loadPolicyFile(file);
  if (loaded.policy === null) throw new Error(JSON.stringify(loaded.problems));
  return loaded.policy;
};

/** An in-memory shared folder. */
const memory = (files: Record<string, string>): SharedSource => ({
  dir: 'configs/shared',
  names: () => Object.keys(files).sort(),
  read: (name) => (Object.hasOwn(files, name) ? Buffer.from(files[name] ?? '') : null),
});

const COMMON = `scorebook_shared: 1
title: 共用
definitions:
  courtesy: ["谢谢", "好的"]
  red-line:
    id: red-line
    reason: 红线
    when: { all: [{ fact: red_line_count, operator: greaterThanInclusive, value: 1 }] }
    cap_grade: D
`;

const card = (veto: string) => `  service:
    title: 客服
    roles: [aftersale]
    scored:
      - { metric: fcr, weight: 100, target: 85%, floor: 60% }
    vetoes:
      - ${veto}
`;
const top = (courtesy: string) => `exclusions:
  - id: courtesy
    table: messages
    reason: 礼貌用语
    when:
      all:
        - { fact: sender, operator: equal, value: customer }
        - { fact: text, operator: textIn, value: ${courtesy} }
`;
const check = (text: string, files: Record<string, string> = { common: COMMON }) =>
  loadPolicyBytes('configs/policies/v2/2026-10-01.yaml', Buffer.from(text), { shared: memory(files) });
const where = (text: string, files?: Record<string, string>) =>
  check(text, files).problems.map((p) => [p.code, p.line, p.column, p.path]);

describe('shared definitions ($shared)', () => {
  it('the sample 2027.01 version means what 2026.10 wrote out but its teamwork rating, and records the shared file', () => {
    const october = load(`${configs}policies/express-cs/2026-10-01.yaml`);
    const january = load(`${configs}policies/express-cs/2027-01-01.yaml`);
    // Beside the shared definitions, 2027.01 adds the teamwork rating (docs/ratings.md) to 团队与成长.
    expect(diffPolicies(october, january).map((c) => [c.kind, c.subject, c.field])).toEqual([
      ['changed', null, 'version'],
      ['changed', null, 'effective_from'],
      ['changed', null, 'description'],
      ['added', 'teamwork_rating', null],
      ['changed', 'attendance_rate', 'weight'],
      ['changed', 'training_rate', 'weight'],
      ['changed', 'exam_score', 'weight'],
      ['added', 'teamwork_rating', null],
    ]);
    const bytes = readFileSync(`${configs}shared/express-common.yaml`);
    expect(january.shared).toEqual([
      { file: 'express-common.yaml', sha256: createHash('sha256').update(bytes).digest('hex') },
    ]);
    expect(october.shared).toBe(undefined);
  });

  it('resolves a reference anywhere a value is written, in a list or as a value', () => {
    const loaded = check(
      v2Text(card('{ $shared: common/red-line }'), { top: top('{ $shared: common/courtesy }') }),
    );
    expect(loaded.problems).toEqual([]);
    expect(loaded.policy?.scorecards[0]?.vetoes.map((v) => [v.id, v.cap_grade])).toEqual([['red-line', 'D']]);
    expect(loaded.policy?.exclusions[0]?.when).toEqual({
      all: [
        { fact: 'sender', operator: 'equal', value: 'customer' },
        { fact: 'text', operator: 'textIn', value: ['谢谢', '好的'] },
      ],
    });
    expect(loaded.policy?.shared?.map((u) => u.file)).toEqual(['common.yaml']);
  });

  it('reports every problem at once, at the reference, with the nearest defined name', () => {
    const text = v2Text(card('{ $shared: common/red-lin }'), { top: top('{ $shared: comon/courtesy }') });
    expect(where(text)).toEqual([
      ['SHARED_UNKNOWN_FILE', 14, 52, 'exclusions[0].when.all[1].value.$shared'],
      ['SHARED_UNKNOWN_NAME', 29, 11, 'scorecards.service.vetoes[0].$shared'],
    ]);
    const [file, name] = check(text).problems;
    expect(file?.message.en).toBe(
      'No shared definitions file "comon" (configs/shared/comon.yaml). Did you mean "common"?',
    );
    expect(name?.message.zh).toBe(
      '共用定义文件 "common" 中没有定义 "red-lin"。是否想写 "red-line"?已定义:courtesy, red-line。',
    );
  });

  it('refuses a reference in a format-1 file (NEEDS_FORMAT_2) and a local override', () => {
    const format1 = v2Text(card('{ $shared: common/red-line }'), { format: 1 });
    expect(where(format1)).toEqual([['NEEDS_FORMAT_2', 21, 11, 'scorecards.service.vetoes[0].$shared']]);
    const override = v2Text(card('{ $shared: common/red-line, cap_grade: C }'));
    expect(where(override)).toEqual([
      ['SHARED_REFERENCE_SHAPE', 21, 11, 'scorecards.service.vetoes[0].$shared'],
    ]);
    expect(where(v2Text(card('{ $shared: red-line }')))).toEqual([
      ['SHARED_REFERENCE_SHAPE', 21, 11, 'scorecards.service.vetoes[0].$shared'],
    ]);
  });

  it('problems of the definition itself are reported at the reference, naming their line in the shared file', () => {
    const broken = COMMON.replace('cap_grade: D', 'cap_grade: X');
    const text = v2Text(card('{ $shared: common/red-line }'));
    expect(where(text, { common: broken }).map((p) => p[0])).toEqual(['UNKNOWN_GRADE']);
    const [problem] = check(text, { common: broken }).problems;
    // cap_grade is on line 9, column 16 of the shared file.
    expect(problem?.message.en).toContain(
      ' (The problem is in the shared definition common/red-line: configs/shared/common.yaml:9:16.)',
    );
    expect(problem?.message.zh).toContain(
      '(问题在共用定义 common/red-line 中:configs/shared/common.yaml:9:16)',
    );
    // A problem outside any reference is left as it was.
    const plain = check(text.replace('weight: 100', 'weight: 90'), { common: COMMON }).problems;
    expect(plain.map((p) => p.code)).toEqual(['WEIGHTS_NOT_100']);
    expect(plain[0]?.message.en).not.toContain('shared definition');
  });

  it('checks a shared file on its own: shape, names, no references (so no cycle)', () => {
    const bad = `scorebook_shared: 2
title: ""
colour: red
definitions:
  Bad Name: 1
  nested: { list: [{ $shared: other/x }] }
`;
    const loaded = loadSharedBytes('common', 'configs/shared/common.yaml', Buffer.from(bad));
    expect(loaded.definitions).toBe(null);
    expect(loaded.problems.map((p) => [p.code, p.line, p.column, p.path])).toEqual([
      ['SHARED_KEY', 1, 19, 'scorebook_shared'],
      ['SHARED_KEY', 2, 8, 'title'],
      ['SHARED_UNKNOWN_KEY', 3, 1, 'colour'],
      ['SHARED_BAD_NAME', 5, 3, 'definitions.Bad Name'],
      ['SHARED_NESTED_REFERENCE', 6, 22, 'definitions.nested.list[0].$shared'],
    ]);
    expect(where(v2Text(card('{ $shared: common/red-line }')), { common: bad })).toEqual([
      ['SHARED_FILE_INVALID', 21, 11, 'scorecards.service.vetoes[0].$shared'],
    ]);
  });

  it('shares no code with the other catalogues', () => {
    const codes = [SHARED_ERRORS, POLICY_ERRORS, CONDITION_ERRORS, CONFIG_FILE_ERRORS].flatMap((c) =>
      Object.keys(c),
    );
    expect(codes.length).toBe(new Set(codes).size);
  });
});
