import { defineCatalogue } from '@scorebook/problems';

/** Why `scorebook source init` could not sample a file; shown in the draft. Codes are permanent. */
export const DRAFT_ERRORS = defineCatalogue({
  DRAFT_UNKNOWN_ENCODING: {
    zh: (p: { file: string }) =>
      `${p.file} 既不是 UTF-8 也不是 GB18030,开头也没有 UTF-16 字节序标记,无法识别编码。请在 Excel 中另存为"CSV UTF-8",或在 source.yaml 中写明 encoding。`,
    en: (p: { file: string }) =>
      `${p.file} is neither UTF-8 nor GB18030 and starts with no UTF-16 byte-order mark: its encoding is not known. Save it from Excel as "CSV UTF-8", or write its encoding in source.yaml.`,
  },
});

/** A code of {@link DRAFT_ERRORS}. */
export type DraftErrorCode = keyof typeof DRAFT_ERRORS;
