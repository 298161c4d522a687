import { afterEach, describe, expect, it } from 'vitest'
import { ApiError, setTransport } from '@/api/client'
import {
  actOnCase, batchAct, currentDocument, exportCases, extendDeadline, followUp, getCase, listCases,
  listDeadlines, uploadEvidence, downloadEvidence, downloadAttachment, type CaseDocument,
} from '@/api/cases'
import { fake, json, header } from './fake-server'

afterEach(() => setTransport(null))

describe('cases api', () => {
  it('lists with state, type, handler, keyword and paging', async () => {
    const seen = fake(() => json(200, { total: 1, items: [{ case_id: 9, next_due: '2026-12-04', overdue: false }] }))
    const r = await listCases({ state: ['accepted,investigating'], type: ['proposal_review'], handler: 3, q: ' 张 ', limit: 50, offset: 100 })
    expect(r.total).toBe(1)
    expect(r.items[0].case_id).toBe(9)
    const url = new URL(seen[0].url, 'http://x')
    expect(url.pathname).toBe('/api/cases')
    expect(url.searchParams.get('state')).toBe('accepted,investigating')
    expect(url.searchParams.get('type')).toBe('proposal_review')
    expect(url.searchParams.get('handler')).toBe('3')
    expect(url.searchParams.get('q')).toBe('张')
    expect(url.searchParams.get('limit')).toBe('50')
    expect(url.searchParams.get('offset')).toBe('100')
    expect(seen[0].init.method).toBe('GET')
    expect(header(seen[0], 'X-CSRF-Token')).toBeUndefined()
  })

  it('asks the server to sort by deadline and reads each review block', async () => {
    const review = {
      change_type: 'parole', change_type_label: '假释', verdict: 'needs_review', verdict_label: '需人工审查',
      risks: 3, person_name: '张某', proposing_org_id: '510100-PRISON-01', proposing_org_name: '成都监狱',
    }
    const seen = fake(() => json(200, {
      total: 41,
      items: [
        { case_id: 7, case_type: 'proposal_review', next_due: '2026-11-27', review },
        { case_id: 3, case_type: 'correction', next_due: '' },
      ],
    }))
    const r = await listCases({ type: ['proposal_review'], sort: 'deadline', limit: 20, offset: 20 })
    expect(seen[0].url).toBe('/api/cases?type=proposal_review&sort=deadline&limit=20&offset=20')
    expect(r.total).toBe(41)
    expect(r.items[0].review).toEqual(review)
    expect(r.items[1].review).toBeUndefined()
  })

  it('sends no sort by default (newest first)', async () => {
    const seen = fake(() => json(200, { total: 0, items: [] }))
    await listCases({ type: ['proposal_review'], sort: undefined })
    expect(new URL(seen[0].url, 'http://x').searchParams.has('sort')).toBe(false)
  })

  it('leaves out a missing handler and empty keyword', async () => {
    const seen = fake(() => json(200, { total: 0, items: [] }))
    await listCases({ handler: null, q: '  ' })
    expect(seen[0].url).toBe('/api/cases')
  })

  it('gets one case', async () => {
    const seen = fake(() => json(200, { case_id: 158, person_name: '李某', actions: [{ action: 'draft', label: '拟制文书', duty: '案件办理' }] }))
    const c = await getCase(158)
    expect(seen[0].url).toBe('/api/cases/158')
    expect(c.actions[0].action).toBe('draft')
    expect(c.person_name).toBe('李某')
  })

  it('posts an action with version, note and document, with the CSRF token', async () => {
    const seen = fake(() => json(200, { case_id: 5, version: 4, doc_id: 11 }))
    const r = await actOnCase(5, { action: 'draft', version: 3, document: { addressee: '某监狱', facts: ['事实'] } })
    expect(r).toEqual({ case_id: 5, version: 4, doc_id: 11 })
    expect(seen[0].url).toBe('/api/cases/5/actions')
    expect(seen[0].init.method).toBe('POST')
    expect(header(seen[0], 'X-CSRF-Token')).toBe('tok1')
    expect(JSON.parse(seen[0].init.body as string)).toEqual({ action: 'draft', version: 3, document: { addressee: '某监狱', facts: ['事实'] } })
  })

  it('turns a 409 into an ApiError with the server message', async () => {
    fake(() => json(409, { error: { code: 'conflict', message: '案件已被他人修改，请刷新后重试' } }))
    const e = await actOnCase(5, { action: 'submit', version: 1 }).catch((x) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect((e as ApiError).status).toBe(409)
    expect((e as ApiError).message).toBe('案件已被他人修改，请刷新后重试')
  })

  it('batch, extend and follow-up send their bodies', async () => {
    const seen = fake((url) =>
      url.endsWith('/batch')
        ? json(200, { done: 1, results: [{ case_id: 1, ok: true, version: 2 }] })
        : url.endsWith('/follow-up')
          ? json(200, { case_id: 1, version: 7, run_no: 3, rectified: false, clues: [{ clue_no: 4, status: 'open' }] })
          : json(200, { case_id: 1, version: 6 }),
    )
    expect((await batchAct('submit', [{ case_id: 1, version: 1 }])).done).toBe(1)
    expect(JSON.parse(seen[0].init.body as string)).toEqual({ action: 'submit', items: [{ case_id: 1, version: 1 }] })
    await extendDeadline(1, 8, 5, '案情复杂')
    expect(seen[1].url).toBe('/api/cases/1/deadlines/8/extend')
    expect(JSON.parse(seen[1].init.body as string)).toEqual({ version: 5, reason: '案情复杂' })
    const f = await followUp(1, 6)
    expect(seen[2].url).toBe('/api/cases/1/follow-up')
    expect(JSON.parse(seen[2].init.body as string)).toEqual({ version: 6 })
    expect(f.rectified).toBe(false)
    expect(f.clues[0].status).toBe('open')
    for (const s of seen) expect(header(s, 'X-CSRF-Token')).toBe('tok1')
  })

  it('uploads evidence as the raw body with the metadata in the query', async () => {
    const seen = fake(() => json(201, { evidence_id: 42 }))
    const file = new Blob(['整改报告'], { type: 'text/plain' })
    const r = await uploadEvidence(3, { version: 9, kind: 'rectification', title: '整改报告', file_name: '整改报告.txt' }, file)
    expect(r.evidence_id).toBe(42)
    const url = new URL(seen[0].url, 'http://x')
    expect(url.pathname).toBe('/api/cases/3/evidence')
    expect(url.searchParams.get('version')).toBe('9')
    expect(url.searchParams.get('kind')).toBe('rectification')
    expect(url.searchParams.get('title')).toBe('整改报告')
    expect(url.searchParams.get('file_name')).toBe('整改报告.txt')
    expect(seen[0].init.body).toBe(file)
    expect(header(seen[0], 'Content-Type')).toBe('text/plain')
    expect(header(seen[0], 'X-CSRF-Token')).toBe('tok1')
  })

  it('downloads evidence, attachments and the Excel export with the list filters only', async () => {
    const seen = fake(() => new Response(new Uint8Array([0x50, 0x4b, 3, 4]), {
      status: 200,
      headers: { 'Content-Disposition': "attachment; filename*=UTF-8''%E6%A1%88%E4%BB%B6%E6%B8%85%E5%8D%95.xlsx" },
    }))
    const x = await exportCases({ state: ['closed'], limit: 50, offset: 50 })
    expect(x.fileName).toBe('案件清单.xlsx')
    expect(seen[0].url).toBe('/api/cases.xlsx?state=closed')
    await downloadEvidence(7)
    expect(seen[1].url).toBe('/api/evidence/7')
    await downloadAttachment('AT-0000693')
    expect(seen[2].url).toBe('/api/attachments/AT-0000693')
  })

  it('lists due-soon and overdue deadlines', async () => {
    const seen = fake(() => json(200, { today: '2026-11-24', overdue: [{ case_id: 1, days_left: -2 }], due_soon: [] }))
    const r = await listDeadlines(7, 1000)
    expect(seen[0].url).toBe('/api/deadlines?within=7&limit=1000')
    expect(r.overdue[0].days_left).toBe(-2)
  })
})

describe('currentDocument', () => {
  const doc = (doc_id: number, state: string): CaseDocument => ({ doc_id, kind: 'correction_notice', state, doc_no: '', issued_on: '', content: null })
  it('prefers the latest draft or pending document, else the latest issued', () => {
    expect(currentDocument([])).toBeNull()
    expect(currentDocument([doc(1, 'issued'), doc(2, 'draft')])?.doc_id).toBe(2)
    expect(currentDocument([doc(1, 'pending_approval'), doc(2, 'issued')])?.doc_id).toBe(1)
    expect(currentDocument([doc(1, 'issued'), doc(2, 'issued')])?.doc_id).toBe(2)
  })
})
