// /api/dashboard — the figures of 指挥中心 (docs/api/openapi.yaml, issue 7 contract A1).
import { get } from './client'
import type { OfficeLog } from './logs'

export interface DashboardKpis {
  open_clues: number
  open_cases: number
  pending_reviews: number
  overdue: number
  due_soon: number
  adoption_rate: number | null
  rectification_rate: number | null
  due_soon_days?: number
  rates_from?: string
}

export interface CountyCount {
  region_code: string
  name: string
  level?: string
  open_clues: number
}

export interface ModelCount {
  model: string
  name: string
  open: number
  total: number
}

export interface FacilityCount {
  org_id: string
  name: string
  org_type: string
  open: number
}

export interface TrendMonth {
  month: string
  found: number
  resolved: number
}

export interface Dashboard {
  as_of: string
  kpis: DashboardKpis
  by_county: CountyCount[]
  by_model: ModelCount[]
  by_facility: FacilityCount[]
  trend: TrendMonth[]
  logs: OfficeLog[]
}

export const getDashboard = (signal?: AbortSignal) => get<Dashboard>('/api/dashboard', undefined, signal)

/**
 * Splits the per-region counts into those drawn on the county map and those of orgs at city or
 * province level (no county polygon), which the page lists below the map.
 */
export function splitByMap(
  rows: CountyCount[],
  countyCodes: Set<string>,
): { onMap: CountyCount[]; offMap: CountyCount[] } {
  const onMap: CountyCount[] = []
  const offMap: CountyCount[] = []
  for (const r of rows) (countyCodes.has(r.region_code) ? onMap : offMap).push(r)
  offMap.sort((a, b) => b.open_clues - a.open_clues)
  return { onMap, offMap }
}
