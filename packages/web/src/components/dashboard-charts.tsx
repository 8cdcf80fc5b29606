/**
 * The dashboard's charts: bars (statuses, score histogram, checks, years), a pie (grades) and a scatter
 * (execution rate against score, flagged points in red). ECharts' tree-shaken core with the SVG renderer,
 * loaded only with the dashboard page.
 * @module
 */
import { BarChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, PieChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** One chart; `onPick` gets the clicked item's data index (drill-down). */
export function Chart({ option, label, height = 240, onPick }: { option: ChartOption; label: string; height?: number; onPick?: (seriesIndex: number, dataIndex: number) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({ animation: false, ...option });
    chart.on('click', (e) => pick.current?.(e.seriesIndex ?? 0, e.dataIndex));
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />;
}

export const COLORS = { primary: '#1f5fa8', muted: '#94a3b8', warn: '#d97706', danger: '#c0392b', ok: '#2e7d32' } as const;

export const barOption = (categories: readonly string[], values: readonly number[], opts: { horizontal?: boolean; name?: string; color?: string } = {}): ChartOption => {
  const category = { type: 'category', data: [...categories], axisLabel: { interval: 0, width: opts.horizontal ? 200 : 80, overflow: 'truncate' } };
  const value = { type: 'value', name: opts.name ?? '', minInterval: 1 };
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: opts.horizontal ? 210 : 40, right: 16, top: 24, bottom: 28 },
    xAxis: opts.horizontal ? value : category,
    yAxis: opts.horizontal ? { ...category, inverse: true } : value,
    series: [{ type: 'bar', data: [...values], barMaxWidth: 26, itemStyle: { color: opts.color ?? COLORS.primary }, label: { show: true, position: opts.horizontal ? 'right' : 'top' } }],
  };
};

export const pieOption = (items: readonly { name: string; value: number }[]): ChartOption => ({
  tooltip: { trigger: 'item', formatter: '{b}：{c} 份（{d}%）' },
  legend: { bottom: 0 },
  color: [COLORS.ok, COLORS.primary, COLORS.warn, COLORS.danger, COLORS.muted],
  series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], data: items.map((x) => ({ ...x })), label: { formatter: '{b} {c}' } }],
});

export type ScatterPoint = { readonly x: number; readonly y: number; readonly name: string; readonly isFlagged: boolean };

export const scatterOption = (points: readonly ScatterPoint[], threshold: number): ChartOption => ({
  tooltip: { trigger: 'item', formatter: (p: { data: { name: string; value: [number, number] } }) => `${p.data.name}<br/>执行率 ${p.data.value[0]}%，计算得分 ${p.data.value[1]}` },
  legend: { top: 0 },
  grid: { left: 44, right: 20, top: 30, bottom: 36 },
  xAxis: { type: 'value', name: '预算执行率 %', nameLocation: 'middle', nameGap: 24, scale: true },
  yAxis: { type: 'value', name: '计算得分', scale: true },
  series: [
    {
      name: '正常', type: 'scatter', symbolSize: 6, itemStyle: { color: COLORS.primary, opacity: 0.6 },
      data: points.filter((p) => !p.isFlagged).map((p) => ({ name: p.name, value: [p.x, p.y] })),
      markLine: { silent: true, symbol: 'none', lineStyle: { color: COLORS.warn, type: 'dashed' }, label: { formatter: `${threshold}%` }, data: [{ xAxis: threshold }] },
    },
    {
      name: '执行率低却得满分', type: 'scatter', symbolSize: 9, itemStyle: { color: COLORS.danger },
      data: points.filter((p) => p.isFlagged).map((p) => ({ name: p.name, value: [p.x, p.y] })),
    },
  ],
});

export const yearsOption = (years: readonly { year: number; averageScore: number | null; averageExecutionRate: number | null; evaluations: number }[]): ChartOption => ({
  tooltip: { trigger: 'axis' },
  legend: { top: 0 },
  grid: { left: 44, right: 44, top: 30, bottom: 28 },
  xAxis: { type: 'category', data: years.map((y) => `${y.year}年`) },
  yAxis: [{ type: 'value', name: '份数', minInterval: 1 }, { type: 'value', name: '%/分', scale: true }],
  series: [
    { name: '自评份数', type: 'bar', data: years.map((y) => y.evaluations), barMaxWidth: 30, itemStyle: { color: COLORS.muted } },
    { name: '平均得分', type: 'line', yAxisIndex: 1, data: years.map((y) => y.averageScore), itemStyle: { color: COLORS.primary } },
    { name: '平均执行率', type: 'line', yAxisIndex: 1, data: years.map((y) => y.averageExecutionRate), itemStyle: { color: COLORS.warn } },
  ],
});

/**
 * Bars side by side per category, one series each (自评 · 计算 · 复核 per unit, scores out of 100); a missing
 * value leaves a gap. The axis runs from 0 to 100: a bar's length is its score, so a 2-point difference looks
 * like one.
 */
export const groupedBarOption = (categories: readonly string[], series: readonly { name: string; values: readonly (number | null)[]; color: string; labelled?: boolean }[]): ChartOption => ({
  tooltip: { trigger: 'axis' },
  legend: { top: 0 },
  grid: { left: 44, right: 16, top: 32, bottom: 48 },
  xAxis: { type: 'category', data: [...categories], axisLabel: { interval: 0, width: 110, overflow: 'truncate' } },
  yAxis: { type: 'value', name: '分', min: 0, max: 100 },
  series: series.map((s) => ({ name: s.name, type: 'bar', data: [...s.values], barMaxWidth: 22, itemStyle: { color: s.color }, label: { show: (s.labelled ?? true) && categories.length <= 12, position: 'top', fontSize: 11 } })),
});
