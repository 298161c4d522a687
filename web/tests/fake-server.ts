// A fake server for the API-module tests: records every request and answers with `reply`.
// Each test file resets the transport after each test (afterEach(() => setTransport(null))).
import { setTransport } from '@/api/client'

export interface Seen { url: string; init: RequestInit }

export function fake(reply: (url: string, init: RequestInit) => Response, cookie = 'zj_csrf=tok1'): Seen[] {
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

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })

/** A request header as sent. */
export const header = (s: Seen, name: string) => (s.init.headers as Record<string, string>)[name]
