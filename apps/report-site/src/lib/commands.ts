import { resolve } from 'node:path';
import { type Manifest, shellWords } from '@scorebook/contract';
import type { SitePeriod } from './load.ts';

/**
 * The results folder the site was built from, as its commands name it: `SCOREBOOK_RESULTS_SHOWN`
 * (`scorebook site build` sets it: relative to the folder it ran in when inside it, else
 * absolute), else the absolute path of `SCOREBOOK_RESULTS` (a bare `astro build`).
 */
export function resultsShown(): string {
  const shown = process.env.SCOREBOOK_RESULTS_SHOWN;
  if (shown !== undefined && shown !== '') return shown;
  return resolve(process.env.SCOREBOOK_RESULTS ?? '../../data/results');
}

/**
 * The appeals folder a publication read: the folder above the period folder of its first appeal
 * file (`manifest.appeals`, `<appeals>/<period>/<file>.yaml`), else the `--appeals` its recorded
 * command gives (a folder without appeal files for the period), else null (none recorded).
 */
export function recordedAppealsDir(manifest: Manifest): string | null {
  const first = manifest.appeals?.[0]?.file;
  if (first !== undefined) {
    const parts = first.split('/');
    if (parts.length >= 3) return parts.slice(0, -2).join('/');
  }
  return recordedOption(manifest.command, '--appeals');
}

/** The value a recorded command line gives an option (`--appeals x` or `--appeals=x`), null when none. */
function recordedOption(command: string, option: string): string | null {
  const words = shellWords(command) ?? [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === option) return words[i + 1] ?? null;
    if (word.startsWith(`${option}=`)) return word.slice(option.length + 1);
  }
  return null;
}

/**
 * The command that re-verifies this publication of the period: its policy folder and data as
 * the manifest records them, the results folder the site was built from, and the source, tables
 * allowed missing and appeals folder when it recorded them. A draft gets a template to fill in.
 */
export function verifyCommand(period: SitePeriod, results: string): string {
  const { manifest } = period;
  if (manifest === null)
    return `npx scorebook verify --policies configs/policies/${shellWord(period.results.policy.id)} --data <data> --results ${shellWord(`${results}/${period.id}`)}`;
  const words = [
    ['--policies', policyFolder(period)],
    ['--data', manifest.data_dir],
    ['--results', `${results}/${period.id}`],
  ];
  const source = manifest.source?.file;
  if (source !== undefined && source !== `${manifest.data_dir}/source.yaml`) words.push(['--source', source]);
  if ((manifest.allow_missing ?? []).length > 0)
    words.push(['--allow-missing', (manifest.allow_missing ?? []).join(',')]);
  const appeals = recordedAppealsDir(manifest);
  if (appeals !== null) words.push(['--appeals', appeals]);
  return line('npx scorebook verify', words);
}

/** The command that re-verifies every publication of the results folder the site was built from. */
export function verifyAllCommand(results: string): string {
  return line('npx scorebook verify --all', [['--results', results]]);
}

/**
 * The `scorebook impact` command a calibration page suggests: the period's policy folder, the
 * period, the results folder the site was built from, and the appeals folder its publication
 * recorded.
 */
export function impactCommand(period: SitePeriod, results: string): string {
  const words = [
    ['--policies', policyFolder(period)],
    ['--period', period.id],
    ['--results', results],
  ];
  const appeals = period.manifest === null ? null : recordedAppealsDir(period.manifest);
  if (appeals !== null) words.push(['--appeals', appeals]);
  return line('npx scorebook impact --base main', words);
}

/** The folder of the period's policy: the manifest's policy file's folder, else `configs/policies/<id>`. */
function policyFolder(period: SitePeriod): string {
  const file = period.manifest?.policy.file;
  if (file === undefined) return `configs/policies/${period.results.policy.id}`;
  return file.endsWith('.yaml') ? file.slice(0, file.lastIndexOf('/')) : file;
}

function line(head: string, words: string[][]): string {
  return [head, ...words.map((w) => w.map(shellWord).join(' '))].join(' ');
}

/** A word for a POSIX shell: as it is when it has only safe characters, else single-quoted. */
function shellWord(word: string): string {
  if (/^[\p{L}\p{N}_./:=,@%+-]+$/u.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
