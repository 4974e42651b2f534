import type { DocumentValidator } from '@scorebook/config-file';
import type { SourceDocument } from '../load/source-schema.ts';

/** Precompiled validator of the source.yaml JSON Schema; errors are left on `errors`. */
declare const validate: DocumentValidator<SourceDocument>;
export default validate;
