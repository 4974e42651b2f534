import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { INPUT_TABLES, type InputTableName } from '@scorebook/contract';
import { EvaluationError, type RunProblem } from '../problems.ts';

const DATA_FILE = /\.(csv|jsonl)$/;

/**
 * Finds the files of each table in a data directory: `<table>.csv`, `<table>.jsonl`, or a folder
 * `<table>/` of such files in lexical order. A table given twice, or no `agents`, stops the run.
 * Absent tables have no files.
 */
export function locateTables(dataDir: string): Map<InputTableName, string[]> {
  let entries: string[];
  try {
    entries = readdirSync(dataDir);
  } catch (error) {
    throw new EvaluationError([
      {
        code: 'DATA_DIR_UNREADABLE',
        file: dataDir,
        line: null,
        message: {
          zh: `无法读取数据目录 ${dataDir}(${(error as NodeJS.ErrnoException).code ?? String(error)})。`,
          en: `The data directory ${dataDir} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
        },
      },
    ]);
  }
  const problems: RunProblem[] = [];
  const tables = new Map<InputTableName, string[]>();
  for (const table of INPUT_TABLES) {
    const candidates = [`${table}.csv`, `${table}.jsonl`, table].filter((name) => entries.includes(name));
    if (candidates.length > 1) {
      problems.push({
        code: 'TABLE_GIVEN_TWICE',
        file: join(dataDir, table),
        line: null,
        message: {
          zh: `表 ${table} 同时以 ${candidates.join('、')} 给出。每张表只能有一种形式;请删除多余的。`,
          en: `The table ${table} is given as ${candidates.join(' and ')}. Give each table once; remove the extra.`,
        },
      });
      continue;
    }
    const name = candidates[0];
    if (name === undefined) {
      tables.set(table, []);
      continue;
    }
    const path = join(dataDir, name);
    if (statSync(path).isDirectory()) {
      const files = readdirSync(path)
        .filter((f) => DATA_FILE.test(f) && !f.startsWith('.'))
        .sort()
        .map((f) => join(path, f));
      tables.set(table, files);
    } else {
      tables.set(table, [path]);
    }
  }
  if ((tables.get('agents') ?? []).length === 0 && problems.length === 0) {
    problems.push({
      code: 'AGENTS_MISSING',
      file: dataDir,
      line: null,
      message: {
        zh: `数据目录 ${dataDir} 中没有 agents 表(agents.csv 或 agents.jsonl)。客服名单是唯一必需的表。`,
        en: `The data directory ${dataDir} has no agents table (agents.csv or agents.jsonl). It is the one table that is required.`,
      },
    });
  }
  if (problems.length > 0) throw new EvaluationError(problems);
  return tables;
}
