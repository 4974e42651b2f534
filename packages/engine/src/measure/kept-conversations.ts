import { type MakeValues, shapeOf } from '@scorebook/source';

// The accepted conversations' values, kept as columns while the conversations are read, so that
// the measure stage can take them again without reading the files a second time
// (`docs/scale.md` §1, the conversations kept): a row's values come back as the typer gave
// them — the same keys in the same order, equal texts, the same numbers bit for bit, the same
// yes/no and nulls. Keeping gives up (and lets every column go) as soon as it could not give a
// row back exactly, or would hold more than its limits; the run then reads the files again.
// The columns are on shared memory, so that worker threads take rows from them without a copy.

/** How much is kept at most (`spill.conversationsInMemory` of `evaluate`). */
export interface KeptLimits {
  /** Conversations kept at most; one more gives up. */
  rows: number;
  /** Distinct texts of one field kept at most (a field of free text gives up). */
  texts: number;
}

/** The distinct texts one field keeps at most by default: 65,536. */
export const KEPT_TEXTS = 2 ** 16;

// A value's kind, per row and field.
const NULL = 0;
const FALSE = 1;
const TRUE = 2;
const NUMBER = 3;
const TEXT = 4;

/** One field's values, row by row: a kind, and a number or the code of a text. Plain data. */
export interface KeptColumn {
  kinds: Uint8Array;
  /** Null until a number is kept. */
  numbers: Float64Array | null;
  /** Null until a text is kept; `texts[code]`. */
  codes: Int32Array | null;
  texts: string[];
}

/**
 * The kept rows as plain data, their columns on shared memory: what a worker thread is given.
 * Per file (by its index in the run's file list): its keys in order, and for each the name of
 * its column (null for the id field, which the conversation index holds).
 */
export interface KeptColumns {
  size: number;
  columns: Record<string, KeptColumn>;
  files: Array<[file: number, keys: string[], columns: Array<string | null>]>;
}

/**
 * The values of the accepted conversations rows, in the order they were accepted (the
 * conversation index's order). A file's rows all have the keys of its first row kept, in that
 * order (the typer gives every record of a CSV or xlsx file one shape); the id field is not kept.
 */
export class KeptConversations {
  readonly #limits: KeptLimits;
  readonly #idField: string;
  #columns: Map<string, KeptColumn> | null = new Map();
  #codes: Map<KeptColumn, Map<string, number>> = new Map();
  #files = new Map<number, { keys: string[]; columns: Array<KeptColumn | null> }>();
  #size = 0;
  #capacity: number;

  /** `expected`: about how many rows will be kept (an estimate; it only sizes the columns). */
  constructor(limits: KeptLimits, idField: string, expected: number) {
    this.#limits = limits;
    this.#idField = idField;
    this.#capacity = Math.max(1024, Math.min(expected, limits.rows));
  }

  /** True while every row kept so far can be given back; false once keeping gave up. */
  get usable(): boolean {
    return this.#columns !== null;
  }

  /** Keeps the values of the next accepted row, read from file `file`. */
  keep(values: Record<string, unknown>, file: number): void {
    const columns = this.#columns;
    if (columns === null) return;
    const i = this.#size;
    if (i >= this.#limits.rows || Object.getPrototypeOf(values) !== Object.prototype) {
      this.#giveUp();
      return;
    }
    let layout = this.#files.get(file);
    if (layout === undefined) {
      const keys = Object.keys(values);
      // A key that an object literal would read as the prototype cannot be given back as a key.
      if (keys.includes('__proto__')) {
        this.#giveUp();
        return;
      }
      layout = { keys, columns: keys.map((k) => (k === this.#idField ? null : this.#column(k))) };
      this.#files.set(file, layout);
    }
    if (i === this.#capacity) this.#grow(this.#capacity * 2);
    const { keys } = layout;
    let count = 0;
    for (const key in values) {
      // The same keys as the file's first row, in the same order.
      if (keys[count] !== key) {
        this.#giveUp();
        return;
      }
      const column = layout.columns[count];
      count++;
      if (column === null || column === undefined) continue;
      if (!this.#set(column, i, values[key])) {
        this.#giveUp();
        return;
      }
    }
    if (count !== keys.length) {
      this.#giveUp();
      return;
    }
    this.#size = i + 1;
  }

  /** The rows kept, as plain data on shared memory; null when keeping gave up. */
  columns(): KeptColumns | null {
    const columns = this.#columns;
    if (columns === null) return null;
    const names = new Map([...columns].map(([name, column]) => [column, name]));
    return {
      size: this.#size,
      columns: Object.fromEntries(columns),
      files: [...this.#files].map(([file, { keys, columns: of }]) => [
        file,
        keys,
        of.map((c) => (c === null ? null : (names.get(c) ?? null))),
      ]),
    };
  }

  #set(column: KeptColumn, i: number, value: unknown): boolean {
    if (value === null) column.kinds[i] = NULL;
    else if (value === true) column.kinds[i] = TRUE;
    else if (value === false) column.kinds[i] = FALSE;
    else if (typeof value === 'number') {
      column.numbers ??= sharedFloat64(column.kinds.length);
      column.numbers[i] = value;
      column.kinds[i] = NUMBER;
    } else if (typeof value === 'string') {
      const codes = this.#codes.get(column) as Map<string, number>;
      let code = codes.get(value);
      if (code === undefined) {
        if (column.texts.length >= this.#limits.texts) return false;
        code = column.texts.push(value) - 1;
        codes.set(value, code);
      }
      column.codes ??= sharedInt32(column.kinds.length);
      column.codes[i] = code;
      column.kinds[i] = TEXT;
    } else return false;
    return true;
  }

  #column(key: string): KeptColumn {
    const columns = this.#columns as Map<string, KeptColumn>;
    let column = columns.get(key);
    if (column === undefined) {
      column = { kinds: sharedBytes(this.#capacity), numbers: null, codes: null, texts: [] };
      columns.set(key, column);
      this.#codes.set(column, new Map());
    }
    return column;
  }

  #grow(capacity: number): void {
    for (const column of (this.#columns as Map<string, KeptColumn>).values()) {
      column.kinds = copied(sharedBytes(capacity), column.kinds);
      if (column.numbers !== null) column.numbers = copied(sharedFloat64(capacity), column.numbers);
      if (column.codes !== null) column.codes = copied(sharedInt32(capacity), column.codes);
    }
    this.#capacity = capacity;
  }

  #giveUp(): void {
    this.#columns = null;
    this.#codes = new Map();
    this.#files = new Map();
  }
}

/** Row `i` of kept columns, taken back on any thread: a fresh values object each time. */
export class KeptRows {
  readonly size: number;
  readonly #files: Map<number, { make: MakeValues; columns: Array<KeptColumn | null> }>;
  readonly #scratch: unknown[] = [];

  constructor(kept: KeptColumns) {
    this.size = kept.size;
    this.#files = new Map(
      kept.files.map(([file, keys, names]) => [
        file,
        {
          // The keys were checked when kept: none is `__proto__`.
          make: shapeOf(keys) as MakeValues,
          columns: names.map((n) => (n === null ? null : (kept.columns[n] ?? null))),
        },
      ]),
    );
  }

  /** The values of row `i`, read from file `file`, whose id is `id`. */
  valuesAt(i: number, file: number, id: string): Record<string, unknown> {
    const layout = this.#files.get(file);
    if (layout === undefined) throw new Error(`no conversation was kept from file ${file}`);
    const { make, columns } = layout;
    const scratch = this.#scratch;
    for (let k = 0; k < columns.length; k++) {
      const column = columns[k];
      scratch[k] = column === null || column === undefined ? id : keptValue(column, i);
    }
    return make(scratch);
  }
}

function keptValue(column: KeptColumn, i: number): string | number | boolean | null {
  switch (column.kinds[i]) {
    case TRUE:
      return true;
    case FALSE:
      return false;
    case NUMBER:
      return (column.numbers as Float64Array)[i] as number;
    case TEXT:
      return column.texts[(column.codes as Int32Array)[i] as number] as string;
    default:
      return null;
  }
}

function sharedBytes(n: number): Uint8Array {
  return new Uint8Array(new SharedArrayBuffer(n));
}

function sharedInt32(n: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(n * 4));
}

function sharedFloat64(n: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(n * 8));
}

function copied<T extends Uint8Array | Int32Array | Float64Array>(to: T, from: T): T {
  to.set(from);
  return to;
}
