import { afterEach, describe, expect, it } from 'vitest'
import { setTransport } from '@/api/client'
import {
  addGrant, createUser, disableUser, enableUser, listAdminOrgs, listAudit, listGrants, listUsers, orgTree,
  resetPassword, revokeGrant, verifyAudit, type AdminOrg,
} from '@/api/admin'

interface Seen { url: string; init: RequestInit }
function fake(reply: (url: string, init: RequestInit) => unknown, status = 200) {
  const seen: Seen[] = []
  setTransport({
    fetch: (async (url: string, init: RequestInit) => {
      seen.push({ url, init })
      return new Response(JSON.stringify(reply(url, init)), { status, headers: { 'Content-Type': 'application/json' } })
    }) as typeof fetch,
    cookie: () => 'zj_csrf=abc',
  })
  return seen
}
const csrf = (s: Seen) => (s.init.headers as Record<string, string>)['X-CSRF-Token']

afterEach(() => setTransport(null))

describe('admin api', () => {
  it('lists unwrap items', async () => {
    const seen = fake(() => ({ items: [{ username: 'prov' }] }))
    expect((await listUsers())[0].username).toBe('prov')
    await listAdminOrgs()
    await listGrants()
    expect(seen.map((s) => s.url)).toEqual(['/api/admin/users', '/api/admin/orgs', '/api/admin/grants'])
    expect(seen.every((s) => s.init.method === 'GET' && csrf(s) === undefined)).toBe(true)
  })

  it('creates a user and returns the one-time password', async () => {
    const seen = fake(() => ({ user_id: 9, generated_password: 'Ab3-xyz' }), 201)
    const r = await createUser({ username: 'li', display_name: '李四', org_id: '510104-PROC', role: 'prosecutor' })
    expect(r.generated_password).toBe('Ab3-xyz')
    expect(seen[0].url).toBe('/api/admin/users')
    expect(seen[0].init.method).toBe('POST')
    expect(csrf(seen[0])).toBe('abc')
    expect(JSON.parse(seen[0].init.body as string)).toEqual({ username: 'li', display_name: '李四', org_id: '510104-PROC', role: 'prosecutor' })
  })

  it('disable, enable, reset password with the user in the path', async () => {
    const seen = fake(() => ({ username: 'a b', generated_password: 'P' }))
    await disableUser('a b')
    await enableUser('a b')
    expect((await resetPassword('a b')).generated_password).toBe('P')
    expect(seen.map((s) => s.url)).toEqual([
      '/api/admin/users/a%20b/disable',
      '/api/admin/users/a%20b/enable',
      '/api/admin/users/a%20b/reset-password',
    ])
    expect(seen.every((s) => s.init.method === 'POST' && csrf(s) === 'abc')).toBe(true)
  })

  it('grants: add and revoke', async () => {
    const seen = fake(() => ({ grant_id: 4 }))
    await addGrant({ username: 'prov', org_id: '510104-PROC', valid_from: '2026-11-01', valid_until: '2026-11-30', reason: '巡回检察' })
    await revokeGrant(4)
    expect(seen[0].url).toBe('/api/admin/grants')
    expect(JSON.parse(seen[0].init.body as string).valid_until).toBe('2026-11-30')
    expect(seen[1].url).toBe('/api/admin/grants/4/revoke')
    expect(csrf(seen[1])).toBe('abc')
  })

  it('audit: filters in the query, empty ones left out; verify', async () => {
    const seen = fake((url) => (url.includes('verify') ? { intact: true, rows: 3, head_seq: 3, head_hash: 'h', first_bad_seq: 0, problem: '' } : { items: [] }))
    await listAudit({ username: 'prov', action: '', object_type: 'clue', limit: 100 })
    const v = await verifyAudit()
    expect(seen[0].url).toBe('/api/admin/audit?username=prov&object_type=clue&limit=100')
    expect(seen[1].url).toBe('/api/admin/audit/verify')
    expect(v.intact).toBe(true)
  })

  it('orgTree nests by parent_id; unknown parents become roots', () => {
    const o = (org_id: string, parent_id: string | null): AdminOrg =>
      ({ org_id, parent_id, name: org_id, org_type: 'x', region_code: '', users: 0 })
    const tree = orgTree([o('P', null), o('C1', 'P'), o('C2', 'P'), o('K', 'C1'), o('X', 'GONE')])
    expect(tree.map((n) => n.org_id)).toEqual(['P', 'X'])
    expect(tree[0].children!.map((n) => n.org_id)).toEqual(['C1', 'C2'])
    expect(tree[0].children![0].children![0].org_id).toBe('K')
    expect(tree[1].children).toBeUndefined()
  })
})
