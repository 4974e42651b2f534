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
import type { Agent } from '../check/row-checks.ts';
import { Row } from '../row.ts';
import type { ConversationIndex } from './conversation-index.ts';
import { CUSTOMER, type MessageStore } from './message-store.ts';

/** What the messages say of each conversation, by conversation index. */
export interface ConversationFacts {
  /** 1 when the conversation has a customer block. */
  inquiry: Uint8Array;
  /** 1 when a customer block is left unanswered. */
  unanswered: Uint8Array;
  /** Seconds to the first block's reply; NaN when there is none. */
  firstResponse: Float64Array;
}

/** What derivation works from: the conversations, the messages kept, the agents. */
export interface DeriveInput {
  conversations: ConversationIndex;
  messages: MessageStore;
  agents: readonly Agent[];
  policy: Policy;
  zone: Zone;
  period: ZonedPeriod;
}

/**
 * Derives customer blocks and their responses from the messages that remain after exclusions
 * (`semantics.md`, derived facts), with business hours. Each response of the period goes to
 * `onResponse` (the measure stage); the per-conversation facts are returned for
 * {@link applyConversationFacts}.
 */
export function deriveFacts(
  input: DeriveInput,
  onResponse: (row: Row, agent: number) => void,
): ConversationFacts {
  const { policy, zone, period, messages } = input;
  const clock = policy.business_hours === null ? null : new BusinessClock(toBusinessHours(policy), zone);
  const elapsed = (from: number, to: number) =>
    clock === null ? (to - from) / 1000 : clock.secondsBetween(from, to);
  const store = input.conversations;
  const count = store.size;
  const facts: ConversationFacts = {
    inquiry: new Uint8Array(count),
    unanswered: new Uint8Array(count),
    firstResponse: new Float64Array(count).fill(Number.NaN),
  };
  const ids = [...store.ids.keys()];
  const { starts, order } = messages.groupByConversation(count);
  for (let c = 0; c < count; c++) {
    if (store.excluded[c]) continue;
    let blocks = 0;
    let open = false;
    let blockStart = 0;
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
      if (isFirst) facts.firstResponse[c] = seconds;
      if (blockStart >= period.startMs && blockStart < period.endMs) {
        const agent = messages.agent(m);
        const values = {
          conversation_id: ids[c],
          agent_id: input.agents[agent]!.agent_id,
          channel: store.channel[c] ?? null,
          at: blockStart,
          seconds,
          is_first: isFirst,
        };
        onResponse(new Row(values, messages.file(m), messages.line(m)), agent);
      }
    }
    facts.inquiry[c] = blocks > 0 ? 1 : 0;
    facts.unanswered[c] = open ? 1 : 0;
  }
  return facts;
}

/**
 * Adds the derived fields to a conversation row: `inquiry`, `replied`, `first_response_seconds`,
 * `handle_seconds`, `on_time` and `converted`.
 */
export function applyConversationFacts(
  row: Row,
  index: number,
  facts: ConversationFacts,
  converted: ReadonlySet<string>,
): void {
  const values = row.values;
  const inquiry = facts.inquiry[index] === 1;
  const first = facts.firstResponse[index]!;
  values.inquiry = inquiry;
  values.replied = inquiry && facts.unanswered[index] === 0;
  values.first_response_seconds = Number.isNaN(first) ? null : first;
  values.handle_seconds =
    typeof values.ended_at === 'number' ? (values.ended_at - (values.started_at as number)) / 1000 : null;
  values.on_time =
    typeof values.sla_due_at === 'number'
      ? typeof values.closed_at === 'number' && values.closed_at <= values.sla_due_at
      : null;
  values.converted = converted.has(values.conversation_id as string);
}

function toBusinessHours(policy: Policy): BusinessHours {
  const spec = policy.business_hours!;
  const week = {} as Record<Weekday, Array<[number, number]>>;
  for (const day of WEEKDAYS) week[day] = spec.week[day].map((text) => parseInterval(text)!);
  return { week, holidays: new Set(spec.holidays) };
}
