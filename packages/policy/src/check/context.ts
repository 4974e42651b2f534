import { type Anchor, locate, type ParsedYaml, problemAt } from '@scorebook/config-file';
import type { FieldSpec } from '@scorebook/contract';
import { type ArgsOf, formatPath, messageOf, type ParamsOf, type SourceProblem } from '@scorebook/problems';
import { Zone } from '@scorebook/time';
import { POLICY_ERRORS, type PolicyErrorCode } from '../errors/catalogue.ts';
import type { SourceRef } from '../model.ts';
import type { SourceValueMaps } from './mapped-values-check.ts';

/** A JSON path inside a policy. */
export type Path = ReadonlyArray<string | number>;

/** How a problem is recorded: its severity (an error by default) and what part of the node it points at. */
export interface ReportOptions {
  severity?: 'error' | 'warning';
  anchor?: Anchor;
}

/** What the meaning checks share: the parsed file, the problems found so far, the timezone. */
export class CheckContext {
  readonly parsed: ParsedYaml;
  readonly problems: SourceProblem[] = [];
  /** The policy's timezone, or UTC while it is invalid (so later checks can still run). */
  zone: Zone = new Zone('UTC');
  /** The format the file declares (`scorebook: 2` admits the v2 features); 1 unless it says 2. */
  format: 1 | 2 = 1;
  /** Ids that `metrics:` defines with errors: references to them are not reported as unknown. */
  readonly brokenMetrics: Set<string> = new Set();

  /** Extra fields a source declares with their types, by table (`PolicyCheckOptions`). */
  readonly extraFields: Readonly<Partial<Record<string, Readonly<Record<string, FieldSpec>>>>>;

  /**
   * The fields of each custom table the data's source declares (`docs/custom-tables.md`); null
   * when no source is known (validate without `--source`): a metric on a custom table is then
   * accepted with its fields unchecked.
   */
  readonly customTables: Readonly<Record<string, Readonly<Record<string, FieldSpec>>>> | null;

  /** The value maps of the data's source, by table and field (`PolicyCheckOptions.valueMaps`). */
  readonly valueMaps: SourceValueMaps;

  constructor(
    parsed: ParsedYaml,
    extraFields: CheckContext['extraFields'] = {},
    customTables: CheckContext['customTables'] = null,
    valueMaps: SourceValueMaps = {},
  ) {
    this.parsed = parsed;
    this.extraFields = extraFields;
    this.customTables = customTables;
    this.valueMaps = valueMaps;
  }

  /** Records a problem of the policy catalogue at a path, an error unless `options` say otherwise. */
  report<K extends PolicyErrorCode>(
    path: Path,
    code: K,
    params: ParamsOf<(typeof POLICY_ERRORS)[K]>,
    options: ReportOptions = {},
  ): void {
    const args = [params] as unknown as ArgsOf<(typeof POLICY_ERRORS)[K]>;
    this.add(path, code, messageOf(POLICY_ERRORS, code, ...args), options);
  }

  /** Records a problem whose message was built elsewhere (a condition's, say) at a path. */
  add(path: Path, code: string, message: SourceProblem['message'], options: ReportOptions = {}): void {
    this.problems.push(
      problemAt(this.parsed, path, { code, severity: options.severity ?? 'error', message }, options.anchor),
    );
  }

  /** Where a path is, for provenance in results. */
  sourceOf(path: Path): SourceRef {
    const [start] = locate(this.parsed, path);
    const pos = this.parsed.lineCounter.linePos(start);
    return { file: this.parsed.source.file, line: pos.line, column: pos.col, path: formatPath(path) };
  }

  /**
   * Checks that a v2 feature is used in a file of format 2: reports `NEEDS_FORMAT_2` at the key
   * otherwise. True when the feature may be used.
   */
  v2(path: Path, feature: string, featureEn: string): boolean {
    if (this.format === 2) return true;
    this.report(path, 'NEEDS_FORMAT_2', { feature, featureEn }, { anchor: 'key' });
    return false;
  }

  /** True when no error (warnings aside) has been reported. */
  get clean(): boolean {
    return !this.problems.some((p) => p.severity === 'error');
  }
}

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The value as an array, or an empty one. */
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value when it is a string, else null. */
export function asString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** The value when it is a finite number, else null. */
export function asNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
