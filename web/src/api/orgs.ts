// The orgs in the caller's jurisdiction (GET /api/orgs), loaded once per page load: filter
// pickers and org names in lists use it.
import { shallowRef, type Ref } from 'vue'
import { get } from './client'

export interface Org {
  org_id: string
  name: string
  org_type: string
  parent_id: string | null
  region_code: string
}

let cached: Promise<Org[]> | null = null

export function loadOrgs(): Promise<Org[]> {
  if (!cached) {
    cached = get<{ items: Org[] }>('/api/orgs')
      .then((r) => r.items)
      .catch((e) => {
        cached = null
        throw e
      })
  }
  return cached
}

/** org_id → name; unknown ids map to themselves. */
export function orgNamer(orgs: Org[]): (id: string | null | undefined) => string {
  const names = new Map(orgs.map((o) => [o.org_id, o.name]))
  return (id) => (id ? names.get(id) ?? id : '—')
}

/**
 * org_id → name for a page: shows the codes until the org list arrives, and keeps them if it
 * cannot be loaded (the page stays usable without it).
 */
export function useOrgNames(): Ref<(id: string | null | undefined) => string> {
  const namer = shallowRef(orgNamer([]))
  loadOrgs()
    .then((orgs) => (namer.value = orgNamer(orgs)))
    .catch(() => {})
  return namer
}
