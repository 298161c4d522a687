// The signed-in user, shared by every page. `can(action)` asks the permission list the
// server sent (api/auth/roles.cc is the one table); pages hide what the role may not do,
// and the server refuses it anyway.
import { reactive } from 'vue'
import * as auth from './api/auth'
import { readCookie } from './api/client'
import type { User } from './api/auth'

export const session = reactive<{ user: User | null; checked: boolean }>({ user: null, checked: false })

export function can(action: string): boolean {
  return !!session.user?.permissions.includes(action)
}

/**
 * Asks the server who is signed in (once per page load). Without the zj_csrf cookie there is
 * no session to ask about, so the login page opens without a failed request.
 */
export async function refresh(): Promise<User | null> {
  if (!readCookie(document.cookie, 'zj_csrf')) {
    session.user = null
    session.checked = true
    return null
  }
  try {
    session.user = await auth.me()
  } catch {
    session.user = null
  }
  session.checked = true
  return session.user
}

export async function signIn(username: string, password: string): Promise<User> {
  session.user = await auth.login(username, password)
  session.checked = true
  return session.user
}

export async function signOut(): Promise<void> {
  try {
    await auth.logout()
  } finally {
    session.user = null
  }
}
