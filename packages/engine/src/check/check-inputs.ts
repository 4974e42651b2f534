import type { InputTableName } from '@scorebook/contract';
import { messageOf, type Problem } from '@scorebook/problems';
import { RUN_ERRORS } from '../errors.ts';
import type { Inputs } from '../read/read-inputs.ts';
import type { PolicyNeeds } from './policy-needs.ts';

/**
 * A field the policy reads that no file of its table has (`source-format.md`, rule 3), for the
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
    const input = inputs.tables.get(table)!;
    if (!tables.has(table) || input.files.length === 0 || input.typer.present.has(field)) continue;
    problems.push({
      code: 'FIELD_NOT_IN_DATA',
      severity: 'error',
      message: messageOf(RUN_ERRORS, 'FIELD_NOT_IN_DATA', {
        table,
        field,
        uses: uses.join('; '),
        files: input.files.map((f) => f.name).join(', '),
      }),
      file: input.files[0]!.name,
      line: null,
      column: null,
    });
  }
  return problems;
}

/**
 * A table the used metrics need that has no file (`source-format.md`, rule 4), unless allowed to
 * be missing.
 */
export function tablesAbsent(
  inputs: Inputs,
  needs: PolicyNeeds,
  allowMissing: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  for (const [table, uses] of needs.tables) {
    if (inputs.tables.get(table)!.files.length > 0 || allowMissing.has(table)) continue;
    problems.push({
      code: 'TABLE_ABSENT',
      severity: 'error',
      message: messageOf(RUN_ERRORS, 'TABLE_ABSENT', { table, uses: uses.join('; ') }),
      file: null,
      line: null,
      column: null,
    });
  }
  return problems;
}
