import * as echarts from 'echarts';

// Charts are drawn at build time into SVG by Apache ECharts' server-side renderer and embedded
// as images, so they need no JavaScript in the browser; every chart has a text alternative
// and its numbers are also in a table on the page.

const FONT = "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

/**
 * A text from data made safe to hand to ECharts: zrender caches text measurements in plain
 * objects keyed by the text, so a label such as `__proto__` would write onto Object.prototype
 * (and break every later page). Such a text gets an invisible zero-width space.
 */
export function chartText(text: string): string {
  return text in Object.prototype ? `${text}\u200b` : text;
}

function render(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
  // zrender numbers its instances: drop the number so the same chart gives the same bytes.
  const svg = chart.renderToSVGString().replace(/\bzr\d+-/g, 'zr-');
  chart.dispose();
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** A bar chart of counts per category (grades). */
export function barChart(labels: string[], values: number[], width = 520, height = 240): string {
  return render(
    {
      grid: { left: 40, right: 16, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: labels.map(chartText) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          data: values,
          label: { show: true, position: 'top' },
          itemStyle: { color: '#3b6fb6' },
        },
      ],
    },
    width,
    height,
  );
}

/** The drawing area of a histogram, in the SVG's pixels: its marks sit on this value axis. */
export const HISTOGRAM = {
  width: 600,
  height: 280,
  left: 48,
  right: 24,
  top: 30,
  bottom: 40,
  bins: 12,
} as const;

/**
 * A histogram of values on a value axis from the least to the greatest of the values and the
 * marks (`HISTOGRAM.bins` equal bins; one unit wide when all are equal), with each mark (a target,
 * a floor) drawn as a vertical line at its own value: x = left + (value − low) ÷ (high − low) × the
 * plot's width. Axis labels are the values formatted by `format`.
 */
export function histogram(
  values: number[],
  marks: Array<{ label: string; value: number }>,
  format: (v: number) => string,
): string {
  const all = [...values, ...marks.map((m) => m.value)];
  const low = Math.min(...all);
  const high = Math.max(...all) > low ? Math.max(...all) : low + 1;
  const { bins } = HISTOGRAM;
  const step = (high - low) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) {
    const bin = Math.min(bins - 1, Math.floor((v - low) / step));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  // The bars are bands of a category axis that fills the plot, the marks lines on a value axis
  // over the same plot: band i spans exactly the values [low + i·step, low + (i+1)·step].
  return render(
    {
      grid: {
        left: HISTOGRAM.left,
        right: HISTOGRAM.right,
        top: HISTOGRAM.top,
        bottom: HISTOGRAM.bottom,
        outerBoundsMode: 'none',
      },
      xAxis: [
        { type: 'category', data: counts.map((_, i) => String(i)), show: false },
        {
          type: 'value',
          min: low,
          max: high,
          position: 'bottom',
          splitNumber: 4,
          axisLabel: { formatter: (v: number) => format(v), hideOverlap: true },
          splitLine: { show: false },
        },
      ],
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', xAxisIndex: 0, data: counts, barCategoryGap: '8%', itemStyle: { color: '#5b8fd6' } },
        {
          type: 'line',
          xAxisIndex: 1,
          data: [],
          markLine: {
            symbol: 'none',
            lineStyle: { color: '#b3261e', type: 'dashed', width: 2 },
            data: marks.map((m) => ({
              xAxis: m.value,
              name: chartText(m.label),
              label: { formatter: chartText(m.label), position: 'end' },
            })),
          },
        },
      ],
    },
    HISTOGRAM.width,
    HISTOGRAM.height,
  );
}

/** The trend chart's size and plot area, in pixels (docs/site.md, the agent's page). */
export const LINE_CHART = { width: 560, height: 240, left: 44, right: 16, top: 30, bottom: 30 } as const;

const SERIES_COLOURS = ['#2a5db0', '#a45500', '#3a7d44', '#7b3fa0'];

/** Text for SVG: `&`, `<`, `>` and `"` escaped. */
function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A line chart of one or more series over periods, drawn as SVG directly (an agent page has
 * one, and a 5,000-agent month has 10,000 agent pages: ECharts took 40% of the build's CPU for
 * them). Periods are categories of equal width, each value at its category's centre; the value
 * axis runs from 0 to `max` (default: the greatest value, at least 1) with five grid lines;
 * a series' line breaks at a null; every value is labelled (one decimal at most); the legend is
 * at the top; `marks` draws a dashed vertical line with a label at a period (by its index),
 * e.g. where the policy version changed.
 */
export function lineChart(
  periods: string[],
  series: Array<{ name: string; values: Array<number | null> }>,
  options: { max?: number; marks?: Array<{ index: number; label: string }> } = {},
): string {
  const { width, height, left, right, top, bottom } = LINE_CHART;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const values = series.flatMap((s) => s.values.flatMap((v) => (v === null ? [] : [v])));
  const max = options.max ?? Math.max(1, ...values);
  const band = plotWidth / Math.max(1, periods.length);
  const x = (i: number) => left + band * (i + 0.5);
  const y = (v: number) => top + plotHeight * (1 - Math.min(max, Math.max(0, v)) / max);
  const n = (v: number) => String(Math.round(v * 10) / 10);
  const font = `font-family="${xml(FONT)}" font-size="12"`;
  const parts: string[] = [];
  for (let k = 0; k <= 5; k++) {
    const v = (max * k) / 5;
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${n(y(v))}" y2="${n(y(v))}" stroke="#e0e6f1"/>`,
      `<text x="${left - 8}" y="${n(y(v) + 4)}" text-anchor="end" fill="#6e7079" ${font}>${n(v)}</text>`,
    );
  }
  periods.forEach((p, i) => {
    parts.push(
      `<text x="${n(x(i))}" y="${height - bottom + 18}" text-anchor="middle" fill="#6e7079" ${font}>${xml(p)}</text>`,
    );
  });
  parts.push(
    `<line x1="${left}" x2="${width - right}" y1="${top + plotHeight}" y2="${top + plotHeight}" stroke="#6e7079"/>`,
  );
  for (const m of options.marks ?? []) {
    parts.push(
      `<line x1="${n(x(m.index))}" x2="${n(x(m.index))}" y1="${top}" y2="${top + plotHeight}" stroke="#a45500" stroke-dasharray="5 4"/>`,
      `<text x="${n(x(m.index) + 4)}" y="${top + plotHeight - 6}" fill="#a45500" ${font}>${xml(m.label)}</text>`,
    );
  }
  series.forEach((s, si) => {
    const colour = SERIES_COLOURS[si % SERIES_COLOURS.length] ?? '#2a5db0';
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1)
        parts.push(`<polyline points="${run.join(' ')}" fill="none" stroke="${colour}" stroke-width="2"/>`);
      run = [];
    };
    s.values.forEach((v, i) => {
      if (v === null) {
        flush();
        return;
      }
      run.push(`${n(x(i))},${n(y(v))}`);
      parts.push(
        `<circle cx="${n(x(i))}" cy="${n(y(v))}" r="3" fill="#fff" stroke="${colour}" stroke-width="2"/>`,
        `<text x="${n(x(i))}" y="${n(y(v) - 8)}" text-anchor="middle" fill="${colour}" ${font}>${n(v)}</text>`,
      );
    });
    flush();
    const lx = width / 2 - (series.length * 90) / 2 + si * 90;
    parts.push(
      `<rect x="${n(lx)}" y="4" width="20" height="10" rx="2" fill="${colour}"/>`,
      `<text x="${n(lx + 26)}" y="13" fill="#333" ${font}>${xml(s.name)}</text>`,
    );
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
