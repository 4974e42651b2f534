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

/** A histogram of values with the target and floor drawn as lines. */
export function histogram(
  values: number[],
  marks: Array<{ label: string; value: number }>,
  format: (v: number) => string,
): string {
  const sorted = [...values].sort((a, b) => a - b);
  const min = sorted[0] ?? 0;
  const max = sorted[sorted.length - 1] ?? 1;
  const bins = 12;
  const step = max > min ? (max - min) / bins : 1;
  const counts = new Array<number>(bins).fill(0);
  for (const v of sorted) {
    const bin = Math.min(bins - 1, Math.floor((v - min) / step));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  const labels = counts.map((_, i) => format(min + step * (i + 0.5)));
  const position = (v: number) => Math.max(0, Math.min(bins - 1, Math.floor((v - min) / step)));
  return render(
    {
      grid: { left: 40, right: 16, top: 30, bottom: 50 },
      xAxis: { type: 'category', data: labels, axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          data: counts,
          itemStyle: { color: '#5b8fd6' },
          markLine: {
            symbol: 'none',
            data: marks.map((m) => ({
              xAxis: position(m.value),
              name: chartText(m.label),
              label: { formatter: chartText(m.label) },
            })),
          },
        },
      ],
    },
    600,
    280,
  );
}

/**
 * A line chart of one or more series over periods; `marks` draws a dashed vertical line with a
 * label at a period (by its index), e.g. where the policy version changed.
 */
export function lineChart(
  periods: string[],
  series: Array<{ name: string; values: Array<number | null> }>,
  options: { max?: number; marks?: Array<{ index: number; label: string }> } = {},
): string {
  const marks = options.marks ?? [];
  return render(
    {
      grid: { left: 44, right: 16, top: 30, bottom: 30 },
      legend: { top: 0 },
      xAxis: { type: 'category', data: periods.map(chartText) },
      yAxis: { type: 'value', ...(options.max !== undefined ? { max: options.max } : {}) },
      series: series.map((s, i) => ({
        type: 'line',
        name: chartText(s.name),
        data: s.values,
        connectNulls: false,
        label: { show: true },
        ...(i === 0 && marks.length > 0
          ? {
              markLine: {
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#a45500' },
                data: marks.map((m) => ({ xAxis: m.index, label: { formatter: chartText(m.label) } })),
              },
            }
          : {}),
      })),
    },
    560,
    240,
  );
}

/** A heatmap of average scores (0–100) by row and column. */
export function heatmap(rows: string[], columns: string[], cells: Array<Array<number | null>>): string {
  const data: Array<[number, number, number | '-']> = [];
  cells.forEach((row, y) => {
    row.forEach((v, x) => {
      data.push([x, y, v === null ? '-' : Math.round(v)]);
    });
  });
  return render(
    {
      grid: { left: 90, right: 20, top: 10, bottom: 90 },
      xAxis: { type: 'category', data: columns.map(chartText), axisLabel: { rotate: 35 } },
      yAxis: { type: 'category', data: rows.map(chartText) },
      visualMap: { min: 0, max: 100, show: false, inRange: { color: ['#d94e4e', '#f2c14e', '#4caf6e'] } },
      series: [{ type: 'heatmap', data, label: { show: true } }],
    },
    Math.max(420, 110 + columns.length * 70),
    Math.max(200, 110 + rows.length * 34),
  );
}
