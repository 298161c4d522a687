// Formatting and labels shown to users. Pure functions (tested in tests/format.test.ts);
// every word is the one procurators use (docs/glossary.md).

const DASH = '—'

/** "2026-11-24" from an ISO date or timestamp ("2026-11-24T08:00:00+08:00", "2026-11-24 08:00"). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return DASH
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value)
  return m ? m[1] : value
}

/** "2026-11-24 08:00" in Beijing time from a server timestamp ("2026-11-24 08:00:05",
 *  ISO with zone) or Unix seconds (created_at columns); seconds dropped. */
export function formatDateTime(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return DASH
  if (typeof value === 'number') {
    const beijing = new Date(value * 1000 + 8 * 3600000).toISOString()
    return `${beijing.slice(0, 10)} ${beijing.slice(11, 16)}`
  }
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(value)
  return m ? `${m[1]} ${m[2]}` : formatDate(value)
}

/** "2026年11月" from "2026-11". */
export function formatMonth(value: string | null | undefined): string {
  if (!value) return DASH
  const m = /^(\d{4})-(\d{2})/.exec(value)
  return m ? `${m[1]}年${Number(m[2])}月` : value
}

/** Yuan with thousands separators and two decimals: 12345.5 → "12,345.50元". */
export function formatMoney(yuan: number | string | null | undefined): string {
  if (yuan === null || yuan === undefined || yuan === '') return DASH
  const n = typeof yuan === 'number' ? yuan : Number(yuan)
  if (!Number.isFinite(n)) return String(yuan)
  const fixed = Math.abs(n).toFixed(2)
  const [int, frac] = fixed.split('.')
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${n < 0 ? '-' : ''}${grouped}.${frac}元`
}

/** 0.8333 → "83.3%"; null (no denominator) → "—". */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return DASH
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`
}

/** 12345 → "12,345". */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined) return DASH
  return n.toLocaleString('en-US')
}

/** A term in months as the judgment says it: 27 → "2年3个月", 12 → "1年", 5 → "5个月". */
export function formatTermMonths(months: number | null | undefined): string {
  if (months === null || months === undefined) return DASH
  const y = Math.floor(months / 12)
  const m = months % 12
  if (y && m) return `${y}年${m}个月`
  if (y) return `${y}年`
  return `${m}个月`
}

/**
 * Days left until a deadline date, counted from `today` (both "YYYY-MM-DD"):
 * positive = days remaining, 0 = due today, negative = overdue by that many days.
 */
export function daysUntil(deadline: string, today: string): number {
  const a = Date.UTC(+deadline.slice(0, 4), +deadline.slice(5, 7) - 1, +deadline.slice(8, 10))
  const b = Date.UTC(+today.slice(0, 4), +today.slice(5, 7) - 1, +today.slice(8, 10))
  return Math.round((a - b) / 86400000)
}

/** "剩3日" / "今日到期" / "已超期2日". */
export function deadlineText(deadline: string | null | undefined, today: string): string {
  if (!deadline) return DASH
  const d = daysUntil(deadline, today)
  if (d > 0) return `剩${d}日`
  if (d === 0) return '今日到期'
  return `已超期${-d}日`
}

/** Element Plus tag type for a deadline: overdue red, ≤3 days orange, else plain. */
export function deadlineTone(deadline: string | null | undefined, today: string): 'danger' | 'warning' | 'info' {
  if (!deadline) return 'info'
  const d = daysUntil(deadline, today)
  if (d < 0) return 'danger'
  if (d <= 3) return 'warning'
  return 'info'
}

/** Today's date in Beijing as "YYYY-MM-DD" (the platform's dates are Beijing dates). */
export function beijingToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600000).toISOString().slice(0, 10)
}

export const SEVERITY_LABELS: Record<string, string> = { high: '高', medium: '中', low: '低' }
export const SEVERITY_TONES: Record<string, 'danger' | 'warning' | 'info'> = {
  high: 'danger',
  medium: 'warning',
  low: 'info',
}

/** The clue's status as the models left it (clue_store): open, resolved_by_data. */
export const CLUE_STATUS_LABELS: Record<string, string> = {
  open: '未销号',
  resolved_by_data: '数据已纠正',
}

export const TRIAGE_LABELS: Record<string, string> = {
  new: '待分派',
  assigned: '已分派',
  verifying: '核查中',
  verified: '已核实',
  dismissed: '已排除',
  merged: '已合并',
  promoted: '已立案',
}

/** org_type codes (spec/EXCHANGE.md §3). */
export const ORG_TYPE_LABELS: Record<string, string> = {
  spp: '最高人民检察院',
  prov_proc: '省级院',
  city_proc: '市级院',
  county_proc: '基层院',
  dispatched_proc: '派出院',
  resident_office: '派驻检察室',
  prison: '监狱',
  detention_center: '看守所',
  correction_office: '社区矫正机构',
  court: '法院',
  police: '公安机关',
  justice_bureau: '司法行政机关',
  hospital: '强制医疗机构',
}

/** A label from a table, or the code itself when the table does not know it (never blank). */
export function label(table: Record<string, string>, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return DASH
  return table[code] ?? code
}

/** A person's ID number with the middle hidden, for lists: 510104199001011234 → 510104********1234. */
export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return DASH
  if (id.length < 10) return id
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`
}
