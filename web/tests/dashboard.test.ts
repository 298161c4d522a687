import { afterEach, describe, expect, it } from 'vitest'
import { setTransport } from '@/api/client'
import { getDashboard, splitByMap } from '@/api/dashboard'

afterEach(() => setTransport(null))

describe('dashboard', () => {
  it('GETs /api/dashboard and parses it', async () => {
    const seen: string[] = []
    setTransport({
      fetch: (async (url: string, init: RequestInit) => {
        seen.push(`${init.method} ${url}`)
        return new Response(
          JSON.stringify({ as_of: '2026-11-24', kpis: { open_clues: 3, adoption_rate: null }, by_county: [], by_model: [], by_facility: [], trend: [], logs: [] }),
          { status: 200, headers: { 'Content-Type': 'application/json' } },
        )
      }) as typeof fetch,
      cookie: () => '',
    })
    const d = await getDashboard()
    expect(seen).toEqual(['GET /api/dashboard'])
    expect(d.kpis.open_clues).toBe(3)
    expect(d.kpis.adoption_rate).toBeNull()
  })
  it('splits counties drawn on the map from city and province orgs', () => {
    const rows = [
      { region_code: '510104', name: '锦江区', open_clues: 4 },
      { region_code: '510000', name: '四川省', open_clues: 9 },
      { region_code: '510100', name: '成都市', open_clues: 12 },
    ]
    const { onMap, offMap } = splitByMap(rows, new Set(['510104', '510105']))
    expect(onMap.map((r) => r.region_code)).toEqual(['510104'])
    expect(offMap.map((r) => r.region_code)).toEqual(['510100', '510000'])
  })
})
