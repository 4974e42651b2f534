import type { VerifyRow, VerifyStatus } from '@scorebook/governance';
import { describe, expect, it } from 'vitest';
import { verifyTotals } from '../src/commands/verify.ts';

const row = (status: VerifyStatus, publication: string | null = null): VerifyRow => ({
  period: '2027-02',
  publication,
  status,
  problems: [],
  fromArchive: false,
});

describe('the totals of verify --all', () => {
  it('counts only ok rows as verified: a superseded publication whose inputs changed is neither verified nor failed', () => {
    expect(
      verifyTotals([
        row('input_changed'),
        row('input_changed', 'superseded/1'),
        row('ok'),
        row('engine_changed', 'superseded/2'),
        row('differs', 'superseded/3'),
      ]),
    ).toEqual({ verified: 1, other: 1, failed: 2, earlier: 1 });
  });
});
