// Pages and the sign-in guard. Every page is loaded on demand so the first screen is small.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { session, refresh, can } from './session'

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true, title: '登录' } },
  { path: '/password', name: 'password', component: () => import('./views/PasswordView.vue'), meta: { title: '修改密码' } },
  {
    path: '/',
    component: () => import('./views/MainLayout.vue'),
    children: [
      { path: '', name: 'home', redirect: () => (can('view_casework') ? '/dashboard' : '/admin/users') },
      { path: 'dashboard', name: 'dashboard', component: () => import('./views/dashboard/DashboardView.vue'), meta: { title: '指挥中心' } },
      { path: 'logs', name: 'logs', component: () => import('./views/dashboard/OfficeLogsView.vue'), meta: { title: '检察日志' } },
      { path: 'clues', name: 'clues', component: () => import('./views/clues/CluesView.vue'), meta: { title: '线索' } },
      { path: 'clues/:clueNo', name: 'clue', component: () => import('./views/clues/ClueView.vue'), meta: { title: '线索详情' } },
      { path: 'persons', name: 'persons', component: () => import('./views/persons/PersonsView.vue'), meta: { title: '人员' } },
      { path: 'persons/:personId', name: 'person', component: () => import('./views/persons/PersonView.vue'), meta: { title: '人员档案' } },
      { path: 'reviews', name: 'reviews', component: () => import('./views/reviews/ReviewsView.vue'), meta: { title: '减假暂审查' } },
      { path: 'reviews/:caseId', name: 'review', component: () => import('./views/reviews/ReviewView.vue'), meta: { title: '审查' } },
      { path: 'cases', name: 'cases', component: () => import('./views/cases/CasesView.vue'), meta: { title: '案件' } },
      { path: 'cases/:caseId', name: 'case', component: () => import('./views/cases/CaseView.vue'), meta: { title: '案件详情' } },
      { path: 'data', name: 'data', component: () => import('./views/data/DataView.vue'), meta: { title: '数据' } },
      { path: 'reports', name: 'reports', component: () => import('./views/reports/ReportsView.vue'), meta: { title: '报表' } },
      { path: 'admin/:tab(users|orgs|grants|audit)', name: 'admin', component: () => import('./views/admin/AdminView.vue'), meta: { title: '系统管理' } },
      { path: ':rest(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue'), meta: { title: '页面不存在' } },
    ],
  },
]

export const router = createRouter({ history: createWebHistory(), routes })

router.beforeEach(async (to) => {
  if (!session.checked) await refresh()
  if (to.meta.public) return true
  if (!session.user) return { name: 'login', query: to.fullPath === '/' ? {} : { next: to.fullPath } }
  if (session.user.must_change_password && to.name !== 'password') return { name: 'password' }
  return true
})

router.afterEach((to) => {
  document.title = `${(to.meta.title as string) ?? ''} · 执检`
})
