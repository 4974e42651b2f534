import type { BusinessHoursSpec, Policy } from '@scorebook/policy';
import {
  BusinessClock,
  type BusinessHours,
  byWeekday,
  parseInterval,
  type Zone,
  type ZonedPeriod,
} from '@scorebook/time';
import type { Agent } from '../check/row-checks.ts';
import { Row, valuesOf } from '../row.ts';
import type { PartitionSource } from './message-partitions.ts';
import { CUSTOMER } from './message-store.ts';

/** What the messages say of each conversation, by conversation index. */
export interface ConversationFacts {
  /** 1 when the conversation has a customer block. */
  inquiry: Uint8Array;
  /**
   * When the customer block left unanswered started (epoch ms of its first message; only the
   * last block can be open); NaN when every block was answered or there is none.
   */
  unansweredSince: Float64Array;
  /** Seconds to the first block's reply; NaN when there is none. */
  firstResponse: Float64Array;
}

/** What derivation reads of the conversations (a `ConversationIndex`, or its view on another thread). */
export interface DerivedConversations {
  readonly size: number;
  excludedAt(index: number): boolean;
  idAt(index: number): string;
  channelAt(index: number): string | null;
}

/** What derivation works from: the conversations, the messages kept, the agents. */
export interface DeriveInput {
  conversations: DerivedConversations;
  /** Taken partition by partition (each is released once derived). */
  messages: PartitionSource;
  agents: ReadonlyArray<Pick<Agent, 'agent_id'>>;
  policy: Pick<Policy, 'business_hours'>;
  zone: Zone;
  period: ZonedPeriod;
}

/**
 * Derives customer blocks and their responses from the messages that remain after exclusions
 * (`docs/contract/semantics.md`, derived facts), with business hours. Each response of the period goes to
 * `onResponse` (the measure stage); the per-conversation facts are returned for
 * {@link applyConversationFacts}.
 */
export function deriveFacts(
  input: DeriveInput,
  onResponse: (row: Row, agent: number) => void,
): ConversationFacts {
  const { policy, zone, period, messages } = input;
  const elapsed = elapsedSeconds(policy, zone);
  const count = input.conversations.size;
  const facts: ConversationFacts = {
    inquiry: new Uint8Array(count),
    unansweredSince: new Float64Array(count).fill(Number.NaN),
    firstResponse: new Float64Array(count).fill(Number.NaN),
  };
  // Partition by partition, in order: conversations in index order, as one store would give them.
  const per = messages.conversationsPerPartition;
  for (let p = 0; p * per < count; p++) {
    const from = p * per;
    const to = Math.min(from + per, count);
    const store = messages.take(p);
    const groups = store.groupByConversation(from, to);
    for (let c = from; c < to; c++) {
      if (input.conversations.excludedAt(c)) continue;
      let blocks = 0;
      let open = false;
      let blockStart = 0;
      // Decoded once, for the conversation's first response of the period.
      let id: string | null = null;
      for (const m of groups.of(c)) {
        if (store.sender(m) === CUSTOMER) {
          if (!open) {
            open = true;
            blockStart = store.sentAt(m);
            blocks++;
          }
          continue;
        }
        if (!open) continue;
        open = false;
        const seconds = elapsed(blockStart, store.sentAt(m));
        const isFirst = blocks === 1;
        if (isFirst) facts.firstResponse[c] = seconds;
        if (blockStart >= period.startMs && blockStart < period.endMs) {
          const agent = store.agent(m);
          id ??= input.conversations.idAt(c);
          const values = {
            conversation_id: id,
            agent_id: input.agents[agent]?.agent_id ?? null,
            channel: input.conversations.channelAt(c),
            at: blockStart,
            seconds,
            is_first: isFirst,
          };
          onResponse(new Row(values, store.file(m), store.line(m)), agent);
        }
      }
      facts.inquiry[c] = blocks > 0 ? 1 : 0;
      if (open) facts.unansweredSince[c] = blockStart;
    }
  }
  return facts;
}

/**
 * Seconds from one instant to a later one: counted in the policy's business hours when it has
 * them (`docs/contract/semantics.md`, business hours), else as elapsed time.
 */
export function elapsedSeconds(
  policy: Pick<Policy, 'business_hours'>,
  zone: Zone,
): (from: number, to: number) => number {
  const clock =
    policy.business_hours === null ? null : new BusinessClock(toBusinessHours(policy.business_hours), zone);
  return (from, to) => (clock === null ? (to - from) / 1000 : clock.secondsBetween(from, to));
}

/**
 * Adds the derived fields to a conversation row: `inquiry`, `replied`, `unanswered_since`, `first_response_seconds`,
 * `handle_seconds`, `on_time` and `converted` (conversation `index` marked in `converted`, the
 * conversation index: a kept order names it); and `resolution_seconds` (`closed_at − started_at`
 * by `resolution`, null without `closed_at`) only when `resolution` is given, for a policy that
 * reads it, so that the rows other policies explain keep their fields.
 */
export function applyConversationFacts(
  row: Row,
  index: number,
  facts: ConversationFacts,
  converted: { convertedAt(index: number): boolean },
  resolution: ((from: number, to: number) => number) | null = null,
): void {
  const values = row.values;
  const read = valuesOf('conversations', values);
  const inquiry = facts.inquiry[index] === 1;
  const first = facts.firstResponse[index] ?? Number.NaN;
  values.inquiry = inquiry;
  const since = facts.unansweredSince[index] ?? Number.NaN;
  values.replied = inquiry && Number.isNaN(since);
  values.unanswered_since = Number.isNaN(since) ? null : since;
  values.first_response_seconds = Number.isNaN(first) ? null : first;
  values.handle_seconds = read.ended_at === null ? null : (read.ended_at - read.started_at) / 1000;
  values.on_time =
    read.sla_due_at === null ? null : read.closed_at !== null && read.closed_at <= read.sla_due_at;
  values.converted = converted.convertedAt(index);
  if (resolution !== null)
    values.resolution_seconds = read.closed_at === null ? null : resolution(read.started_at, read.closed_at);
}

/** A policy's `business_hours` as the time package's {@link BusinessHours}. */
export function toBusinessHours(spec: BusinessHoursSpec): BusinessHours {
  // The policy's intervals were checked when it was loaded: every one parses.
  const week = byWeekday((day) =>
    spec.week[day].flatMap((text) => {
      const interval = parseInterval(text);
      return interval === null ? [] : [interval];
    }),
  );
  return { week, holidays: new Set(spec.holidays) };
}
