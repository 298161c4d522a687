// Data: uploads of exchange batches, the supervision models and their runs, and the background
// jobs that do both (docs/api/openapi.yaml; contract /tmp/lead/issue7-api.md §B).
import { ApiError, get, post, readCookie, type ErrorBody } from './client'

export type JobState = 'queued' | 'running' | 'done' | 'failed'

export interface JobProgress {
  stage: string
  done: number
  total: number
  rows?: number
}

export interface TableCounts {
  table: string
  file?: string
  read: number
  inserted: number
  updated: number
  deleted: number
  rejected: number
}

/** One rejected row (隔离数据): where it is and which rule it broke (docs/import-errors.md). */
export interface RejectedRow {
  file: string
  line: number
  column: string
  value: string
  rule: string
  message?: string
}

export interface ImportResult {
  batch_id?: string
  source_org_id?: string
  exported_at?: string
  mode?: string
  outcome?: string
  fatal?: string
  issue_count?: number
  quarantined?: number
  tables?: TableCounts[]
  rejects?: RejectedRow[]
  rejects_listed?: number
  issues?: RejectedRow[]
  /** After an applied batch: proposals accepted, rulings registered, problems; or the error. */
  intake?: { accepted?: number; rulings?: number; problems?: string[]; error?: string }
}

export interface ModelRunRow {
  model: string
  rows_scanned?: number
  findings?: number
  new: number
  updated: number
  reopened?: number
  resolved: number
  ms?: number
}

export interface ModelRun {
  run_id: number | string
  started_at: string | number
  finished_at?: string | number | null
  models: string[]
  params?: Record<string, Record<string, unknown>>
  trial: boolean
  user: string | null
  per_model: ModelRunRow[]
  totals?: Partial<ModelRunRow> & Record<string, unknown>
}

export interface Job<R = unknown> {
  job_id: string
  kind: 'import' | 'models'
  kind_label?: string
  state: JobState
  state_label?: string
  progress: JobProgress
  started_at?: string | number | null
  finished_at?: string | number | null
  user?: string
  message?: string
  result?: R | null
  error?: { code?: string; message?: string } | null
}

export interface Batch {
  batch_id: string
  batch_no?: number
  source_org_id?: string
  exported_at?: string
  mode?: string
  applied_at?: string | number | null
  mode_label?: string
  quarantined?: number
  user?: string | null
  tables: TableCounts[]
  [key: string]: unknown
}

export interface ModelParam {
  name: string
  label: string // the Chinese description
  type: string // int | number | bool | text (code lists are text, ';'-separated codes)
  default: number | string | boolean | null // null: as the law in force says
  default_label?: string // "依法" when default is null
  configured?: number | string | boolean | null // what zhijian.toml sets everywhere, if anything
  unit?: string
  rule?: string
  min?: number
  max?: number
  codes?: { code: string; label: string }[]
}

export interface ModelInfo {
  model: string
  name: string
  family?: string
  family_label?: string
  summary?: string
  key?: string[] | string
  params: ModelParam[]
}

export interface Page<T> {
  total: number
  items: T[]
}

// ---- jobs ----

export const getJob = <R = unknown>(jobId: string) => get<Job<R>>(`/api/jobs/${encodeURIComponent(jobId)}`)
export const listJobs = () => get<{ items: Job[] }>('/api/jobs')

export const isFinished = (job: Pick<Job, 'state'>) => job.state === 'done' || job.state === 'failed'

/** 0–100 from a job's progress (a done job is 100 whatever its counters say). */
export function jobPercent(job: Pick<Job, 'state' | 'progress'>): number {
  if (job.state === 'done') return 100
  const { done, total } = job.progress ?? { done: 0, total: 0 }
  if (!total || total <= 0) return 0
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)))
}

/**
 * Polls GET /api/jobs/{id} every `intervalMs` until the job is done or failed (or `signal`
 * aborts, which rejects with an AbortError); `onUpdate` sees every state.
 */
export async function pollJob<R = unknown>(
  jobId: string,
  onUpdate: (job: Job<R>) => void,
  opts: { intervalMs?: number; signal?: AbortSignal; sleep?: (ms: number) => Promise<void> } = {},
): Promise<Job<R>> {
  const interval = opts.intervalMs ?? 1000
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  for (;;) {
    if (opts.signal?.aborted) throw new DOMException('polling stopped', 'AbortError')
    const job = await getJob<R>(jobId)
    if (opts.signal?.aborted) throw new DOMException('polling stopped', 'AbortError')
    onUpdate(job)
    if (isFinished(job)) return job
    await sleep(interval)
  }
}

// ---- batches ----

/** Content type the server expects for a batch file, from its name. */
export function batchContentType(fileName: string): string | null {
  const n = fileName.toLowerCase()
  if (n.endsWith('.zip')) return 'application/zip'
  if (n.endsWith('.tar.gz') || n.endsWith('.tgz')) return 'application/gzip'
  return null
}

export interface UploadOptions {
  onProgress?: (percent: number) => void
  /** The XMLHttpRequest to use (tests). */
  xhr?: () => XMLHttpRequest
  /** Cookies to read the CSRF token from (tests; else document.cookie). */
  cookie?: string
}

/**
 * POST /api/batches with the file as the raw body (?file_name=…) → 202 {job}. Sent with
 * XMLHttpRequest for the upload percentage; carries the CSRF token like client.ts does.
 */
export function uploadBatch(file: Blob & { name: string }, opts: UploadOptions = {}): Promise<Job<ImportResult>> {
  const contentType = batchContentType(file.name)
  if (!contentType) return Promise.reject(new ApiError(400, 'invalid_argument', '数据包须为 .zip 或 .tar.gz 文件'))
  const xhr = opts.xhr ? opts.xhr() : new XMLHttpRequest()
  const cookies = opts.cookie ?? (typeof document === 'undefined' ? '' : document.cookie)
  return new Promise((resolve, reject) => {
    xhr.open('POST', `/api/batches?file_name=${encodeURIComponent(file.name)}`)
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Content-Type', contentType)
    xhr.setRequestHeader('X-CSRF-Token', readCookie(cookies, 'zj_csrf'))
    xhr.withCredentials = true
    if (opts.onProgress && xhr.upload) {
      xhr.upload.onprogress = (e: ProgressEvent) => {
        if (e.lengthComputable && e.total > 0) opts.onProgress!(Math.floor((e.loaded / e.total) * 100))
      }
    }
    xhr.onerror = () => reject(new ApiError(0, 'network', '无法连接服务器，请检查网络后重试'))
    xhr.onload = () => {
      let body: unknown = null
      try {
        body = JSON.parse(xhr.responseText)
      } catch {
        // not JSON: handled below
      }
      if (xhr.status >= 200 && xhr.status < 300 && body && typeof body === 'object' && 'job' in body) {
        resolve((body as { job: Job<ImportResult> }).job)
        return
      }
      const err = (body as ErrorBody | null)?.error ?? {}
      reject(
        new ApiError(
          xhr.status,
          err.code ?? `http_${xhr.status}`,
          err.message ?? `服务器返回错误（HTTP ${xhr.status}）`,
          err.field,
          err.request_id,
        ),
      )
    }
    xhr.send(file)
  })
}

export const listBatches = (limit: number, offset: number) => get<Page<Batch>>('/api/batches', { limit, offset })
export const batchRejects = (batchId: string, limit: number, offset: number) =>
  get<Page<RejectedRow>>(`/api/batches/${encodeURIComponent(batchId)}/rejects`, { limit, offset })

/** The rejected rows of an import result, whichever name the server gave them. */
export function rejectsOf(result: ImportResult | null | undefined): RejectedRow[] {
  return result?.rejects ?? result?.issues ?? []
}

// ---- models ----

export const listModels = () => get<{ items: ModelInfo[] }>('/api/models').then((r) => r.items)

export interface RunRequest {
  models: string[]
  params: Record<string, Record<string, number | string | boolean>>
  trial: boolean
}

export const runModels = (req: RunRequest) => post<{ job: Job<ModelRun> }>('/api/model-runs', req).then((r) => r.job)
export const listModelRuns = (limit: number, offset: number) =>
  get<Page<ModelRun>>('/api/model-runs', { limit, offset })

/**
 * The parameters a user changed, by model, for the run request: values equal to the configured
 * value or else the default (or empty) are left out, so the run uses configuration and the law
 * in force for them.
 */
export function changedParams(
  models: ModelInfo[],
  values: Record<string, Record<string, number | string | boolean | null | undefined>>,
  selected: string[],
): Record<string, Record<string, number | string | boolean>> {
  const out: Record<string, Record<string, number | string | boolean>> = {}
  for (const m of models) {
    if (!selected.includes(m.model)) continue
    for (const p of m.params) {
      const v = values[m.model]?.[p.name]
      if (v === undefined || v === null || v === '') continue
      const base = p.configured !== undefined && p.configured !== null ? p.configured : p.default
      if (base !== null && base !== '' && String(v) === String(base)) continue
      ;(out[m.model] ??= {})[p.name] = v
    }
  }
  return out
}
