import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftSourceFor } from '../../src/draft/sample-files.ts';

const folders: string[] = [];
async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'scorebook-ratings-'));
  folders.push(dir);
  await writeFile(join(dir, '客服名单.csv'), '工号,姓名,组别,岗位\na1,张三,一组,aftersale\n');
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}
const sectionOf = (draft: string) => draft.slice(draft.indexOf('  ratings:'));

let peer: string;
let supervisor: string;
let en: string;
beforeAll(async () => {
  peer = await folder({
    '360评估_2026-10.csv':
      '评分编号,被评人,评分人,评分人角色,维度,分数,评分时间\nk1,a1,s1,supervisor,teamwork,4,2026-10-05 10:00:00\n',
  });
  supervisor = await folder({
    '主管评价.csv':
      '评价编号,被评客服,评价人,角色,评分维度,得分,评价时间\nk1,a1,s1,supervisor,teamwork,4,2026-10-05 10:00:00\n',
  });
  en = await folder({
    'ratings.csv':
      'Rating ID,Ratee,Rater,Rater Role,Dimension,Score,Rated At\nk1,a1,s1,supervisor,teamwork,4,2026-10-05 10:00:00\n',
  });
});
afterAll(async () => {
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

describe('source init on a ratings sheet', () => {
  it('assigns a 360评估 sheet to ratings and maps 被评人/评分人/评分人角色/维度/分数/评分时间', async () => {
    const ratings = sectionOf(await draftSourceFor(peer, { id: 'r' }));
    expect(ratings).toContain('files: ["360评估_*.csv"]');
    for (const line of [
      'rating_id: 评分编号',
      'agent_id: 被评人',
      'rater_id: 评分人',
      'rater_role: 评分人角色',
      'dimension: 维度',
      'score: 分数',
      'rated_at: 评分时间',
    ])
      expect(ratings).toContain(line);
  });

  it('assigns a 主管评价 sheet to ratings and maps 被评客服/评价人/角色/评分维度/得分', async () => {
    const ratings = sectionOf(await draftSourceFor(supervisor, { id: 'r' }));
    expect(ratings).toContain('files: ["主管评价.csv"]');
    for (const line of [
      'agent_id: 被评客服',
      'rater_id: 评价人',
      'rater_role: 角色',
      'dimension: 评分维度',
      'score: 得分',
      'rated_at: 评价时间',
    ])
      expect(ratings).toContain(line);
  });

  it('assigns a ratings.csv with English headers', async () => {
    const ratings = sectionOf(await draftSourceFor(en, { id: 'r' }));
    expect(ratings).toContain('files: ["ratings.csv"]');
    for (const line of ['agent_id: Ratee', 'rater_id: Rater', 'rater_role: Rater Role', 'score: Score'])
      expect(ratings).toContain(line);
  });
});
