import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { neutralise } from '@scorebook/policy';
import { describe, expect, it } from 'vitest';
import { scorecardRows, scorecardsCsv } from '../src/lib/downloads.ts';
import type { SitePeriod } from '../src/lib/load.ts';
import { slugOf } from '../src/lib/slug.ts';

const src = fileURLToPath(new URL('../src/', import.meta.url));

function files(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, ext) : p.endsWith(ext) ? [p] : [];
  });
}

describe('escaping rules of the site (a lint over every .astro file)', () => {
  const astro = files(src, '.astro');

  it('finds the templates', () => {
    expect(astro.length).toBeGreaterThan(10);
  });

  for (const file of astro) {
    const source = readFileSync(file, 'utf8');
    // The template: what follows the frontmatter fence, where data meets markup.
    const text = source.startsWith('---') ? source.slice(source.indexOf('---', 3) + 3) : source;
    const name = file.slice(src.length);
    it(`${name}: no inline language choice (every text comes from the catalogue in lib/messages.ts)`, () => {
      expect(source).not.toMatch(/lang\s*[!=]==?\s*['"](?:zh|en)['"]/);
      expect(source).not.toMatch(/['"](?:zh|en)['"]\s*[!=]==?\s*lang\b/);
    });
    it(`${name}: no root-absolute link (links come from lib/links.ts)`, () => {
      expect(text).not.toMatch(/\s(?:href|src|action)=["']\//);
      expect(source).not.toMatch(/BASE_URL/);
    });
    it(`${name}: no set:html, no spread attributes, no tag names from data`, () => {
      expect(source).not.toMatch(/set:html/);
      expect(text).not.toMatch(/<[A-Za-z][\w.-]*\s[^>]*\{\s*\.\.\./);
      expect(text).not.toMatch(/<\{/);
      expect(source).not.toMatch(/const [A-Z]\w* = [^;]*\.(?:tag|element|component)\b/);
    });
  }
});

describe('downloads', () => {
  it('neutralises text that a spreadsheet would read as a formula', () => {
    expect(neutralise('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutralise('+1')).toBe("'+1");
    expect(neutralise('-2')).toBe("'-2");
    expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralise('张三')).toBe('张三');
  });

  it('writes hostile names as inert text in the CSV, numbers as numbers', () => {
    const period = {
      id: '2026-10',
      results: {
        agents: [
          {
            agent_id: 'a1',
            name: '<script>alert(1)</script>',
            team: '=HYPERLINK("x")',
            role: 'aftersale',
            scorecard: 'aftersale',
            status: 'rated',
            reason: null,
            grade: 'A',
            rank: 1,
            base_score: 90,
            total_score: 88.5,
            vetoes: [],
            worst_metrics: [],
            metrics: { fcr: { value: 0.9, sample: 10, score: 100, weight: 20, status: 'scored' } },
            adjustments: { discipline: -2 },
          },
        ],
      },
    } as unknown as SitePeriod;
    const csv = scorecardsCsv(period);
    expect(csv.startsWith('\ufeffagent_id,name,team')).toBe(true);
    expect(csv).toContain(`a1,<script>alert(1)</script>,"'=HYPERLINK(""x"")",aftersale`);
    expect(scorecardRows(period)[1]).toContain(88.5);
  });
});

describe('slugs', () => {
  it('keeps plain ids and hashes anything else', () => {
    expect(slugOf('a0001')).toBe('a0001');
    expect(slugOf('2026.10')).toBe('2026.10');
    expect(slugOf('../etc')).toMatch(/^h-[0-9a-f]{16}$/);
    expect(slugOf('a..b')).toMatch(/^h-/);
    expect(slugOf('售后一组')).toBe('售后一组');
    expect(slugOf('售后 一组')).toMatch(/^h-[0-9a-f]{16}$/);
    expect(slugOf('__proto__')).toMatch(/^h-[0-9a-f]{16}$/);
    expect(slugOf('e\u0301')).toMatch(/^h-/);
    expect(slugOf('\u00e9')).toBe('\u00e9');
  });
});
