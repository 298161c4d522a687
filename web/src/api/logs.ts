// /api/office-logs — 派驻检察室检察日志 (issue 7 contract A2).
import { get, post } from './client'

export interface OfficeLog {
  id: number
  org_id: string
  org_name: string
  author: string
  author_name: string
  log_date: string
  category: string
  category_label: string
  content: string
  created_at: string
}

export interface LogFilter {
  org?: string
  from?: string
  to?: string
  limit?: number
  offset?: number
}

export interface NewLog {
  log_date: string
  category: string
  content: string
}

/** The categories the server accepts, in the order the dialog offers them. */
export const LOG_CATEGORIES: { code: string; label: string }[] = [
  { code: 'daily', label: '日常检察' },
  { code: 'safety', label: '安全防范检察' },
  { code: 'talk', label: '谈话教育' },
  { code: 'inspection', label: '巡视检察' },
  { code: 'meeting', label: '列席会议' },
  { code: 'complaint', label: '受理控告申诉' },
  { code: 'other', label: '其他' },
]

/** Roles that may write a log (the server decides; the page only hides the button for others). */
export const LOG_WRITER_ROLES = ['resident', 'prosecutor', 'assistant', 'dept_head']

export const listLogs = (f: LogFilter = {}) =>
  get<{ total: number; items: OfficeLog[] }>('/api/office-logs', {
    org: f.org,
    from: f.from,
    to: f.to,
    limit: f.limit ?? 20,
    offset: f.offset ?? 0,
  })

export const createLog = (log: NewLog) => post<OfficeLog>('/api/office-logs', log)
