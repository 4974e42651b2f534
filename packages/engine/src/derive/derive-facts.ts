import type { Policy } from '@scorebook/policy';
import {
  BusinessClock,
  type BusinessHours,
  parseInterval,
  WEEKDAYS,
  type Weekday,
  type Zone,
  type ZonedPeriod,
} from '@scorebook/time';
import type { Dataset } from '../load/read-data.ts';
import { Row } from '../row.ts';
import { CUSTOMER } from './message-store.ts';

/**
 * Derives the facts of `semantics.md` from the messages that remain after exclusions: customer
 * blocks and their responses (business-hours aware), and per conversation `inquiry`, `replied`,
 * `first_response_seconds`, `handle_seconds`, `on_time` and `converted`. Fills the period's
 * `conversations` and `responses` rows of the dataset.
 */
export function deriveFacts(data: Dataset, policy: Policy, zone: Zone, period: ZonedPeriod): void {
  const clock = policy.business_hours === null ? null : new BusinessClock(toBusinessHours(policy), zone);
  const elapsed = (from: number, to: number) =>
    clock === null ? (to - from) / 1000 : clock.secondsBetween(from, to);
  const store = data.conversations;
  const messages = data.messages;
  const { starts, order } = messages.groupByConversation(store.rows.length);
  const responses: Row[] = [];
  const conversations: Row[] = [];

  for (let c = 0; c < store.rows.length; c++) {
    if (store.excluded[c]) continue;
    const row = store.rows[c]!;
    const values = row.values;
    let blocks = 0;
    let open = false;
    let blockStart = 0;
    let firstSeconds: number | null = null;
    for (let k = starts[c]!; k < starts[c + 1]!; k++) {
      const m = order[k]!;
      if (messages.sender(m) === CUSTOMER) {
        if (!open) {
          open = true;
          blockStart = messages.sentAt(m);
          blocks++;
        }
        continue;
      }
      if (!open) continue;
      open = false;
      const seconds = elapsed(blockStart, messages.sentAt(m));
      const isFirst = blocks === 1;
      if (isFirst) firstSeconds = seconds;
      if (blockStart >= period.startMs && blockStart < period.endMs) {
        const agent = data.agents[messages.agent(m)]!;
        responses.push(
          new Row(
            {
              conversation_id: values.conversation_id,
              agent_id: agent.agent_id,
              channel: values.channel ?? null,
              at: blockStart,
              seconds,
              is_first: isFirst,
            },
            messages.file(m),
            messages.line(m),
          ),
        );
      }
    }
    if (!data.hasConversations) continue;
    const inquiry = blocks > 0;
    values.inquiry = inquiry;
    values.replied = inquiry && !open;
    values.first_response_seconds = firstSeconds;
    values.handle_seconds =
      typeof values.ended_at === 'number' ? (values.ended_at - (values.started_at as number)) / 1000 : null;
    values.on_time =
      typeof values.sla_due_at === 'number'
        ? typeof values.closed_at === 'number' && values.closed_at <= values.sla_due_at
        : null;
    values.converted = data.convertedConversations.has(values.conversation_id as string);
    const started = values.started_at as number;
    if (started >= period.startMs && started < period.endMs) conversations.push(row);
  }
  data.periodRows.set('conversations', conversations);
  data.periodRows.set('responses', responses);
}

function toBusinessHours(policy: Policy): BusinessHours {
  const spec = policy.business_hours!;
  const week = {} as Record<Weekday, Array<[number, number]>>;
  for (const day of WEEKDAYS) week[day] = spec.week[day].map((text) => parseInterval(text)!);
  return { week, holidays: new Set(spec.holidays) };
}
