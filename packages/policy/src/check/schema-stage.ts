import { type ParsedYaml, schemaProblems } from '@scorebook/config-file';
import type { SourceProblem } from '@scorebook/problems';
import validate from '../generated/policy-validator.js';

/** The schema stage: the parsed policy against the policy JSON Schema (its precompiled validator). */
export function checkSchema(parsed: ParsedYaml): SourceProblem[] {
  return schemaProblems(parsed, validate);
}
