import { defineCatalogue } from '@scorebook/problems';

const q = (v: string) => `"${v}"`;

/**
 * Problems of the `custom` tables of a source (`docs/custom-tables.md`), found after the schema
 * with their position in `source.yaml`. Codes are permanent.
 */
export const CUSTOM_TABLE_ERRORS = defineCatalogue({
  CUSTOM_TABLE_NAME: {
    zh: (p: { table: string; reserved: boolean }) =>
      p.reserved
        ? `自定义表不能叫 ${q(p.table)}:这是数据合同中的表,请在 tables 下描述它。自定义表的名称以 x_ 开头,例如 x_${p.table}。`
        : `自定义表的名称 ${q(p.table)} 不可用:名称以 x_ 开头,其后是小写字母、数字和 _(最多 64 个字符),例如 x_group_members。`,
    en: (p: { table: string; reserved: boolean }) =>
      p.reserved
        ? `A custom table cannot be named ${q(p.table)}: that is a table of the data contract; describe it under tables. Custom table names start with x_, such as x_${p.table}.`
        : `The custom table name ${q(p.table)} cannot be used: names start with x_, then lower-case letters, digits and _ (64 characters at most), such as x_group_members.`,
  },
  CUSTOM_KEY_FIELD_UNDECLARED: {
    zh: (p: { table: string; key: string; field: string; fields: string }) =>
      `自定义表 ${p.table} 的 ${p.key} 指向字段 ${q(p.field)},但 fields 中没有它。已声明的字段:${p.fields}。`,
    en: (p: { table: string; key: string; field: string; fields: string }) =>
      `The ${p.key} of the custom table ${p.table} names the field ${q(p.field)}, which its fields do not declare. Declared: ${p.fields}.`,
  },
  CUSTOM_KEY_FIELD_TYPE: {
    zh: (p: { table: string; key: string; field: string; type: string; need: string }) =>
      `自定义表 ${p.table} 的 ${p.key} 字段 ${p.field} 的类型是 ${p.type},需要 ${p.need}。`,
    en: (p: { table: string; key: string; field: string; type: string; need: string }) =>
      `The ${p.key} field ${p.field} of the custom table ${p.table} is of type ${p.type}; it must be ${p.need}.`,
  },
  CUSTOM_KEY_FIELD_OPTIONAL: {
    zh: (p: { table: string; key: string; field: string }) =>
      `自定义表 ${p.table} 的 ${p.key} 字段 ${p.field} 总是必填的;请删除 required: false。`,
    en: (p: { table: string; key: string; field: string }) =>
      `The ${p.key} field ${p.field} of the custom table ${p.table} is always required; remove required: false.`,
  },
  CUSTOM_KEY_FIELDS_SAME: {
    zh: (p: { table: string; field: string; keys: string }) =>
      `自定义表 ${p.table} 的 ${p.keys} 都指向字段 ${p.field};id、agent 和 time 须是三个不同的字段。`,
    en: (p: { table: string; field: string; keys: string }) =>
      `The ${p.keys} of the custom table ${p.table} all name the field ${p.field}; id, agent and time must be three different fields.`,
  },
  CUSTOM_BOUNDS_NOT_NUMERIC: {
    zh: (p: { table: string; field: string; type: string }) =>
      `${p.table}.${p.field} 的类型是 ${p.type};min 和 max 只用于 int 和 number 字段。`,
    en: (p: { table: string; field: string; type: string }) =>
      `${p.table}.${p.field} is of type ${p.type}; min and max are for int and number fields only.`,
  },
  CUSTOM_BOUNDS_REVERSED: {
    zh: (p: { table: string; field: string; min: number; max: number }) =>
      `${p.table}.${p.field} 的 min(${p.min})大于 max(${p.max}),没有值能通过。`,
    en: (p: { table: string; field: string; min: number; max: number }) =>
      `${p.table}.${p.field} has min ${p.min} above max ${p.max}: no value could pass.`,
  },
  CUSTOM_VALUES_NOT_TEXT: {
    zh: (p: { table: string; field: string; type: string }) =>
      `${p.table}.${p.field} 的类型是 ${p.type};values(封闭取值表)只用于 string 字段。`,
    en: (p: { table: string; field: string; type: string }) =>
      `${p.table}.${p.field} is of type ${p.type}; values (a closed vocabulary) are for string fields only.`,
  },
});

/** A permanent code of a custom table's declaration. */
export type CustomTableErrorCode = keyof typeof CUSTOM_TABLE_ERRORS;
