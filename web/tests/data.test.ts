import { afterEach, describe, expect, it } from 'vitest'
import { ApiError, setTransport } from '@/api/client'
import {
  batchContentType, batchRejects, changedParams, getJob, jobPercent, listBatches, listJobs, listModelRuns,
  listModels, pollJob, rejectsOf, runModels, uploadBatch, type Job, type ModelInfo,
} from '@/api/data'

interface Seen { url: string; init: RequestInit }
function fake(reply: (url: string, init: RequestInit) => Response) {
  const seen: Seen[] = []
  setTransport({
    fetch: (async (url: string, init: RequestInit) => {
      seen.push({ url, init })
      return reply(url, init)
    }) as typeof fetch,
    cookie: () => 'zj_csrf=tok%2Fen',
  })
  return seen
}
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
const headers = (s: Seen) => s.init.headers as Record<string, string>

const job = (state: Job['state'], done = 0, total = 0): Job => ({
  job_id: 'j1', kind: 'import', state, progress: { stage: '校验', done, total },
})

afterEach(() => setTransport(null))

describe('jobs', () => {
  it('GET /api/jobs/{id} and /api/jobs', async () => {
    const seen = fake(() => json(200, { job_id: 'a/b', kind: 'import', state: 'running', progress: { stage: '解压', done: 0, total: 0 } }))
    const j = await getJob('a/b')
    expect(seen[0].url).toBe('/api/jobs/a%2Fb')
    expect(seen[0].init.method).toBe('GET')
    expect(j.state).toBe('running')
    fake(() => json(200, { items: [] }))
    expect((await listJobs()).items).toEqual([])
  })

  it('jobPercent: done is 100, no total is 0, otherwise done/total', () => {
    expect(jobPercent(job('done'))).toBe(100)
    expect(jobPercent(job('running'))).toBe(0)
    expect(jobPercent(job('running', 3, 4))).toBe(75)
    expect(jobPercent(job('running', 9, 4))).toBe(100)
  })

  it('pollJob polls until done and reports every state', async () => {
    const states: Job['state'][] = ['queued', 'running', 'done']
    let n = 0
    const seen = fake(() => json(200, job(states[n++])))
    const updates: string[] = []
    const sleeps: number[] = []
    const last = await pollJob('j1', (j) => updates.push(j.state), {
      intervalMs: 1000,
      sleep: async (ms) => void sleeps.push(ms),
    })
    expect(last.state).toBe('done')
    expect(updates).toEqual(['queued', 'running', 'done'])
    expect(sleeps).toEqual([1000, 1000])
    expect(seen.every((s) => s.url === '/api/jobs/j1')).toBe(true)
  })

  it('pollJob stops on failed and on abort', async () => {
    fake(() => json(200, { ...job('failed'), error: { code: 'x', message: '数据包损坏' } }))
    const last = await pollJob('j1', () => undefined, { sleep: async () => undefined })
    expect(last.error?.message).toBe('数据包损坏')

    const ctl = new AbortController()
    fake(() => json(200, job('running')))
    const p = pollJob('j1', () => ctl.abort(), { sleep: async () => undefined, signal: ctl.signal })
    await expect(p).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('pollJob passes server errors on', async () => {
    fake(() => json(404, { error: { code: 'not_found', message: '任务不存在' } }))
    await expect(pollJob('x', () => undefined)).rejects.toMatchObject({ status: 404, message: '任务不存在' })
  })
})

// A stand-in for XMLHttpRequest: records what is sent and answers with `status` / `body`.
class FakeXhr {
  method = ''
  url = ''
  headers: Record<string, string> = {}
  sent: unknown = null
  withCredentials = false
  status = 0
  responseText = ''
  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  constructor(private reply: { status: number; body: string } | 'network') {}
  open(m: string, u: string) { this.method = m; this.url = u }
  setRequestHeader(k: string, v: string) { this.headers[k] = v }
  send(body: unknown) {
    this.sent = body
    this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 } as ProgressEvent)
    if (this.reply === 'network') { this.onerror?.(); return }
    this.status = this.reply.status
    this.responseText = this.reply.body
    this.onload?.()
  }
}

describe('uploadBatch', () => {
  const file = (name: string) => Object.assign(new Blob(['PK']), { name })

  it('posts the raw file with its content type, file name and CSRF token', async () => {
    const x = new FakeXhr({ status: 202, body: JSON.stringify({ job: { ...job('queued'), job_id: 'j9' } }) })
    const progress: number[] = []
    const f = file('四川 2026-11.zip')
    const j = await uploadBatch(f, { xhr: () => x as unknown as XMLHttpRequest, cookie: 'a=1; zj_csrf=t%2B1', onProgress: (p) => progress.push(p) })
    expect(j.job_id).toBe('j9')
    expect(x.method).toBe('POST')
    expect(x.url).toBe(`/api/batches?file_name=${encodeURIComponent('四川 2026-11.zip')}`)
    expect(x.headers['Content-Type']).toBe('application/zip')
    expect(x.headers['X-CSRF-Token']).toBe('t+1')
    expect(x.sent).toBe(f)
    expect(progress).toEqual([50])
  })

  it('sends .tar.gz as gzip and refuses other files without a request', async () => {
    const x = new FakeXhr({ status: 202, body: JSON.stringify({ job: job('queued') }) })
    await uploadBatch(file('b.tar.gz'), { xhr: () => x as unknown as XMLHttpRequest, cookie: '' })
    expect(x.headers['Content-Type']).toBe('application/gzip')
    await expect(uploadBatch(file('b.csv'), { xhr: () => { throw new Error('no request expected') }, cookie: '' }))
      .rejects.toMatchObject({ status: 400, message: '数据包须为 .zip 或 .tar.gz 文件' })
  })

  it('turns the server error and network failures into ApiError', async () => {
    const busy = new FakeXhr({ status: 409, body: JSON.stringify({ error: { code: 'conflict', message: '已有任务在运行' } }) })
    const e = await uploadBatch(file('a.zip'), { xhr: () => busy as unknown as XMLHttpRequest, cookie: '' }).catch((x) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect(e).toMatchObject({ status: 409, code: 'conflict', message: '已有任务在运行' })

    const proxy = new FakeXhr({ status: 502, body: '<html>' })
    await expect(uploadBatch(file('a.zip'), { xhr: () => proxy as unknown as XMLHttpRequest, cookie: '' }))
      .rejects.toMatchObject({ status: 502, message: '服务器返回错误（HTTP 502）' })

    const down = new FakeXhr('network')
    await expect(uploadBatch(file('a.zip'), { xhr: () => down as unknown as XMLHttpRequest, cookie: '' }))
      .rejects.toMatchObject({ status: 0, code: 'network' })
  })

  it('batchContentType', () => {
    expect(batchContentType('X.ZIP')).toBe('application/zip')
    expect(batchContentType('x.tgz')).toBe('application/gzip')
    expect(batchContentType('x.gz')).toBeNull()
  })
})

describe('batches, models and runs', () => {
  it('list batches and rejects with paging', async () => {
    const seen = fake(() => json(200, { total: 0, items: [] }))
    await listBatches(10, 20)
    await batchRejects('B-1', 20, 0)
    expect(seen.map((s) => s.url)).toEqual(['/api/batches?limit=10&offset=20', '/api/batches/B-1/rejects?limit=20&offset=0'])
  })

  it('rejectsOf takes rejects, else issues', () => {
    const r = { file: 'persons.csv', line: 3, column: 'id_number', value: 'x', rule: 'id_number' }
    expect(rejectsOf({ rejects: [r] })).toEqual([r])
    expect(rejectsOf({ issues: [r] })).toEqual([r])
    expect(rejectsOf(null)).toEqual([])
  })

  it('runModels posts the request with CSRF and returns the job', async () => {
    const seen = fake(() => json(202, { job: { ...job('queued'), kind: 'models' } }))
    const j = await runModels({ models: ['M15'], params: {}, trial: true })
    expect(j.kind).toBe('models')
    expect(seen[0].url).toBe('/api/model-runs')
    expect(seen[0].init.method).toBe('POST')
    expect(headers(seen[0])['X-CSRF-Token']).toBe('tok/en')
    expect(JSON.parse(seen[0].init.body as string)).toEqual({ models: ['M15'], params: {}, trial: true })
  })

  it('listModels unwraps items; listModelRuns pages', async () => {
    const seen = fake((url) => json(200, url.startsWith('/api/models') ? { items: [{ model: 'M01', name: 'x', params: [] }] } : { total: 0, items: [] }))
    expect((await listModels())[0].model).toBe('M01')
    await listModelRuns(10, 0)
    expect(seen[1].url).toBe('/api/model-runs?limit=10&offset=0')
  })

  it('changedParams keeps only the changed values of selected models', () => {
    const models: ModelInfo[] = [
      { model: 'M14', name: '越界', params: [
        { name: 'out_of_area_minutes', label: '越界时长', type: 'int', default: 120, unit: '分钟' },
        { name: 'grace', label: '宽限', type: 'int', default: null },
      ] },
      { model: 'M15', name: '失联', params: [{ name: 'hours', label: '失联时长', type: 'int', default: 24 }] },
    ]
    const values = { M14: { out_of_area_minutes: 180, grace: undefined }, M15: { hours: 48 } }
    expect(changedParams(models, values, ['M14'])).toEqual({ M14: { out_of_area_minutes: 180 } })
    expect(changedParams(models, { M14: { out_of_area_minutes: 120, grace: 5 } }, ['M14', 'M15'])).toEqual({ M14: { grace: 5 } })
  })
})

describe('changedParams with configuration', () => {
  it('compares with the configured value when there is one', () => {
    const models: ModelInfo[] = [{ model: 'M15', name: '失联', params: [{ name: 'hours', label: '失联时长', type: 'int', default: 24, configured: 36 }] }]
    expect(changedParams(models, { M15: { hours: 36 } }, ['M15'])).toEqual({})
    expect(changedParams(models, { M15: { hours: 24 } }, ['M15'])).toEqual({ M15: { hours: 24 } })
  })
})
