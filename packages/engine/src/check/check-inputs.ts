import type { InputTableName } from '@scorebook/contract';
import { messageOf, type Problem } from '@scorebook/problems';
import { RUN_ERRORS } from '../errors.ts';
import type { Inputs } from '../read/read-inputs.ts';
import type { PolicyNeeds } from './policy-needs.ts';

/**
 * A field the policy reads that no file of its table has (`docs/contract/source-format.md`, rule 3), for the
 * tables given (those whose files have all been looked at). Fields of absent tables are not
 * checked: an absent table is rule 4's.
 */
export function fieldsNotInData(
  inputs: Inputs,
  needs: PolicyNeeds,
  tables: ReadonlySet<InputTableName>,
): Problem[] {
  const problems: Problem[] = [];
  for (const { table, field, uses } of needs.fields.values()) {
    const input = inputs.tables[table];
    const [first] = input.files;
    if (!tables.has(table) || first === undefined || input.typer.present.has(field)) continue;
    problems.push({
      code: 'FIELD_NOT_IN_DATA',
      severity: 'error',
      message: messageOf(RUN_ERRORS, 'FIELD_NOT_IN_DATA', {
        table,
        field,
        uses: uses.join('; '),
        files: input.files.map((f) => f.name).join(', '),
      }),
      file: first.name,
      line: null,
      column: null,
    });
  }
  return problems;
}

/**
 * A metric no scorecard uses (shown for information only) that reads a field no file of its table
 * has: a warning per metric, since its value treats the missing column as empty everywhere (a
 * transfer rate of 0 % without a transfer column). Metrics of tables without files have no data
 * and are not named; a distinct count of a missing field has no data either (docs/messages.md).
 */
export function infoFieldsNotInData(
  inputs: Inputs,
  needs: PolicyNeeds,
  noData: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  for (const [metric, reads] of needs.inputsOf) {
    if (needs.metrics.has(metric) || noData.has(metric)) continue;
    const missing = [
      ...new Set(
        reads.fields
          .filter(([table, field]) => {
            const input = inputs.tables[table];
            return input.files.length > 0 && !input.typer.present.has(field);
          })
          .map(([table, field]) => `${table}.${field}`),
      ),
    ];
    if (missing.length === 0) continue;
    problems.push(
      runProblem(
        'INFO_METRIC_FIELD_NOT_IN_DATA',
        'warning',
        messageOf(RUN_ERRORS, 'INFO_METRIC_FIELD_NOT_IN_DATA', { metric, fields: missing.join(', ') }),
      ),
    );
  }
  return problems;
}

/**
 * A required contract field that no record of a JSON Lines table has as a key (the JSON Lines
 * side of `REQUIRED_COLUMN_MISSING`): one problem per table, naming every such field, the keys
 * the records do have and the `fields:` lines to write, instead of one rejected row per record.
 * For the tables given (those read from JSON Lines files and read through); also returns the
 * tables concerned.
 */
export function requiredKeysMissing(
  inputs: Inputs,
  tables: ReadonlySet<InputTableName>,
): { problems: Problem[]; tables: Set<InputTableName> } {
  const problems: Problem[] = [];
  const keyless = new Set<InputTableName>();
  for (const table of tables) {
    const input = inputs.tables[table];
    const [first] = input.files;
    if (first === undefined || input.rows === 0) continue;
    const missing = input.typer.fields.filter(
      (f) => f.contract && f.required && !input.typer.present.has(f.name),
    );
    if (missing.length === 0) continue;
    keyless.add(table);
    const fix = `tables:\n  ${table}:\n    fields:\n${missing.map((f) => `      ${f.name}: <key>`).join('\n')}`;
    problems.push({
      code: 'REQUIRED_KEY_MISSING',
      severity: 'error',
      message: messageOf(RUN_ERRORS, 'REQUIRED_KEY_MISSING', {
        table,
        fields: missing.map((f) => f.name).join(', '),
        keys: [...input.typer.present].filter((k) => !missing.some((f) => f.name === k)).join(', ') || '—',
        files: input.files.map((f) => f.name).join(', '),
        fix,
      }),
      file: first.name,
      line: null,
      column: null,
    });
  }
  return { problems, tables: keyless };
}

/**
 * A table the scored metrics of the scorecards in use need that has no file
 * (`docs/contract/source-format.md`, rule 4), unless allowed to be missing; and a table only
 * adjustments, eligibility or vetoes of the scorecards in use need that source.yaml lists with
 * `files` globs matching no file (a download that went missing, not a table the company lacks:
 * `DECLARED_TABLE_NO_FILES`), unless allowed to be missing. (Such a table that source.yaml does not
 * list is {@link tablesAbsentForRules}'s warning; a table only scorecards no agent is on need is
 * {@link tablesOfUnusedScorecards}'s.) `inUse`: the ids of the scorecards some accepted agent is on.
 */
export function tablesAbsent(
  inputs: Inputs,
  needs: PolicyNeeds,
  allowMissing: ReadonlySet<string>,
  inUse: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  for (const [table, uses] of needs.scoredTables) {
    if (inputs.tables[table].files.length > 0 || allowMissing.has(table)) continue;
    if (needOf(needs, table, inUse) !== 'scored') continue;
    problems.push(
      runProblem(
        'TABLE_ABSENT',
        'error',
        messageOf(RUN_ERRORS, 'TABLE_ABSENT', { table, uses: uses.join('; ') }),
      ),
    );
  }
  for (const [table, uses] of needs.tables) {
    const input = inputs.tables[table];
    const globs = input.reading?.files ?? null;
    if (input.files.length > 0 || allowMissing.has(table) || globs === null) continue;
    if (needOf(needs, table, inUse) !== 'rules') continue;
    problems.push(
      runProblem(
        'DECLARED_TABLE_NO_FILES',
        'error',
        messageOf(RUN_ERRORS, 'DECLARED_TABLE_NO_FILES', {
          table,
          globs: globs.join(', '),
          uses: uses.join('; '),
        }),
        inputs.source.file,
      ),
    );
  }
  return problems;
}

/** Operators that compare a fact with values strictly (json-rules-engine's `===`). */
const STRICT_OPERATORS = new Set(['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain']);

/**
 * A condition that compares an undeclared extra field — text in every file format — strictly
 * with a value that is not text (`vip equal true`, `level in [1, 2]`): it can never hold (or
 * always holds, negated), as the spec's text semantics say; a warning says to declare the
 * field's type in source.yaml. Numeric operators read numeric text as numbers, as json-rules-engine does.
 */
export function untypedComparisons(inputs: Inputs, needs: PolicyNeeds): Problem[] {
  const problems: Problem[] = [];
  for (const need of needs.fields.values()) {
    const input = inputs.tables[need.table];
    if (input.typer.fields.some((f) => f.name === need.field)) continue;
    for (const c of need.comparisons) {
      const values = Array.isArray(c.value) ? c.value : [c.value];
      if (!STRICT_OPERATORS.has(c.operator) || values.every((v) => typeof v === 'string')) continue;
      problems.push(
        runProblem(
          'EXTRA_FIELD_NOT_TYPED',
          'warning',
          messageOf(RUN_ERRORS, 'EXTRA_FIELD_NOT_TYPED', {
            table: need.table,
            field: need.field,
            operator: c.operator,
            value: JSON.stringify(c.value),
            use: c.use,
            type: suggestedType(values),
          }),
          inputs.source.file,
        ),
      );
    }
  }
  return problems;
}

function suggestedType(values: readonly unknown[]): string {
  if (values.every((v) => typeof v === 'boolean')) return 'bool';
  if (values.every((v) => typeof v === 'number'))
    return values.every((v) => Number.isInteger(v)) ? 'int' : 'number';
  return 'string';
}

/**
 * A table that only adjustments, eligibility or vetoes of the scorecards in use need and that has
 * no file: their metrics have no data, so an adjustment adds 0 points and a veto cannot hold —
 * said as a warning.
 */
export function tablesAbsentForRules(
  inputs: Inputs,
  needs: PolicyNeeds,
  allowMissing: ReadonlySet<string>,
  inUse: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  for (const [table, uses] of needs.tables) {
    const input = inputs.tables[table];
    if (allowMissing.has(table) || input.files.length > 0) continue;
    if (needOf(needs, table, inUse) !== 'rules') continue;
    problems.push(
      runProblem(
        'RULE_TABLE_ABSENT',
        'warning',
        messageOf(RUN_ERRORS, 'RULE_TABLE_ABSENT', { table, uses: uses.join('; ') }),
      ),
    );
  }
  return problems;
}

/**
 * A table with no file that only scorecards no accepted agent is on need (`docs/scorecards.md`):
 * not required, since nothing of the period reads it; a warning per table names it and those
 * scorecards, unless it is allowed to be missing.
 */
export function tablesOfUnusedScorecards(
  inputs: Inputs,
  needs: PolicyNeeds,
  allowMissing: ReadonlySet<string>,
  inUse: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  for (const [table, { all }] of needs.scorecardsOf) {
    if (allowMissing.has(table) || inputs.tables[table].files.length > 0) continue;
    if (needOf(needs, table, inUse) !== 'none') continue;
    problems.push(
      runProblem(
        'UNUSED_SCORECARD_TABLE_ABSENT',
        'warning',
        messageOf(RUN_ERRORS, 'UNUSED_SCORECARD_TABLE_ABSENT', {
          table,
          scorecards: [...all].join(', '),
        }),
      ),
    );
  }
  return problems;
}

/**
 * What the scorecards in use need of a table: for their scored items, for their rules only, or
 * nothing (only scorecards no agent is on need it).
 */
function needOf(
  needs: PolicyNeeds,
  table: InputTableName,
  inUse: ReadonlySet<string>,
): 'scored' | 'rules' | 'none' {
  const of = needs.scorecardsOf.get(table);
  if (of === undefined) return 'none';
  if ([...of.scored].some((s) => inUse.has(s))) return 'scored';
  return [...of.all].some((s) => inUse.has(s)) ? 'rules' : 'none';
}

// A problem of the run as a whole or of a file, without a line or column.
function runProblem(
  code: string,
  severity: Problem['severity'],
  message: Problem['message'],
  file: string | null = null,
): Problem {
  return { code, severity, message, file, line: null, column: null };
}
