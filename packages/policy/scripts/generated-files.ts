// The files this package generates, and the text each must hold. `write-schema.ts` writes them;
// a test keeps the committed files equal to this text. Only scripts and tests know the
// repository layout; the library reads no file of it.
import { fileURLToPath } from 'node:url';
import { schemaText, validatorModule } from '@scorebook/config-file';
import { POLICY_SCHEMA } from '../src/check/policy-schema.ts';
import { editorPolicySchema } from '../src/shared/editor-schema.ts';

/** The command that writes the generated files. */
export const SCRIPT = 'npm run schema -w @scorebook/policy';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Each generated file: its path and the text it must hold. The validator is the engine's (after
 * `$shared` resolution); the published schema also accepts references, for editors.
 */
export const GENERATED_FILES: ReadonlyArray<{ path: string; text: () => string }> = [
  { path: at('../src/generated/policy-validator.js'), text: () => validatorModule(POLICY_SCHEMA, SCRIPT) },
  {
    path: at('../../../configs/schema/policy.schema.json'),
    text: () => schemaText(editorPolicySchema(POLICY_SCHEMA)),
  },
];
