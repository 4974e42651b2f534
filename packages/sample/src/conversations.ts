import { hourLoad } from './calendar.ts';
import type { SampleAgent } from './company.ts';
import type { Random } from './random.ts';
import type { CsvTableWriter } from './table-writer.ts';

/** The writers of the tables a conversation produces. */
export interface ConversationTables {
  conversations: CsvTableWriter;
  messages: CsvTableWriter;
  surveys: CsvTableWriter;
  complaints: CsvTableWriter;
  orders: CsvTableWriter;
  events: CsvTableWriter;
}

/** Counters that give ids, shared by a whole run. */
export interface Ids {
  conversation: number;
  survey: number;
  complaint: number;
  order: number;
}

const OPENERS: Record<SampleAgent['role'], readonly string[]> = {
  presale: [
    '在吗',
    '这款有现货吗',
    '尺码怎么选',
    '有优惠券吗',
    '什么时候发货',
    '能便宜点吗',
    '这个和那款有什么区别',
    '支持七天无理由吗',
  ],
  aftersale: [
    '我的快递到哪了',
    '收到的商品有破损',
    '怎么申请退货',
    '退款什么时候到账',
    '发错货了',
    '发票怎么开',
    '商品有质量问题',
    '物流一直没更新',
  ],
  community: [
    '群里的活动怎么参加',
    '积分怎么兑换',
    '今晚直播几点开始',
    '新品什么时候上',
    '会员有什么权益',
    '群公告的链接打不开',
  ],
};
const FOLLOW_UPS = [
  '麻烦快一点',
  '还在吗?',
  '人呢',
  '我着急用',
  '能帮我看看吗',
  '订单号发你了',
  '图片已经发了',
];
const REPLIES = [
  '您好,我来为您查询',
  '亲,已经为您登记了',
  '稍等,马上帮您处理',
  '已为您申请补发',
  '退款会在1-3个工作日到账',
  '这款目前有现货,今天下单明天发',
  '建议您选大一码',
  '优惠券已经发到您的账户',
];
const BOT = ['您好,客服马上为您服务', '【自动回复】亲,人工客服正在赶来', '欢迎光临,请描述您的问题'];
// Courtesy closings in the spellings customers use; all match the sample policies' textIn list.
const COURTESY = [
  '谢谢',
  '谢谢!',
  '谢谢～',
  ' 谢谢 ',
  '谢谢👍',
  '谢谢！！',
  '好的',
  '好的。',
  '好',
  '嗯',
  'OK',
  'ok',
  'ＯＫ',
  '收到',
  '收到。',
  '谢谢亲',
  '谢谢亲~',
];
const CHANNELS: Record<SampleAgent['role'], ReadonlyArray<readonly [string, number]>> = {
  presale: [
    ['chat', 0.8],
    ['phone', 0.12],
    ['email', 0.08],
  ],
  aftersale: [
    ['chat', 0.55],
    ['ticket', 0.22],
    ['phone', 0.13],
    ['email', 0.1],
  ],
  community: [
    ['wecom_group', 0.9],
    ['chat', 0.1],
  ],
};
const COMPLAINTS: ReadonlyArray<readonly [string, number]> = [
  ['attitude', 0.2],
  ['misinformation', 0.15],
  ['process_error', 0.12],
  ['product_defect', 0.28],
  ['logistics', 0.18],
  ['other', 0.07],
];

const HOUR = 3_600_000;
const OFFSET = 8 * HOUR;

/** A local time in Asia/Shanghai with its offset, optionally with milliseconds. */
export function localTime(ms: number, millis = false): string {
  const iso = new Date(ms + OFFSET).toISOString();
  return `${millis ? iso.slice(0, 23) : iso.slice(0, 19)}+08:00`;
}

/** What one conversation needs to know of its surroundings. */
export interface ConversationContext {
  agent: SampleAgent;
  /** Agents of the same team working that day, for transfers. */
  teammates: readonly SampleAgent[];
  /** Epoch milliseconds of local midnight of the day. */
  midnight: number;
  hour: number;
  /** Traffic multiplier of the day: busy days mean slower replies. */
  busy: number;
}

/**
 * Generates one conversation with its messages and what follows from it: a survey, a
 * complaint, orders, praise. Reply times depend on the agent's skill and the hour's load; at
 * night, before the 08:00 opening, customers wait for the morning shift or go unanswered.
 */
export function generateConversation(
  ctx: ConversationContext,
  random: Random,
  ids: Ids,
  out: ConversationTables,
): void {
  const { agent } = ctx;
  const conversationId = `c${String(++ids.conversation).padStart(7, '0')}`;
  const channel = random.weighted(CHANNELS[agent.role]);
  const start = ctx.midnight + ctx.hour * HOUR + random.int(0, 3599) * 1000;
  const night = ctx.hour < 8;
  const message = (at: number, sender: string, text: string, agentId: string | null = null) =>
    out.messages.write({
      conversation_id: conversationId,
      sent_at: localTime(at, random.chance(0.2)),
      sender,
      agent_id: agentId,
      text,
    });

  let t = start;
  let firstResponse: number | null = null;
  let unanswered = false;
  let transferred = false;
  const blocks = Math.min(4, 1 + random.poisson(0.8));
  const unansweredChance = 0.004 + 0.035 * (1 - agent.skill);
  for (let b = 0; b < blocks; b++) {
    const customerMessages = 1 + (random.chance(0.35) ? 1 : 0) + (random.chance(0.1) ? 1 : 0);
    const blockStart = t;
    for (let m = 0; m < customerMessages; m++) {
      message(t, 'customer', m === 0 && b === 0 ? random.pick(OPENERS[agent.role]) : random.pick(FOLLOW_UPS));
      if (m === 0 && b === 0 && channel !== 'phone' && random.chance(0.5))
        message(t + random.int(1, 4) * 1000, 'bot', random.pick(BOT));
      t += random.int(3, 25) * 1000;
    }
    if (random.chance(night ? 0.15 : unansweredChance)) {
      unanswered = true;
      break;
    }
    let replyAt: number;
    if (night) {
      replyAt = Math.max(t, ctx.midnight + 8 * HOUR) + random.logNormal(90, 0.7) * 1000;
    } else {
      const median = (3 + 22 * (1 - agent.skill)) * hourLoad(ctx.hour) ** 0.5 * ctx.busy ** 0.4;
      replyAt = blockStart + Math.max(2, random.logNormal(median, 0.65)) * 1000;
      if (replyAt < t) replyAt = t + random.int(2, 10) * 1000;
    }
    let responder = agent;
    if (b > 0 && !transferred && ctx.teammates.length > 0 && random.chance(0.06)) {
      transferred = true;
      responder = random.pick(ctx.teammates);
    }
    message(replyAt, 'agent', random.pick(REPLIES), responder.agent_id);
    if (b === 0) firstResponse = (replyAt - blockStart) / 1000;
    t = replyAt + random.int(20, 400) * 1000;
  }
  if (!unanswered && random.chance(0.45)) {
    message(t, 'customer', random.pick(COURTESY));
    t += 5000;
  } else if (!unanswered && random.chance(0.04)) {
    message(t, 'customer', '谢谢,还有个问题');
    message(t + random.logNormal(40, 0.5) * 1000, 'agent', '您请说', agent.agent_id);
    t += 120_000;
  }

  const resolved = !unanswered && random.chance(0.8 + 0.18 * agent.skill);
  const ticket = channel === 'ticket';
  const slaDue = ticket ? start + (random.chance(0.5) ? 24 : 4) * HOUR : null;
  const closedAt =
    ticket && random.chance(0.97) ? start + random.logNormal(3 * (1.6 - agent.skill), 0.8) * HOUR : null;
  const ended = random.chance(0.97) ? t + random.int(30, 180) * 1000 : null;
  out.conversations.write({
    conversation_id: conversationId,
    agent_id: agent.agent_id,
    channel,
    started_at: localTime(start, random.chance(0.1)),
    ended_at: ended === null ? null : localTime(ended),
    resolved,
    reopened: resolved ? random.chance(0.07 - 0.06 * agent.skill) : random.chance(0.2),
    transferred,
    sla_due_at: slaDue === null ? null : localTime(slaDue),
    closed_at: closedAt === null ? null : localTime(closedAt),
  });

  const end = ended ?? t;
  if (random.chance(0.4)) {
    let mood = 3.95 + 1.2 * agent.skill + random.normal(0, 0.5);
    if (firstResponse === null) mood -= 1.6;
    else if (firstResponse > 120) mood -= 1.3;
    else if (firstResponse > 45) mood -= 0.6;
    if (!resolved) mood -= 1.1;
    const csat = Math.min(5, Math.max(1, Math.round(mood)));
    const nps = random.chance(0.55)
      ? Math.min(10, Math.max(0, Math.round(csat * 2 + random.normal(-0.5, 1.3))))
      : null;
    out.surveys.write({
      survey_id: `s${String(++ids.survey).padStart(7, '0')}`,
      agent_id: agent.agent_id,
      conversation_id: conversationId,
      submitted_at: localTime(end + random.logNormal(40, 1) * 60_000),
      csat,
      nps,
    });
    if (csat === 5 && random.chance(0.03 + 0.05 * agent.skill)) {
      out.events.write({
        agent_id: agent.agent_id,
        at: localTime(end + random.int(1, 48) * HOUR),
        type: 'praise',
        note: '客户来电表扬服务耐心',
      });
    }
  }
  if (random.chance(0.004 + 0.014 * (1 - agent.skill) + (unanswered ? 0.06 : 0))) {
    const category = random.weighted(COMPLAINTS);
    out.complaints.write({
      complaint_id: `p${String(++ids.complaint).padStart(6, '0')}`,
      agent_id: agent.agent_id,
      conversation_id: conversationId,
      filed_at: localTime(end + random.int(1, 72) * HOUR),
      category,
      upheld: random.weighted([
        [true, 0.6],
        [false, 0.25],
        [null, 0.15],
      ] as const),
    });
  }
  if (agent.role === 'presale' && random.chance(0.1 + 0.25 * agent.skill)) {
    const orders = random.chance(0.1) ? 2 : 1;
    for (let i = 0; i < orders; i++) {
      out.orders.write({
        order_id: `o${String(++ids.order).padStart(7, '0')}`,
        agent_id: agent.agent_id,
        conversation_id: conversationId,
        placed_at: localTime(start + random.logNormal(40, 1.3) * 60_000),
        amount: Math.round(random.logNormal(260, 0.6) * 100) / 100,
      });
    }
  }
}
