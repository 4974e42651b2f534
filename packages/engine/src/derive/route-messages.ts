import type { Coverage } from '../check/coverage.ts';
import type { PeriodWarnings } from '../check/period-warnings.ts';
import type { Exclusions } from '../exclude/exclusions.ts';
import { type Row, valuesOf } from '../row.ts';
import type { ConversationLookup } from './conversation-index.ts';
import { AGENT, CUSTOMER, type MessageSink } from './message-store.ts';

/** Where the agents' messages of the period go for the metrics over messages (`docs/messages.md`). */
export interface MessageMeasure {
  add(row: Row, agent: number): void;
}

/** What {@link routeMessage} works with. */
export interface MessageRoutes {
  coverage: Coverage;
  warnings: PeriodWarnings;
  exclusions: Exclusions;
  conversations: ConversationLookup;
  messages: MessageSink;
  agentIndex: ReadonlyMap<string, number>;
  /** The metrics over messages; null when the policy has none. */
  measure: MessageMeasure | null;
}

/**
 * Takes an accepted message row (`docs/architecture.md`, route): it counts for the coverage of
 * messages and, in the period, for the period's warnings; excluded, it is counted (when it falls in the period) for its conversation's agent
 * and goes no further; else a customer or agent message of a conversation no exclusion removed
 * is kept for derivation (bots and system messages are left out), and an agent message of the
 * period goes to the metrics over messages, credited to its `agent_id`. The same for a run read
 * in one thread and for each piece read by a worker thread.
 */
export function routeMessage(row: Row, to: MessageRoutes): void {
  const { coverage, exclusions, conversations } = to;
  const inPeriod = coverage.add('messages', row);
  if (inPeriod) to.warnings.accepted('messages', row);
  const v = valuesOf('messages', row.values);
  const excludedBy = exclusions.match('messages', row);
  if (excludedBy !== null) {
    if (inPeriod) {
      exclusions.count(
        'messages',
        excludedBy,
        row,
        conversations.agentOf(conversations.indexOf(v.conversation_id)),
      );
    }
    return;
  }
  const sender = v.sender === 'customer' ? CUSTOMER : v.sender === 'agent' ? AGENT : -1;
  if (sender < 0) return;
  const conversation = conversations.named(v.conversation_id);
  if (conversations.excludedAt(conversation)) return;
  // The row checks rejected a message of an agent not among the agents.
  const agent = v.agent_id === null ? -1 : (to.agentIndex.get(v.agent_id) ?? -1);
  if (sender === AGENT && to.measure !== null && inPeriod) to.measure.add(row, agent);
  to.messages.push(conversation, v.sent_at, sender, agent, row.file, row.line);
}
