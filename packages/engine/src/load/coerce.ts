import type { FieldSpec, FieldType } from '@scorebook/contract';
import { parseDateParts, parseTimestamp, type Zone } from '@scorebook/time';

/** A value read into its contract type: timestamps as epoch milliseconds, dates as `YYYY-MM-DD`. */
export type TypedValue = string | number | boolean | null;

/** Why a value could not be read. */
export type CoerceFailure = { code: 'BAD_VALUE' | 'OUT_OF_RANGE'; value: string; range?: string };

const INT_RE = /^-?\d+$/;
const NUMBER_RE = /^-?\d+(?:\.\d+)?$/;
const TYPE_ZH: Record<FieldType, string> = {
  id: '标识',
  string: '文本',
  int: '整数',
  number: '数字',
  bool: '布尔值(true/false、1/0、yes/no)',
  timestamp: '时间戳(ISO 8601)',
  date: '日期(YYYY-MM-DD)',
};

/** The Chinese name of a field type, for messages. */
export function typeNameZh(type: FieldType): string {
  return TYPE_ZH[type];
}

/**
 * Reads one raw value (a CSV cell text, or a JSON value) as its contract type. An empty cell or
 * JSON null is null. Returns a failure for anything the contract does not accept.
 */
export function coerceValue(raw: unknown, spec: FieldSpec, zone: Zone): TypedValue | CoerceFailure {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string' && raw.trim() === '' && spec.type !== 'string') return null;
  if (typeof raw === 'string' && raw === '') return null;
  switch (spec.type) {
    case 'id':
      if (typeof raw === 'string') return raw.trim();
      if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
      return bad(raw);
    case 'string':
      if (typeof raw === 'string') return raw;
      if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
      return bad(raw);
    case 'int':
    case 'number': {
      let n: number;
      if (typeof raw === 'number') n = raw;
      else if (typeof raw === 'string' && (spec.type === 'int' ? INT_RE : NUMBER_RE).test(raw.trim()))
        n = Number(raw.trim());
      else return bad(raw);
      if (!Number.isFinite(n) || (spec.type === 'int' && !Number.isInteger(n))) return bad(raw);
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
        return { code: 'OUT_OF_RANGE', value: String(raw), range: `${spec.min ?? '-∞'}–${spec.max ?? '∞'}` };
      }
      return n;
    }
    case 'bool':
      if (typeof raw === 'boolean') return raw;
      if (raw === 1 || raw === 0) return raw === 1;
      if (typeof raw === 'string') {
        const t = raw.trim().toLowerCase();
        if (t === 'true' || t === '1' || t === 'yes') return true;
        if (t === 'false' || t === '0' || t === 'no') return false;
      }
      return bad(raw);
    case 'timestamp': {
      if (typeof raw !== 'string') return bad(raw);
      const ms = parseTimestamp(raw.trim(), zone);
      return ms === null ? bad(raw) : ms;
    }
    case 'date':
      if (typeof raw === 'string' && parseDateParts(raw.trim()) !== null) return raw.trim();
      return bad(raw);
  }
}

/** True when a coercion failed. */
export function isFailure(value: TypedValue | CoerceFailure): value is CoerceFailure {
  return value !== null && typeof value === 'object';
}

function bad(raw: unknown): CoerceFailure {
  return { code: 'BAD_VALUE', value: typeof raw === 'string' ? raw : JSON.stringify(raw) };
}
