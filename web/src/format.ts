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

// ---- clues (dashboard, clue list and detail) ----

/** 排除理由 (src/workflow/case_machine.cc kReasons); needsNote: the reason must be explained. */
export const DISMISS_REASONS: { code: string; label: string; needsNote: boolean }[] = [
  { code: 'lawful_on_review', label: '经核查，执行活动合法', needsNote: false },
  { code: 'data_error', label: '数据录入错误，已核对原始卷宗', needsNote: true },
  { code: 'already_corrected', label: '执行机关已自行纠正', needsNote: false },
  { code: 'duplicate', label: '与其他线索重复', needsNote: false },
  { code: 'out_of_jurisdiction', label: '不属本院管辖，已移送', needsNote: true },
  { code: 'insufficient', label: '证据不足，无法核实', needsNote: true },
  { code: 'other', label: '其他', needsNote: true },
]

export const DISMISS_REASON_LABELS: Record<string, string> = Object.fromEntries(
  DISMISS_REASONS.map((r) => [r.code, r.label]),
)

/** Whether a dismissal with this reason must carry a note (unknown reasons: yes). */
export function dismissNeedsNote(code: string): boolean {
  return DISMISS_REASONS.find((r) => r.code === code)?.needsNote ?? true
}

/** 研判操作 (case_machine.cc kTriage). */
export const TRIAGE_ACTION_LABELS: Record<string, string> = {
  assign: '分派',
  start: '开始核查',
  verify: '核查属实',
  dismiss: '排除',
  merge: '合并为重复线索',
  promote: '立案',
  reopen: '恢复研判',
}

/** Events of a clue's data history (storage/clue_store.cc). */
export const CLUE_EVENT_LABELS: Record<string, string> = {
  created: '模型发现',
  updated: '数据变化，线索内容更新',
  reopened: '再次发现',
  resolved_by_data: '数据已纠正，线索自动消除',
}

/** Chinese names of the keys models write into a clue's facts; unknown keys show as they are. */
export const FACT_LABELS: Record<string, string> = {
  // 减刑、假释
  delivery_date: '交付执行日期',
  proposal_date: '提请日期',
  earliest_proposal_date: '最早可提请日期',
  original_term_months: '原判刑期',
  required_period: '应执行期限',
  short_days: '尚差天数',
  interval_days: '实际间隔天数',
  required_days: '应间隔天数',
  required_interval: '应间隔期限',
  previous_change_id: '上次刑期变动编号',
  previous_decision: '上次裁定日期',
  previous_effective_date: '上次裁定生效日期',
  previous_reduction: '上次减刑幅度',
  basis: '减刑理由',
  cap: '幅度上限',
  cap_months: '幅度上限',
  reduction: '减刑幅度',
  reduction_months: '减刑幅度',
  floor: '实际执行刑期下限',
  floor_date: '下限届满日期',
  reductions_total: '累计减刑',
  reductions_total_months: '累计减刑',
  served_after_change: '变更后已执行',
  served_after_change_months: '变更后已执行',
  term_end_after: '变更后刑期届满日',
  eligible_date: '可提请假释日期',
  required_served: '应实际执行',
  served_days: '已实际执行天数',
  term_start: '刑期起始日',
  computed_new_term_end: '应为刑期届满日',
  stated_new_term_end: '裁定所载刑期届满日',
  previous_term_end: '原刑期届满日',
  difference_days: '相差天数',
  computed_term_end: '应为刑期届满日',
  latest_release_date: '最迟释放日期',
  uncounted_days: '不计入执行刑期天数',
  term_end: '刑期届满日',
  // 财产性判项
  amount_due: '应履行金额',
  paid: '已履行金额',
  paid_before_proposal: '提请前已履行',
  unpaid: '未履行金额',
  still_due: '尚未履行金额',
  deposits: '账户存入',
  spending: '账户消费',
  spending_threshold: '消费认定标准',
  ability_spending: '消费认定标准',
  ability_shown_by: '履行能力依据',
  account_balance: '账户余额',
  account_balance_month: '余额月份',
  latest_balance: '最新余额',
  latest_balance_month: '最新余额月份',
  deposits_in_window: '期间存入',
  spending_in_window: '期间消费',
  spending_window: '消费统计期间',
  window_months: '统计期间',
  exec_id: '财产刑执行编号',
  stricter_earliest_date: '从严后最早可提请日期',
  stricter_required_period: '从严后应执行期限',
  fine: '罚金',
  property_case: '财产刑执行案件',
  filing_days: '移送期限（日）',
  filing_deadline: '应移送日期',
  filing_after_transfer: '移送后立案期限',
  status: '执行状态',
  status_date: '状态变更日期',
  // 计分考核、岗位、劳动
  month: '月份',
  points_12m: '近12个月计分',
  facility_q1: '本单位下四分位数',
  facility_q3: '本单位上四分位数',
  facility_iqr: '本单位四分位距',
  fence: '异常阈值',
  fence_k: '阈值系数',
  over_fence: '超出阈值',
  population: '比较人群',
  population_size: '比较人数',
  quantile_method: '分位数算法',
  window_from: '统计起始',
  window_to: '统计截止',
  categories: '罪犯类别',
  post: '岗位',
  post_class: '岗位类别',
  start_date: '开始日期',
  end_date: '结束日期',
  sentence_ids: '判决编号',
  people: '参加劳动人数',
  over_limit: '超时人数',
  over_limit_persons: '超时人员',
  over_day_limit: '超日工时人数',
  over_week_limit: '超周工时人数',
  no_rest_day: '无休息日人数',
  share: '超时人员占比',
  day_limit_hours: '每日工时上限（小时）',
  max_day_hours: '最长日工时（小时）',
  max_week_hours: '最长周工时（小时）',
  juveniles: '未成年犯人数',
  juvenile_day_limit_hours: '未成年犯每日工时上限（小时）',
  juvenile_week_limit_hours: '未成年犯每周工时上限（小时）',
  min_rest_days: '最少休息日数',
  min_rest_days_required: '应休息日数',
  // 社区矫正、暂予监外执行
  correction_id: '社区矫正编号',
  correction_type: '矫正类别',
  due: '应复查日期',
  last_review: '上次复查日期',
  temp_release_start: '暂予监外执行起始日',
  effective_date: '判决生效日期',
  report_deadline: '应报到日期',
  report_period: '报到期限',
  reported_date: '实际报到日期',
  residence_region_code: '执行地',
  destination_region_code: '所到地区',
  first_outside: '首次越界定位',
  last_outside: '最后越界定位',
  minutes: '越界时长（分钟）',
  threshold_minutes: '越界时长阈值（分钟）',
  positions: '越界定位点数',
  last_position: '最后一次定位',
  next_position: '恢复定位',
  hours_without_position: '无定位时长（小时）',
  threshold_hours: '时长阈值（小时）',
  end_ts: '请假截止时间',
  returned_ts: '实际返回时间',
  hours_late: '逾期（小时）',
  computed_end: '应为矫正期满日',
  stated_end: '登记矫正期满日',
  decision_effective_date: '判决生效日期',
  probation_months: '考验期',
  // 监管、羁押、交付
  date_of_death: '死亡日期',
  days_since_death: '死亡后天数',
  death_source_org_id: '死亡信息来源',
  still_listed: '仍在册记录',
  case_no: '案号',
  citation: '条文',
  stage: '羁押阶段',
  stage_name: '羁押阶段',
  stage_start: '阶段起始日',
  limit: '羁押期限',
  base_deadline: '法定期限届满日',
  legal_deadline: '法定期限届满日',
  facility_deadline: '看守所登记期限',
  custody_end: '羁押截止',
  custody_end_by: '截止依据',
  days_over: '超期天数',
  extension_doc: '延长羁押文书',
  handling_org_id: '办案机关',
  delivery_deadline: '应交付日期',
  max_remaining: '留所服刑剩余刑期上限',
  remaining_days: '剩余刑期（日）',
  decision_date: '决定日期',
  copy_received_date: '副本收到日期',
  due_date: '应送达日期',
  limit_days: '期限（日）',
  hospital_org_id: '强制医疗机构',
  delivered_date: '交付日期',
  released_date: '解除日期',
  serve_deadline: '应交付日期',
  serve_limit_days: '交付期限（日）',
  days_late: '迟延天数',
  days_overdue: '逾期天数',
  custody_credit_days: '先行羁押折抵天数',
  stated_term_end: '登记刑期届满日',
  term_months: '刑期',
  penalty: '刑罚种类',
  days_early: '提前天数',
  release_date: '释放日期',
  bonus: '奖励分',
  bonus_cap: '奖励分上限',
  bonus_over_cap: '超出上限',
  deduction: '扣分',
  penalty_date: '处罚日期',
  penalty_reward_id: '处罚记录编号',
  limit_exceeded_from: '超过期限之日',
  limit_months: '任职期限',
  months: '已任职',
  stint_start_date: '本次任职起始日',
  stint_last_day: '本次任职截至',
  stint_open: '仍在任职',
  share_threshold: '超时人员占比阈值',
  week_from: '统计周起始',
  week_to: '统计周截止',
  week_limit_hours: '每周工时上限（小时）',
  conclusion: '复查结论',
  recommit_days: '收监期限（日）',
  recommit_due: '应收监日期',
  review_date: '复查日期',
  custody_record: '收押记录',
}

/** Codes that appear as fact values, with their names (domain/codes.cc). */
export const FACT_VALUE_LABELS: Record<string, string> = {
  repentance: '确有悔改表现',
  merit: '立功表现',
  repentance_merit: '悔改并立功',
  major_merit: '重大立功',
  repentance_major_merit: '悔改并重大立功',
  surveillance: '管制',
  probation: '缓刑',
  parole: '假释',
  temp_release: '暂予监外执行',
  production: '生产',
  auxiliary: '辅助/杂务',
  trusty: '协助管理',
  skilled: '技术岗',
  suspended: '中止',
  terminated_this_round: '终结本次执行',
  terminated: '终结执行',
  done: '执行完毕',
  gang: '组织领导参加包庇纵容黑社会性质组织',
  duty_crime: '职务犯罪',
  financial: '破坏金融管理秩序、金融诈骗',
  terrorism: '恐怖活动',
  state_security: '危害国家安全',
  drug_ringleader: '毒品犯罪集团首要分子',
  recidivist: '累犯',
  balance: '账户余额',
  deposits: '账户存入',
  spending: '账户消费',
  as_of: '截至统计日',
  admitted: '收押/收监',
  investigation: '逮捕后侦查羁押',
  prosecution_review: '审查起诉',
  first_instance: '一审',
  second_instance: '二审',
  awaiting_delivery: '判决生效待交付执行',
  serving_in_center: '留所服刑',
  criminal_detention: '拘役',
  fixed_term: '有期徒刑',
  life: '无期徒刑',
  death_reprieve: '死刑缓期二年执行',
  death_reprieve_restricted: '死缓限制减刑',
  warning: '警告',
  demerit: '记过',
  confinement: '禁闭',
  still_eligible: '仍符合保外就医条件',
  no_longer_eligible: '不再符合保外就医条件',
  unknown: '不明',
}

/** The Chinese name of a facts key, else the key. */
export function factLabel(key: string): string {
  return FACT_LABELS[key] ?? key
}

const ISO_TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

/**
 * A fact's value for the facts table: timestamps in Beijing minutes, terms in months as
 * "2年3个月" (keys ending in _months), shares as percent, codes by name, lists joined with "、",
 * objects as "键：值；…", null as "—".
 */
export function formatFactValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return DASH
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (typeof value === 'number') {
    if (/(^|_)months$/.test(key) && Number.isInteger(value)) return formatTermMonths(value)
    if (key === 'share') return formatRate(value)
    return String(value)
  }
  if (typeof value === 'string') {
    if (ISO_TS.test(value)) return formatDateTime(value)
    return FACT_VALUE_LABELS[value] ?? value
  }
  if (Array.isArray(value)) {
    if (!value.length) return DASH
    return value.map((v) => formatFactValue(key, v)).join('、')
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${factLabel(k)}：${formatFactValue(k, v)}`)
      .join('；')
  }
  return String(value)
}

/** A basis id as shown: rule ids as they are, "PARAM:x" as 模型参数. */
export function basisIdText(id: string): string {
  return id.startsWith('PARAM:') ? '模型参数' : id
}

/**
 * The heading of a basis item: a rule's title; for "PARAM:x" the parameter's Chinese label
 * (from the model catalogue, `paramLabels` by parameter name), else its name.
 */
export function basisTitle(item: { id: string; title?: string }, paramLabels: Record<string, string>): string {
  if (!item.id.startsWith('PARAM:')) return item.title ?? ''
  const name = item.id.slice(6)
  return paramLabels[name] ?? name
}

/** The log categories (检察日志, issue 7 A2). */
export const LOG_CATEGORY_LABELS: Record<string, string> = {
  daily: '日常检察',
  safety: '安全防范检察',
  talk: '谈话教育',
  inspection: '巡视检察',
  meeting: '列席会议',
  complaint: '受理控告申诉',
  other: '其他',
}

/** Names of the keys that identify a clue's records (its `key`) and of window bounds. */
export const RECORD_KEY_LABELS: Record<string, string> = {
  change_id: '刑期变动编号',
  correction_id: '社区矫正编号',
  leave_id: '请假编号',
  sentence_id: '判决编号',
  event_id: '事件编号',
  exec_id: '财产刑执行编号',
  detention_id: '羁押编号',
  person_id: '人员编号',
  org_id: '机构编号',
  review_id: '复查编号',
  job_id: '岗位安排编号',
  facility_org_id: '监管场所',
  unit: '监区',
  rs_id: '指定居所监视居住编号',
  cm_id: '强制医疗编号',
  month: '月份',
  week: '周',
  from: '起始',
  to: '截止',
}
// ---- end of clues section ----

// ---- data, reports, administration ----

/** Exchange tables (docs/exchange-tables.md). */
export const EXCHANGE_TABLE_LABELS: Record<string, string> = {
  orgs: '机构',
  staff: '检察人员',
  persons: '人员',
  sentences: '生效判决',
  term_changes: '刑期变动',
  custody_events: '出入监（所）记录',
  points: '计分考核',
  rewards: '奖惩',
  jobs: '岗位安排',
  labor_days: '劳动记录',
  accounts: '罪犯账户',
  property_cases: '财产刑执行',
  property_payments: '财产刑缴纳',
  corrections: '社区矫正对象',
  correction_events: '社区矫正事件',
  leaves: '请假外出',
  positions: '定位轨迹',
  medical_reviews: '暂予监外执行病情复查',
  detentions: '看守所羁押',
  deaths: '死亡信息',
  residence_surveillance: '指定居所监视居住',
  compulsory_medical: '强制医疗',
  attachments: '电子卷宗材料',
}

/** Background jobs (imports, model runs). */
export const JOB_STATE_LABELS: Record<string, string> = {
  queued: '排队中',
  running: '进行中',
  done: '已完成',
  failed: '失败',
}
export const JOB_STATE_TONES: Record<string, 'info' | 'primary' | 'success' | 'danger'> = {
  queued: 'info',
  running: 'primary',
  done: 'success',
  failed: 'danger',
}

/** A rate whose denominator may be zero: formatRatio(3, 4) → "75.0%", formatRatio(0, 0) → "—". */
export function formatRatio(num: number | null | undefined, den: number | null | undefined): string {
  if (num === null || num === undefined || !den) return DASH
  return formatRate(num / den)
}

/** Milliseconds as a duration: 850 → "0.9秒", 65000 → "1分5秒". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return DASH
  if (ms < 60000) return `${(Math.round(ms / 100) / 10).toFixed(1)}秒`
  const s = Math.round(ms / 1000)
  return `${Math.floor(s / 60)}分${s % 60}秒`
}

const AUDIT_ACTIONS: Record<string, string> = {
  login: '登录',
  login_failed: '登录失败',
  logout: '退出登录',
  password_change: '修改密码',
  password_reset: '重置密码',
  user_create: '新建用户',
  user_disable: '停用用户',
  user_enable: '启用用户',
  user_locked: '账号锁定',
  grant_add: '新增临时授权',
  grant_revoke: '撤销临时授权',
  read_clue: '查阅线索',
  read_case: '查阅案件',
  read_person: '查阅人员档案',
  office_log_add: '填写检察日志',
  case_accept: '受理案件',
  case_extend_deadline: '延长办理期限',
  case_add_evidence: '上传证据材料',
  clue_assign: '分派线索',
  clue_start: '开始核查线索',
  clue_verify: '线索核查属实',
  clue_dismiss: '排除线索',
  clue_merge: '合并线索',
  clue_promote: '线索立案',
  clue_reopen: '恢复研判',
  case_investigate: '开始调查核实',
  case_oral_correct: '口头纠正',
  case_confirm_fixed: '确认已改正',
  case_draft: '拟制文书',
  case_submit: '提请审批',
  case_return: '退回修改',
  case_approve_issue: '审批签发',
  case_reply_adopted: '登记回复（采纳）',
  case_reply_rejected: '登记回复（未采纳）',
  case_report_rectification: '登记整改材料',
  case_follow_up_passed: '回头看：整改到位',
  case_follow_up_failed: '回头看：整改未到位',
  case_ruling_received: '收到裁定（决定）',
  case_accept_ruling: '审查裁定：合法',
  case_challenge_ruling: '审查裁定：提出书面纠正意见',
  case_escalate: '升级监督',
  case_close_not_adopted: '未采纳结案',
  case_terminate: '终结审查',
  batch_import: '导入数据包',
  model_run: '运行监督模型',
}

/** An audit action code in words (the code itself when unknown). */
export function auditActionLabel(code: string | null | undefined): string {
  return label(AUDIT_ACTIONS, code)
}

export const AUDIT_OBJECT_LABELS: Record<string, string> = {
  user: '用户',
  grant: '临时授权',
  clue: '线索',
  case: '案件',
  person: '人员',
  document: '文书',
  office_log: '检察日志',
  batch: '数据包',
  model_run: '模型运行',
}

/** Model families (models/registry.h: one pass per family). */
export const MODEL_FAMILY_LABELS: Record<string, string> = {
  law: '刑罚变更执行',
  prison: '监狱管理',
  community: '社区矫正',
  property: '财产刑执行',
  custody: '看守所与强制措施',
  trajectory: '定位轨迹',
}

/** The outcome of importing a batch (ingest/importer.h). */
export const IMPORT_OUTCOME_LABELS: Record<string, string> = {
  applied: '已导入',
  already_applied: '此前已导入，未作更改',
  rejected: '拒收，数据库未作任何更改',
}
export const IMPORT_MODE_LABELS: Record<string, string> = { strict: '严格模式', quarantine: '隔离模式' }

// ---- persons, reviews, cases, documents (执行经过、减假暂审查、案件、文书) ----

/** The law engine's verdict (law/judge.cc VerdictCode). */
export const VERDICT_LABELS: Record<string, string> = {
  lawful: '合法',
  violation: '违法',
  needs_review: '需人工审查',
}
export const VERDICT_TONES: Record<string, 'success' | 'danger' | 'warning' | 'info'> = {
  lawful: 'success',
  violation: 'danger',
  needs_review: 'warning',
}

/** One finding's severity (law/judge.cc SeverityCode): ✗ 违法, ? 需审查, 缺材料, · 提示. */
export const FINDING_LABELS: Record<string, string> = {
  violation: '违法',
  warning: '需审查',
  missing: '缺少材料',
  info: '提示',
}
export const FINDING_TONES: Record<string, 'danger' | 'warning' | 'info'> = {
  violation: 'danger',
  warning: 'warning',
  missing: 'warning',
  info: 'info',
}

export const GENDER_LABELS: Record<string, string> = { M: '男', F: '女' }

/** 可减刑 / 可假释 status (law/judge.cc EligibilityStatusCode). */
export const ELIGIBILITY_LABELS: Record<string, string> = {
  eligible: '可以提请',
  barred: '不得提请',
  not_applicable: '不适用',
}

export const CASE_TYPE_LABELS: Record<string, string> = {
  correction: '纠正违法',
  suggestion: '检察建议',
  proposal_review: '减刑、假释、暂予监外执行审查',
  ruling_correction: '书面纠正意见（裁定）',
}

/** Case states in the order a case passes them (workflow/case_machine.cc). */
export const CASE_STATE_LABELS: Record<string, string> = {
  accepted: '已受理',
  investigating: '调查核实中',
  oral_corrected: '已口头纠正',
  drafting: '文书拟制中',
  pending_approval: '待审批',
  issued: '文书已制发',
  replied: '已回复（未采纳）',
  rectifying: '整改中',
  follow_up: '待回头看',
  ruled: '已裁定待审查',
  closed: '已结案',
}

/** The tone of a case state tag: waiting on us orange, waiting on others blue, closed grey. */
export function caseStateTone(state: string): 'warning' | 'primary' | 'success' | 'info' | 'danger' {
  if (state === 'pending_approval' || state === 'ruled' || state === 'follow_up') return 'warning'
  if (state === 'issued' || state === 'rectifying' || state === 'oral_corrected') return 'primary'
  if (state === 'replied') return 'danger'
  if (state === 'closed') return 'info'
  return 'success'
}

export const DOC_STATE_LABELS: Record<string, string> = {
  draft: '草稿',
  pending_approval: '待审批',
  issued: '已签发',
}

export const DOC_KIND_LABELS: Record<string, string> = {
  correction_notice: '纠正违法通知书',
  suggestion: '检察建议书',
  proposal_opinion: '检察意见书',
  ruling_correction: '纠正不当减刑、假释裁定意见书',
}

export const EVIDENCE_KIND_LABELS: Record<string, string> = {
  reply: '回复材料',
  rectification: '整改材料',
  investigation: '调查核实材料',
}

export const ADOPTION_LABELS: Record<string, string> = { adopted: '采纳', rejected: '未采纳' }

/** 1536 → "1.5 KB"; bytes below 1 KB as "n 字节". */
export function formatFileSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return DASH
  if (bytes < 1024) return `${bytes} 字节`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** A proposed reduction: (6, 0) → "6个月", (0, 15) → "15日", (1, 10) → "1个月10日". */
export function formatReduction(months: number | null | undefined, days: number | null | undefined): string {
  const m = months ?? 0
  const d = days ?? 0
  if (!m && !d) return DASH
  return `${m ? `${m}个月` : ''}${d ? `${d}日` : ''}`
}

/** Engine verdict label → tone (for labels that arrive as text: 合法 / 违法 / 需人工审查). */
export function verdictLabelTone(labelText: string): 'success' | 'danger' | 'warning' | 'info' {
  if (labelText === '合法') return 'success'
  if (labelText === '违法') return 'danger'
  if (labelText) return 'warning'
  return 'info'
}

export interface TimelineLine {
  date: string // "" for a continuation line
  mark: '' | 'violation' | 'warning' | 'info' // ✗ / ? / · before an explanation line
  text: string
}

/**
 * The law engine's timeline text (law::Timeline): "YYYY-MM-DD  text" lines, continuation lines
 * indented; an explanation line starts with ✗ (违法), ? (需审查) or · (提示).
 */
export function parseTimeline(text: string | null | undefined): TimelineLine[] {
  const out: TimelineLine[] = []
  for (const raw of (text ?? '').split('\n')) {
    if (!raw.trim()) continue
    const m = /^(\d{4}-\d{2}-\d{2})\s+(.*)$/.exec(raw)
    const body = (m ? m[2] : raw).trim()
    let mark: TimelineLine['mark'] = ''
    let rest = body
    if (body.startsWith('✗ ')) (mark = 'violation'), (rest = body.slice(2))
    else if (body.startsWith('? ')) (mark = 'warning'), (rest = body.slice(2))
    else if (body.startsWith('· ')) (mark = 'info'), (rest = body.slice(2))
    out.push({ date: m ? m[1] : '', mark, text: rest })
  }
  return out
}

/** The rule ID at the head of an explanation ("【JX-START-02 …】…" → "JX-START-02"). */
export function ruleIdOf(text: string | null | undefined): string {
  const m = /^【([A-Z][A-Z0-9-]*\d)/.exec(text ?? '')
  return m ? m[1] : ''
}

/** Case actions as the flow record names them (workflow/case_machine.cc; "accept" = 受理/立案). */
export const CASE_ACTION_LABELS: Record<string, string> = {
  accept: '受理',
  open: '立案',
  investigate: '开始调查核实',
  oral_correct: '口头纠正',
  confirm_fixed: '确认已改正',
  draft: '拟制文书',
  submit: '提请审批',
  return: '退回修改',
  approve_issue: '审批签发',
  reply_adopted: '登记回复（采纳）',
  reply_rejected: '登记回复（未采纳）',
  report_rectification: '登记整改材料',
  follow_up_passed: '回头看：整改到位',
  follow_up_failed: '回头看：整改未到位',
  ruling_received: '收到裁定（决定）',
  accept_ruling: '审查裁定：合法',
  challenge_ruling: '审查裁定：提出书面纠正意见',
  escalate: '升级监督',
  close_not_adopted: '未采纳结案',
  terminate: '终结审查',
  add_evidence: '上传材料',
  extend_deadline: '延长期限',
}

/** custody_events.event (docs/exchange-tables.md §6). */
export const CUSTODY_EVENT_LABELS: Record<string, string> = {
  admitted: '收押/收监',
  transferred_in: '调入',
  transferred_out: '调出',
  released_expiry: '刑满释放',
  released_parole: '假释出监',
  released_temp: '暂予监外执行出监',
  released_other: '其他释放',
  died: '死亡',
  escaped: '脱逃',
  recaptured: '捕回',
}

/** correction_events.event (docs/exchange-tables.md). */
export const CORRECTION_EVENT_LABELS: Record<string, string> = {
  reported: '报到',
  warning: '警告',
  admonition: '训诫',
  revocation_proposed: '提请撤销',
  recommitted: '收监',
  terminated: '解除矫正',
  absconded: '脱管',
  found: '脱管后查找到',
  died: '死亡',
  transferred: '变更执行地',
}

/** corrections.correction_type. */
export const CORRECTION_TYPE_LABELS: Record<string, string> = {
  surveillance: '管制',
  probation: '缓刑',
  parole: '假释',
  temp_release: '暂予监外执行',
}

/** leaves.status. */
export const LEAVE_STATUS_LABELS: Record<string, string> = {
  approved: '已批准',
  rejected: '不批准',
  cancelled: '已取消',
}
