// The calibration page's script (docs/calibration.md), bundled into the classic script
// calibrate.js at the site's root (pages/calibrate.js.ts). It reads the page's data, keeps the
// edits in the URL fragment, and on every change scores the agents again with lib/calibrate.ts.
import {
  applyEdits,
  type CalibrationData,
  type Comparison,
  checkEdits,
  compare,
  decodeEdits,
  editedText,
  encodeEdits,
  fromInput,
  type Outcome,
  recompute,
  toInput,
  weightlessItems,
} from '../lib/calibrate.ts';

/**
 * What the page hands the script (pages/[lang]/periods/[period]/calibrate/[scorecard].astro), and
 * the scorecard's data script before it (pages/downloads/[period]/calibration/[scorecard].js.ts).
 */
interface IslandData {
  data: CalibrationData;
  hrefs: string[];
  metricTitles: Record<string, string>;
  grades: Array<{ grade: string; label: string }>;
  lang: 'zh' | 'en';
  impact: string;
  texts: Record<
    | 'notRated'
    | 'noMovers'
    | 'noChange'
    | 'refused'
    | 'causeThreshold'
    | 'causeVeto'
    | 'causeAdjustment'
    | 'line'
    | 'drift',
    string
  >;
}

/** What the page exposes for its tests and for a reader's console: the last outcome. */
declare global {
  interface Window {
    scorebookCalibrationData?: Pick<IslandData, 'data' | 'hrefs'>;
    scorebookCalibration?: { edits: Record<string, number>; outcomes: Outcome[]; ms: number };
  }
}

const source = document.getElementById('calibration-data');
const shared = window.scorebookCalibrationData;
if (source !== null && shared !== undefined)
  start({
    ...(JSON.parse(source.dataset.calibration ?? '{}') as Omit<IslandData, 'data' | 'hrefs'>),
    ...shared,
  });

function start(island: IslandData): void {
  const { data, texts } = island;
  const before = recompute(data, applyEdits(data, {}));
  // With no change the recomputation is the published outcome, unless policy.json was altered.
  const drift = before.some((o, i) => {
    const p = data.agents[i]?.published;
    return p === undefined || p.total !== o.total || p.grade !== o.grade || p.rank !== o.rank;
  });
  const driftNote = document.querySelector<HTMLElement>('[data-drift]');
  if (drift && driftNote !== null) {
    driftNote.textContent = texts.drift;
    driftNote.hidden = false;
  }
  const inputs = [...document.querySelectorAll<HTMLInputElement>('input[data-key]')];
  let edits: Record<string, number> = decodeEdits(location.hash);
  let sort: { key: string; descending: boolean } = { key: 'total', descending: true };
  let last: Comparison | null = null;
  let weightlessTimer: number | undefined;

  const showInputs = () => {
    for (const input of inputs) {
      const key = input.dataset.key ?? '';
      const value = Object.hasOwn(edits, key) ? edits[key] : Number(input.dataset.published);
      input.value = value === undefined ? '' : toInput(value, unit(input));
      input.classList.toggle('edited', Object.hasOwn(edits, key));
    }
  };

  const update = () => {
    const started = performance.now();
    const policy = applyEdits(data, edits);
    const problems = checkEdits(data, policy);
    const after = problems.length === 0 ? recompute(data, policy) : before;
    const ms = performance.now() - started;
    window.scorebookCalibration = { edits: { ...edits }, outcomes: after, ms };
    const encoded = encodeEdits(edits);
    history.replaceState(null, '', encoded === '' ? location.pathname + location.search : `#${encoded}`);
    showProblems(problems.map((p) => `${p.code}: ${p.message[island.lang]}`));
    last = compare(data.policy, before, after);
    showMix(last);
    showMovers();
    showYaml();
    window.clearTimeout(weightlessTimer);
    const weightless = document.querySelector('[data-weightless]');
    if (weightless !== null) {
      weightless.textContent = '…';
      // Scoring once per item: after the rest is shown, so that typing stays quick.
      weightlessTimer = window.setTimeout(() => {
        const ids = problems.length === 0 ? weightlessItems(data, policy, after) : [];
        weightless.textContent =
          ids.length === 0 ? '—' : ids.map((id) => island.metricTitles[id] ?? id).join('、');
      }, 50);
    }
  };

  const showProblems = (lines: string[]) => {
    const box = document.querySelector('[data-problems]');
    if (box === null) return;
    box.replaceChildren();
    if (lines.length === 0) return;
    const p = document.createElement('p');
    p.textContent = texts.refused;
    const ul = document.createElement('ul');
    for (const line of lines) {
      const li = document.createElement('li');
      li.textContent = line;
      li.dataset.problem = line.slice(0, line.indexOf(':'));
      ul.append(li);
    }
    box.append(p, ul);
  };

  const showMix = (c: Comparison) => {
    for (const row of c.mix) {
      const tr = document.querySelector(`[data-grade-mix] tr[data-grade="${CSS.escape(row.grade)}"]`);
      if (tr === null) continue;
      setText(tr, '[data-before]', String(row.before));
      setText(tr, '[data-after]', String(row.after));
      const d = row.after - row.before;
      setText(tr, '[data-change]', d > 0 ? `+${d}` : d < 0 ? String(d) : '±0');
    }
    const mean = document.querySelector('[data-mean]');
    if (mean !== null) {
      setText(mean, '[data-before]', score(c.mean.before));
      setText(mean, '[data-after]', score(c.mean.after));
    }
  };

  const causeOf = (m: Comparison['movers'][number]): string => {
    if (m.cause !== null) return island.metricTitles[m.cause] ?? m.cause;
    if (m.before.vetoes.join() !== m.after.vetoes.join()) return texts.causeVeto;
    if (m.before.total === m.after.total) return texts.causeThreshold;
    return texts.causeAdjustment;
  };

  const showMovers = () => {
    const body = document.querySelector('[data-movers] tbody');
    if (body === null || last === null) return;
    const gradeIndex = new Map(island.grades.map((g, i) => [g.grade, i]));
    const rows = last.movers.map((m) => {
      const agent = data.agents[m.index];
      return {
        m,
        name: agent?.name ?? '',
        team: agent?.team ?? '',
        before: gradeIndex.get(m.before.grade ?? '') ?? island.grades.length,
        after: gradeIndex.get(m.after.grade ?? '') ?? island.grades.length,
        total: (m.after.total ?? -1) - (m.before.total ?? -1),
        cause: causeOf(m),
      };
    });
    const key = sort.key as keyof (typeof rows)[number];
    rows.sort((a, b) => {
      const x = a[key];
      const y = b[key];
      const order =
        typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return (sort.descending ? -order : order) || a.m.index - b.m.index;
    });
    body.replaceChildren(
      ...(rows.length === 0
        ? [row([texts.noMovers], 6)]
        : rows.map(({ m, name, team, cause }) => {
            const tr = document.createElement('tr');
            tr.dataset.agent = m.after.agent_id;
            const a = document.createElement('a');
            a.href = island.hrefs[m.index] ?? '#';
            a.textContent = name;
            const th = document.createElement('th');
            th.scope = 'row';
            th.append(a);
            tr.append(
              th,
              cell(team),
              cell(m.before.grade ?? texts.notRated),
              cell(m.after.grade ?? texts.notRated),
              cell(`${score(m.before.total)} → ${score(m.after.total)}`),
              cell(cause),
            );
            return tr;
          })),
    );
    for (const th of document.querySelectorAll<HTMLElement>('[data-movers] th[aria-sort]')) {
      const k = th.querySelector<HTMLElement>('[data-sort]')?.dataset.sort;
      th.setAttribute('aria-sort', k === sort.key ? (sort.descending ? 'descending' : 'ascending') : 'none');
    }
  };

  const showYaml = () => {
    const { text, changed } = editedText(data, edits);
    const pre = document.querySelector('[data-yaml] code');
    if (pre !== null)
      pre.textContent =
        changed.length === 0
          ? texts.noChange
          : changed
              .map((c) => {
                const where = `# ${texts.line.replace('0', String(c.line))}`;
                return c.before === '' ? `${where}\n+${c.after}` : `${where}\n-${c.before}\n+${c.after}`;
              })
              .join('\n');
    const file = document.querySelector<HTMLTextAreaElement>('[data-yaml-file]');
    if (file !== null) file.value = text;
  };

  document.querySelector('[data-calibrate-form]')?.addEventListener('input', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.dataset.key === undefined) return;
    const key = input.dataset.key;
    const value = fromInput(input.value, unit(input));
    if (value === null) return;
    if (value === Number(input.dataset.published)) delete edits[key];
    else edits[key] = value;
    input.classList.toggle('edited', Object.hasOwn(edits, key));
    update();
  });
  document.querySelector('[data-reset]')?.addEventListener('click', () => {
    edits = {};
    showInputs();
    update();
  });
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-movers] [data-sort]'))
    button.addEventListener('click', () => {
      const key = button.dataset.sort ?? 'total';
      sort = { key, descending: sort.key === key ? !sort.descending : key === 'total' };
      showMovers();
    });
  window.addEventListener('hashchange', () => {
    edits = decodeEdits(location.hash);
    showInputs();
    update();
  });
  showInputs();
  update();
}

function unit(input: HTMLInputElement): 'ratio' | 'number' {
  return input.dataset.unit === 'ratio' ? 'ratio' : 'number';
}

function score(value: number | null): string {
  return value === null ? '—' : (Math.round(value * 10) / 10).toFixed(1);
}

function setText(root: Element, selector: string, text: string): void {
  const el = root.querySelector(selector);
  if (el !== null) el.textContent = text;
}

function cell(text: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

function row(texts: string[], span: number): HTMLTableRowElement {
  const tr = document.createElement('tr');
  const td = cell(texts.join(' '));
  td.colSpan = span;
  tr.append(td);
  return tr;
}
