import { afterEach, describe, expect, it } from 'vitest'
import { setTransport } from '@/api/client'
import {
  PAGE_SIZE, clueApiQuery, clueQueryToRoute, exportClues, getClue, getTrajectory, listAssignees, listClues,
  loadModels, orgsOfRegion, paramLabelsOf, parseClueQuery, promoteClues, trajectoryCounts, triageClue,
} from '@/api/clues'
import type { Org } from '@/api/orgs'
import { fake, json, type Seen } from './fake-server'

const headers = (s: Seen) => s.init.headers as Record<string, string>

afterEach(() => setTransport(null))

describe('clue filters in the URL', () => {
  it('parses single, repeated and comma lists; bad pages become 1', () => {
    const q = parseClueQuery({ model: ['M14', 'M15'], org: 'A,B', status: 'open', page: 'x', triage: null })
    expect(q).toEqual({ model: ['M14', 'M15'], org: ['A', 'B'], region: '', status: 'open', triage: [], severity: [], person: '', page: 1 })
    expect(parseClueQuery({ page: '3', region: '510104', person: ' P-1 ' }).page).toBe(3)
    expect(parseClueQuery({ person: ' P-1 ' }).person).toBe('P-1')
  })
  it('round-trips through the route query without empty values or page 1', () => {
    const q = parseClueQuery({ model: 'M14', severity: ['high', 'low'], page: '2' })
    expect(clueQueryToRoute(q)).toEqual({ model: 'M14', severity: ['high', 'low'], page: '2' })
    expect(clueQueryToRoute(parseClueQuery({}))).toEqual({})
    expect(parseClueQuery(clueQueryToRoute(q))).toEqual(q)
  })
})

describe('clue API query', () => {
  const orgs: Org[] = [
    { org_id: '510104-CORR', name: '锦江区社区矫正机构', org_type: 'correction_office', parent_id: null, region_code: '510104' },
    { org_id: '510104-KSS', name: '锦江区看守所', org_type: 'detention_center', parent_id: null, region_code: '510104' },
    { org_id: '510105-CORR', name: '青羊区社区矫正机构', org_type: 'correction_office', parent_id: null, region_code: '510105' },
  ]
  it('turns a region into its org ids', () => {
    expect(orgsOfRegion(orgs, '510104')).toEqual(['510104-CORR', '510104-KSS'])
    const q = parseClueQuery({ region: '510104', model: 'M14', page: '2' })
    expect(clueApiQuery(q, orgsOfRegion(orgs, '510104'))).toEqual({
      model: ['M14'], org: ['510104-CORR', '510104-KSS'], status: '', triage: [], severity: [], person: '',
      limit: PAGE_SIZE, offset: PAGE_SIZE,
    })
  })
  it('intersects org and region, and knows an empty region answers nothing', () => {
    const q = parseClueQuery({ region: '510104', org: ['510104-KSS', '510105-CORR'] })
    expect(clueApiQuery(q, orgsOfRegion(orgs, '510104'))?.org).toEqual(['510104-KSS'])
    expect(clueApiQuery(parseClueQuery({ region: '513201' }), orgsOfRegion(orgs, '513201'))).toBeNull()
  })
  it('leaves paging out of the export query', () => {
    const q = clueApiQuery(parseClueQuery({ status: 'open', page: '4' }), null, false)
    expect(q).not.toHaveProperty('limit')
    expect(q).not.toHaveProperty('offset')
    expect(q?.status).toBe('open')
  })
})

describe('clue endpoints', () => {
  it('lists with the filters as repeated query parameters', async () => {
    const seen = fake(() => json(200, { total: 1, items: [{ clue_no: 7, model: 'M14' }] }))
    const q = clueApiQuery(parseClueQuery({ model: ['M14', 'M16'], org: '510104-CORR', status: 'open', page: '2' }), null)!
    const r = await listClues(q)
    expect(r.total).toBe(1)
    expect(r.items[0].clue_no).toBe(7)
    expect(seen[0].url).toBe('/api/clues?model=M14&model=M16&org=510104-CORR&status=open&limit=50&offset=50')
    expect(seen[0].init.method).toBe('GET')
  })
  it('gets one clue and its trajectory', async () => {
    const seen = fake((url) =>
      url.endsWith('/trajectory')
        ? json(200, { points: [{ ts: 't', lon: 1, lat: 2, source: 'bracelet', outside: true }], counties: [] })
        : json(200, { clue_no: 1301, model: 'M14', basis: [{ id: 'JX-CC-03' }] }),
    )
    const c = await getClue(1301)
    expect(c.basis[0].id).toBe('JX-CC-03')
    const t = await getTrajectory(1301)
    expect(seen.map((s) => s.url)).toEqual(['/api/clues/1301', '/api/clues/1301/trajectory'])
    expect(trajectoryCounts(t.points)).toEqual({ total: 1, outside: 1 })
  })
  it('posts triage with the version and the CSRF token; a 409 is an ApiError', async () => {
    const seen = fake(() => json(200, { clue_no: 5, version: 3 }))
    const r = await triageClue(5, { action: 'dismiss', version: 2, reason_code: 'other', note: '说明' })
    expect(r.version).toBe(3)
    expect(seen[0].url).toBe('/api/clues/5/triage')
    expect(seen[0].init.method).toBe('POST')
    expect(headers(seen[0])['X-CSRF-Token']).toBe('tok1')
    expect(JSON.parse(seen[0].init.body as string)).toEqual({ action: 'dismiss', version: 2, reason_code: 'other', note: '说明' })
    fake(() => json(409, { error: { code: 'conflict', message: '线索已被他人处理，请刷新后重试' } }))
    await expect(triageClue(5, { action: 'start', version: 2 })).rejects.toMatchObject({ status: 409, message: '线索已被他人处理，请刷新后重试' })
  })
  it('lists the assignees of the jurisdiction with the name filter, org and limit', async () => {
    const item = {
      user_id: 12, username: 'county', display_name: '锦江区院检察官', role: 'prosecutor', role_label: '检察官',
      org_id: '510104-PROC', org_name: '成都市锦江区人民检察院',
    }
    const seen = fake(() => json(200, { items: [item] }))
    const r = await listAssignees({ q: '锦江', org: '510104-PROC', limit: 50 })
    expect(r).toEqual([item])
    expect(seen[0].url).toBe('/api/assignees?q=%E9%94%A6%E6%B1%9F&org=510104-PROC&limit=50')
    expect(seen[0].init.method).toBe('GET')
    expect(headers(seen[0])['X-CSRF-Token']).toBeUndefined()
    await listAssignees({ q: '' })
    expect(seen[1].url).toBe('/api/assignees')
    fake(() => json(400, { error: { code: 'invalid_argument', message: 'q：筛选文字不能超过 32 个字', field: 'q' } }))
    await expect(listAssignees({ q: 'x'.repeat(40) })).rejects.toMatchObject({ status: 400, field: 'q' })
  })
  it('labels the model parameters a clue cites, its own model first', () => {
    const catalogue = [
      { model: 'M14', params: [{ name: 'out_of_area_minutes', label: '越界持续超过该时长' }] },
      { model: 'M15', params: [{ name: 'lost_contact_hours', label: '失联时长' }, { name: 'out_of_area_minutes', label: '别的模型' }] },
      { model: 'M01' },
    ]
    expect(paramLabelsOf(catalogue, 'M15')).toEqual({ lost_contact_hours: '失联时长', out_of_area_minutes: '别的模型' })
    expect(paramLabelsOf(catalogue, 'M14')).toEqual({ out_of_area_minutes: '越界持续超过该时长', lost_contact_hours: '失联时长' })
    expect(paramLabelsOf([], 'M14')).toEqual({})
  })
  it('promotes to a case through POST /api/cases', async () => {
    const seen = fake(() => json(201, { case_id: 42 }))
    const r = await promoteClues({ clues: [{ clue_no: 5, version: 1 }], case_type: 'correction', title: '某案' })
    expect(r.case_id).toBe(42)
    expect(seen[0].url).toBe('/api/cases')
    expect(JSON.parse(seen[0].init.body as string)).toEqual({ clues: [{ clue_no: 5, version: 1 }], case_type: 'correction', title: '某案' })
    expect(headers(seen[0])['X-CSRF-Token']).toBe('tok1')
  })
  it('exports with the same filters and the server file name', async () => {
    const seen = fake(() => new Response(new Uint8Array([80, 75]), {
      status: 200,
      headers: { 'Content-Disposition': "attachment; filename*=UTF-8''%E7%BA%BF%E7%B4%A2%E6%B8%85%E5%8D%95.xlsx" },
    }))
    const r = await exportClues({ model: ['M14'], status: 'open' })
    expect(seen[0].url).toBe('/api/clues.xlsx?model=M14&status=open')
    expect(r.fileName).toBe('线索清单.xlsx')
    expect(r.blob.size).toBe(2)
  })
})

describe('loadModels', () => {
  it('reads /api/models', async () => {
    fake(() => json(200, { items: [{ model: 'M01', name: '减刑起始时间不足', family: 'law', params: [] }] }))
    expect(await loadModels()).toEqual([{ model: 'M01', name: '减刑起始时间不足', family: 'law' }])
  })
  it('falls back to the dashboard when /api/models is missing, then to nothing', async () => {
    const seen = fake((url) =>
      url === '/api/models' ? json(404, { error: { code: 'not_found', message: '请求的接口不存在' } }) : json(200, { by_model: [{ model: 'M02', name: '减刑间隔不足', open: 1, total: 2 }] }),
    )
    expect(await loadModels()).toEqual([{ model: 'M02', name: '减刑间隔不足' }])
    expect(seen.map((s) => s.url)).toEqual(['/api/models', '/api/dashboard'])
    fake(() => json(404, { error: { code: 'not_found', message: '请求的接口不存在' } }))
    expect(await loadModels()).toEqual([])
  })
  it('passes other errors on', async () => {
    fake(() => json(500, { error: { code: 'internal', message: '服务器内部错误' } }))
    await expect(loadModels()).rejects.toMatchObject({ status: 500 })
  })
})
