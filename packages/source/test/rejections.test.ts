import { messageOf } from '@scorebook/problems';
import { describe, expect, it } from 'vitest';
import { VALUE_REJECTIONS } from '../src/fields/rejections.ts';

describe('BAD_VALUE', () => {
  it('names the column when given, as UNMAPPED_VALUE does, and says what to do about a time', () => {
    const message = messageOf(VALUE_REJECTIONS, 'BAD_VALUE', {
      field: 'started_at',
      column: '开始时间',
      value: '2026/13/05 09:00:00',
      type: 'timestamp',
      formats: 'yyyy/MM/dd HH:mm:ss',
    });
    expect(message.zh).toBe(
      '列 开始时间(字段 started_at) 的值 "2026/13/05 09:00:00" 不是有效的时间(不符合任何一种格式:yyyy/MM/dd HH:mm:ss)。请改正导出中的这个值;若它是导出的另一种写法,把这种写法加到 source.yaml 中 started_at 的 format 列表。',
    );
    expect(message.en).toBe(
      'column 开始时间 (field started_at): "2026/13/05 09:00:00" is not a valid timestamp (it matches none of the formats: yyyy/MM/dd HH:mm:ss). Correct the value in the export; if the export spells it this way, add that spelling to the format list of started_at in source.yaml.',
    );
  });

  it('without a column names the field; without a format says to give one; other types point at a map', () => {
    const time = messageOf(VALUE_REJECTIONS, 'BAD_VALUE', {
      field: 'sent_at',
      value: '2026/10/05',
      type: 'timestamp',
      formats: '',
    });
    expect(time.zh).toBe(
      '字段 sent_at 的值 "2026/10/05" 不是有效的时间戳(ISO 8601)。请改正导出中的这个值;若导出都这样写,在 source.yaml 中为 sent_at 写出 format(例如 yyyy/MM/dd HH:mm:ss)。',
    );
    const bool = messageOf(VALUE_REJECTIONS, 'BAD_VALUE', {
      field: 'resolved',
      column: '是否解决',
      value: '是',
      type: 'bool',
      formats: '',
    });
    expect(bool.en).toBe(
      'column 是否解决 (field resolved): "是" is not a valid bool. Correct the value in the export, or map this spelling to a valid value with a map on resolved in source.yaml.',
    );
  });
});
