import { defineCatalogue } from '@scorebook/problems';

const q = (v: string | number) => `"${String(v)}"`;

/** What a YAML syntax error is, for the advice its message gives (`parse-yaml.ts` tells them apart). */
export type YamlSyntaxKind =
  | 'unclosed_list'
  | 'unclosed_map'
  | 'indent'
  | 'nested'
  | 'quote'
  | 'reserved'
  | 'other';

const SYNTAX_HINTS: Record<YamlSyntaxKind, { zh: string; en: string }> = {
  unclosed_list: {
    zh: '这里的 [ 没有闭合。请在列表末尾补上 ](同一行写完,或每个元素一行并把 ] 放在最后)',
    en: 'this [ is not closed. Add the ] at the end of the list (on the same line, or after its last item)',
  },
  unclosed_map: {
    zh: '这里的 { 没有闭合。请在末尾补上 }',
    en: 'this { is not closed. Add the } at its end',
  },
  indent: {
    zh: '缩进不对:同一层的键要对齐,下一层比上一层多缩进(通常两个空格)',
    en: 'the indentation is off: keys of one level line up, the next level is indented further (two spaces is usual)',
  },
  nested: {
    zh: '上一行的键已经写了值,这一行又缩进成了它的下一层(或一个键跨了两行)。请让这一行与上一行的键对齐,或把上一行的值删去',
    en: 'the key above already has a value, yet this line is indented under it (or a key runs over two lines). Line this key up with the one above, or remove the value above',
  },
  quote: {
    zh: '从这里开始的引号没有结束。请补上闭合的引号',
    en: 'the quote opened here is not closed. Add the closing quote',
  },
  reserved: {
    zh: '值不能以 YAML 的保留字符(@ ` % & * ! | > 等)开头。请给整个值加上引号',
    en: 'a value cannot start with a character YAML reserves (@ ` % & * ! | > …). Put the whole value in quotes',
  },
  other: {
    zh: '请检查这一行和它上面一行的写法',
    en: 'check this line and the one above it',
  },
};

/**
 * Problems of reading a YAML configuration file and checking it against its JSON Schema, shared
 * by every kind of file (policy, source). Codes are permanent; messages say what to do.
 */
export const CONFIG_FILE_ERRORS = defineCatalogue({
  // Reading the file.
  FILE_UNREADABLE: {
    zh: (p: { reason: string }) => `无法读取文件:${p.reason}。请检查路径和权限。`,
    en: (p: { reason: string }) => `The file cannot be read: ${p.reason}. Check the path and permissions.`,
  },
  FILE_TOO_LARGE: {
    zh: (p: { size: number; limit: number }) =>
      `文件有 ${p.size} 字节,超过上限 ${p.limit} 字节。配置应是一份简短的 YAML;请检查是否放错了文件。`,
    en: (p: { size: number; limit: number }) =>
      `The file is ${p.size} bytes, over the limit of ${p.limit}. A configuration is a short YAML file; check that this is the right file.`,
  },
  FILE_NOT_UTF8: {
    zh: () => '文件不是 UTF-8 编码。请用 UTF-8 另存后再提交。',
    en: () => 'The file is not UTF-8. Save it as UTF-8 and commit it again.',
  },
  // The text of the file.
  CONTROL_CHARACTER: {
    zh: (p: { char: string }) =>
      `文件中有控制字符 ${p.char}(YAML 不允许,可能是复制时带入的二进制内容)。请删除它。`,
    en: (p: { char: string }) =>
      `The file holds the control character ${p.char}, which YAML does not allow (binary content pasted in?). Remove it.`,
  },
  // YAML syntax.
  YAML_SYNTAX: {
    zh: (p: { yamlCode: string; detail: string; kind: YamlSyntaxKind }) =>
      `YAML 语法错误(${p.yamlCode}):${SYNTAX_HINTS[p.kind].zh}(解析器原文:${p.detail})`,
    en: (p: { yamlCode: string; detail: string; kind: YamlSyntaxKind }) =>
      `YAML syntax error (${p.yamlCode}): ${SYNTAX_HINTS[p.kind].en} (the parser: ${p.detail})`,
  },
  YAML_MISALIGNED: {
    zh: (p: { indent: number; levels: string }) =>
      `这一行缩进了 ${p.indent} 个空格,与上面任何一层都对不齐${p.levels === '' ? '' : `(上面各层从里到外缩进 ${p.levels} 个空格)`}:同一层的键必须从同一列开始,下一层只能写在以冒号结尾的键(或 - )下面。请把这一行对齐到它所属的那一层。`,
    en: (p: { indent: number; levels: string }) =>
      `This line is indented ${p.indent} spaces, which lines up with no level above it${p.levels === '' ? '' : ` (the levels above, innermost first, are indented ${p.levels})`}: keys of one level start in the same column, and a deeper level only goes under a key ending with a colon (or a -). Line this line up with the level it belongs to.`,
  },
  YAML_TAB_INDENT: {
    zh: () => 'YAML 缩进不能使用 Tab。请改用空格缩进(通常两个空格)。',
    en: () => 'YAML indentation cannot use tabs. Indent with spaces (two per level is usual).',
  },
  YAML_DUPLICATE_KEY: {
    zh: (p: { key: string }) => `键 ${q(p.key)} 在同一层出现了两次。删除或合并其中一个。`,
    en: (p: { key: string }) =>
      `The key ${q(p.key)} appears twice at the same level. Remove or merge one of them.`,
  },
  YAML_CUSTOM_TAG: {
    zh: (p: { tag: string }) => `不允许使用自定义标签 ${p.tag}。只能使用普通的 YAML 值;删除该标签。`,
    en: (p: { tag: string }) =>
      `Custom tags such as ${p.tag} are not allowed. Use plain YAML values only; remove the tag.`,
  },
  YAML_TOO_MANY_ALIASES: {
    zh: (p: { limit: number }) => `YAML 别名(*引用)过多:最多 ${p.limit} 个。请直接写出内容,而不是层层引用。`,
    en: (p: { limit: number }) =>
      `Too many YAML aliases (*references): at most ${p.limit}. Write the content out instead of nesting references.`,
  },
  YAML_MULTIPLE_DOCUMENTS: {
    zh: () => '一个文件只能包含一个 YAML 文档。把其他版本放进各自的文件。',
    en: () => 'A file holds one YAML document. Put other versions in files of their own.',
  },
  FORBIDDEN_KEY: {
    zh: (p: { key: string }) => `不允许使用键 ${q(p.key)}(可能被用于篡改对象原型)。请改名。`,
    en: (p: { key: string }) =>
      `The key ${q(p.key)} is not allowed (it could tamper with object prototypes). Rename it.`,
  },
  // Schema.
  MISSING_KEY: {
    zh: (p: { key: string; misspelt?: { key: string; line: number } }) =>
      `缺少必填项 ${q(p.key)}。${p.misspelt ? `第 ${p.misspelt.line} 行的 ${q(p.misspelt.key)} 可能就是它的笔误:请把它改名为 ${q(p.key)}。` : '请在此处添加。'}`,
    en: (p: { key: string; misspelt?: { key: string; line: number } }) =>
      `The required key ${q(p.key)} is missing. ${p.misspelt ? `${q(p.misspelt.key)} (line ${p.misspelt.line}) is probably it misspelled: rename it to ${q(p.key)}.` : 'Add it here.'}`,
  },
  UNKNOWN_KEY: {
    zh: (p: { key: string; suggestion: string; allowed: string; missing?: boolean }) =>
      `未知的键 ${q(p.key)}。${p.missing ? `它应该就是这里缺少的必填项 ${q(p.suggestion)}:请改名为 ${q(p.suggestion)}。` : p.suggestion ? `是否想写 ${q(p.suggestion)}?` : `这里允许的键有:${p.allowed}。`}`,
    en: (p: { key: string; suggestion: string; allowed: string; missing?: boolean }) =>
      `Unknown key ${q(p.key)}. ${p.missing ? `It would be the missing required key ${q(p.suggestion)}: rename it to ${q(p.suggestion)}.` : p.suggestion ? `Did you mean ${q(p.suggestion)}?` : `Keys allowed here: ${p.allowed}.`}`,
  },
  WRONG_TYPE: {
    zh: (p: { expected: string; found: string }) =>
      `这里应为${typeZh(p.expected)},实际是${typeZh(p.found)}。${quoteHint(p) ? '如需文本,请加引号,例如 "2026.10"(不加引号的 2026.10 会被读成数字 2026.1)。' : ''}${unquoteHint(p) ? '如果写的是数字,请去掉引号,例如 85 而不是 "85"。' : ''}`,
    en: (p: { expected: string; found: string }) =>
      `Expected ${p.expected} here, found ${p.found}.${quoteHint(p) ? ' Quote it to make it text, e.g. "2026.10" (unquoted, 2026.10 reads as the number 2026.1).' : ''}${unquoteHint(p) ? ' If you wrote a number, remove the quotes: 85, not "85".' : ''}`,
  },
  NOT_ALLOWED_VALUE: {
    zh: (p: { value: string; allowed: string }) => `不允许的值 ${q(p.value)}。可选值:${p.allowed}。`,
    en: (p: { value: string; allowed: string }) =>
      `The value ${q(p.value)} is not allowed. Allowed values: ${p.allowed}.`,
  },
  BAD_FORMAT: {
    zh: (p: { what: string; whatEn: string }) => `格式不正确:${p.what}。`,
    en: (p: { what: string; whatEn: string }) => `Wrong format: ${p.whatEn}.`,
  },
  OUT_OF_RANGE: {
    zh: (p: { value: string; limit: string }) => `数值 ${p.value} 超出范围:应 ${p.limit}。`,
    en: (p: { value: string; limit: string }) =>
      `The number ${p.value} is out of range: it must be ${p.limit}.`,
  },
  EMPTY_VALUE: {
    zh: () => '这里不能为空。',
    en: () => 'This cannot be empty.',
  },
  BAD_KEY_NAME: {
    zh: (p: { key: string }) => `名称 ${q(p.key)} 不合法:只能用小写字母、数字、下划线和连字符,并以字母开头。`,
    en: (p: { key: string }) =>
      `The name ${q(p.key)} is not valid: use lower-case letters, digits, _ and -, starting with a letter.`,
  },
});

/** A permanent code of a configuration file problem. */
export type ConfigFileErrorCode = keyof typeof CONFIG_FILE_ERRORS;

function unquoteHint(p: { expected: string; found: string }): boolean {
  return (
    ['number', 'integer', 'number or string'].some((t) => p.expected.startsWith(t)) && p.found === 'string'
  );
}

function quoteHint(p: { expected: string; found: string }): boolean {
  return p.expected === 'string' && ['number', 'integer', 'boolean'].includes(p.found);
}

function typeZh(type: string): string {
  const names: Record<string, string> = {
    string: '文本',
    number: '数字',
    integer: '整数',
    boolean: '布尔值',
    object: '映射(键: 值)',
    array: '列表',
    null: '空值',
    'number or string': '数字或带单位的数量',
  };
  return names[type] ?? type;
}
