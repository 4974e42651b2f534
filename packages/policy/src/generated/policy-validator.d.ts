import type { DocumentValidator } from '@scorebook/config-file';
import type { PolicyDocument } from '../check/policy-schema.ts';

/** Precompiled validator of the policy JSON Schema; errors are left on `errors`. */
declare const validate: DocumentValidator<PolicyDocument>;
export default validate;
