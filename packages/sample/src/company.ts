import type { Random } from './random.ts';

/** A generated agent, with the traits that shape their service. */
export interface SampleAgent {
  agent_id: string;
  name: string;
  team: string;
  role: 'presale' | 'aftersale' | 'community';
  hired_on: string;
  status: 'active' | 'left';
  /** 0 (struggling) to 1 (excellent): drives response time, resolution, QA and CSAT. */
  skill: number;
  /** First and last day the agent works in the generated range (`YYYY-MM-DD`). */
  firstDay: string;
  lastDay: string;
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const GIVEN = Array.from(
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍鹏辉玲桂芝丹彬建华建国红梅慧婷雪琳晨宇浩然子涵欣怡梓萱一诺思远佳怡雨泽',
);

const TEAMS: Record<SampleAgent['role'], readonly [string, ...string[]]> = {
  presale: ['售前一组', '售前二组'],
  aftersale: ['售后一组', '售后二组', '售后三组'],
  community: ['社群运营组'],
};

/**
 * The agents of a company of `count` people: about 35% presale, 45% aftersale and 20%
 * community, with skills spread from weak to excellent; a few join or leave during the range.
 */
export function generateAgents(
  count: number,
  firstDay: string,
  lastDay: string,
  days: readonly string[],
  random: Random,
): SampleAgent[] {
  const agents: SampleAgent[] = [];
  const names = new Set<string>();
  for (let i = 0; i < count; i++) {
    const role: SampleAgent['role'] = i % 20 < 7 ? 'presale' : i % 20 < 16 ? 'aftersale' : 'community';
    const teams = TEAMS[role];
    let name: string;
    do name = random.pick(SURNAMES) + random.pick(GIVEN) + (random.chance(0.5) ? random.pick(GIVEN) : '');
    while (names.has(name));
    names.add(name);
    const skill = Math.min(1, Math.max(0, random.normal(0.6, 0.2)));
    let start = firstDay;
    let end = lastDay;
    let hired = `20${random.int(21, 25)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    let status: SampleAgent['status'] = 'active';
    // About one agent in eight joins or leaves during the range.
    if (i % 16 === 9 && days.length > 40) {
      // The draw of random.int(10, days.length - 30), as an element.
      start = random.pick(days.slice(10, days.length - 29));
      hired = start;
    } else if (i % 16 === 13 && days.length > 40) {
      end = random.pick(days.slice(25, days.length - 9));
      status = 'left';
    }
    agents.push({
      agent_id: `a${String(i + 1).padStart(4, '0')}`,
      name,
      team: teams[Math.floor(i / 20) % teams.length] ?? teams[0],
      role,
      hired_on: hired,
      status,
      skill,
      firstDay: start,
      lastDay: end,
    });
  }
  return agents;
}
