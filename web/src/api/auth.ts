// /api/auth: who is signed in, sign in and out, change the password.
import { get, post } from './client'

export interface User {
  user_id: number
  username: string
  display_name: string
  role: string
  role_label: string
  org_id: string
  org_name: string
  grant_org_ids: string[]
  must_change_password: boolean
  permissions: string[]
}

export const me = () => get<User>('/api/auth/me')
export const login = (username: string, password: string) =>
  post<{ user: User; csrf_token: string }>('/api/auth/login', { username, password }).then((r) => r.user)
export const logout = () => post<unknown>('/api/auth/logout')
export const changePassword = (current_password: string, new_password: string) =>
  post<unknown>('/api/auth/password', { current_password, new_password })
