import { afterEach, describe, expect, it } from 'vitest'
import { setTransport } from '@/api/client'
import { downloadMonthly, indicatorMonths, indicatorsByOrg, monthRange, periodIndicators } from '@/api/reports'

function fake(reply: (url: string) => Response) {
  const seen: string[] = []
  setTransport({
    fetch: (async (url: string) => {
      seen.push(url)
      return reply(url)
    }) as typeof fetch,
    cookie: () => '',
  })
  return seen
}
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })

afterEach(() => setTransport(null))

describe('reports api', () => {
  it('months, by-org and period indicators', async () => {
    const seen = fake((url) => {
      if (url.startsWith('/api/indicators/months')) return json({ months: ['2026-11', '2026-10'] })
      if (url.startsWith('/api/indicators/by-org')) return json({ month: '2026-11', rows: [], total: { clues_found: 3 } })
      return json({ from: '2026-11-01', to: '2026-11-30', clues_created: 5 })
    })
    expect(await indicatorMonths()).toEqual(['2026-11', '2026-10'])
    expect((await indicatorsByOrg('2026-11')).total.clues_found).toBe(3)
    expect((await periodIndicators('2026-11-01', '2026-11-30')).clues_created).toBe(5)
    expect(seen).toEqual([
      '/api/indicators/months',
      '/api/indicators/by-org?month=2026-11',
      '/api/indicators?from=2026-11-01&to=2026-11-30',
    ])
  })

  it('downloads the monthly XLSX with the server file name', async () => {
    const seen = fake(() => new Response(new Uint8Array([0x50, 0x4b]), {
      status: 200,
      headers: { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent('办案情况月报-2026-11.xlsx')}` },
    }))
    const { blob, fileName } = await downloadMonthly('2026-11')
    expect(seen[0]).toBe('/api/indicators/monthly.xlsx?month=2026-11')
    expect(fileName).toBe('办案情况月报-2026-11.xlsx')
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array([0x50, 0x4b]))
  })

  it('monthRange', () => {
    expect(monthRange('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' })
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' })
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' })
  })
})
