import { useEffect, useRef } from 'react';
// Tree-shaken ECharts: only the bar and line charts, the grid, tooltip and legend, and the canvas renderer. The
// toolbox (whose buttons carry built-in English titles) is not used; axis and legend text is ours, in Chinese.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartSeries = { name: string; values: (number | null)[]; kind: 'bar' | 'line'; percent?: boolean };

type StatisticsChartProps = { categories: string[]; series: ChartSeries[]; height?: number; ariaLabel: string };

/** A bar or line chart of figures by group; follows its container's width (a phone at 390 px included). */
export function StatisticsChart({ categories, series, height = 300, ariaLabel }: StatisticsChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    const hasPercent = series.some((s) => s.percent);
    chart.setOption({
      aria: { enabled: false },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 'auto', hideOverlap: true } },
      yAxis: [
        { type: 'value', minInterval: 1 },
        ...(hasPercent ? [{ type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } }] : []),
      ],
      series: series.map((s) => ({
        name: s.name,
        type: s.kind,
        yAxisIndex: s.percent ? 1 : 0,
        data: s.values.map((v) => (v === null ? null : s.percent ? Math.round(v * 1000) / 10 : v)),
        ...(s.percent ? { tooltip: { valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${String(v)}%`) } } : {}),
      })),
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [categories, series]);
  return <div ref={ref} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}
