// The one way the web app talks to the server (docs/api/openapi.yaml).
//
// Contract:
//   - every request is same-origin with the session cookie; unsafe methods carry the
//     X-CSRF-Token header read from the zj_csrf cookie (src/api/app.h, step 4);
//   - a non-2xx answer becomes an ApiError carrying the server's Chinese message, its code,
//     the field at fault and the request id; a network failure becomes an ApiError with
//     status 0 and a Chinese message; nothing is swallowed;
//   - 401 (session gone) calls the handler set with onUnauthenticated, so the app can go
//     back to the login page; 403 password_change_required calls onPasswordChangeRequired.
//
// The functions are free of Vue so that they can be tested in Node (tests/client.test.ts).

export interface ErrorBody {
  error?: { code?: string; message?: string; request_id?: string; field?: string }
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly field?: string
  readonly requestId?: string
  constructor(status: number, code: string, message: string, field?: string, requestId?: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.field = field
    this.requestId = requestId
  }
}

export type Query = Record<string, string | number | boolean | null | undefined | string[]>

export interface Transport {
  fetch: typeof fetch
  cookie: () => string
}

const browserTransport = (): Transport => ({
  fetch: (input, init) => globalThis.fetch(input, init),
  cookie: () => (typeof document === 'undefined' ? '' : document.cookie),
})

let transport: Transport = browserTransport()
let unauthenticatedHandler: (() => void) | null = null
let passwordChangeHandler: (() => void) | null = null

/** Replaces fetch and cookies (tests). */
export function setTransport(t: Transport | null): void {
  transport = t ?? browserTransport()
}
export function onUnauthenticated(handler: (() => void) | null): void {
  unauthenticatedHandler = handler
}
export function onPasswordChangeRequired(handler: (() => void) | null): void {
  passwordChangeHandler = handler
}

/** The value of one cookie, or '' (cookie values are URL-encoded by the server only if needed). */
export function readCookie(cookies: string, name: string): string {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim())
  }
  return ''
}

/** "?a=1&b=x" from a query object; empty, null and undefined values are left out; arrays repeat. */
export function queryString(query?: Query): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value)) value.forEach((v) => params.append(key, v))
    else params.append(key, String(value))
  }
  const s = params.toString()
  return s ? `?${s}` : ''
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export interface RequestOptions {
  query?: Query
  body?: unknown // JSON-encoded unless it is a Blob / ArrayBuffer (sent raw)
  contentType?: string // for raw bodies
  signal?: AbortSignal
}

async function send(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  let body: BodyInit | undefined
  if (opts.body instanceof Blob || opts.body instanceof ArrayBuffer) {
    body = opts.body as BodyInit
    headers['Content-Type'] = opts.contentType ?? 'application/octet-stream'
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body)
    headers['Content-Type'] = 'application/json'
  }
  if (UNSAFE.has(method)) headers['X-CSRF-Token'] = readCookie(transport.cookie(), 'zj_csrf')
  let response: Response
  try {
    response = await transport.fetch(path + queryString(opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试')
  }
  if (response.ok) return response
  let parsed: ErrorBody = {}
  try {
    parsed = (await response.json()) as ErrorBody
  } catch {
    // not JSON (a proxy's error page): fall back to the status line below
  }
  const err = parsed.error ?? {}
  const error = new ApiError(
    response.status,
    err.code ?? `http_${response.status}`,
    err.message ?? `服务器返回错误（HTTP ${response.status}）`,
    err.field,
    err.request_id,
  )
  if (response.status === 401 && !path.startsWith('/api/auth/login')) unauthenticatedHandler?.()
  if (response.status === 403 && error.code === 'password_change_required') passwordChangeHandler?.()
  throw error
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, opts)
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}

export const get = <T>(path: string, query?: Query, signal?: AbortSignal) =>
  request<T>('GET', path, { query, signal })
export const post = <T>(path: string, body?: unknown, query?: Query) =>
  request<T>('POST', path, { body: body ?? {}, query })

/** Fetches a file (DOCX, XLSX, ZIP) and returns it with the server's file name. */
export async function download(path: string, query?: Query): Promise<{ blob: Blob; fileName: string }> {
  const response = await send('GET', path, { query })
  return { blob: await response.blob(), fileName: fileNameFrom(response.headers.get('Content-Disposition'), path) }
}

/** The file name of a Content-Disposition header (RFC 6266 filename* first), else the path's last part. */
export function fileNameFrom(disposition: string | null, fallbackPath: string): string {
  if (disposition) {
    const star = /filename\*=(?:UTF-8|utf-8)''([^;]+)/.exec(disposition)
    if (star) return decodeURIComponent(star[1].trim())
    const plain = /filename="?([^";]+)"?/.exec(disposition)
    if (plain) return plain[1].trim()
  }
  const last = fallbackPath.split('?')[0].split('/').pop()
  return last || 'download'
}

/** Saves a downloaded file in the browser (an <a download> click). */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
