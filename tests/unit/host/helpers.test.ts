import { describe, expect, it } from 'vitest'
import {
  cookieValues,
  isAllowedHost,
  isAllowedOrigin,
  newToken,
  tokenCookie,
  tokenCookieName,
  tokenMatches,
} from '../../../src/host/auth'
import { isJsonContentType, parseJsonBody } from '../../../src/host/body'
import { formatEvent } from '../../../src/host/events'
import { contentTypeOf } from '../../../src/host/static'

describe('tokens', () => {
  it('are 32 random bytes in hex, different each time', () => {
    const a = newToken()
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(newToken()).not.toBe(a)
  })

  it('match only exactly', () => {
    const t = newToken()
    expect(tokenMatches(t, t)).toBe(true)
    expect(tokenMatches(t, t.toUpperCase())).toBe(false)
    expect(tokenMatches(t, t + 'a')).toBe(false)
    expect(tokenMatches(t, '')).toBe(false)
    expect(tokenMatches(t, undefined)).toBe(false)
  })

  it('go into a strict, HttpOnly cookie named for the port', () => {
    expect(tokenCookieName(5000)).toBe('pa_token_5000')
    expect(tokenCookie('abc', 5000)).toBe('pa_token_5000=abc; HttpOnly; SameSite=Strict; Path=/')
  })

  it('are read from among other cookies', () => {
    expect(cookieValues('a=1; pa_token=x; b=2; pa_token=y', 'pa_token')).toEqual(['x', 'y'])
    expect(cookieValues('xpa_token=1; pa_token_2=2', 'pa_token')).toEqual([])
    expect(cookieValues(undefined, 'pa_token')).toEqual([])
  })
})

describe('Host and Origin checks', () => {
  it('allow only our own names and port', () => {
    expect(isAllowedHost('127.0.0.1:5000', 5000)).toBe(true)
    expect(isAllowedHost('LOCALHOST:5000', 5000)).toBe(true)
    expect(isAllowedHost('127.0.0.1:5001', 5000)).toBe(false)
    expect(isAllowedHost('127.0.0.1', 5000)).toBe(false)
    expect(isAllowedHost('127.0.0.1.evil.example:5000', 5000)).toBe(false)
    expect(isAllowedHost(undefined, 5000)).toBe(false)
    expect(isAllowedOrigin(undefined, 5000)).toBe(true)
    expect(isAllowedOrigin('http://localhost:5000', 5000)).toBe(true)
    expect(isAllowedOrigin('http://localhost:5000/', 5000)).toBe(false)
    expect(isAllowedOrigin('null', 5000)).toBe(false)
  })
})

describe('request bodies', () => {
  it('must be declared as JSON, in UTF-8 if a charset is named', () => {
    expect(isJsonContentType('application/json')).toBe(true)
    expect(isJsonContentType('Application/JSON; charset=utf-8')).toBe(true)
    expect(isJsonContentType('application/json; charset="UTF-8"')).toBe(true)
    expect(isJsonContentType('application/json; charset=iso-8859-1')).toBe(false)
    expect(isJsonContentType('text/plain')).toBe(false)
    expect(isJsonContentType(undefined)).toBe(false)
  })

  it('parse as strict UTF-8 JSON, dropping a BOM', () => {
    expect(parseJsonBody(Buffer.from('\ufeff{"a":1}'))).toEqual({ a: 1 })
    expect(() => parseJsonBody(Buffer.from([0x22, 0xc3, 0x22]))).toThrow(/not valid JSON/)
    expect(() => parseJsonBody(Buffer.from(''))).toThrow(/not valid JSON/)
  })
})

describe('events and content types', () => {
  it('frames an event on single lines and refuses odd names', () => {
    expect(formatEvent('archive:changed', { reason: 'a\nb' })).toBe(
      'event: archive:changed\ndata: {"reason":"a\\nb"}\n\n',
    )
    expect(formatEvent('bad\nname', {})).toBeNull()
    expect(formatEvent('x', undefined)).toBe('event: x\ndata: null\n\n')
  })

  it('names the types the renderer uses', () => {
    expect(contentTypeOf('a.HTML')).toBe('text/html; charset=utf-8')
    expect(contentTypeOf('a.ico')).toBe('image/x-icon')
    expect(contentTypeOf('a.ttf')).toBe('font/ttf')
    expect(contentTypeOf('a.woff')).toBe('font/woff')
    expect(contentTypeOf('a.json')).toBe('application/json; charset=utf-8')
    expect(contentTypeOf('a.png')).toBe('image/png')
    expect(contentTypeOf('a.exe')).toBe('application/octet-stream')
  })
})
