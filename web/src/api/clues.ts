// /api/clues — the clue list with its filters (mirrored in the page's URL), one clue, triage,
// promotion to a case (POST /api/cases), the Excel export, the models and the trajectory of a
// community-correction clue (src/api/routes_clues.cc; issue 7 contract A4, B1).
import { ApiError, download, get, post, type Query } from './client'
import type { Org } from './orgs'

export interface ClueListItem {
  clue_no: number
  model: string
  model_name: string
  severity: string
  title: string
  summary: string
  person_id: string
  person_name: string
  org_id: string
  status: string
  triage_state: string
  triage_label: string
  triage_version: number
  assignee_id: number | null
  /** The assignee's display name; null when unassigned. */
  assignee_name: string | null
  case_id: number | null
  created_at: number | string
}

export interface BasisItem {
  id: string
  title?: string
  citation?: string
  text?: string
}

export interface ClueTriage {
  state: string
  state_label: string
  assignee_id: number | null
  /** The assignee's display name; null when unassigned. */
  assignee_name: string | null
  reason_code: string
  note: string
  merged_into: number | null
  case_id: number | null
  version: number
}

export interface ClueHistoryItem {
  run_no: number
  at: number | string
  event: string
  status: string
  detail: Record<string, unknown> | null
}

export interface ClueActionItem {
  at: number | string
  user_id: number | null
  /** Who acted, by display name; null for the system's own acts. */
  user_name: string | null
  /** An assignment's assignee (detail.assignee_id) by display name; null otherwise. */
  assignee_name: string | null
  action: string
  from: string
  to: string
  detail: Record<string, unknown> | null
}

export interface ClueDetail {
  clue_no: number
  model: string
  model_name: string
  key: Record<string, unknown> | null
  severity: string
  title: string
  summary: string
  person_id: string
  person_name: string
  org_id: string
  status: string
  facts: Record<string, unknown> | null
  basis: BasisItem[]
  window: { from?: string | null; to?: string | null } | null
  triage: ClueTriage
  history: ClueHistoryItem[]
  actions: ClueActionItem[]
}

/** What the clue list page keeps in its URL (so links and the back button keep the filters). */
export interface ClueQuery {
  model: string[]
  org: string[]
  region: string
  status: string
  triage: string[]
  severity: string[]
  person: string
  page: number
}

export const PAGE_SIZE = 50

/**
 * 待办线索 as the dashboard counts them (storage/dashboard_store.h): still open in the data and
 * awaiting a triage decision. As a route query for the clue list.
 */
export const OPEN_CLUES_ROUTE = { status: 'open', triage: 'new,assigned,verifying,verified' } as const

type RouteQueryValue = string | null | (string | null)[] | undefined

function list(v: RouteQueryValue): string[] {
  if (v === undefined || v === null) return []
  const values = Array.isArray(v) ? v : [v]
  return values.flatMap((s) => (s ? s.split(',') : [])).map((s) => s.trim()).filter(Boolean)
}
function one(v: RouteQueryValue): string {
  return list(v)[0] ?? ''
}

/** The page's filters from the route query (?model=M14&org=…&region=510104&page=2). */
export function parseClueQuery(q: Record<string, RouteQueryValue>): ClueQuery {
  const page = Number(one(q.page))
  return {
    model: list(q.model),
    org: list(q.org),
    region: one(q.region),
    status: one(q.status),
    triage: list(q.triage),
    severity: list(q.severity),
    person: one(q.person),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  }
}

/** The route query for the filters: empty filters and page 1 are left out. */
export function clueQueryToRoute(c: ClueQuery): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  if (c.model.length) out.model = c.model.length === 1 ? c.model[0] : [...c.model]
  if (c.org.length) out.org = c.org.length === 1 ? c.org[0] : [...c.org]
  if (c.region) out.region = c.region
  if (c.status) out.status = c.status
  if (c.triage.length) out.triage = c.triage.length === 1 ? c.triage[0] : [...c.triage]
  if (c.severity.length) out.severity = c.severity.length === 1 ? c.severity[0] : [...c.severity]
  if (c.person) out.person = c.person
  if (c.page > 1) out.page = String(c.page)
  return out
}

/**
 * The org ids a region filter stands for: the orgs in the caller's jurisdiction whose
 * region_code is the region (the clue list has no region filter of its own).
 */
export function orgsOfRegion(orgs: Org[], region: string): string[] {
  return orgs.filter((o) => o.region_code === region).map((o) => o.org_id)
}

/**
 * The query for GET /api/clues and /api/clues.xlsx. A region becomes its org ids (intersected
 * with an org filter when both are set). null when the region has no org in reach: the answer
 * is known to be empty (the server drops empty values, so org="" would mean every org).
 */
export function clueApiQuery(c: ClueQuery, regionOrgs: string[] | null, paged = true): Query | null {
  let orgs = c.org
  if (c.region && regionOrgs) {
    orgs = c.org.length ? c.org.filter((o) => regionOrgs.includes(o)) : regionOrgs
    if (!orgs.length) return null
  }
  const q: Query = {
    model: c.model,
    org: orgs,
    status: c.status,
    triage: c.triage,
    severity: c.severity,
    person: c.person,
  }
  if (paged) {
    q.limit = PAGE_SIZE
    q.offset = (c.page - 1) * PAGE_SIZE
  }
  return q
}

export const listClues = (query: Query, signal?: AbortSignal) =>
  get<{ total: number; items: ClueListItem[] }>('/api/clues', query, signal)

export const exportClues = (query: Query) => download('/api/clues.xlsx', query)

export const getClue = (clueNo: number | string) => get<ClueDetail>(`/api/clues/${clueNo}`)

export interface TriageBody {
  action: 'assign' | 'start' | 'verify' | 'dismiss' | 'merge' | 'reopen'
  version: number
  assignee_id?: number
  reason_code?: string
  note?: string
  merge_into?: number
}

export const triageClue = (clueNo: number, body: TriageBody) =>
  post<{ clue_no: number; version: number }>(`/api/clues/${clueNo}/triage`, body)

/** 线索立案 — the case types a clue may become (workflow::Promote). */
export const PROMOTE_CASE_TYPES = [
  { code: 'correction', label: '纠正违法' },
  { code: 'suggestion', label: '检察建议' },
]

export interface PromoteBody {
  clues: { clue_no: number; version: number }[]
  case_type: string
  title?: string
  handler_id?: number
}

export const promoteClues = (body: PromoteBody) => post<{ case_id: number }>('/api/cases', body)

/**
 * The Chinese labels of the model parameters a clue may cite as "PARAM:<name>", by name, from
 * the model catalogue (GET /api/models): the clue's own model first, then any model's parameter
 * of that name.
 */
export function paramLabelsOf(
  catalogue: { model: string; params?: { name: string; label: string }[] }[],
  model: string,
): Record<string, string> {
  const out: Record<string, string> = {}
  const own = catalogue.find((m) => m.model === model)
  for (const m of own ? [own, ...catalogue.filter((x) => x !== own)] : catalogue) {
    for (const p of m.params ?? []) if (p.label && !(p.name in out)) out[p.name] = p.label
  }
  return out
}

// ---- assignees (分派的承办人) ----

/** A user a clue may be assigned to (GET /api/assignees: active casework staff of the jurisdiction). */
export interface Assignee {
  user_id: number
  username: string
  display_name: string
  role: string
  role_label: string
  org_id: string
  org_name: string
}

export interface AssigneeQuery {
  /** Name or username contains it (at most 32 characters). */
  q?: string
  /** Only users of this org. */
  org?: string
  limit?: number
}

export const listAssignees = (query: AssigneeQuery = {}, signal?: AbortSignal) =>
  get<{ items: Assignee[] }>('/api/assignees', { ...query }, signal).then((r) => r.items)

// ---- models ----

export interface ModelInfo {
  model: string
  name: string
  family?: string
}

/**
 * The supervision models for the filter: GET /api/models; when that route is not there (404),
 * the names the dashboard counts by; else nothing (the page then offers the ids it has seen).
 */
export async function loadModels(): Promise<ModelInfo[]> {
  try {
    const r = await get<{ items: ModelInfo[] }>('/api/models')
    return r.items.map((m) => ({ model: m.model, name: m.name, family: m.family }))
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 404) throw e
  }
  try {
    const d = await get<{ by_model: { model: string; name: string }[] }>('/api/dashboard')
    return d.by_model.map((m) => ({ model: m.model, name: m.name }))
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return []
    throw e
  }
}

// ---- trajectory (M14, M15, M16) ----

export const TRAJECTORY_MODELS = ['M14', 'M15', 'M16']

export interface TrajectoryPoint {
  ts: string
  lon: number
  lat: number
  source: string
  outside: boolean | null // null: the residence county has no outline to test against
}

export interface Leave {
  leave_id: string
  start_ts: string
  end_ts: string
  destination_region_code: string | null
  destination_name: string | null
  status: string
  status_label?: string
  returned_ts: string | null
}

export interface GeoFeature {
  type: 'Feature'
  properties: { code: string; name: string }
  geometry: { type: string; coordinates: unknown }
}

export interface Trajectory {
  correction_id: string
  residence_region_code: string
  residence_name: string
  destination_region_code: string | null
  destination_name: string | null
  window: { from: string; to: string | null }
  leave: Leave | null
  points: TrajectoryPoint[]
  thinned?: boolean
  counties: GeoFeature[]
}

export const getTrajectory = (clueNo: number | string) => get<Trajectory>(`/api/clues/${clueNo}/trajectory`)

/** Counts for the trajectory caption: all positions and those outside the residence county. */
export function trajectoryCounts(points: TrajectoryPoint[]): { total: number; outside: number } {
  return { total: points.length, outside: points.filter((p) => p.outside === true).length }
}
