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
