import type { Manifest, Results } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import type { SitePeriod } from '../src/lib/load.ts';
import { earlyPublication, publications, publishedAtLocal, reasonAppeals } from '../src/lib/publications.ts';

const results = (version: string) => ({ policy: { version } }) as unknown as Results;
const manifest = (supersedes: Manifest['supersedes'], published_at?: string) =>
  ({ supersedes, ...(published_at === undefined ? {} : { published_at }) }) as unknown as Manifest;

describe('the publication history of a period', () => {
  it('lists the earlier publications oldest first, each with the reason the next one recorded, the one in force last', () => {
    const period = {
      manifest: manifest({ publication: 'superseded/2', reason: 'appeals: ap-101' }),
      results: results('3'),
      history: [
        { dir: '1', manifest: manifest(null), results: results('1') },
        {
          dir: '2',
          manifest: manifest({ publication: 'superseded/1', reason: '补录质检' }),
          results: results('2'),
        },
      ],
    } as unknown as SitePeriod;
    expect(publications(period).map((p) => [p.slot, p.results.policy.version, p.replacedBecause])).toEqual([
      ['superseded/1', '1', '补录质检'],
      ['superseded/2', '2', 'appeals: ap-101'],
      [null, '3', null],
    ]);
  });

  it('has no history for a draft', () => {
    const draft = { manifest: null, results: results('1'), history: [] } as unknown as SitePeriod;
    expect(publications(draft)).toEqual([]);
  });

  it('reads the appeals publish adds to a reason, with or without --reason', () => {
    expect(reasonAppeals('appeals: ap-101')).toEqual(['ap-101']);
    expect(reasonAppeals('申诉 ap-101 登记 (appeals: ap-101, ap-102)')).toEqual(['ap-101', 'ap-102']);
    expect(reasonAppeals('engine 2.0.0: results record the data source')).toEqual([]);
    expect(reasonAppeals('see appeals: ap-1 later')).toEqual([]);
  });

  it('shows when a publication was made in the period timezone, and nothing for an older manifest', () => {
    expect(publishedAtLocal(manifest(null, '2026-12-03T09:14:04.542Z'), 'Asia/Shanghai')).toBe(
      '2026-12-03 17:14',
    );
    expect(publishedAtLocal(manifest(null, '2026-12-31T16:30:00.000Z'), 'Asia/Shanghai')).toBe(
      '2027-01-01 00:30',
    );
    expect(publishedAtLocal(manifest(null), 'Asia/Shanghai')).toBeNull();
  });
});

describe('a period published before it ended', () => {
  const period = (m: Manifest | null) =>
    ({
      manifest: m,
      results: { period: { end: '2027-01-01T00:00:00+08:00', timezone: 'Asia/Shanghai' } },
    }) as unknown as SitePeriod;
  const built = (iso: string) => new Date(iso);

  it('is told by published_at when the manifest records it: before the end, and only then', () => {
    expect(
      earlyPublication(period(manifest(null, '2026-12-01T02:00:00.000Z')), built('2027-02-01T00:00:00Z')),
    ).toEqual({
      basis: 'published_at',
      at: '2026-12-01 10:00 Asia/Shanghai',
      end: '2027-01-01 00:00 Asia/Shanghai',
    });
    // At the end itself, or after it, the period had ended; the build's time does not matter then.
    expect(
      earlyPublication(period(manifest(null, '2026-12-31T16:00:00.000Z')), built('2026-12-03T00:00:00Z')),
    ).toBeNull();
    expect(
      earlyPublication(period(manifest(null, '2027-01-02T00:00:00.000Z')), built('2026-12-03T00:00:00Z')),
    ).toBeNull();
  });

  it('is told by the build without published_at: built before the end, so published before it', () => {
    expect(earlyPublication(period(manifest(null)), built('2026-12-03T12:44:00Z'))).toEqual({
      basis: 'build',
      at: '2026-12-03 20:44 Asia/Shanghai',
      end: '2027-01-01 00:00 Asia/Shanghai',
    });
    expect(earlyPublication(period(manifest(null)), built('2026-12-31T16:00:00Z'))).toBeNull();
  });

  it('is never said of a draft', () => {
    expect(earlyPublication(period(null), built('2026-12-03T00:00:00Z'))).toBeNull();
  });
});
