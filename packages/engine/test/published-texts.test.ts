import { createHash } from 'node:crypto';
import { APPEAL_ERRORS } from '@scorebook/appeals';
import { READ_ERRORS, VALUE_REJECTIONS, XLSX_ERRORS } from '@scorebook/source';
import { describe, expect, it } from 'vitest';
import { ROW_REJECTIONS } from '../src/errors.ts';
import { ENGINE_VERSION } from '../src/evaluate.ts';

// The messages written into published files: a rejected row's (rejected.json: why the row was
// left out, and its cause) and an appeal's refusal (results.json, explanations.json). Verify
// recomputes a publication byte for byte with the engine version it records (docs/governance.md),
// so rewording one of these changes what an engine of the same version writes, and every
// publication holding such a message would no longer verify (trial 8 M2). The guard: these texts
// are pinned together with the engine version.
const PUBLISHED = {
  ROW_REJECTIONS,
  VALUE_REJECTIONS,
  READ_ERRORS: pick(READ_ERRORS, [
    'BAD_QUOTE',
    'FIELD_COUNT',
    'FIELD_COUNT_LAST_LINE',
    'BAD_JSON',
    'HEADER_REPEATED',
    'TOTAL_ROW',
    'BOM_INSIDE_FILE',
  ]),
  XLSX_ERRORS: pick(XLSX_ERRORS, ['XLSX_BEYOND_HEADER']),
  APPEAL_ERRORS: pick(APPEAL_ERRORS, ['APPEAL_LATE', 'APPEAL_NOT_APPEALABLE', 'APPEAL_AFTER_FINAL']),
};

function pick<T extends object, K extends keyof T & string>(catalogue: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, catalogue[k]])) as Pick<T, K>;
}

// Each entry's two messages as written (a function's source text, or the text itself).
function textsHash(): string {
  const hash = createHash('sha256');
  for (const [name, catalogue] of Object.entries(PUBLISHED))
    for (const [code, entry] of Object.entries(catalogue as Record<string, { zh: unknown; en: unknown }>))
      hash.update(`${name}.${code}\n${String(entry.zh)}\n${String(entry.en)}\n`);
  return hash.digest('hex').slice(0, 16);
}

describe('the messages written into published files', () => {
  it('change only with the engine version (else past publications would stop verifying)', () => {
    // On a failure: the wording of a rejected row or an appeal refusal changed. Raise the engine's
    // version (packages/engine/package.json, with a line in docs/governance.md) and put the new
    // pair here; publications made with the old version then say ENGINE_VERSION_CHANGED and are
    // recomputed by this engine: byte-identical, they verify; else they are engine_changed, as documented.
    expect({ engine: ENGINE_VERSION, texts: textsHash() }).toEqual({
      engine: '2.4.0',
      texts: '28d1a5ced23e72e8',
    });
  });
});
