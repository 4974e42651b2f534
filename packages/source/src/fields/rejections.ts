import { type Bilingual, defineCatalogue } from '@scorebook/problems';

const q = (v: string) => `"${v}"`;

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
    zh: (p: { field: string; value: string; type: string; formats: string }) =>
      `字段 ${p.field} 的值 ${q(p.value)} 不是有效的${p.formats ? `${plainZh(p.type)}(不符合任何一种格式:${p.formats})` : typeZh(p.type)}`,
    en: (p: { field: string; value: string; type: string; formats: string }) =>
      `field ${p.field}: ${q(p.value)} is not a valid ${p.type}${p.formats ? ` (it matches none of the formats: ${p.formats})` : p.type === 'timestamp' ? ' (ISO 8601; give a format in source.yaml for other spellings)' : ''}`,
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
    zh: (p: { field: string; value: string; allowed: string; column: string }) =>
      `字段 ${p.field} 的值 ${q(p.value)} 不是允许的值(${p.allowed})。在 source.yaml 中用 map 对照,例如:${p.field}: { column: ${p.column}, map: { ${p.value}: … } }`,
    en: (p: { field: string; value: string; allowed: string; column: string }) =>
      `field ${p.field}: ${q(p.value)} is not one of ${p.allowed}. Map it in source.yaml, e.g. ${p.field}: { column: ${p.column}, map: { ${p.value}: … } }`,
  },
});

/** A permanent code of a value that cannot be read. */
export type ValueRejectionCode = keyof typeof VALUE_REJECTIONS;

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
