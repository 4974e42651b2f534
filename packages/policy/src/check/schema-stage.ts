import { type ParsedYaml, type ValidatedDocument, validateDocument } from '@scorebook/config-file';
import validate from '../generated/policy-validator.js';
import type { PolicyDocument } from './policy-schema.ts';

/**
 * The schema stage: the parsed policy against the policy JSON Schema (its precompiled
 * validator); the document when it matches, else every problem.
 */
export function checkSchema(parsed: ParsedYaml): ValidatedDocument<PolicyDocument> {
  return validateDocument(parsed, validate);
}
