/**
 * Charts as inline SVG, rendered here by Apache ECharts' server-side renderer (no DOM, no
 * browser, no script in the page). echarts is imported when a report is drawn, not when the CLI
 * starts (it is kept out of the bundle, as z3-solver is).
 */

interface EChartsInstance {
  setOption(option: unknown): void;
  renderToSVGString(): string;
  dispose(): void;
}
interface ECharts {
  init(dom: null, theme: null, opts: { renderer: 'svg'; ssr: true; width: number; height: number }): EChartsInstance;
}

let echarts: ECharts | undefined;

/** Loads echarts once, before the first chart. */
export async function loadCharts(): Promise<void> {
  echarts ??= ((await import('echarts')) as unknown as { default?: ECharts } & ECharts).default ?? ((await import('echarts')) as unknown as ECharts);
}

function lib(): ECharts {
  if (!echarts) throw new Error('loadCharts() was not called before drawing a chart');
  return echarts;
}

export function svgChart(option: Record<string, unknown>, width = 720, height = 320): string {
  const chart = lib().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** A bar chart of named values (horizontal when the names are long). */
export function barChart(title: string, names: readonly string[], values: readonly number[], opts: { percent?: boolean; horizontal?: boolean } = {}): string {
  const valueAxis = { type: 'value', ...(opts.percent ? { axisLabel: { formatter: '{value}%' } } : {}) };
  // A horizontal chart lists its bars top-down, in the order given.
  const categoryAxis = { type: 'category', data: names, axisLabel: { interval: 0 }, inverse: opts.horizontal === true };
  const height = opts.horizontal ? Math.max(200, 60 + names.length * 28) : 320;
  return svgChart(
    {
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      grid: { left: opts.horizontal ? 140 : 60, right: 40, top: 40, bottom: 40 },
      xAxis: opts.horizontal ? valueAxis : categoryAxis,
      yAxis: opts.horizontal ? categoryAxis : valueAxis,
      series: [{ type: 'bar', data: values, label: { show: true, position: opts.horizontal ? 'right' : 'top', ...(opts.percent ? { formatter: '{c}%' } : {}) } }],
    },
    720,
    height,
  );
}

/** Bars of several series side by side per name (before / after), a legend on top. */
export function groupedBarChart(title: string, names: readonly string[], series: readonly { readonly name: string; readonly values: readonly number[] }[], opts: { horizontal?: boolean } = {}): string {
  const valueAxis = { type: 'value' };
  const categoryAxis = { type: 'category', data: names, axisLabel: { interval: 0 }, inverse: opts.horizontal === true };
  const height = opts.horizontal ? Math.max(220, 80 + names.length * series.length * 20) : 340;
  return svgChart(
    {
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      legend: { top: 34, data: series.map((s) => s.name) },
      grid: { left: opts.horizontal ? 150 : 70, right: 60, top: 76, bottom: 40 },
      xAxis: opts.horizontal ? valueAxis : categoryAxis,
      yAxis: opts.horizontal ? categoryAxis : valueAxis,
      series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values })),
    },
    720,
    height,
  );
}
