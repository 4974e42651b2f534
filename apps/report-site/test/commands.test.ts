import type { Manifest, Results } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import { impactCommand, recordedAppealsDir, verifyAllCommand, verifyCommand } from '../src/lib/commands.ts';
import type { SitePeriod } from '../src/lib/load.ts';

const manifest = (o: Partial<Manifest>) =>
  ({
    policy: { file: 'configs/policies/mycs/2026-11-01.yaml' },
    data_dir: 'data/mycs/2026-11',
    command: 'npx scorebook publish --period 2026-11',
    source: null,
    allow_missing: [],
    ...o,
  }) as unknown as Manifest;
const period = (m: Manifest | null) =>
  ({ id: '2026-11', manifest: m, results: { policy: { id: 'mycs' } } as unknown as Results }) as SitePeriod;
const appeal = (file: string) => ({ file, sha256: 'a'.repeat(64), git_commit: null });

describe('the appeals folder a publication read', () => {
  it('is the folder above the period folder of its appeal files', () => {
    expect(
      recordedAppealsDir(manifest({ appeals: [appeal('configs/appeals-mycs/2026-11/ap-kf004.yaml')] })),
    ).toBe('configs/appeals-mycs');
  });

  it('is the recorded --appeals when the period had no appeal files, quoted or not, and none without it', () => {
    const command = (tail: string) => manifest({ command: `npx scorebook publish --period 2026-11 ${tail}` });
    expect(recordedAppealsDir(command("--reason 'a --appeals b' --appeals configs/empty"))).toBe(
      'configs/empty',
    );
    expect(recordedAppealsDir(command("--appeals 'my appeals/x'"))).toBe('my appeals/x');
    expect(recordedAppealsDir(command('--appeals=configs/x'))).toBe('configs/x');
    expect(recordedAppealsDir(command("--reason '--appeals inside a reason'"))).toBeNull();
    expect(recordedAppealsDir(command(''))).toBeNull();
  });
});

describe('the commands the pages print for the results folder the site was built from', () => {
  it('verifies this publication: its folders, the results folder, source, missing tables and appeals when recorded', () => {
    const recorded = manifest({
      appeals: [appeal('configs/appeals-mycs/2026-11/ap-kf004.yaml')],
      source: { file: 'exports/source-mycs.yaml', sha256: 'b'.repeat(64), git_commit: null },
      allow_missing: ['orders', 'surveys'],
    });
    expect(verifyCommand(period(recorded), 'data/mycs-results')).toBe(
      'npx scorebook verify --policies configs/policies/mycs --data data/mycs/2026-11 --results data/mycs-results/2026-11 --source exports/source-mycs.yaml --allow-missing orders,surveys --appeals configs/appeals-mycs',
    );
    // A source beside the data is found by default; a folder with a space is quoted.
    const plain = manifest({
      source: { file: 'data/mycs/2026-11/source.yaml', sha256: 'b'.repeat(64), git_commit: null },
    });
    expect(verifyCommand(period(plain), '/srv/my results')).toBe(
      "npx scorebook verify --policies configs/policies/mycs --data data/mycs/2026-11 --results '/srv/my results/2026-11'",
    );
  });

  it('gives a draft a template, and every publication the --all command', () => {
    expect(verifyCommand(period(null), 'out')).toBe(
      'npx scorebook verify --policies configs/policies/mycs --data <data> --results out/2026-11',
    );
    expect(verifyAllCommand('data/mycs-results')).toBe(
      'npx scorebook verify --all --results data/mycs-results',
    );
  });

  it('suggests impact on the same results folder and appeals', () => {
    const recorded = manifest({ command: 'npx scorebook publish --appeals configs/appeals-mycs' });
    expect(impactCommand(period(recorded), 'data/mycs-results')).toBe(
      'npx scorebook impact --base main --policies configs/policies/mycs --period 2026-11 --results data/mycs-results --appeals configs/appeals-mycs',
    );
    expect(impactCommand(period(null), 'data/results')).toBe(
      'npx scorebook impact --base main --policies configs/policies/mycs --period 2026-11 --results data/results',
    );
  });
});
