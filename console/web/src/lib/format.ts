// Pure helpers behind the pages, unit-tested (format.test.ts): dates in the station's zone, ages, masks, CSV.
import type { Alert, RosterEntry, Severity } from './api'

export const ZONE = 'Asia/Shanghai'

/** 24-hour clock in Asia/Shanghai whatever the browser's zone: every duty officer reads the same time. */
export function dateTime(iso: string | null | undefined, locale: 'zh' | 'en'): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return '—'
  return new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).format(d)
}

export function timeOnly(iso: string, locale: 'zh' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso))
}

/** The day in Asia/Shanghai as YYYY-MM-DD, `daysBack` days before `now`. */
export function shanghaiDate(now: Date, daysBack = 0): string {
  const shifted = new Date(now.getTime() - daysBack * 86_400_000)
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(shifted)
}

/** "12 s", "5 min", "3 h", "2 d" (or the Chinese units): how old a value is. */
export function age(iso: string | null | undefined, now: Date, locale: 'zh' | 'en'): string {
  if (!iso) return '—'
  const seconds = Math.max(0, Math.round((now.getTime() - new Date(iso).getTime()) / 1000))
  const units: [number, string, string][] = [[86_400, '天', 'd'], [3_600, '小时', 'h'], [60, '分钟', 'min'], [1, '秒', 's']]
  for (const [size, zh, en] of units) {
    if (seconds >= size || size === 1) {
      const n = Math.floor(seconds / size)
      return locale === 'zh' ? `${n} ${zh}前` : `${n} ${en} ago`
    }
  }
  return '—'
}

export type StationState = 'OK' | 'WARNING' | 'CRITICAL'

/** Critical with any open CRITICAL alert, warning with any other open alert, else OK. */
export function stationState(openAlerts: Pick<Alert, 'severity' | 'state'>[]): StationState {
  const open = openAlerts.filter(a => a.state !== 'RESOLVED')
  if (open.some(a => a.severity === 'CRITICAL')) return 'CRITICAL'
  return open.length > 0 ? 'WARNING' : 'OK'
}

const ORDER: Severity[] = ['WARNING', 'MAJOR', 'CRITICAL']
export function severityAtLeast(severity: Severity, min: Severity): boolean {
  return ORDER.indexOf(severity) >= ORDER.indexOf(min)
}

/** 138****0000: enough to tell two guardians apart, not enough to call one. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '—'
  const digits = phone.trim()
  if (digits.length <= 4) return '****'
  const keep = digits.length >= 11 ? 3 : 1
  return digits.slice(0, keep) + '*'.repeat(digits.length - keep - 4) + digits.slice(-4)
}

/** w***@example.cn */
export function maskEmail(email: string | null | undefined): string {
  if (!email) return '—'
  const at = email.lastIndexOf('@')
  if (at <= 0) return '***'
  return email[0] + '***' + email.slice(at)
}

/** A CSV cell that Excel opens as text: quoted, quotes doubled, and no formula (=, +, -, @) ever runs. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text
  return '"' + text.replace(/"/g, '""') + '"'
}

/** The roster for class teachers, UTF-8 with a BOM so that Excel shows the Chinese names. */
export function rosterCsv(confirmed: RosterEntry[], waitlist: RosterEntry[], headers: string[], statusLabels: [string, string]): string {
  const rows = [headers]
  for (const e of confirmed) rows.push([statusLabels[0], '', e.childName ?? '', e.childDateOfBirth ?? '', e.guardianName ?? '', e.phone ?? '', e.email ?? ''])
  for (const e of waitlist) rows.push([statusLabels[1], String(e.waitlistPosition ?? ''), e.childName ?? '', e.childDateOfBirth ?? '', e.guardianName ?? '', e.phone ?? '', e.email ?? ''])
  return '\uFEFF' + rows.map(r => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** The range buttons of the station page: span and a step that gives about 60-300 points. */
export const RANGES = {
  hour: { ms: 3_600_000, step: 'PT1M' },
  day: { ms: 86_400_000, step: 'PT10M' },
  week: { ms: 7 * 86_400_000, step: 'PT1H' },
} as const
export type RangeName = keyof typeof RANGES

/** Whole steps: the buckets line up from one refresh to the next. */
export function rangeFor(name: RangeName, now: Date): { from: string; to: string; step: string } {
  const r = RANGES[name]
  const stepMs = name === 'hour' ? 60_000 : name === 'day' ? 600_000 : 3_600_000
  const to = Math.ceil(now.getTime() / stepMs) * stepMs
  return { from: new Date(to - r.ms).toISOString(), to: new Date(to).toISOString(), step: r.step }
}

/** Newest first, one entry per alert id: the live stream and the list meet without duplicates. */
export function mergeAlert(list: Alert[], incoming: Alert): Alert[] {
  const existing = list.find(a => a.id === incoming.id)
  const merged = existing ? { ...existing, ...Object.fromEntries(Object.entries(incoming).filter(([, v]) => v !== undefined && v !== null)), raisedAt: existing.raisedAt } as Alert : incoming
  return [merged, ...list.filter(a => a.id !== incoming.id)].sort((a, b) => (b.raisedAt ?? '').localeCompare(a.raisedAt ?? ''))
}
