// ECharts options built from API data: pure functions (charts.test.ts), so the chart components stay thin.
import type { Bucket, Rule } from './api'

export interface Threshold { value: number; label: string; kind: 'threshold' | 'clear' }

/** The THRESHOLD rules of one metric as lines: where it alerts and where it clears. */
export function thresholdsOf(rules: Rule[], metric: string, names: { threshold: string; clear: string }): Threshold[] {
  const lines: Threshold[] = []
  for (const rule of rules) {
    if (rule.kind !== 'THRESHOLD' || rule.metric !== metric) continue
    if (typeof rule.threshold === 'number') lines.push({ value: rule.threshold, label: `${names.threshold} ${rule.name} (${rule.severity})`, kind: 'threshold' })
    if (typeof rule.clearThreshold === 'number' && rule.clearThreshold !== rule.threshold) {
      lines.push({ value: rule.clearThreshold, label: `${names.clear} ${rule.name}`, kind: 'clear' })
    }
  }
  return lines
}

/**
 * The min-max band as two stacked series (the lower edge invisible, the width filled) plus the average:
 * ECharts has no band series of its own. Empty buckets stay gaps (null), never zeros.
 */
export function bandSeries(buckets: Bucket[]) {
  const lower = buckets.map(b => [b.start, b.min])
  const width = buckets.map(b => [b.start, b.min === null || b.max === null ? null : b.max - b.min])
  const average = buckets.map(b => [b.start, b.avg])
  return { lower, width, average }
}

export function metricOption(buckets: Bucket[], unit: string, thresholds: Threshold[], labels: { avg: string; band: string }, formatTime: (iso: string) => string) {
  const { lower, width, average } = bandSeries(buckets)
  const values = buckets.flatMap(b => [b.min, b.max]).filter((v): v is number => v !== null).concat(thresholds.map(t => t.value))
  return {
    animation: false,
    grid: { left: 56, right: 16, top: 28, bottom: 56 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${Math.round(v * 100) / 100} ${unit}`) },
    legend: { data: [labels.avg, labels.band], bottom: 0, left: 'center' },
    xAxis: { type: 'time', axisLabel: { formatter: (value: number) => formatTime(new Date(value).toISOString()), hideOverlap: true } },
    yAxis: { type: 'value', name: unit, scale: true, min: values.length ? Math.min(...values) : undefined, max: values.length ? Math.max(...values) : undefined },
    series: [
      { name: labels.band, type: 'line', data: lower, stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, connectNulls: false, tooltip: { show: false } },
      { name: labels.band, type: 'line', data: width, stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, itemStyle: { color: 'rgba(37, 99, 235, 0.35)' }, areaStyle: { color: 'rgba(37, 99, 235, 0.2)' }, connectNulls: false },
      {
        // Symbols, so that a lone bucket between gaps is still seen (ECharts hides them when the line is dense).
        name: labels.avg, type: 'line', data: average, symbol: 'circle', symbolSize: 5, itemStyle: { color: '#1d4ed8' },
        lineStyle: { width: 2, color: '#1d4ed8' }, connectNulls: false,
        markLine: {
          symbol: 'none', silent: true,
          data: thresholds.map(t => ({ yAxis: t.value, name: t.label, lineStyle: { color: t.kind === 'threshold' ? '#b91c1c' : '#15803d', type: 'dashed' }, label: { formatter: t.label, position: 'insideEndTop' } })),
        },
      },
    ],
  }
}

export function tonnageOption(days: { date: string; tonnes: number }[], capacity: number, capacityLabel: string) {
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 24, bottom: 36 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${Math.round(v * 10) / 10} t` },
    xAxis: { type: 'category', data: days.map(d => d.date.slice(5)) },
    yAxis: { type: 'value', name: 't', max: (v: { max: number }) => Math.max(v.max, capacity) * 1.05 },
    series: [{
      type: 'bar', data: days.map(d => d.tonnes), itemStyle: { color: '#2563eb' },
      markLine: { symbol: 'none', silent: true, data: [{ yAxis: capacity, name: capacityLabel, lineStyle: { color: '#b91c1c', type: 'dashed' }, label: { formatter: `${capacityLabel} ${capacity} t`, position: 'insideEndTop' } }] },
    }],
  }
}
