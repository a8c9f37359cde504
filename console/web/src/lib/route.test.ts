import { describe, expect, it } from 'vitest'
import { parseRoute } from './route'

describe('hash routes', () => {
  it('name the page, its parameters and the query', () => {
    expect(parseRoute('')).toMatchObject({ name: 'overview', params: [] })
    expect(parseRoute('#/station/longjiang-road')).toMatchObject({ name: 'station', params: ['longjiang-road'] })
    const failed = parseRoute('#/login-failed?reason=the%20provider%20answered%20500')
    expect(failed.name).toBe('login-failed')
    expect(failed.query.get('reason')).toBe('the provider answered 500')
  })
})
