import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate } from '@scorebook/engine';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWecomExample, WECOM_EXAMPLE } from './wecom-community.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const folder = join(root, WECOM_EXAMPLE.dir);

describe('the WeCom community example with a custom table (data/examples/wecom-community-2026-10)', () => {
  let built: Map<string, Buffer>;
  beforeAll(() => {
    built = buildWecomExample({ ...WECOM_EXAMPLE, sampleDir: join(root, WECOM_EXAMPLE.sampleDir) });
  }, 120_000);

  it('reproduces every file of the folder byte for byte, and no other', () => {
    expect(readdirSync(folder).sort()).toEqual([...built.keys()]);
    for (const [path, bytes] of built)
      expect(readFileSync(join(folder, path)).equals(bytes), path).toBe(true);
    expect(built.size).toBe(13);
  });

  it('draws the group members from the seed: agents, ids and times as the member list writes them', () => {
    const rows = parse(built.get('社群成员_2026-10.csv') ?? '', { columns: true }) as Array<
      Record<string, string>
    >;
    expect(rows).toHaveLength(1131);
    expect(rows[0]).toEqual({
      成员ID: 'M00001',
      负责客服: 'a0017',
      群名称: '覃怡霞的售后1群',
      入群时间: '2026/10/13 8:53',
      是否活跃: '否',
      本月发言数: '0',
    });
    expect(new Set(rows.map((r) => r.负责客服)).size).toBe(12);
    expect(new Set(rows.map((r) => r.成员ID)).size).toBe(1131);
  });

  it('evaluates with configs/policies/wecom-custom: the activity rate is the active share of the month', async () => {
    const e = await evaluate({
      policiesDir: join(root, 'configs/policies/wecom-custom'),
      dataDir: folder,
      period: '2026-10',
      allowMissing: ['targets'],
    });
    // Counted from the file: a0017's members who joined in October (local time), and the active ones.
    const rows = parse(readFileSync(join(folder, '社群成员_2026-10.csv')), { columns: true }) as Array<
      Record<string, string>
    >;
    const october = rows.filter((r) => r.负责客服 === 'a0017' && r.入群时间?.startsWith('2026/10/'));
    const active = october.filter((r) => r.是否活跃 === '是');
    const a0017 = e.results.agents.find((a) => a.agent_id === 'a0017');
    expect(october.length).toBe(60);
    expect(a0017?.metrics.members_joined?.value).toBe(60);
    expect(a0017?.metrics.community_active_rate?.value).toBe(active.length / october.length);
    expect(a0017?.metrics.community_active_rate?.value).toBe(0.55);
    expect(e.results.inputs.x_group_members?.rows).toBe(1131);
    expect(e.results.inputs.x_group_members?.rejected).toBe(0);
  });
});
