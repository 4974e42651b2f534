import { INPUT_TABLES, type Manifest } from '@scorebook/contract';
import { parseRejectedLimit, type RejectedLimit } from '@scorebook/engine';
import type { Problem } from '@scorebook/problems';
import { governanceProblem } from './errors.ts';

const SHA256 = /^[0-9a-f]{64}$/;
const COMMIT = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

type Check = [
  path: string,
  holds: (m: Record<string, unknown>) => boolean,
  expectedEn: string,
  expected: string,
];

const text = (v: unknown) => typeof v === 'string' && v !== '';
const object = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isInstant = (v: unknown) =>
  typeof v === 'string' &&
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v) &&
  !Number.isNaN(Date.parse(v));
const at = (m: Record<string, unknown>, ...keys: string[]): unknown =>
  keys.reduce<unknown>((v, k) => (object(v) ? v[k] : undefined), m);

/** What every manifest must be, field by field (the shape `publish` writes, see docs/governance.md). */
const CHECKS: Check[] = [
  ['scorebook', (m) => m.scorebook === 1, 'the number 1', '数字 1'],
  ['period', (m) => text(m.period), 'a period id', '期间编号'],
  ['status', (m) => m.status === 'closed', '"closed"', '"closed"'],
  [
    'published_at_commit',
    (m) =>
      m.published_at_commit === null ||
      (typeof m.published_at_commit === 'string' && COMMIT.test(m.published_at_commit)),
    'a git commit or null',
    'git 提交或 null',
  ],
  ['policy', (m) => object(m.policy), 'a mapping', '映射'],
  ['policy.id', (m) => text(at(m, 'policy', 'id')), 'text', '文本'],
  ['policy.version', (m) => text(at(m, 'policy', 'version')), 'text', '文本'],
  ['policy.file', (m) => text(at(m, 'policy', 'file')), 'a path', '路径'],
  ['policy.sha256', (m) => SHA256.test(String(at(m, 'policy', 'sha256'))), 'a sha256', 'sha256'],
  [
    'policy.git_commit',
    (m) => {
      const c = at(m, 'policy', 'git_commit');
      return c === null || (typeof c === 'string' && COMMIT.test(c));
    },
    'a git commit or null',
    'git 提交或 null',
  ],
  ['data_dir', (m) => text(m.data_dir), 'a path', '路径'],
  [
    'inputs',
    (m) =>
      object(m.inputs) &&
      Object.values(m.inputs).every((v) => v === null || (typeof v === 'string' && SHA256.test(v))),
    'a mapping of table → sha256 or null',
    '表 → sha256 或 null',
  ],
  ['engine.version', (m) => text(at(m, 'engine', 'version')), 'text', '文本'],
  [
    'files',
    (m) => object(m.files) && Object.values(m.files).every((v) => typeof v === 'string' && SHA256.test(v)),
    'a mapping of file → sha256',
    '文件 → sha256',
  ],
  ['command', (m) => text(m.command), 'text', '文本'],
  [
    'source',
    (m) => {
      const s = m.source;
      if (s === undefined || s === null) return true;
      if (!object(s) || !text(s.file) || !SHA256.test(String(s.sha256))) return false;
      return s.git_commit === null || (typeof s.git_commit === 'string' && COMMIT.test(s.git_commit));
    },
    'null or { file, sha256, git_commit }',
    'null 或 { file, sha256, git_commit }',
  ],
  [
    'allow_missing',
    (m) =>
      m.allow_missing === undefined ||
      (Array.isArray(m.allow_missing) &&
        m.allow_missing.every(
          (t) => typeof t === 'string' && (INPUT_TABLES as readonly string[]).includes(t),
        )),
    'a list of table names',
    '表名列表',
  ],
  [
    'max_rejected',
    (m) =>
      m.max_rejected === undefined ||
      (typeof m.max_rejected === 'string' && parseRejectedLimit(m.max_rejected) !== null),
    'a rejected-row limit (2% or 10)',
    '被拒绝行的上限(2% 或 10)',
  ],
  [
    'appeals',
    (m) =>
      m.appeals === undefined ||
      (Array.isArray(m.appeals) &&
        m.appeals.length > 0 &&
        m.appeals.every(
          (a) =>
            object(a) &&
            text(a.file) &&
            SHA256.test(String(a.sha256)) &&
            (a.git_commit === null || (typeof a.git_commit === 'string' && COMMIT.test(a.git_commit))),
        )),
    'a non-empty list of { file, sha256, git_commit }',
    '非空的 { file, sha256, git_commit } 列表',
  ],
  [
    'published_at',
    (m) => m.published_at === undefined || isInstant(m.published_at),
    'an ISO 8601 instant',
    'ISO 8601 时刻',
  ],
  [
    'appeals_window_from',
    (m) =>
      m.appeals_window_from === undefined ||
      (object(m.appeals_window_from) && Object.values(m.appeals_window_from).every(isInstant)),
    'a mapping of period → ISO 8601 instant',
    '期间 → ISO 8601 时刻',
  ],
  [
    'supersedes',
    (m) =>
      m.supersedes === null ||
      (object(m.supersedes) &&
        typeof m.supersedes.publication === 'string' &&
        /^superseded\/[1-9]\d*$/.test(m.supersedes.publication) &&
        typeof m.supersedes.reason === 'string' &&
        m.supersedes.reason.trim() !== ''),
    'null or { publication: superseded/<n>, reason: non-empty text }',
    'null 或 { publication: superseded/<n>, reason: 非空文本 }',
  ],
];

/**
 * Checks a parsed manifest.json against the shape `publish` writes: every field present with its
 * type and format (sha256s, commits, `superseded/<n>` with a non-empty reason). Returns the
 * manifest when it holds, with a MANIFEST_INVALID problem per failing field otherwise.
 */
export function checkManifest(
  value: unknown,
  file: string,
): { manifest: Manifest | null; problems: Problem[] } {
  if (!object(value))
    return {
      manifest: null,
      problems: [
        governanceProblem('MANIFEST_INVALID', file, {
          path: '(root)',
          expected: '映射',
          expectedEn: 'a mapping',
        }),
      ],
    };
  const problems = CHECKS.filter(([, holds]) => !holds(value)).map(([path, , expectedEn, expected]) =>
    governanceProblem('MANIFEST_INVALID', file, { path, expected, expectedEn }),
  );
  return { manifest: problems.length === 0 ? (value as unknown as Manifest) : null, problems };
}

/**
 * The rejected-row limit a publication was evaluated with (`max_rejected`), as evaluate takes it:
 * nothing when the manifest records none (the default applied), so that verify and impact
 * re-evaluate it as it was published.
 */
export function recordedRejectedLimit(manifest: Pick<Manifest, 'max_rejected'>): {
  maxRejected?: RejectedLimit;
} {
  const limit = manifest.max_rejected === undefined ? null : parseRejectedLimit(manifest.max_rejected);
  return limit === null ? {} : { maxRejected: limit };
}

/**
 * The instants a publication's appeal windows counted from (`appeals_window_from`), as evaluate
 * takes them (`publishedAt`): nothing for a publication made before manifests recorded them (its
 * windows counted from the period's end), so that verify and impact re-evaluate it as it was
 * published.
 */
export function recordedAppealWindows(manifest: Pick<Manifest, 'appeals_window_from'>): {
  publishedAt?: Record<string, string>;
} {
  return manifest.appeals_window_from === undefined ? {} : { publishedAt: manifest.appeals_window_from };
}
