import type { ErrorObject } from 'ajv';

/** Precompiled validator of the source.yaml JSON Schema; errors are left on `errors`. */
declare const validate: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
export default validate;
