import type { DocumentValidator } from '@scorebook/config-file';
import type { TestFile } from '../tests/policy-test-schema.ts';

/** Precompiled validator of the policy test JSON Schema; errors are left on `errors`. */
declare const validate: DocumentValidator<TestFile>;
export default validate;
