/**
 * A glob of `source.yaml`, compiled: relative to the data folder, `/`-separated, case-sensitive;
 * `*` matches any run of characters but `/`, `?` one character but `/`, `**` as a whole path
 * segment any number of segments (none included). No braces, no character classes: every other
 * character stands for itself.
 */
export class Glob {
  readonly text: string;
  readonly #re: RegExp;

  constructor(text: string) {
    this.text = text;
    this.#re = new RegExp(`^${globSource(text)}$`, 'u');
  }

  /** True when the relative path (`/`-separated) matches the whole glob. */
  matches(path: string): boolean {
    return this.#re.test(path);
  }
}

/** Why a glob cannot be used, or null: braces and classes, absolute paths, `..`, empty segments. */
export function globProblem(text: string): 'empty' | 'absolute' | 'parent' | 'braces' | null {
  if (text.trim() === '') return 'empty';
  if (text.startsWith('/') || /^[A-Za-z]:[\\/]/.test(text) || text.startsWith('\\')) return 'absolute';
  if (text.split('/').some((segment) => segment === '..')) return 'parent';
  if (/[{}[\]]/.test(text)) return 'braces';
  return null;
}

function globSource(text: string): string {
  const segments = text.split('/');
  let out = '';
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '**') {
      // Any number of whole segments, each followed by `/` (or, last, the rest of the path).
      out += last ? '.*' : '(?:[^/]*/)*';
      return;
    }
    for (const ch of segment) {
      if (ch === '*') out += '[^/]*';
      else if (ch === '?') out += '[^/]';
      else out += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
    if (!last) out += '/';
  });
  return out;
}
