import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InputTableName } from '@scorebook/contract';
import { ScorebookError, sortProblems } from '@scorebook/problems';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE, type Source, type TableSource } from '../model.ts';
import { locateFiles } from './locate-files.ts';

const folder = (files: Record<string, string>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'scorebook-locate-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
};

/** What stops a run in locating the files: the problems thrown, or the stray files given back. */
const stops = (dir: string, source: Source = DEFAULT_SOURCE) => {
  try {
    return sortProblems(locateFiles(dir, source).strays);
  } catch (error) {
    if (error instanceof ScorebookError) return error.problems;
    throw error;
  }
};

const problemsOf = (dir: string, source: Source = DEFAULT_SOURCE) =>
  stops(dir, source).map((p) => [p.code, p.file]);

const listing = (files: Record<string, { files: string[] } | null>): Source => ({
  ...DEFAULT_SOURCE,
  file: null,
  tables: new Map(
    Object.entries(files).map(([table, t]) => [
      table as InputTableName,
      {
        table: table as TableSource['table'],
        files: t?.files ?? null,
        encoding: 'utf-8',
        headerRow: 1,
        sheet: null,
        fields: [],
        source: { file: 'source.yaml', line: 1, column: 1, path: '' },
      },
    ]),
  ),
});

describe('locating the files of each table', () => {
  it('reads the v1 layout: <table>.csv, <table>.jsonl and <table>/ in name order', () => {
    const dir = folder({
      'agents.csv': 'a',
      'messages/2026-10-02.jsonl': '',
      'messages/2026-10-01.jsonl': '',
      'surveys.jsonl': '',
    });
    const located = locateFiles(dir, DEFAULT_SOURCE);
    expect(located.tables.messages.files.map((f) => f.name)).toEqual([
      'messages/2026-10-01.jsonl',
      'messages/2026-10-02.jsonl',
    ]);
    expect(located.tables.surveys.files.map((f) => f.format)).toEqual(['jsonl']);
    expect(located.tables.orders.files).toEqual([]);
  });

  it('stops at every file that belongs to no table, naming the nearest table', () => {
    const dir = folder({
      'agents.csv': 'a',
      'conversations_2026-10.csv': '',
      'Surveys.csv': '',
      'messages.json': '',
      '会话记录_2026-10.xlsx': '',
      '.DS_Store': '',
      '~$会话记录.xlsx': '',
    });
    expect(problemsOf(dir)).toEqual([
      ['SOURCE_NEEDED', dir],
      ['STRAY_FILE', 'Surveys.csv'],
      ['STRAY_FILE', 'conversations_2026-10.csv'],
      ['STRAY_FILE', 'messages.json'],
      ['STRAY_FILE', '会话记录_2026-10.xlsx'],
    ]);
  });

  it('without a source, drafts one source.yaml that reads every stray file', () => {
    const dir = folder({
      'agents.csv': 'a',
      'conversations_2026-10.csv': '',
      'conversations_2026-11.csv': '',
      'Surveys.csv': '',
      'notes.txt': '',
      'messages.json': '',
    });
    let problems: Array<{ code: string; message: { en: string } }> = [];
    problems = stops(dir, DEFAULT_SOURCE);
    expect(problems.map((p) => p.code)).toEqual([
      'SOURCE_NEEDED',
      'STRAY_FILE',
      'STRAY_FILE',
      'STRAY_FILE',
      'STRAY_FILE',
    ]);
    expect(problems[2]!.message.en).toBe(
      '2 files conversations_2026-10.csv … conversations_2026-11.csv belong to no table (it looks like conversations).',
    );
    expect(problems[0]!.message.en).toBe(
      `The data folder ${dir} has no source.yaml, and 4 file group(s) belong to no table (each listed). Draft one with npx scorebook source init ${dir} (it reads the headers and sample rows, and maps columns, encodings and values); or create ${dir}/source.yaml with at least:
scorebook: 1
kind: source
ignore: ["messages.json", "notes.txt"]
tables:
  conversations:
    files: ["conversations_*.csv"]
  surveys:
    files: ["Surveys.csv"]`,
    );
  });

  it('with a source, says which lines to add to it', () => {
    const dir = folder({ 'agents.csv': 'a', 'conversations_2026-10.csv': '' });
    const source = { ...listing({}), file: join(dir, 'source.yaml'), ignore: [] };
    expect(stops(dir, source).map((p) => p.message.en)).toEqual([
      'The file conversations_2026-10.csv belongs to no table (it looks like conversations). Add to source.yaml (into the list when it has one already):\ntables:\n  conversations:\n    files: ["conversations_*.csv"]',
    ]);
  });

  it('with a source, offers to declare a readable file no contract table takes as a custom table', () => {
    const dir = folder({
      'agents.csv': 'a',
      '社群成员_2026-10.csv': '',
      'coupons.xlsx': '',
      'notes.txt': '',
    });
    const source = { ...listing({}), file: join(dir, 'source.yaml'), ignore: [] };
    const messages = stops(dir, source).map((p) => p.message.en);
    const custom = (name: string, title: string[], glob: string) =>
      [
        '# 若策略要读取它,声明为自定义表(docs/custom-tables.md)/ if a policy is to read it, declare it as a custom table (docs/custom-tables.md):',
        '# custom:',
        `#   ${name}:`,
        ...title,
        `#     files: ["${glob}"]`,
        '#     id: <id 字段 / id field>',
        '#     agent: <客服字段 / agent field>',
        '#     time: <时间字段 / time field>',
        '#     fields: { <字段 field>: { column: <列名 column>, type: <id|string|int|number|bool|timestamp|date> } }',
      ].join('\n');
    const ignore = (glob: string) =>
      `ignore: ["${glob}"]\n# add it to the ignore list, or read it as a table (tables: <table>: files: [...]) / 加入 ignore 列表,或作为某张表读取`;
    const head = (file: string) =>
      `The file ${file} belongs to no table. Add to source.yaml (into the list when it has one already):\n`;
    expect(messages).toEqual([
      `${head('coupons.xlsx')}${ignore('coupons.xlsx')}\n${custom('x_coupons', [], 'coupons.xlsx')}`,
      `${head('notes.txt')}${ignore('notes.txt')}`,
      `${head('社群成员_2026-10.csv')}${ignore('社群成员_*.csv')}\n${custom('x_table', ['#     title: 社群成员'], '社群成员_*.csv')}`,
    ]);
  });

  it('reports a folder of daily files once, with a glob for the folder and the table its name suggests', () => {
    const dir = folder({
      'agents.csv': 'a',
      '聊天记录/2026-10-01.csv': '',
      '聊天记录/2026-10-02.csv': '',
      '聊天记录/2026-10-03.csv': '',
      '奖惩记录_2026-10.csv': '',
    });
    let problems: Array<{ code: string; file: string | null; message: { en: string } }> = [];
    problems = stops(dir, DEFAULT_SOURCE);
    expect(problems.map((p) => [p.code, p.file])).toEqual([
      ['SOURCE_NEEDED', dir],
      ['STRAY_FILE', '奖惩记录_2026-10.csv'],
      ['STRAY_FILE', '聊天记录/2026-10-01.csv'],
    ]);
    expect(problems[2]!.message.en).toBe(
      '3 files 聊天记录/2026-10-01.csv … 聊天记录/2026-10-03.csv belong to no table (it looks like messages).',
    );
    expect(problems[0]!.message.en).toContain(
      'scorebook: 1\nkind: source\ntables:\n  messages:\n    files: ["聊天记录/*.csv"]\n  events:\n    files: ["奖惩记录_*.csv"]',
    );
    expect(problems[1]!.message.en).toContain('(it looks like events)');
    expect(problems[0]!.message.en).toContain(`npx scorebook source init ${dir}`);
  });

  it('reads listed tables by their globs and refuses a file claimed twice', () => {
    const dir = folder({
      'agents.csv': 'a',
      '会话记录_2026-10.csv': '',
      '会话记录_2026-11.csv': '',
      'README.md': '',
    });
    const source = { ...listing({ conversations: { files: ['会话记录_*.csv'] } }), ignore: ['README*'] };
    expect(locateFiles(dir, source).tables.conversations.files.map((f) => f.name)).toEqual([
      '会话记录_2026-10.csv',
      '会话记录_2026-11.csv',
    ]);
    const twice = listing({ conversations: { files: ['*.csv'] } });
    expect(problemsOf(dir, { ...twice, ignore: ['README*'] })).toEqual([
      ['FILE_IN_TWO_TABLES', 'agents.csv'],
    ]);
  });

  it('refuses a table given twice, an unreadable extension and a folder without agents', () => {
    expect(problemsOf(folder({ 'agents.csv': 'a', 'events.csv': '', 'events.jsonl': '' }))).toEqual([
      ['TABLE_GIVEN_TWICE', expect.stringContaining('events')],
    ]);
    expect(problemsOf(folder({ 'agents.csv': 'a', 'events/notes.txt': '' }))).toEqual([
      ['UNKNOWN_EXTENSION', 'events/notes.txt'],
    ]);
    expect(problemsOf(folder({ 'surveys.csv': '' }))).toEqual([['AGENTS_MISSING', expect.any(String)]]);
  });
});
