import { afterEach, describe, expect, it } from 'vitest'
import {
  ApiError, download, fileNameFrom, get, onPasswordChangeRequired, onUnauthenticated, post,
  queryString, readCookie, request, setTransport,
} from '@/api/client'

interface Seen { url: string; init: RequestInit }

// A fake server: records each request and answers with `reply`.
function fake(reply: (url: string, init: RequestInit) => Response, cookie = 'zj_csrf=tok%2Fen; other=1') {
  const seen: Seen[] = []
  setTransport({
    fetch: (async (url: string, init: RequestInit) => {
      seen.push({ url, init })
      return reply(url, init)
    }) as typeof fetch,
    cookie: () => cookie,
  })
  return seen
}
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })

afterEach(() => {
  setTransport(null)
  onUnauthenticated(null)
  onPasswordChangeRequired(null)
})

describe('queryString', () => {
  it('leaves out empty values, repeats arrays and encodes Chinese', () => {
    expect(queryString({ model: 'M14', org: '', person: undefined, status: null, limit: 50, q: '张三' }))
      .toBe('?model=M14&limit=50&q=%E5%BC%A0%E4%B8%89')
    expect(queryString({ ids: ['1', '2'] })).toBe('?ids=1&ids=2')
    expect(queryString({})).toBe('')
    expect(queryString()).toBe('')
  })
})

describe('readCookie', () => {
  it('finds a cookie among others and decodes it', () => {
    expect(readCookie('a=1; zj_csrf=abc%2B1; b=2', 'zj_csrf')).toBe('abc+1')
    expect(readCookie('zj_csrf_old=x', 'zj_csrf')).toBe('')
    expect(readCookie('', 'zj_csrf')).toBe('')
  })
})

describe('requests', () => {
  it('GET sends no CSRF header and parses JSON', async () => {
    const seen = fake(() => json(200, { total: 1, items: [{ clue_no: 7 }] }))
    const r = await get<{ total: number }>('/api/clues', { model: 'M01', offset: 0 })
    expect(r.total).toBe(1)
    expect(seen[0].url).toBe('/api/clues?model=M01&offset=0')
    expect(seen[0].init.method).toBe('GET')
    expect((seen[0].init.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined()
  })

  it('POST sends JSON with the CSRF token from the zj_csrf cookie', async () => {
    const seen = fake(() => json(201, { case_id: 3 }))
    const r = await post<{ case_id: number }>('/api/cases', { title: '纠正' })
    expect(r.case_id).toBe(3)
    const headers = seen[0].init.headers as Record<string, string>
    expect(headers['X-CSRF-Token']).toBe('tok/en')
    expect(headers['Content-Type']).toBe('application/json')
    expect(seen[0].init.body).toBe('{"title":"纠正"}')
  })

  it('a raw body is sent as is with its content type', async () => {
    const seen = fake(() => json(202, { job: { job_id: 'j1' } }))
    const blob = new Blob([new Uint8Array([80, 75, 3, 4])])
    await request('POST', '/api/batches', { body: blob, contentType: 'application/zip', query: { file_name: '数据.zip' } })
    const headers = seen[0].init.headers as Record<string, string>
    expect(headers['Content-Type']).toBe('application/zip')
    expect(seen[0].init.body).toBe(blob)
    expect(seen[0].url).toBe('/api/batches?file_name=%E6%95%B0%E6%8D%AE.zip')
  })

  it('an error answer becomes an ApiError with the server\'s Chinese message and field', async () => {
    fake(() => json(400, { error: { code: 'invalid_argument', message: '日期格式不正确', field: 'from', request_id: 'r1' } }))
    const e = await get<never>('/api/indicators', { from: 'x' }).catch((x: ApiError) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect(e.status).toBe(400)
    expect(e.message).toBe('日期格式不正确')
    expect(e.field).toBe('from')
    expect(e.requestId).toBe('r1')
  })

  it('a non-JSON error still gives a Chinese message', async () => {
    fake(() => new Response('<html>Bad Gateway</html>', { status: 502 }))
    const e = await get<never>('/api/clues').catch((x: ApiError) => x)
    expect(e.status).toBe(502)
    expect(e.message).toBe('服务器返回错误（HTTP 502）')
  })

  it('a network failure is an ApiError with status 0', async () => {
    setTransport({ fetch: (async () => { throw new TypeError('Failed to fetch') }) as typeof fetch, cookie: () => '' })
    const e = await get<never>('/api/clues').catch((x: ApiError) => x)
    expect(e.status).toBe(0)
    expect(e.message).toContain('无法连接服务器')
  })

  it('401 calls the sign-in handler, except for the login call itself', async () => {
    let calls = 0
    onUnauthenticated(() => calls++)
    fake(() => json(401, { error: { code: 'unauthenticated', message: '请先登录' } }))
    await get('/api/clues').catch(() => {})
    expect(calls).toBe(1)
    await post('/api/auth/login', { username: 'a', password: 'b' }).catch(() => {})
    expect(calls).toBe(1)
  })

  it('403 password_change_required calls the password handler', async () => {
    let calls = 0
    onPasswordChangeRequired(() => calls++)
    fake(() => json(403, { error: { code: 'password_change_required', message: '请先修改密码' } }))
    await get('/api/clues').catch(() => {})
    expect(calls).toBe(1)
    fake(() => json(403, { error: { code: 'permission_denied', message: '无权操作' } }))
    await get('/api/clues').catch(() => {})
    expect(calls).toBe(1)
  })
})

describe('downloads', () => {
  it('takes the file name from Content-Disposition (filename* first)', async () => {
    fake(() => new Response(new Uint8Array([80, 75]), {
      status: 200,
      headers: { 'Content-Disposition': "attachment; filename=\"doc.docx\"; filename*=UTF-8''%E7%BA%A0%E6%AD%A3.docx" },
    }))
    const { blob, fileName } = await download('/api/documents/3/docx')
    expect(fileName).toBe('纠正.docx')
    expect(blob.size).toBe(2)
  })

  it('falls back to the plain filename, then to the path', () => {
    expect(fileNameFrom('attachment; filename="clues.xlsx"', '/api/clues.xlsx')).toBe('clues.xlsx')
    expect(fileNameFrom(null, '/api/clues.xlsx?model=M01')).toBe('clues.xlsx')
  })
})
