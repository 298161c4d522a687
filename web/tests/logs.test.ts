import { afterEach, describe, expect, it } from 'vitest'
import { setTransport } from '@/api/client'
import { LOG_CATEGORIES, createLog, listLogs } from '@/api/logs'
import { LOG_CATEGORY_LABELS } from '@/format'

interface Seen { url: string; init: RequestInit }
function fake(status: number, body: unknown) {
  const seen: Seen[] = []
  setTransport({
    fetch: (async (url: string, init: RequestInit) => {
      seen.push({ url, init })
      return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
    }) as typeof fetch,
    cookie: () => 'zj_csrf=abc',
  })
  return seen
}

afterEach(() => setTransport(null))

describe('office logs', () => {
  it('lists with date range, org and paging', async () => {
    const seen = fake(200, { total: 1, items: [{ id: 1, category: 'safety', category_label: '安全防范检察' }] })
    const r = await listLogs({ org: '510000-PRISON-01-RO', from: '2026-11-01', to: '2026-11-24', limit: 20, offset: 40 })
    expect(r.items[0].category_label).toBe('安全防范检察')
    expect(seen[0].url).toBe('/api/office-logs?org=510000-PRISON-01-RO&from=2026-11-01&to=2026-11-24&limit=20&offset=40')
    expect(seen[0].init.method).toBe('GET')
  })
  it('defaults paging and leaves empty filters out', async () => {
    const seen = fake(200, { total: 0, items: [] })
    await listLogs()
    expect(seen[0].url).toBe('/api/office-logs?limit=20&offset=0')
  })
  it('posts a new log with the CSRF token', async () => {
    const seen = fake(201, { id: 9, content: '巡视监区' })
    const log = await createLog({ log_date: '2026-11-24', category: 'inspection', content: '巡视监区' })
    expect(log.id).toBe(9)
    expect(seen[0].url).toBe('/api/office-logs')
    expect(seen[0].init.method).toBe('POST')
    expect((seen[0].init.headers as Record<string, string>)['X-CSRF-Token']).toBe('abc')
    expect(JSON.parse(seen[0].init.body as string)).toEqual({ log_date: '2026-11-24', category: 'inspection', content: '巡视监区' })
  })
  it('shows the server refusal in Chinese', async () => {
    fake(403, { error: { code: 'forbidden', message: '院领导不能填写检察日志' } })
    await expect(createLog({ log_date: '2026-11-24', category: 'daily', content: 'x' })).rejects.toMatchObject({ status: 403, message: '院领导不能填写检察日志' })
  })
  it('has the seven categories of the contract, labelled alike in format.ts', () => {
    expect(LOG_CATEGORIES.map((c) => c.code)).toEqual(['daily', 'safety', 'talk', 'inspection', 'meeting', 'complaint', 'other'])
    for (const c of LOG_CATEGORIES) expect(LOG_CATEGORY_LABELS[c.code]).toBe(c.label)
  })
})
