// Indicators (办案指标): over a period for the whole jurisdiction, by month for each
// subordinate procuratorate, and the monthly report as XLSX (src/api/routes_reports.cc).
import { download, get } from './client'

export interface OrgIndicators {
  org_id?: string
  org_name?: string
  clues_found: number
  clues_open: number
  clues_triaged?: number
  clues_promoted?: number
  clues_dismissed?: number
  conversion_rate?: number | null
  cases_opened: number
  documents_issued: number
  replies: number
  adopted: number
  adoption_rate: number | null
  rectification_due?: number
  rectified: number
  rectification_rate: number | null
  overdue: number
}

export interface IndicatorsByOrg {
  month: string
  from?: string
  to?: string
  rows: OrgIndicators[]
  total: OrgIndicators
}

/** GET /api/indicators (routes_reports.cc IndicatorsJson). Rates are 0 when the denominator is 0. */
export interface PeriodIndicators {
  from: string
  to: string
  clues_created: number
  clues_by_model: { model: string; name: string; count: number }[]
  clues_triaged: number
  clues_promoted: number
  clues_dismissed: number
  conversion_rate: number
  cases_accepted: number
  cases_by_type: Record<string, number>
  documents_issued: number
  documents_by_kind: Record<string, number>
  replies_due: number
  replies_received: number
  adopted: number
  adoption_rate: number
  rectification_due: number
  rectified: number
  rectification_rate: number
  overdue_open: number
  overdue_met_late: number
}

export const indicatorMonths = () => get<{ months: string[] }>('/api/indicators/months').then((r) => r.months)
export const indicatorsByOrg = (month: string) => get<IndicatorsByOrg>('/api/indicators/by-org', { month })
export const periodIndicators = (from: string, to: string) => get<PeriodIndicators>('/api/indicators', { from, to })
export const downloadMonthly = (month: string) => download('/api/indicators/monthly.xlsx', { month })

/** First and last day of a "YYYY-MM" month as dates. */
export function monthRange(month: string): { from: string; to: string } {
  const y = Number(month.slice(0, 4))
  const m = Number(month.slice(5, 7))
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` }
}
