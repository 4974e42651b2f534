/**
 * Messages that exercise every per-row rule of reading in pieces: quoted cells over several lines,
 * rejected rows (an unknown conversation, an agent message without its agent, a bad time),
 * courtesy messages the sample exclusions remove, 300 accepted rows before the period, and — with
 * `ties` — agent messages at the same instant as a customer's, which keep reading order; with
 * the seven conversations they belong to (`c0` … `c6`, agents a1 and a2).
 */
export function awkwardMessages(ties: boolean): { conversations: string; messages: string } {
  const lines = ['conversation_id,sent_at,sender,agent_id,text'];
  for (let i = 0; i < 40; i++) {
    const c = `c${i % 7}`;
    const minute = String(10 + (i % 40)).padStart(2, '0');
    lines.push(`${c},2026-10-05T10:${minute}:00+08:00,customer,,"多行\n文本,${i}"`);
    lines.push(`${i % 9 === 0 ? 'nope' : c},2026-10-05T10:${minute}:09+08:00,agent,a${1 + (i % 2)},好的`);
    if (i % 5 === 0) lines.push(`${c},2026-10-05T10:${minute}:30+08:00,customer,,谢谢`);
    if (i % 11 === 0) lines.push(`${c},2026-10-05T10:${minute}:40+08:00,agent,,missing agent`);
    if (i % 13 === 0) lines.push(`${c},not a time,customer,,x`);
    if (ties && i % 6 === 0) lines.push(`${c},2026-10-05T10:${minute}:00+08:00,agent,a2,同时`);
  }
  // Accepted rows before the period, so that its rejected rows exceed 5% of the period's only.
  for (let i = 0; i < 300; i++) lines.push(`c${i % 7},2026-09-${10 + (i % 20)}T09:00:00+08:00,customer,,早`);
  const conversations = Array.from(
    { length: 7 },
    (_, c) => `c${c},a${1 + (c % 2)},chat,2026-10-05T10:00:00+08:00`,
  );
  return {
    conversations: `conversation_id,agent_id,channel,started_at\n${conversations.join('\n')}`,
    messages: `${lines.join('\n')}\n`,
  };
}
