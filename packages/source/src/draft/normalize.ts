// Bracketed parts of a header: units and notes such as 金额(元), 时长[秒], 满意度【1-5】. NFKC has
// already turned full-width （） and ［］ into ASCII.
const BRACKETED = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|<[^<>]*>|《[^《》]*》|\{[^{}]*\}/gu;
// Punctuation, symbols, separators, controls and format characters: 会话 ID, conversation_id,
// Ticket-ID, *客服工号 and agentId all differ from their plain spelling only in these and in case.
const NOISE = /[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}]/gu;

/**
 * The form in which a column header is compared with the synonym dictionary: Unicode NFKC
 * (full-width letters, digits and brackets become ASCII), bracketed parts removed (`金额(元)` →
 * `金额`) unless nothing else is left, then every punctuation, symbol, white-space, control and
 * format character removed, then lower case. `Ticket ID`, `ticket_id` and `TicketId` all give
 * `ticketid`; `会话ＩＤ` and `会话 ID` give `会话id`.
 */
export function normalizeHeader(header: string): string {
  const text = header.normalize('NFKC');
  const unbracketed = text.replace(BRACKETED, '');
  const kept = unbracketed.replace(NOISE, '') === '' ? text : unbracketed;
  return kept.replace(NOISE, '').toLowerCase();
}

/**
 * The form in which a cell value is compared with the value synonyms: NFKC, white space
 * removed everywhere, lower case. `已 解决`, `ＹＥＳ` and ` Yes ` give `已解决` and `yes`.
 */
export function normalizeValue(value: string): string {
  return value.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

/** Code-point order of two strings, the same on every machine (unlike `localeCompare`). */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
