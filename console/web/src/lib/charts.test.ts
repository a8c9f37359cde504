import { describe, expect, it } from 'vitest'
import { bandSeries, metricOption, thresholdsOf } from './charts'
import type { Rule } from './api'

describe('chart data', () => {
  const buckets = [
    { start: '2026-08-07T00:00:00Z', min: -30, max: -10, avg: -20, count: 3 },
    { start: '2026-08-07T00:01:00Z', min: null, max: null, avg: null, count: 0 },
  ]
  it('draws the band as lower edge plus width and keeps empty buckets as gaps', () => {
    const s = bandSeries(buckets)
    expect(s.lower).toEqual([['2026-08-07T00:00:00Z', -30], ['2026-08-07T00:01:00Z', null]])
    expect(s.width).toEqual([['2026-08-07T00:00:00Z', 20], ['2026-08-07T00:01:00Z', null]])
    expect(s.average[1][1]).toBeNull()
  })
  it('draws the threshold and clear threshold of the metric\'s rules only, and keeps them in view', () => {
    const rules: Rule[] = [
      { name: 'odour', kind: 'THRESHOLD', severity: 'CRITICAL', metric: 'h2s_ppm', comparator: 'ABOVE', threshold: 20, clearThreshold: 10, forSeconds: 0 },
      { name: 'np', kind: 'THRESHOLD', severity: 'MAJOR', metric: 'negative_pressure_pa', comparator: 'ABOVE', threshold: -20, clearThreshold: -20, forSeconds: 30 },
      { name: 'silent', kind: 'SILENT_DEVICE', severity: 'WARNING', silentSeconds: 300 },
    ]
    const lines = thresholdsOf(rules, 'h2s_ppm', { threshold: 'T', clear: 'C' })
    expect(lines.map(l => [l.value, l.kind])).toEqual([[20, 'threshold'], [10, 'clear']])
    expect(thresholdsOf(rules, 'negative_pressure_pa', { threshold: 'T', clear: 'C' })).toHaveLength(1)
    const option = metricOption(buckets, 'Pa', [{ value: 5, label: 'x', kind: 'threshold' }], { avg: 'avg', band: 'band' }, iso => iso)
    expect(option.yAxis.max).toBe(5)
    expect(option.yAxis.min).toBe(-30)
  })
})
