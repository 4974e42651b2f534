import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { Results } from '@scorebook/contract';
import { governanceStop } from './errors.ts';
import { sha256 } from './git.ts';

/** One input file a publication read: its path in the data folder and its sha256. */
export interface InputFile {
  path: string;
  sha256: string;
}

/** Every input file recorded in results.json, in table order then file order. */
export function inputFilesOf(results: Pick<Results, 'inputs'>): InputFile[] {
  return Object.values(results.inputs).flatMap((input) =>
    input.files.map((f) => ({ path: f.path, sha256: f.sha256 })),
  );
}

/** Where the archive keeps the bytes whose sha256 is `hash`: `<archive>/sha256/<first two>/<hash>`. */
export function archivedPath(archive: string, hash: string): string {
  return join(archive, 'sha256', hash.slice(0, 2), hash);
}

/**
 * Stores the input files of a publication in a content-addressed archive: each file's bytes
 * under their sha256, written beside and renamed into place, so that a file already there is
 * never rewritten and a crash leaves no half file under a real name. The bytes are hashed as
 * they are copied: a file changed since the evaluation read it stops the publish (kind
 * `refused`). Nothing of the archive goes into git.
 */
export function archiveInputs(archive: string, dataDir: string, files: readonly InputFile[]): void {
  for (const file of files) {
    const target = archivedPath(archive, file.sha256);
    if (existsSync(target)) continue;
    mkdirSync(dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      copyFileSync(join(dataDir, file.path), temporary);
      const copied = sha256(readFileSync(temporary));
      if (copied !== file.sha256)
        throw governanceStop('refused', 'INPUT_CHANGED', join(dataDir, file.path), {
          file: file.path,
          recorded: file.sha256,
          current: copied,
        });
      renameSync(temporary, target);
    } finally {
      rmSync(temporary, { force: true });
    }
  }
}

/** Whether the archive holds the bytes of every file. */
export function archiveHolds(archive: string, files: readonly InputFile[]): boolean {
  return files.every((f) => existsSync(archivedPath(archive, f.sha256)));
}

/** Lays the archived bytes of the files out as a data folder at `target` (for a recomputation). */
export function restoreInputs(archive: string, files: readonly InputFile[], target: string): void {
  for (const file of files) {
    const out = join(target, ...file.path.split('/'));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, readFileSync(archivedPath(archive, file.sha256)));
  }
}
