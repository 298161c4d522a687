import { afterEach, describe, expect, it } from 'vitest'
import { ApiError, setTransport } from '@/api/client'
import { getPerson, searchPersons } from '@/api/persons'
import { fake, json } from './fake-server'

afterEach(() => setTransport(null))

describe('persons api', () => {
  it('searches with the trimmed query and a limit', async () => {
    const seen = fake(() => json(200, { items: [{ person_id: 'P-1', name: '张斌志', id_number: '511112197405084892', gender: 'M', birth_date: '1974-05-08' }] }))
    const r = await searchPersons(' 张斌 ', 100)
    expect(seen[0].url).toBe('/api/persons?q=%E5%BC%A0%E6%96%8C&limit=100')
    expect(seen[0].init.method).toBe('GET')
    expect(r.items[0].name).toBe('张斌志')
  })

  it('passes the server refusal of a one-character query through in Chinese', async () => {
    fake(() => json(400, { error: { code: 'invalid_argument', message: 'q：请至少输入两个字符', field: 'q' } }))
    const e = (await searchPersons('张').catch((x) => x)) as ApiError
    expect(e.status).toBe(400)
    expect(e.message).toBe('q：请至少输入两个字符')
  })

  it('gets a person by an encoded id, records optional', async () => {
    const seen = fake(() => json(200, { person_id: 'P 1', name: '甲', sentences: [], clues: [], cases: [], viewers: [{ at: 1795495053, username: 'prov' }] }))
    const p = await getPerson('P 1')
    expect(seen[0].url).toBe('/api/persons/P%201')
    expect(p.records).toBeUndefined()
    expect(p.viewers[0].username).toBe('prov')
  })
})
