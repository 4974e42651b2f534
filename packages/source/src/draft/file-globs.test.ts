import { describe, expect, it } from 'vitest';
import { datedGlob, ignoreGlobs, tableGlobs } from './file-globs.ts';

describe('datedGlob', () => {
  it.each([
    ['会话记录_2026-10.csv', '会话记录_*.csv'],
    ['会话记录_2026年10月.csv', '会话记录_*.csv'],
    ['chat_20261005_part2.xlsx', 'chat_*_part2.xlsx'],
    ['聊天记录/2026-10-05.xlsx', '聊天记录/*.xlsx'],
    ['2026-10/会话.csv', '*/会话.csv'],
    ['export (1).csv', 'export (1).csv'],
    ['agents.csv', 'agents.csv'],
  ])('%s → %s', (path, glob) => {
    expect(datedGlob(path)).toBe(glob);
  });
});

describe('tableGlobs', () => {
  it('generalises dated names and falls back to literal names when a glob would catch another file', () => {
    expect(tableGlobs(['会话记录_2026-10.csv', '会话记录_2026-11.csv'], ['聊天记录_2026-10.csv'])).toEqual([
      '会话记录_*.csv',
    ]);
    expect(tableGlobs(['会话记录_2026-10.csv', '会话记录_2026-11.csv'], ['会话记录_汇总.csv'])).toEqual([
      '会话记录_????-??.csv',
    ]);
    expect(tableGlobs(['data_2026-10.csv'], ['data_2026-11.csv'])).toEqual(['data_2026-10.csv']);
  });
});

describe('ignoreGlobs', () => {
  it('ignores by extension per folder, other names literally', () => {
    expect(ignoreGlobs(['说明.pdf', 'docs/a.pdf', 'README', 'notes.csv.bak'], ['会话.xlsx'])).toEqual([
      '*.bak',
      '*.pdf',
      'README',
      'docs/*.pdf',
    ]);
  });

  it('keeps a name literal when its extension glob would catch a data file', () => {
    expect(ignoreGlobs(['a.CSV'], ['b.CSV'])).toEqual(['a.CSV']);
  });
});
