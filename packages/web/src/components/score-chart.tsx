/**
 * A bar chart of scores by first-level group: the unit's, the engine's and the reviewer's. ECharts is
 * loaded only with this component (tree-shaken core, SVG renderer).
 * @module
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartSeries = { readonly name: string; readonly values: readonly (number | null)[] };

export default function ScoreChart({ categories, series, label }: { categories: readonly string[]; series: readonly ChartSeries[]; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 10, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: [...categories] },
      yAxis: { type: 'value', name: '分' },
      color: ['#94a3b8', '#1f5fa8', '#d97706'],
      series: series.map((s) => ({ name: s.name, type: 'bar', data: [...s.values], barMaxWidth: 22 })),
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [categories, series]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height: 220 }} />;
}
