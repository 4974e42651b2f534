export {
  type ArgsOf,
  type Catalogue,
  type CatalogueEntry,
  defineCatalogue,
  fixed,
  messageOf,
  type ParamsOf,
  textOf,
} from './catalogue.ts';
export { displayWidth } from './display-width.ts';
export {
  type Bilingual,
  formatPath,
  formatPlace,
  hasErrors,
  type Lang,
  type Problem,
  type Severity,
  type SourceProblem,
  sortProblems,
} from './problem.ts';
export { ScorebookError, type StopKind } from './scorebook-error.ts';
