import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluatedSite } from './fixture-site.ts';

// a1's QA export has a review whose date does not read, and the sheet's totals row; a1 leaves one
// conversation unanswered. The agent page lists a1's rejected rows (not the totals row, which is
// about no agent) and the reply rate's evidence says since when the conversation waits.
const policy = `scorebook: 2
id: rejected
version: "1"
effective_from: 2026-01-01
title: 考核
timezone: Asia/Shanghai
grades:
  - { grade: A, min_score: 80 }
  - { grade: D, min_score: 0 }
scorecards:
  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: qa_score, weight: 50, target: 90, floor: 60 }
      - { metric: reply_rate, weight: 50, target: 100%, floor: 50% }
`;

let work = '';
const page = (lang: string, agent: string) =>
  readFileSync(join(work, 'site', lang, 'periods', '2026-10', 'agents', agent, 'index.html'), 'utf8');
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'scorebook-rejected-site-'));
  const policies = join(work, 'policies', 'rejected');
  const data = join(work, 'data');
  const appeals = join(work, 'appeals');
  for (const dir of [policies, data, appeals]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(policies, '2026-01-01.yaml'), policy);
  writeFileSync(
    join(data, 'agents.csv'),
    'agent_id,name,team,role\na1,甲,一组,aftersale\na2,乙,一组,aftersale\n',
  );
  writeFileSync(
    join(data, 'conversations.csv'),
    [
      'conversation_id,agent_id,channel,started_at,ended_at,resolved,reopened,transferred,sla_due_at,closed_at',
      'c1,a1,chat,2026-10-05T10:00:00+08:00,,,,,,',
      'c2,a1,chat,2026-10-05T11:00:00+08:00,,,,,,',
      'c3,a2,chat,2026-10-05T12:00:00+08:00,,,,,,',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(data, 'messages.csv'),
    [
      'conversation_id,sent_at,sender,agent_id,text',
      'c1,2026-10-05T10:00:00+08:00,customer,,在吗',
      'c1,2026-10-05T10:00:30+08:00,agent,a1,在的',
      'c2,2026-10-05T11:00:00+08:00,customer,,发票',
      'c3,2026-10-05T12:00:00+08:00,customer,,在吗',
      'c3,2026-10-05T12:00:10+08:00,agent,a2,在',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(data, 'qa_reviews.csv'),
    [
      'review_id,agent_id,reviewed_at,score,red_line',
      'q1,a1,2026-10-05T10:00:00+08:00,85,false',
      'q2,a1,2026-10-31 25:00,90,false',
      'q3,a2,2026-10-05T10:00:00+08:00,70,false',
      '合计,,,245,',
      // A review without its id: about a1, but nothing to find it by (its record shows —).
      ',a1,2026-10-06T10:00:00+08:00,80,false',
      '',
    ].join('\n'),
  );
  evaluatedSite(work, {
    policies,
    data,
    appeals,
    period: '2026-10',
    tables: ['agents', 'conversations', 'messages', 'qa_reviews'],
    maxRejected: '3',
  });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('an agent page', () => {
  it('lists the rows about the agent rejected when read, with place, field, code and reason', () => {
    const zh = page('zh', 'a1');
    expect(zh).toContain('data-rejected-rows="2"');
    const section = /<section data-rejected-rows[\s\S]*?<\/section>/.exec(zh)?.[0] ?? '';
    expect(text(section)).toContain('读取时被拒绝的行');
    expect(text(section)).toContain('导出文件中有 2 行与这位客服有关');
    expect([...section.matchAll(/data-rejected-row="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'qa_reviews.csv:3',
      'qa_reviews.csv:6',
    ]);
    // A row with no record_id shows — in the record's cell.
    expect(text(section)).toMatch(/质检 qa_reviews\.csv:6 — 质检单 MISSING_FIELD /);
    // The table by its Chinese name and the field by its label, as the records tables show them.
    // The record by its id, so that it can be found in the QA system: 质检单 q2.
    expect(text(section)).toMatch(/质检 qa_reviews\.csv:3 质检单 q2 质检时间 BAD_VALUE /);
    const en = page('en', 'a1');
    const sectionEn = text(/<section data-rejected-rows[\s\S]*?<\/section>/.exec(en)?.[0] ?? '');
    expect(sectionEn).toContain('Rows rejected when read 2 rows of the exported files are about this agent');
    expect(sectionEn).toMatch(/qa_reviews qa_reviews\.csv:3 Review q2 Reviewed BAD_VALUE /);
    // a2 has no rejected row; the totals row is about no agent.
    expect(page('zh', 'a2')).not.toContain('data-rejected-rows');
  });

  it('shows since when an unanswered conversation waits, in the reply rate’s evidence', () => {
    const evidence =
      /<details data-metric="reply_rate">[\s\S]*?<\/details>/.exec(page('zh', 'a1'))?.[0] ?? '';
    expect(text(evidence)).toContain('未回复的客户消息');
    expect(text(evidence)).toContain('2026-10-05 11:00');
  });
});
