import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configTextFromBytes, type ParsedYaml, parseConfigYaml, problemAt } from '@scorebook/config-file';
import { type ArgsOf, messageOf, type SourceProblem, sortProblems } from '@scorebook/problems';
import { SHARED_ERRORS, type SharedErrorCode } from './shared-errors.ts';

/** The key that makes a mapping a reference to a shared definition: `{ $shared: file/name }`. */
export const SHARED_KEY = '$shared';

/** How shared files and definitions are named: lowercase letters, digits, `-`, `_`. */
export const SHARED_NAME = /^[a-z0-9][a-z0-9_-]*$/;

/** Where a policy's shared files are read from: a folder, or a git commit's tree. */
export interface SharedSource {
  /** The folder, as messages show it (`configs/shared`). */
  dir: string;
  /** The names of the shared files there (`<name>.yaml`, without `.yaml`), sorted. */
  names(): string[];
  /** The bytes of `<name>.yaml`, or null when there is none. */
  read(name: string): Uint8Array | null;
}

/** A shared definitions file as checked: its definitions when it has no error, and every problem. */
export interface LoadedShared {
  /** The file's name without `.yaml`, the name references use. */
  name: string;
  file: string;
  sha256: string | null;
  definitions: ReadonlyMap<string, unknown> | null;
  problems: SourceProblem[];
  /** The parsed file when its definitions are usable (to place a problem inside one); else null. */
  parsed: ParsedYaml | null;
}

/**
 * The shared folder of a policy file: `shared` beside the folder of policy folders
 * (`configs/policies/<id>/<version>.yaml` → `configs/shared`).
 */
export function sharedFolderOf(policyFile: string): string {
  return join(policyFile, '..', '..', '..', 'shared');
}

/** A {@link SharedSource} reading a folder of the file system (an absent folder has no files). */
export function sharedFolder(dir: string): SharedSource {
  return {
    dir,
    names: () =>
      existsSync(dir)
        ? readdirSync(dir)
            .filter((n) => n.endsWith('.yaml') && !n.startsWith('.'))
            .map((n) => n.slice(0, -'.yaml'.length))
            .sort()
        : [],
    read: (name) => {
      const file = join(dir, `${name}.yaml`);
      return existsSync(file) ? readFileSync(file) : null;
    },
  };
}

/**
 * Checks a shared definitions file: YAML, then its shape (`scorebook_shared: 1`, `title`, optional
 * `title_en` and `description`, `definitions`: a mapping of names to any value), names, and that
 * no definition contains a `$shared` reference. Never throws for bad input.
 */
export function loadSharedBytes(name: string, file: string, bytes: Uint8Array): LoadedShared {
  const failed = (problems: SourceProblem[], sha256: string | null = null): LoadedShared => ({
    name,
    file,
    sha256,
    definitions: null,
    problems: sortProblems(problems),
    parsed: null,
  });
  const { text, problems: read } = configTextFromBytes(file, bytes);
  if (text === null) return failed(read);
  const { parsed, problems: yaml } = parseConfigYaml(text);
  if (parsed === null || yaml.length > 0) return failed(yaml, text.sha256);
  const problems: SourceProblem[] = [];
  const report = <K extends SharedErrorCode>(
    path: Array<string | number>,
    code: K,
    anchor: 'key' | 'value',
    ...params: ArgsOf<(typeof SHARED_ERRORS)[K]>
  ) =>
    problems.push(
      problemAt(
        parsed,
        path,
        { code, severity: 'error', message: messageOf(SHARED_ERRORS, code, ...params) },
        anchor,
      ),
    );
  if (!SHARED_NAME.test(name)) report([], 'SHARED_FILE_NAME', 'value', { file: `${name}.yaml` });
  const value = parsed.value;
  if (!isRecord(value)) {
    report([], 'SHARED_NOT_MAPPING', 'value');
    return failed(problems, text.sha256);
  }
  const definitions = new Map<string, unknown>();
  for (const key of Object.keys(value))
    if (!TOP_KEYS.includes(key)) report([key], 'SHARED_UNKNOWN_KEY', 'key', { key });
  const expect = (key: string, ok: boolean, expected: string, expectedEn: string) => {
    if (!ok)
      report(key in value ? [key] : [], 'SHARED_KEY', key in value ? 'value' : 'key', {
        key,
        expected,
        expectedEn,
      });
  };
  expect(
    'scorebook_shared',
    value.scorebook_shared === 1,
    ' 1(共用定义格式版本)',
    '1 (the shared file format)',
  );
  expect('title', typeof value.title === 'string' && value.title !== '', '非空文本', 'a non-empty text');
  for (const key of ['title_en', 'description'])
    if (key in value) expect(key, typeof value[key] === 'string', '文本', 'a text');
  expect(
    'definitions',
    isRecord(value.definitions) && Object.keys(value.definitions).length > 0,
    '至少含一个定义的映射(名称: 内容)',
    'a mapping of at least one definition (name: content)',
  );
  if (isRecord(value.definitions)) {
    for (const [key, definition] of Object.entries(value.definitions)) {
      if (!SHARED_NAME.test(key)) report(['definitions', key], 'SHARED_BAD_NAME', 'key', { name: key });
      for (const [at, ref] of referencesIn(definition, ['definitions', key]))
        report(at, 'SHARED_NESTED_REFERENCE', 'key', { ref });
      definitions.set(key, definition);
    }
  }
  if (problems.length > 0) return failed(problems, text.sha256);
  return { name, file, sha256: text.sha256, definitions, problems: [], parsed };
}

/** Loads `<name>.yaml` of a source, reported as `<dir>/<name>.yaml`; null when there is none. */
export function loadShared(source: SharedSource, name: string): LoadedShared | null {
  const bytes = source.read(name);
  return bytes === null ? null : loadSharedBytes(name, join(source.dir, `${name}.yaml`), bytes);
}

const TOP_KEYS = ['scorebook_shared', 'title', 'title_en', 'description', 'definitions'];

/** Every `$shared` reference inside a value, with its path (depth first, in document order). */
export function referencesIn(
  value: unknown,
  path: Array<string | number>,
): Array<[Array<string | number>, string]> {
  if (Array.isArray(value)) return value.flatMap((v, i) => referencesIn(v, [...path, i]));
  if (!isRecord(value)) return [];
  if (Object.hasOwn(value, SHARED_KEY)) return [[[...path, SHARED_KEY], String(value[SHARED_KEY])]];
  return Object.entries(value).flatMap(([k, v]) => referencesIn(v, [...path, k]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
