import { describe, expect, it } from 'vitest';
import { governanceMessage } from '../src/errors.ts';

describe('INPUT_CHANGE_EFFECT', () => {
  const effect = { agents: 1, ids: 'a001', graded: 0, gradedIds: '' };

  it('tells the publication in force to be re-published with --supersede when the data was corrected', () => {
    const { en } = governanceMessage('INPUT_CHANGE_EFFECT', { ...effect, superseded: false });
    expect(en).toBe(
      'Recomputed with the data as it is now, 1 agent’s results change (a001); no agent’s total, grade, rank or rating status changes (only metric values, scores and the like). If the data was corrected, re-publish the period with --supersede --reason.',
    );
  });

  it('tells a superseded publication that the one in force is not affected, and to keep inputs with --archive', () => {
    const { zh, en } = governanceMessage('INPUT_CHANGE_EFFECT', { ...effect, superseded: true });
    expect(en).toContain('This is an earlier publication, superseded; the one in force is not affected.');
    expect(en).toContain('publish with --archive from now on');
    expect(en).not.toContain('--supersede');
    expect(zh).toContain('这是被替换的早先发布');
    expect(zh).not.toContain('--supersede');
  });
});
