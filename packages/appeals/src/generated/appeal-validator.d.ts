import type { DocumentValidator } from '@scorebook/config-file';
import type { AppealDocument } from '../appeal-schema.ts';

/** Precompiled validator of the appeal JSON Schema; errors are left on `errors`. */
declare const validate: DocumentValidator<AppealDocument>;
export default validate;
