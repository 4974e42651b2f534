/** Column types the SQL engine stores, by what they hold. */
export type SqlType = 'integer' | 'bigint' | 'double' | 'text' | 'boolean';

/**
 * What the generated SQL needs from a warehouse, and nothing more: every statement the SQL
 * engine runs is written through one of these (`docs/scale.md` §6 says what changes for
 * ClickHouse, Spark SQL and Trino). Every method returns SQL text.
 */
export interface SqlDialect {
  readonly name: string;
  /** A quoted identifier. */
  ident(name: string): string;
  /** A string literal. */
  text(value: string): string;
  /** A double literal that reads back as exactly `value` (a finite number). */
  double(value: number): string;
  /** A boolean literal. */
  bool(value: boolean): string;
  /** The column type of a kind of value. */
  type(type: SqlType): string;
  /** `value` as a double. */
  toDouble(value: string): string;
  /** The count of rows where `condition` holds, as an aggregate. */
  countIf(condition: string): string;
  /** The sum of `value` over rows where `condition` holds (0 when none), as an aggregate. */
  sumIf(value: string, condition: string): string;
  /**
   * The sum of `value` added one row at a time in the order of `order`, from 0, as an aggregate:
   * the same double the TypeScript engine's running sum gives.
   */
  orderedSum(value: string, order: string): string;
  /** The values of `value` as a list sorted ascending, as an aggregate. */
  sortedList(value: string): string;
  /** The element at a 1-based `index` of a list. */
  listAt(list: string, index: string): string;
  /** Floor of a double, as a 64-bit integer. */
  floor(value: string): string;
  /** True when the text `text` contains the text `part` (code point for code point). */
  containsText(text: string, part: string): string;
  /** True when `a` and `b` differ, a null differing from every value but null (never null). */
  distinctFrom(a: string, b: string): string;
  /** True when `value` is true on some row, as an aggregate (null when no row has a value). */
  boolOr(value: string): string;
}

/** DuckDB (1.x): the engine `evaluate --engine duckdb` runs on. */
export const DUCKDB: SqlDialect = {
  name: 'duckdb',
  ident: (name) => `"${name.replaceAll('"', '""')}"`,
  text: (value) => `'${value.replaceAll("'", "''")}'`,
  // A decimal literal such as 0.1 is a DECIMAL in DuckDB: the shortest round-trip text, cast.
  double: (value) => `CAST('${Object.is(value, -0) ? '-0.0' : String(value)}' AS DOUBLE)`,
  bool: (value) => (value ? 'TRUE' : 'FALSE'),
  type: (type) =>
    ({ integer: 'INTEGER', bigint: 'BIGINT', double: 'DOUBLE', text: 'VARCHAR', boolean: 'BOOLEAN' })[type],
  toDouble: (value) => `CAST(${value} AS DOUBLE)`,
  countIf: (condition) => `count(*) FILTER (WHERE ${condition})`,
  sumIf: (value, condition) => `coalesce(sum(${value}) FILTER (WHERE ${condition}), 0)`,
  orderedSum: (value, order) => `sum(${value} ORDER BY ${order})`,
  sortedList: (value) => `list_sort(list(${value}))`,
  listAt: (list, index) => `${list}[${index}]`,
  floor: (value) => `CAST(floor(${value}) AS BIGINT)`,
  containsText: (text, part) => `contains(${text}, ${part})`,
  distinctFrom: (a, b) => `${a} IS DISTINCT FROM ${b}`,
  boolOr: (value) => `bool_or(${value})`,
};
