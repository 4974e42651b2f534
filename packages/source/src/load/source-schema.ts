import { type FieldType, INPUT_TABLES, type InputTableName } from '@scorebook/contract';
import { THOUSANDS_SEPARATORS, type ThousandsSeparator } from '../fields/number-format.ts';
import { EXTRA_FIELD_TYPES, type ExtraFieldType, type MappedValue } from '../model.ts';
import { ENCODING_ALIASES, ENCODINGS, type Encoding } from '../read/file-items.ts';

const text = { type: 'string', minLength: 1 } as const;
const mappedValue = {
  type: ['string', 'number', 'boolean', 'null'],
  description: '字段的取值(文本、数字、布尔值;null 表示缺失)/ the typed value (null = missing)',
} as const;

const field = {
  type: ['string', 'object'],
  minLength: 1,
  additionalProperties: false,
  description: '列名,或 {column, map, format, number, type} / the column, or how to read it',
  properties: {
    column: { ...text, description: '导出文件中的列名(或 JSON 键)/ the column (or JSON key)' },
    map: {
      type: 'object',
      additionalProperties: mappedValue,
      description:
        '取值对照表,必须完整:未列出的非空值被拒绝 / value map, total: a value not listed is a rejected row',
    },
    format: {
      type: ['string', 'array'],
      minLength: 1,
      minItems: 1,
      items: text,
      description:
        '时间格式:luxon 记号(如 "yyyy/M/d H:mm:ss")、excel、unix_s、unix_ms,或按顺序尝试的列表 / timestamp format(s)',
    },
    number: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      description:
        '数字的写法:千位分隔符,以及数值前后要去掉的货币符号或单位 / how numbers are written: a thousands separator, and currency signs or units to remove before or after the number',
      properties: {
        thousands: {
          enum: [...THOUSANDS_SEPARATORS],
          description: '千位分隔符(三位一组之间)/ the separator between groups of three digits',
        },
        strip: {
          type: 'array',
          minItems: 1,
          items: text,
          description:
            '数值前或后去掉的文字(每端至多一个),如 ¥、元 / texts removed before or after the number (at most one at each end), e.g. ¥, 元',
        },
      },
    },
    type: {
      enum: [...EXTRA_FIELD_TYPES],
      description: '额外字段的类型 / the type of an extra field',
    },
  },
} as const;

const tableSource = {
  type: 'object',
  additionalProperties: false,
  properties: {
    files: {
      type: 'array',
      minItems: 1,
      items: text,
      description:
        '文件通配符,相对数据目录,按字典序读取 / globs relative to the data folder, read in lexical order',
    },
    encoding: {
      enum: [...ENCODINGS, ...Object.keys(ENCODING_ALIASES)],
      description:
        '文本编码,默认 utf-8;gbk、gb2312 按其超集 gb18030 读取 / text encoding, default utf-8; gbk and gb2312 are read as their superset gb18030',
    },
    header_row: {
      type: 'integer',
      minimum: 1,
      description: '表头所在行(从 1 开始),其上的标题行被跳过 / 1-based row of the header',
    },
    sheet: { ...text, description: 'xlsx 工作表名,默认第一个 / the xlsx sheet, default the first' },
    fields: {
      type: 'object',
      description: '合同字段(或额外字段)← 列 / contract (or extra) field ← column',
      additionalProperties: field,
    },
  },
} as const;

const customField = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  description: '自定义表的字段:列、类型、是否必填、范围或取值 / a field of a custom table',
  properties: {
    column: {
      ...text,
      description: '列名(或 JSON 键),默认字段名 / the column (or JSON key), default the name',
    },
    type: {
      enum: ['id', 'string', 'int', 'number', 'bool', 'timestamp', 'date'],
      description: '字段类型 / the field type',
    },
    required: {
      type: 'boolean',
      description: '必填:空值的行被拒绝 / required: a row without it is rejected',
    },
    min: { type: 'number', description: '数值下限(含)/ inclusive lower bound of a number' },
    max: { type: 'number', description: '数值上限(含)/ inclusive upper bound of a number' },
    values: {
      type: 'array',
      minItems: 1,
      items: text,
      description: '封闭取值表:其他值的行被拒绝 / a closed vocabulary: any other value is a rejected row',
    },
    map: field.properties.map,
    format: field.properties.format,
    number: field.properties.number,
    title: {
      ...text,
      description:
        "字段的中文标题,报告网站的列名 / the field's Chinese title, its column heading on the site",
    },
    title_en: {
      ...text,
      description: "字段的英文标题,默认 title / the field's English title, default its title",
    },
  },
} as const;

const customTable = {
  type: 'object',
  required: ['files', 'id', 'agent', 'time', 'fields'],
  additionalProperties: false,
  properties: {
    title: { ...text, description: "表的中文名 / the table's title" },
    files: tableSource.properties.files,
    encoding: tableSource.properties.encoding,
    header_row: tableSource.properties.header_row,
    sheet: tableSource.properties.sheet,
    id: { ...text, description: '唯一 id 字段 / the unique id field' },
    agent: { ...text, description: '客服字段(agent_id)/ the field naming the agent' },
    time: { ...text, description: '时间字段,决定行所属期间 / the field that places a row in a period' },
    fields: {
      type: 'object',
      minProperties: 1,
      description: '字段 ← 列与类型 / field ← column and type',
      additionalProperties: customField,
    },
  },
} as const;

/** A field of a custom table in `source.yaml` as {@link SOURCE_SCHEMA} admits it. */
export interface CustomFieldDocument {
  column?: string;
  type: FieldType;
  required?: boolean;
  min?: number;
  max?: number;
  values?: string[];
  map?: Record<string, MappedValue>;
  format?: string | string[];
  number?: NumberDocument;
  title?: string;
  title_en?: string;
}

/** A custom table in `source.yaml` as {@link SOURCE_SCHEMA} admits it. */
export interface CustomTableDocument {
  title?: string;
  files: string[];
  encoding?: Encoding | string;
  header_row?: number;
  sheet?: string;
  id: string;
  agent: string;
  time: string;
  fields: Record<string, CustomFieldDocument>;
}

/** A field's `number:` in `source.yaml` as {@link SOURCE_SCHEMA} admits it. */
export interface NumberDocument {
  thousands?: ThousandsSeparator;
  strip?: string[];
}

/** A field's entry in `source.yaml` as {@link SOURCE_SCHEMA} admits it: a column, or how to read it. */
export type FieldDocument =
  | string
  | {
      column?: string;
      map?: Record<string, MappedValue>;
      format?: string | string[];
      number?: NumberDocument;
      type?: ExtraFieldType;
    };

/** A table's entry in `source.yaml` as {@link SOURCE_SCHEMA} admits it. */
export interface TableDocument {
  files?: string[];
  /** An encoding, or one of its aliases (`ENCODING_ALIASES`). */
  encoding?: Encoding | string;
  header_row?: number;
  sheet?: string;
  fields?: Record<string, FieldDocument>;
}

/**
 * A `source.yaml` that matches {@link SOURCE_SCHEMA}: what its validator's declaration promises.
 * Change the two together.
 */
export interface SourceDocument {
  scorebook: 1;
  kind: 'source';
  id?: string;
  timezone?: string;
  ignore?: string[];
  tables?: { [T in InputTableName]?: TableDocument };
  /** Custom tables by name (the name's form is checked after the schema). */
  custom?: Record<string, CustomTableDocument>;
}

/**
 * The JSON Schema (2020-12) of `source.yaml` (`docs/contract/source-format.md`). Meaning-level rules (types of
 * map values, formats, globs, timezone) are checked after it, with positions. Published as
 * `configs/schema/source.schema.json` for editors.
 */
export const SOURCE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://scorebook.dev/schema/source.schema.json',
  title: 'Scorebook data source (数据来源)',
  type: 'object',
  required: ['scorebook', 'kind'],
  additionalProperties: false,
  properties: {
    scorebook: { const: 1, description: '格式版本,固定为 1 / format version, always 1' },
    kind: { const: 'source', description: '固定为 source / always source' },
    id: { ...text, description: '来源标签,记录在结果中 / a label, recorded in provenance' },
    timezone: {
      ...text,
      description:
        '不带时差的时间按此 IANA 时区读取,默认策略的时区 / timestamps without an offset are read in this timezone',
    },
    ignore: {
      type: 'array',
      items: text,
      description: '不属于任何表的文件(通配符)/ files of the data folder that belong to no table',
    },
    tables: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(INPUT_TABLES.map((table) => [table, tableSource])),
      description: '各表的读法 / how each table is read',
    },
    custom: {
      type: 'object',
      additionalProperties: customTable,
      description:
        '数据合同之外的表(名称以 x_ 开头),如社群成员 / tables the contract does not know (names start with x_)',
    },
  },
} as const;
