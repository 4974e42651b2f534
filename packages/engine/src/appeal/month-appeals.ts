import { APPEAL_ERRORS, type PeriodAppeals, recordText } from '@scorebook/appeals';
import { messageOf, type Problem, sortProblems } from '@scorebook/problems';
import { AppealStage, type AppealStageInput, isRecordAction } from './appeal-stage.ts';

/**
 * The months' decisions on records that a recomputed quarter or year without
 * `appeals.months: records` does not apply (`docs/appeals.md`): one `APPEAL_MONTHS_NOT_APPLIED`
 * warning per month appeal that is applied — decided, not rejected, not refused by the policy's
 * rules in its month's window — and has a remove, correct or reassign action, at the appeal
 * file's `decision` key. Nothing of the months' appeals is checked against the data here: the
 * months' own evaluations do that.
 */
export function monthsNotApplied(
  months: PeriodAppeals | null,
  input: Omit<AppealStageInput, 'appeals'>,
): Problem[] {
  if (months === null) return [];
  const stage = new AppealStage({ ...input, appeals: months });
  return sortProblems(
    stage.appliedOnRecords().flatMap((appeal): Problem[] => {
      const at = appeal.decision?.at;
      if (at === undefined) return [];
      const actions = (appeal.decision?.actions ?? [])
        .filter(isRecordAction)
        .map((a) => `${a.kind} ${recordText(a.record)}${a.kind === 'correct' ? `.${a.field}` : ''}`)
        .join('; ');
      const params = { appeal: appeal.name, period: input.period.id, actions };
      return [
        {
          code: 'APPEAL_MONTHS_NOT_APPLIED',
          severity: 'warning',
          message: messageOf(APPEAL_ERRORS, 'APPEAL_MONTHS_NOT_APPLIED', params),
          file: at.file,
          line: at.line,
          column: at.column,
          path: at.path,
        },
      ];
    }),
  );
}
