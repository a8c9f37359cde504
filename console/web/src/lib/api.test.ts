import { describe, expect, it } from 'vitest'
import { problemOf } from './api'

describe('API errors shown as their problem+json detail', () => {
  it('takes the detail of a problem document, with its field errors', () => {
    const p = problemOf(400, JSON.stringify({ title: 'Bad Request', status: 400, detail: 'threshold must be a number', errors: [{ field: '[0].threshold', message: 'must be a number' }] }), 'application/problem+json')
    expect(p.detail).toBe('threshold must be a number')
    expect(p.errors?.[0].field).toBe('[0].threshold')
  })
  it('says what happened when the answer is no problem document', () => {
    expect(problemOf(502, '<html>bad gateway</html>', 'text/html').detail).toBe('HTTP 502: <html>bad gateway</html>')
    expect(problemOf(500, 'not json', 'application/json').detail).toBe('HTTP 500: not json')
    expect(problemOf(409, JSON.stringify({ title: 'Conflict' }), 'application/json').detail).toBe('Conflict')
  })
})
