export { CONFIG_FILE_ERRORS, type ConfigFileErrorCode } from './errors.ts';
export { type Anchor, locate, locateKeyOf, problemAt } from './locate.ts';
export { MAX_ALIASES, type ParsedYaml, parseConfigYaml, resolveAlias } from './parse-yaml.ts';
export {
  type ConfigText,
  type ConfigTextResult,
  configTextFromBytes,
  MAX_CONFIG_BYTES,
  readConfigText,
} from './read-config.ts';
export {
  type DocumentValidator,
  defaultPatternWords,
  type PatternWords,
  type SchemaValidator,
  schemaProblems,
  type ValidatedDocument,
  validateDocument,
} from './schema-problems.ts';
export { closest } from './suggest.ts';
export { type CheckedDocument, checkUsablePart } from './usable-part.ts';
export { schemaText, validatorModule } from './validator-code.ts';
