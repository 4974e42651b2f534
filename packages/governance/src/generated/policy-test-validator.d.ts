import type { SchemaValidator } from '@scorebook/config-file';

/** Precompiled validator of the policy test JSON Schema; errors are left on `errors`. */
declare const validate: SchemaValidator;
export default validate;
