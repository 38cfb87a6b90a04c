/// <reference lib="dom" />
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only what the page draws, bundled into app.js: no CDN, no request elsewhere.
use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const charts = new WeakMap<HTMLElement, EChartsType>();

function chartOf(el: HTMLElement): EChartsType {
  let c = charts.get(el);
  if (!c) {
    c = init(el, undefined, { renderer: 'svg' });
    charts.set(el, c);
  }
  return c;
}

export const COLORS = ['#2f6db5', '#c0504d', '#9bbb59', '#8064a2', '#4bacc6', '#f79646', '#7f7f7f', '#d4a017'];

/** One horizontal bar, its segments the layers: they add up to the invoice. */
export function stackedBar(el: HTMLElement, segments: readonly { name: string; value: number }[], total: number): void {
  chartOf(el).setOption(
    {
      animation: false,
      color: COLORS,
      tooltip: { trigger: 'item', valueFormatter: (v: unknown) => Number(v).toFixed(2) },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 10, right: 10, top: 10, bottom: 40, containLabel: true },
      xAxis: { type: 'value', max: total },
      yAxis: { type: 'category', data: [''] },
      series: segments.map((s) => ({ name: s.name, type: 'bar', stack: 'total', data: [s.value], barWidth: 28 })),
    },
    true,
  );
}

/** Deltas per group (category, level, region), one bar series per layer touched. */
export function groupedDeltas(el: HTMLElement, groups: readonly string[], series: readonly { name: string; values: readonly number[] }[]): void {
  chartOf(el).setOption(
    {
      animation: false,
      color: COLORS,
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => Number(v).toFixed(2) },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 10, right: 10, top: 10, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: [...groups], axisLabel: { interval: 0, rotate: groups.length > 4 ? 30 : 0 } },
      yAxis: { type: 'value' },
      series: series.map((s) => ({ name: s.name, type: 'bar', data: [...s.values] })),
    },
    true,
  );
}
