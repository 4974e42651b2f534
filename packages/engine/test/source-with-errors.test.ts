import { describe, expect, it } from 'vitest';
import { EvaluationError, evaluate, inspectData } from '../src/index.ts';
import { csv, writeScenario } from './scenario.ts';

// A source.yaml with a map typo (line 14) and a bad encoding for messages (line 17), and two
// columns it names that the files lack (名字, 访客编号).
const SOURCE = `scorebook: 1
kind: source
tables:
  agents:
    files: ["客服名单.csv"]
    fields:
      agent_id: 工号
      name: 名字
  conversations:
    files: ["会话.csv"]
    fields:
      agent_id: 客服工号
      customer_id: 访客编号
      resolved: { column: 是否解决, map: { 是: true, 否: flase } }
  messages:
    files: ["聊天.csv"]
    encoding: latin-9
    fields:
      sent_at: 发送时间戳
`;

const TABLES = {
  'source.yaml': SOURCE,
  '客服名单.csv': csv('工号,姓名,team,role', 'a1,张三,售后一组,aftersale'),
  '会话.csv': csv(
    'conversation_id,客服工号,访客ID,channel,started_at,ended_at,是否解决',
    'c1,a1,u1,chat,2026-10-05T10:00:00+08:00,2026-10-05T10:10:00+08:00,是',
  ),
  // Its column 发送时间 is not the source's 发送时间戳, but its table's entry has an error: not checked.
  '聊天.csv': csv(
    'conversation_id,发送时间,sender,agent_id,text',
    'c1,2026-10-05T10:00:00+08:00,agent,a1,您好',
  ),
};

const places = (
  problems: readonly {
    code: string;
    severity: string;
    file: string | null;
    line: number | null;
    column: number | null;
  }[],
) =>
  problems.map(
    (p) => `${p.severity} ${p.code} ${p.file?.replace(/^.*[\\/]data[\\/]/, '')}:${p.line}:${p.column}`,
  );

// Sorted as every run's problems: the one without a line first, then by file, line and column.
const EXPECTED = [
  'warning SOURCE_ROWS_NOT_READ source.yaml:null:null',
  'error SOURCE_MAP_VALUE_TYPE source.yaml:14:52',
  'error NOT_ALLOWED_VALUE source.yaml:17:15',
  'error MAPPED_COLUMN_MISSING 会话.csv:1:null',
  'error MAPPED_COLUMN_MISSING 客服名单.csv:1:null',
];

describe('a source.yaml with errors', () => {
  it('is reported by evaluate with the headers its usable tables lack, in one run', async () => {
    const { policiesDir, dataDir } = writeScenario({ tables: TABLES });
    const error = await evaluate({ policiesDir, dataDir, period: '2026-10' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvaluationError);
    const { problems } = error as EvaluationError;
    expect(places(problems)).toEqual(EXPECTED);
    expect(problems[0]?.message.en).toBe(
      'source.yaml has errors (listed in this run), so no rows were read: the headers of agents, conversations were checked; fix the errors and run again to have the other headers and every row checked (rejected rows).',
    );
  });

  it('is reported the same by source check (inspectData)', async () => {
    const { dataDir } = writeScenario({ tables: TABLES });
    const error = await inspectData({ dataDir }).catch((e: unknown) => e);
    expect(places((error as EvaluationError).problems)).toEqual(EXPECTED);
  });

  it('checks no header when the folder cannot be located through it (a glob in ignore has an error)', async () => {
    const { dataDir } = writeScenario({
      tables: { ...TABLES, 'source.yaml': SOURCE.replace('tables:\n', 'ignore: ["../x"]\ntables:\n') },
    });
    const error = await inspectData({ dataDir }).catch((e: unknown) => e);
    expect(places((error as EvaluationError).problems).map((p) => p.split(' ')[1])).toEqual([
      'SOURCE_ROWS_NOT_READ',
      'SOURCE_BAD_GLOB',
      'SOURCE_MAP_VALUE_TYPE',
      'NOT_ALLOWED_VALUE',
    ]);
    expect((error as EvaluationError).problems[0]?.message.zh).toBe(
      'source.yaml 有错误(见本次列出的问题),数据尚未读取:改正后再运行,才会检查文件的表头和每一行数据(被拒绝的行)。',
    );
  });

  it('names a file no table takes with the errors when they are all inside fields (a draft TODO in a map)', async () => {
    // Only the map typo (line 14): the messages entry reads as written.
    const fieldsOnly = SOURCE.replace('    encoding: latin-9\n', '');
    const stray = { ...TABLES, '奖惩记录.csv': csv('工号,类型,分值', 'a1,表扬,2') };
    const { dataDir } = writeScenario({ tables: { ...stray, 'source.yaml': fieldsOnly } });
    const error = await inspectData({ dataDir }).catch((e: unknown) => e);
    expect(places((error as EvaluationError).problems)).toEqual([
      'warning SOURCE_ROWS_NOT_READ source.yaml:null:null',
      'error SOURCE_MAP_VALUE_TYPE source.yaml:14:52',
      'error MAPPED_COLUMN_MISSING 会话.csv:1:null',
      'error STRAY_FILE 奖惩记录.csv:null:null',
      'error MAPPED_COLUMN_MISSING 客服名单.csv:1:null',
      'error MAPPED_COLUMN_MISSING 聊天.csv:1:null',
    ]);
    // An error outside the fields (the messages entry's encoding) may change which files a table
    // takes: the file is said once the source is valid.
    const other = writeScenario({ tables: { ...stray, 'source.yaml': SOURCE } });
    const second = await inspectData({ dataDir: other.dataDir }).catch((e: unknown) => e);
    expect(places((second as EvaluationError).problems)).toEqual(EXPECTED);
  });
});
