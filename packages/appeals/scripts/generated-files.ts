// The files this package generates, and the text each must hold. `write-schema.ts` writes them;
// a test keeps the committed files equal to this text. Only scripts and tests know the
// repository layout; the library reads no file of it.
import { fileURLToPath } from 'node:url';
import { schemaText, validatorModule } from '@scorebook/config-file';
import { APPEAL_SCHEMA } from '../src/appeal-schema.ts';

/** The command that writes the generated files. */
const SCRIPT = 'npm run schema -w @scorebook/appeals';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Each generated file: its path and the text it must hold. */
export const GENERATED_FILES: ReadonlyArray<{ path: string; text: () => string }> = [
  { path: at('../src/generated/appeal-validator.js'), text: () => validatorModule(APPEAL_SCHEMA, SCRIPT) },
  { path: at('../../../configs/schema/appeal.schema.json'), text: () => schemaText(APPEAL_SCHEMA) },
];
