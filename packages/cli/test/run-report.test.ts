import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RejectedRow } from '@scorebook/engine';
import type { Problem } from '@scorebook/problems';
import { describe, expect, it } from 'vitest';
import { formatFailure, formatRejected } from '../src/output/run-report.ts';

const row = (line: number): RejectedRow => ({
  table: 'qa_reviews',
  file: 'qa_reviews.csv',
  line,
  record_id: { field: 'review_id', value: `q${line}` },
  agent_id: 'a1',
  field: 'reviewed_at',
  code: 'BAD_VALUE',
  message: { zh: '时间无法识别', en: 'not a time' },
  cause: null,
});
const problem = (code: string): Problem => ({
  code,
  severity: 'error',
  message: { zh: `${code} 的说明`, en: `${code} explained` },
  file: null,
  line: null,
  column: null,
});

describe('a failed run’s report of rejected rows', () => {
  it('lists the first rows when they stopped the run, and only counts them after another error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scorebook-report-'));
    const reportPath = join(dir, 'rejected.json');
    const rows = [row(3), row(4)];
    const stopped = formatFailure([problem('TOO_MANY_REJECTED')], rows, 'en', false, { reportPath });
    expect(stopped).toContain(
      'Rejected rows (2):\n  qa_reviews.csv:3 (review_id "q3") [reviewed_at] BAD_VALUE: not a time\n',
    );
    expect(stopped).toContain(`The full report of rejected rows: ${reportPath}`);
    const other = formatFailure([problem('APPEAL_UNKNOWN_AGENT')], rows, 'zh', false, { reportPath });
    expect(other).not.toContain('qa_reviews.csv:3');
    expect(other).toContain(`另有 2 行被拒绝(不是上面错误的原因),完整列表:${reportPath}\n`);
    // The list is written whole either way.
    expect(JSON.parse(readFileSync(reportPath, 'utf8')).total).toBe(2);
  });

  it('prints first the warning that every appeal is another data set’s, before the errors it explains', () => {
    const error = { ...problem('APPEAL_NOT_AGENTS_RECORD'), file: 'ap-1.yaml', line: 3, column: 5 };
    const others = {
      ...problem('APPEALS_NOT_FOR_THIS_DATA'),
      severity: 'warning' as const,
      file: 'configs/appeals/2026-10',
    };
    const unrelated = { ...problem('SOME_WARNING'), severity: 'warning' as const };
    const text = formatFailure([error, unrelated, others], [], 'en', false);
    const at = (code: string) => text.indexOf(`${code} explained`);
    expect(at('APPEALS_NOT_FOR_THIS_DATA')).toBeGreaterThanOrEqual(0);
    expect(at('APPEALS_NOT_FOR_THIS_DATA')).toBeLessThan(at('APPEAL_NOT_AGENTS_RECORD'));
    // Other warnings stay after the errors.
    expect(at('SOME_WARNING')).toBeGreaterThan(at('APPEAL_NOT_AGENTS_RECORD'));
  });
});

describe('the list of rejected rows', () => {
  it('says a row rejected for the same cause as the row before it "as above" (trial 16 finding 9)', () => {
    const cause = {
      table: 'conversations',
      file: 'conversations.csv',
      line: 102,
      code: 'BAD_VALUE',
      message: { zh: '时间无法识别', en: 'not a time' },
    };
    const message = (n: number) => ({
      zh: `会话 "c1" 的行被拒绝了(很长的原因),所以这一行也被拒绝 ${n}`,
      en: `the row of conversation "c1" was rejected (a long reason), so this row is too ${n}`,
    });
    const caused = (line: number, code = 'UNKNOWN_CONVERSATION'): RejectedRow => ({
      ...row(line),
      table: 'messages',
      file: 'messages.csv',
      record_id: { field: 'conversation_id', value: 'c1' },
      field: 'conversation_id',
      code,
      message: message(line),
      cause,
    });
    const text = formatRejected([caused(5), caused(6), caused(7, 'OTHER'), caused(8), row(9)], 'en', '');
    expect(text).toBe(
      [
        'Rejected rows (5):',
        `  messages.csv:5 (conversation_id "c1") [conversation_id] UNKNOWN_CONVERSATION: ${message(5).en}`,
        '    ← caused by conversations.csv:102 BAD_VALUE',
        '  messages.csv:6 (conversation_id "c1") [conversation_id] UNKNOWN_CONVERSATION: as above (caused by conversations.csv:102 BAD_VALUE)',
        `  messages.csv:7 (conversation_id "c1") [conversation_id] OTHER: ${message(7).en}`,
        '    ← caused by conversations.csv:102 BAD_VALUE',
        `  messages.csv:8 (conversation_id "c1") [conversation_id] UNKNOWN_CONVERSATION: ${message(8).en}`,
        '    ← caused by conversations.csv:102 BAD_VALUE',
        '  qa_reviews.csv:9 (review_id "q9") [reviewed_at] BAD_VALUE: not a time',
        '',
      ].join('\n'),
    );
    expect(formatRejected([caused(5), caused(6)], 'zh', '')).toContain(
      '  messages.csv:6 (conversation_id "c1") [conversation_id] UNKNOWN_CONVERSATION: 同上(原因:conversations.csv:102 BAD_VALUE)',
    );
  });
});
