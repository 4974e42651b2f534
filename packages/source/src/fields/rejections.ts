import { type Bilingual, defineCatalogue } from '@scorebook/problems';
import { quoteValue as q } from './quote-value.ts';

/**
 * Why a value of a record cannot be read (each makes the record a rejected row). Codes are
 * permanent; they appear in `rejected.json`.
 */
export const VALUE_REJECTIONS = defineCatalogue({
  MISSING_FIELD: {
    zh: (p: { field: string; why?: Bilingual }) => `缺少必填字段 ${p.field}${p.why ? `(${p.why.zh})` : ''}`,
    en: (p: { field: string; why?: Bilingual }) =>
      `required field ${p.field} is missing${p.why ? ` (${p.why.en})` : ''}`,
  },
  BAD_VALUE: {
    zh: (p: BadValue) =>
      `${p.column ? `列 ${p.column}(字段 ${p.field})` : `字段 ${p.field}`} 的值 ${q(p.value)} 不是有效的${p.formats ? `${plainZh(p.type)}(不符合任何一种格式:${p.formats})` : typeZh(p.type)}。${badValueStepZh(p)}`,
    en: (p: BadValue) =>
      `${p.column ? `column ${p.column} (field ${p.field})` : `field ${p.field}`}: ${q(p.value)} is not a valid ${p.type}${p.formats ? ` (it matches none of the formats: ${p.formats})` : p.type === 'timestamp' ? ' (ISO 8601; give a format in source.yaml for other spellings)' : ''}. ${badValueStepEn(p)}`,
  },
  OUT_OF_RANGE: {
    zh: (p: { field: string; value: string; range: string }) =>
      `字段 ${p.field} 的值 ${p.value} 超出范围 ${p.range}`,
    en: (p: { field: string; value: string; range: string }) =>
      `field ${p.field}: ${p.value} is outside ${p.range}`,
  },
  UNMAPPED_VALUE: {
    zh: (p: { field: string; column: string; value: string; keys: string }) =>
      `列 ${p.column} 的值 ${q(p.value)} 不在 ${p.field} 的 map 中(map 的键:${p.keys})。请在 source.yaml 的 map 中加上它。`,
    en: (p: { field: string; column: string; value: string; keys: string }) =>
      `the value ${q(p.value)} of column ${p.column} is not in the map of ${p.field} (keys: ${p.keys}). Add it to the map in source.yaml.`,
  },
  NOT_ALLOWED_VALUE: {
    zh: (p: { table: string; field: string; value: string; allowed: string; column: string }) =>
      `字段 ${p.field} 的值 ${q(p.value)} 不是允许的值(${p.allowed})。如果这是导出中的另一种写法,在数据目录的 source.yaml(没有时运行 scorebook source init 起草)中用 map 对照,例如:tables: { ${p.table}: { fields: { ${p.field}: { column: ${p.column}, map: { ${yamlKey(p.value)}: TODO } } } } },再把 TODO 换成允许的值之一`,
    en: (p: { table: string; field: string; value: string; allowed: string; column: string }) =>
      `field ${p.field}: ${q(p.value)} is not one of ${p.allowed}. If the export spells a value its own way, map it in the data folder's source.yaml (draft one with scorebook source init when there is none), e.g. tables: { ${p.table}: { fields: { ${p.field}: { column: ${p.column}, map: { ${yamlKey(p.value)}: TODO } } } } }, with TODO replaced by one of the allowed values`,
  },
});

/** What `BAD_VALUE` says: the field, and its column when the caller names it. */
interface BadValue {
  field: string;
  /** The export's column the value came from. */
  column?: string;
  value: string;
  type: string;
  /** The field's formats in source.yaml, `a | b`; empty without one. */
  formats: string;
  /** A number or int field: its `number:` option as flow YAML (null without one), and the lines that would read the value (null when none would). */
  number?: { now: string | null; fix: string | null };
}

/** A permanent code of a value that cannot be read. */
export type ValueRejectionCode = keyof typeof VALUE_REJECTIONS;

/** A map key as flow YAML writes it: quoted when it is not plain text. */
function yamlKey(value: string): string {
  return /^[\p{L}\p{N}_][\p{L}\p{N}_ -]*$/u.test(value) &&
    !/^(true|false|null|yes|no|~|[-\d.]+)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

// What to do about a value that cannot be read: a time or date by its format, anything else by its cell or a map.
function badValueStepZh(p: BadValue): string {
  if (p.type === 'timestamp' || p.type === 'date')
    return p.formats
      ? `请改正导出中的这个值;若它是导出的另一种写法,把这种写法加到 source.yaml 中 ${p.field} 的 format 列表。`
      : `请改正导出中的这个值;若导出都这样写,在 source.yaml 中为 ${p.field} 写出 format(例如 yyyy/MM/dd HH:mm:ss)。`;
  if (p.number !== undefined) {
    const now = p.number.now === null ? '' : `(不符合 ${p.field} 的 number 写法 ${p.number.now})`;
    return p.number.fix === null
      ? `${now}请改正导出中的这个值;数字可以带千位分隔符、货币符号或单位,见 source.yaml 字段的 number 选项(docs/sources.md)。`
      : `${now}它像是带千位分隔符、货币符号或单位的写法:若导出都这样写,在 source.yaml 中写出 ${p.number.fix}(金额不能用 map 一一对照)。`;
  }
  return `请改正导出中的这个值,或在 source.yaml 中用 ${p.field} 的 map 把这种写法对照到有效的值。`;
}

function badValueStepEn(p: BadValue): string {
  if (p.type === 'timestamp' || p.type === 'date')
    return p.formats
      ? `Correct the value in the export; if the export spells it this way, add that spelling to the format list of ${p.field} in source.yaml.`
      : `Correct the value in the export; if the export writes them all this way, give ${p.field} a format in source.yaml (e.g. yyyy/MM/dd HH:mm:ss).`;
  if (p.number !== undefined) {
    const now =
      p.number.now === null ? '' : `(it does not fit the number option of ${p.field}, ${p.number.now}) `;
    return p.number.fix === null
      ? `${now}Correct the value in the export; numbers may carry a thousands separator, a currency sign or a unit: see the number option of a field in source.yaml (docs/sources.md).`
      : `${now}It looks like a number with a thousands separator, a currency sign or a unit: if the export writes them all this way, write ${p.number.fix} in source.yaml (a map cannot list every amount).`;
  }
  return `Correct the value in the export, or map this spelling to a valid value with a map on ${p.field} in source.yaml.`;
}

function plainZh(type: string): string {
  return ({ timestamp: '时间', date: '日期' } as Record<string, string>)[type] ?? typeZh(type);
}

function typeZh(type: string): string {
  const names: Record<string, string> = {
    id: '标识',
    string: '文本',
    int: '整数',
    number: '数字',
    bool: '布尔值(true/false、1/0、yes/no)',
    timestamp: '时间戳(ISO 8601)',
    date: '日期(YYYY-MM-DD)',
  };
  return names[type] ?? type;
}
