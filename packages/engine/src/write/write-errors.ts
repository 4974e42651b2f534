import {
  type ArgsOf,
  type Bilingual,
  defineCatalogue,
  messageOf,
  ScorebookError,
  type StopKind,
} from '@scorebook/problems';

/**
 * Problems of writing an output folder (evaluate's results, a publication): a lock held by another
 * process, a folder that cannot be written, a full disk. Codes are permanent; each message names
 * the folder or file and says what to do.
 */
export const WRITE_ERRORS = defineCatalogue({
  OUTPUT_BUSY: {
    zh: (p: { target: string; holder: Bilingual; lock: string }) =>
      `${p.target} 正在被另一个 scorebook 进程写入(${p.holder.zh})。请等它结束后再运行。若确认没有这样的进程,删除锁文件:rm ${p.lock}`,
    en: (p: { target: string; holder: Bilingual; lock: string }) =>
      `Another scorebook process is writing ${p.target} (${p.holder.en}). Wait for it to finish, then run again. If no such process runs, remove the lock: rm ${p.lock}`,
  },
  OUTPUT_LOCK_STALE: {
    zh: (p: { target: string; holder: Bilingual; lock: string }) =>
      `${p.target} 的锁文件是一个已不在运行的进程留下的(${p.holder.zh}),那次写入多半被中断了。加 --break-stale-lock 再运行一次即可收回这个锁(只在它仍是这个失效的锁时才删除它),那次运行会收拾被中断的写入;也可以在确认没有 scorebook 进程在写入后手动删除:rm ${p.lock}。`,
    en: (p: { target: string; holder: Bilingual; lock: string }) =>
      `The lock of ${p.target} was left by a process that no longer runs (${p.holder.en}); that write was most likely interrupted. Run again with --break-stale-lock to take the lock over (it is removed only while it is still this stale lock); the run tidies up the interrupted write. Or, once no scorebook process is writing, remove it by hand: rm ${p.lock}.`,
  },
  OUTPUT_LOCK_BREAKING: {
    zh: (p: { target: string; lock: string; breaking: string }) =>
      `另一个进程正在收回 ${p.target} 的失效锁(${p.breaking} 存在),这次没有动它,也没有写入任何内容。请稍后再运行。如果确认没有 scorebook 进程在运行,这个文件是一次被中断的收回留下的:删除它(rm ${p.breaking})后再运行。`,
    en: (p: { target: string; lock: string; breaking: string }) =>
      `Another process is breaking the stale lock of ${p.target} (${p.breaking} exists): this run left it alone and wrote nothing. Run again in a moment. If no scorebook process is running, an interrupted break left that file: remove it (rm ${p.breaking}) and run again.`,
  },
  OUTPUT_LOCK_CHANGED: {
    zh: (p: { target: string; holder: Bilingual; lock: string; aside: string | null }) =>
      `没有收回 ${p.target} 的锁:它在被判定为失效之后变了(现在是 ${p.holder.zh}),另一个进程可能刚刚取得或更新了它。${p.aside === null ? `锁仍在 ${p.lock},和原来一样。` : `它被移到了 ${p.aside},而 ${p.lock} 处已经有了新的锁,所以没能放回;请确认只有一个 scorebook 进程在写入 ${p.target},再删除 ${p.aside}。`}没有写入任何内容;请稍后再运行。`,
    en: (p: { target: string; holder: Bilingual; lock: string; aside: string | null }) =>
      `The lock of ${p.target} was not broken: it changed after it was judged stale (it is now ${p.holder.en}); another process may just have taken or renewed it. ${p.aside === null ? `The lock is at ${p.lock} as it was.` : `It was moved to ${p.aside} and could not be put back, because a new lock is at ${p.lock}; make sure only one scorebook process is writing ${p.target}, then remove ${p.aside}.`} Nothing was written; run again later.`,
  },
  OUTPUT_READ_ONLY: {
    zh: (p: { dir: string; reason: string }) =>
      `无法写入 ${p.dir}(${p.reason}):该位置只读或没有写权限。请换一个可写的输出目录,或修改权限。`,
    en: (p: { dir: string; reason: string }) =>
      `Cannot write to ${p.dir} (${p.reason}): it is read-only or not writable by you. Choose a writable output folder, or change its permissions.`,
  },
  DISK_FULL: {
    zh: (p: { dir: string }) =>
      `写入 ${p.dir} 时磁盘已满。已删除写了一半的临时文件,原有内容未改动。请腾出空间后再运行。`,
    en: (p: { dir: string }) =>
      `The disk filled up while writing ${p.dir}. The half-written temporary files were removed and what was there is untouched. Free some space and run again.`,
  },
  OUTPUT_NOT_A_FOLDER: {
    zh: (p: { target: string }) => `${p.target} 已存在且不是文件夹。请指定一个文件夹作为输出目录。`,
    en: (p: { target: string }) => `${p.target} exists and is not a folder. Give a folder as the output.`,
  },
  OUTPUT_HOLDS_OTHER_FILES: {
    zh: (p: { target: string; names: string }) =>
      `输出目录 ${p.target} 里有不是 evaluate 写的文件(${p.names})。evaluate 会整体替换输出目录;请指定一个空的或新的目录。`,
    en: (p: { target: string; names: string }) =>
      `The output folder ${p.target} holds files evaluate did not write (${p.names}). evaluate replaces the whole folder; give an empty or new one.`,
  },
  OUTPUT_IS_PUBLICATION: {
    zh: (p: { target: string }) =>
      `${p.target} 是一个已发布的期间(有 manifest.json),evaluate 不会覆盖它。请输出到别的目录;要替换发布请用 scorebook publish --supersede --reason "原因"。`,
    en: (p: { target: string }) =>
      `${p.target} is a published period (it has manifest.json); evaluate never overwrites one. Write elsewhere; to replace a publication use scorebook publish --supersede --reason "why".`,
  },
  WRITE_FAILED: {
    zh: (p: { file: string; reason: string }) =>
      `写入 ${p.file} 失败(${p.reason})。原有内容未改动;请检查该位置后再运行。`,
    en: (p: { file: string; reason: string }) =>
      `Writing ${p.file} failed (${p.reason}). What was there is untouched; check the location and run again.`,
  },
});

/** A permanent code of a write problem. */
export type WriteErrorCode = keyof typeof WRITE_ERRORS;

/** Stops the command with one write problem about `file` (or about no file). */
export function writeStop<K extends WriteErrorCode>(
  kind: StopKind,
  code: K,
  file: string | null,
  ...args: ArgsOf<(typeof WRITE_ERRORS)[K]>
): ScorebookError {
  const message = messageOf(WRITE_ERRORS, code, ...args);
  return new ScorebookError(kind, [{ code, severity: 'error', message, file, line: null, column: null }]);
}
