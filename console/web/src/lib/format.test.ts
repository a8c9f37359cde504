import { describe, expect, it } from 'vitest'
import { age, csvCell, dateTime, maskEmail, maskPhone, mergeAlert, rangeFor, rosterCsv, shanghaiDate, stationState } from './format'
import type { Alert } from './api'

describe('dates in Asia/Shanghai on a 24-hour clock', () => {
  it('shows a UTC instant as Shanghai time, whatever the browser zone', () => {
    expect(dateTime('2026-08-07T15:30:05Z', 'zh')).toBe('2026/08/07 23:30:05')
    expect(dateTime('2026-08-07T15:30:05Z', 'en')).toBe('07/08/2026, 23:30:05')
  })
  it('takes the station-local day, which starts at 16:00 UTC', () => {
    expect(shanghaiDate(new Date('2026-08-07T15:59:59Z'))).toBe('2026-08-07')
    expect(shanghaiDate(new Date('2026-08-07T16:00:00Z'))).toBe('2026-08-08')
    expect(shanghaiDate(new Date('2026-08-08T16:00:00Z'), 30)).toBe('2026-07-10')
  })
  it('says how old a value is in the chosen language', () => {
    const now = new Date('2026-08-07T12:00:00Z')
    expect(age('2026-08-07T11:59:48Z', now, 'zh')).toBe('12 秒前')
    expect(age('2026-08-07T11:55:00Z', now, 'en')).toBe('5 min ago')
    expect(age('2026-08-05T12:00:00Z', now, 'en')).toBe('2 d ago')
    expect(age(undefined, now, 'en')).toBe('—')
  })
})

describe('station state by open alerts', () => {
  it('is critical with an open CRITICAL, warning with another open one, OK otherwise', () => {
    expect(stationState([])).toBe('OK')
    expect(stationState([{ severity: 'CRITICAL', state: 'RESOLVED' }])).toBe('OK')
    expect(stationState([{ severity: 'MAJOR', state: 'ACKNOWLEDGED' }])).toBe('WARNING')
    expect(stationState([{ severity: 'WARNING', state: 'ACTIVE' }, { severity: 'CRITICAL', state: 'ACKNOWLEDGED' }])).toBe('CRITICAL')
  })
})

describe('guardian contacts', () => {
  it('are masked so that they cannot be used', () => {
    expect(maskPhone('13800001234')).toBe('138****1234')
    expect(maskPhone('021-5555')).toBe('0***5555')
    expect(maskPhone('')).toBe('—')
    expect(maskEmail('wang.fang@example.cn')).toBe('w***@example.cn')
    expect(maskEmail('nonsense')).toBe('***')
  })
})

describe('roster CSV', () => {
  it('quotes every cell and never lets a cell run as a formula', () => {
    expect(csvCell('王"小"明')).toBe('"王""小""明"')
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"')
    expect(csvCell(null)).toBe('""')
  })
  it('lists confirmed children, then the waitlist in order, with a BOM for Excel', () => {
    const csv = rosterCsv(
      [{ enrollmentId: 'enr-1', childName: '王小明', childDateOfBirth: '2018-05-01', guardianName: '王芳', phone: '13800000000', email: 'w@x.cn' }],
      [{ enrollmentId: 'enr-2', waitlistPosition: 1, childName: '李雷', guardianName: '李华' }],
      ['状态', '候补位置', '儿童', '出生日期', '监护人', '电话', '邮箱'], ['已确认', '候补'])
    const lines = csv.split('\r\n')
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(lines[1]).toBe('"已确认","","王小明","2018-05-01","王芳","13800000000","w@x.cn"')
    expect(lines[2]).toBe('"候补","1","李雷","","李华","",""')
  })
})

describe('chart ranges', () => {
  it('end on a whole step after now and span the chosen range', () => {
    const r = rangeFor('hour', new Date('2026-08-07T12:00:30Z'))
    expect(r).toEqual({ from: '2026-08-07T11:01:00.000Z', to: '2026-08-07T12:01:00.000Z', step: 'PT1M' })
    const w = rangeFor('week', new Date('2026-08-07T12:30:00Z'))
    expect(new Date(w.to).getTime() - new Date(w.from).getTime()).toBe(7 * 86_400_000)
    expect(w.step).toBe('PT1H')
  })
})

describe('live alerts merged into the list', () => {
  const raised: Alert = { id: 'a1', stationId: 's', deviceId: 'd', rule: 'r', metric: 'h2s_ppm', value: 25, severity: 'CRITICAL', state: 'ACTIVE', raisedAt: '2026-08-07T12:00:00Z' }
  it('adds a new alert on top and updates a known one in place without duplicates', () => {
    const older = { ...raised, id: 'a0', raisedAt: '2026-08-07T11:00:00Z' }
    const list = mergeAlert([older], raised)
    expect(list.map(a => a.id)).toEqual(['a1', 'a0'])
    const acknowledged = mergeAlert(list, { ...raised, state: 'ACKNOWLEDGED', raisedAt: '2026-08-07T12:05:00Z' })
    expect(acknowledged.map(a => [a.id, a.state, a.raisedAt])).toEqual([['a1', 'ACKNOWLEDGED', '2026-08-07T12:00:00Z'], ['a0', 'ACTIVE', '2026-08-07T11:00:00Z']])
  })
})
