// Writes the published JSON Schema of policy test files to configs/schema/ (for editors) and its
// precompiled validator. A test keeps both equal to what this script generates.
import { writeFileSync } from 'node:fs';
import { validatorModule } from '@scorebook/config-file';
import { schemaText } from '@scorebook/policy';
import {
  POLICY_TEST_SCHEMA,
  POLICY_TEST_SCHEMA_FILE,
  POLICY_TEST_SCHEMA_SCRIPT,
  POLICY_TEST_VALIDATOR_FILE,
} from '../src/tests/policy-test-schema.ts';

writeFileSync(POLICY_TEST_SCHEMA_FILE, schemaText(POLICY_TEST_SCHEMA));
writeFileSync(POLICY_TEST_VALIDATOR_FILE, validatorModule(POLICY_TEST_SCHEMA, POLICY_TEST_SCHEMA_SCRIPT));
console.log(`wrote ${POLICY_TEST_SCHEMA_FILE}, ${POLICY_TEST_VALIDATOR_FILE}`);
