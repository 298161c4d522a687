// System administration (src/api/routes_admin.cc): accounts, the org tree, time-limited grants
// for circuit inspections (巡回检察), and the audit trail with its hash-chain check.
import { get, post, type Query } from './client'

export interface AdminUser {
  user_id: number
  username: string
  display_name: string
  org_id: string
  role: string
  role_label: string
  staff_id: string
  disabled: boolean
  must_change_password: boolean
  created_at: number | string
}

export interface NewUser {
  username: string
  display_name: string
  org_id: string
  role: string
  staff_id?: string
}

export interface AdminOrg {
  org_id: string
  name: string
  org_type: string
  org_type_label?: string
  parent_id: string | null
  region_code: string
  stationed_at?: string | null
  users: number
}

export interface Grant {
  grant_id: number
  username: string
  org_id: string
  valid_from: string
  valid_until: string
  reason: string
  granted_by: string
  revoked: boolean
  active: boolean
}

export interface NewGrant {
  username: string
  org_id: string
  valid_from?: string
  valid_until: string
  reason: string
}

export interface AuditEntry {
  seq: number
  at: number | string
  username: string
  action: string
  object_type: string
  object_id: string
  detail: unknown
  request_id: string
  ip: string
}

export interface AuditFilter {
  object_type?: string
  object_id?: string
  username?: string
  action?: string
  limit?: number
}

export interface AuditVerify {
  intact: boolean
  rows: number
  head_seq: number
  head_hash: string
  first_bad_seq: number
  problem: string
}

const user = (username: string, verb: string) => `/api/admin/users/${encodeURIComponent(username)}/${verb}`

export const listUsers = () => get<{ items: AdminUser[] }>('/api/admin/users').then((r) => r.items)
/** → the new user's id and, when no password was given, the one-time generated password. */
export const createUser = (u: NewUser) =>
  post<{ user_id: number; generated_password: string }>('/api/admin/users', u)
export const disableUser = (username: string) => post<{ username: string; disabled: boolean }>(user(username, 'disable'))
export const enableUser = (username: string) => post<{ username: string; disabled: boolean }>(user(username, 'enable'))
export const resetPassword = (username: string) =>
  post<{ username: string; generated_password: string }>(user(username, 'reset-password'))

export const listAdminOrgs = () => get<{ items: AdminOrg[] }>('/api/admin/orgs').then((r) => r.items)

export const listGrants = () => get<{ items: Grant[] }>('/api/admin/grants').then((r) => r.items)
export const addGrant = (g: NewGrant) => post<{ grant_id: number }>('/api/admin/grants', g)
export const revokeGrant = (grantId: number) =>
  post<{ grant_id: number; revoked: boolean }>(`/api/admin/grants/${grantId}/revoke`)

export const listAudit = (f: AuditFilter) => get<{ items: AuditEntry[] }>('/api/admin/audit', f as Query).then((r) => r.items)
export const verifyAudit = (expectHead?: string) =>
  get<AuditVerify>('/api/admin/audit/verify', { expect_head: expectHead })

export type OrgNode = AdminOrg & { children?: OrgNode[] }

/**
 * The flat org rows as a tree by parent_id (roots: no parent, or a parent not in the list),
 * children in the order given.
 */
export function orgTree(rows: AdminOrg[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>(rows.map((r) => [r.org_id, { ...r }]))
  const roots: OrgNode[] = []
  for (const r of rows) {
    const node = nodes.get(r.org_id)!
    const parent = r.parent_id ? nodes.get(r.parent_id) : undefined
    if (parent && parent !== node) (parent.children ??= []).push(node)
    else roots.push(node)
  }
  return roots
}

/** The roles an administrator may give (api/auth/roles.cc), in the order the form lists them. */
export const ROLE_OPTIONS: { value: string; label: string }[] = [
  { value: 'leader', label: '院领导' },
  { value: 'dept_head', label: '部门负责人' },
  { value: 'prosecutor', label: '检察官' },
  { value: 'assistant', label: '检察官助理' },
  { value: 'resident', label: '派驻检察人员' },
  { value: 'admin', label: '系统管理员' },
]
