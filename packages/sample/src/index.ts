export { generateSample, type SampleOptions, type SampleSummary } from './generate.ts';
export { Random } from './random.ts';
