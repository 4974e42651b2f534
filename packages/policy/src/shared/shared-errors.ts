import { defineCatalogue } from '@scorebook/problems';

const q = (v: string) => `"${v}"`;

/**
 * Every problem of shared definitions (`configs/shared/*.yaml`, docs/shared.md), by permanent
 * code: those of a shared file on its own, and those of a `$shared` reference in a policy. Codes
 * never change meaning and are never reused.
 */
export const SHARED_ERRORS = defineCatalogue({
  // A shared file on its own.
  SHARED_NOT_MAPPING: {
    zh: () => '共用定义文件应是一个映射(scorebook_shared、title、definitions)。请参照 docs/shared.md。',
    en: () =>
      'A shared definitions file must be a mapping (scorebook_shared, title, definitions). See docs/shared.md.',
  },
  SHARED_KEY: {
    zh: (p: Expected) => `${q(p.key)} 应为${p.expected}。请参照 docs/shared.md。`,
    en: (p: Expected) => `${q(p.key)} must be ${p.expectedEn}. See docs/shared.md.`,
  },
  SHARED_UNKNOWN_KEY: {
    zh: (p: { key: string }) =>
      `共用定义文件中未知的键 ${q(p.key)}。允许的键:scorebook_shared、title、title_en、description、definitions。`,
    en: (p: { key: string }) =>
      `Unknown key ${q(p.key)} in a shared definitions file. Allowed: scorebook_shared, title, title_en, description, definitions.`,
  },
  SHARED_BAD_NAME: {
    zh: (p: { name: string }) =>
      `定义名 ${q(p.name)} 无效。请只用小写字母、数字、- 和 _,并以字母或数字开头。`,
    en: (p: { name: string }) =>
      `The definition name ${q(p.name)} is invalid. Use lowercase letters, digits, - and _, starting with a letter or digit.`,
  },
  SHARED_NESTED_REFERENCE: {
    zh: (p: { ref: string }) =>
      `共用定义不能再引用共用定义(${q(p.ref)}):请把内容直接写在这里。这样引用不会成环,一处定义只有一层。`,
    en: (p: { ref: string }) =>
      `A shared definition cannot reference another (${q(p.ref)}): write the content here. This keeps references one level deep, so they cannot form a cycle.`,
  },
  SHARED_FILE_NAME: {
    zh: (p: { file: string }) =>
      `共用定义文件名 ${q(p.file)} 无效:引用用文件名(不含 .yaml)来指代它。请只用小写字母、数字、- 和 _。`,
    en: (p: { file: string }) =>
      `The shared file name ${q(p.file)} is invalid: references name it by its file name without .yaml. Use lowercase letters, digits, - and _.`,
  },
  // A reference in a policy.
  SHARED_REFERENCE_SHAPE: {
    zh: (p: { found: string }) =>
      `共用定义引用应写成 { $shared: <文件>/<名称> },不能有其他键(读到 ${p.found})。不支持局部覆盖:要改动,请在共用文件里另写一个定义,或在策略里写出完整内容。`,
    en: (p: { found: string }) =>
      `A shared reference is written { $shared: <file>/<name> } with no other key (found ${p.found}). Local overrides are not supported: add another definition to the shared file, or write the content out in the policy.`,
  },
  SHARED_UNKNOWN_FILE: {
    zh: (p: { file: string; dir: string; suggestion: string }) =>
      `找不到共用定义文件 ${q(p.file)}(${p.dir}/${p.file}.yaml)。${p.suggestion ? `是否想写 ${q(p.suggestion)}?` : `请在 ${p.dir} 中创建它。`}`,
    en: (p: { file: string; dir: string; suggestion: string }) =>
      `No shared definitions file ${q(p.file)} (${p.dir}/${p.file}.yaml). ${p.suggestion ? `Did you mean ${q(p.suggestion)}?` : `Create it in ${p.dir}.`}`,
  },
  SHARED_FILE_INVALID: {
    zh: (p: { file: string; count: number }) =>
      `共用定义文件 ${p.file} 有 ${p.count} 个错误,其中的定义不能使用。请运行 scorebook validate ${p.file} 查看并修正。`,
    en: (p: { file: string; count: number }) =>
      `The shared definitions file ${p.file} has ${p.count} error(s); its definitions cannot be used. Run scorebook validate ${p.file} to see and fix them.`,
  },
  SHARED_UNKNOWN_NAME: {
    zh: (p: { name: string; file: string; suggestion: string; defined: string }) =>
      `共用定义文件 ${q(p.file)} 中没有定义 ${q(p.name)}。${p.suggestion ? `是否想写 ${q(p.suggestion)}?` : ''}已定义:${p.defined || '(无)'}。`,
    en: (p: { name: string; file: string; suggestion: string; defined: string }) =>
      `The shared file ${q(p.file)} defines no ${q(p.name)}. ${p.suggestion ? `Did you mean ${q(p.suggestion)}? ` : ''}Defined: ${p.defined || '(none)'}.`,
  },
});

/** A code of {@link SHARED_ERRORS}. */
export type SharedErrorCode = keyof typeof SHARED_ERRORS;

interface Expected {
  key: string;
  expected: string;
  expectedEn: string;
}

/** Notes added to the message of a problem of another catalogue (they are not codes). */
export const SHARED_NOTES = defineCatalogue({
  DEFINITION_PLACE: {
    zh: (p: { ref: string; place: string }) => `(问题在共用定义 ${p.ref} 中:${p.place})`,
    en: (p: { ref: string; place: string }) =>
      ` (The problem is in the shared definition ${p.ref}: ${p.place}.)`,
  },
});
