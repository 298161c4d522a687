export const title = '登录、首次登录修改密码、退出'

export async function run(t) {
  const { page } = t
  // The sign-in page, and a wrong password answered in Chinese.
  await t.go('/')
  t.check(page.url().includes('/login'), '未登录时应转到登录页')
  t.allowHttpStatus(401) // the wrong password below, and /api/auth/me after signing out
  await page.fill('[data-test=username]', 'prov')
  await page.fill('[data-test=password]', 'wrong-password-1')
  await page.click('[data-test=login]')
  await page.waitForSelector('.el-alert--error')
  const message = await page.locator('.el-alert--error').innerText()
  t.check(/用户名或密码/.test(message), `错误提示应为中文“用户名或密码…”，实为：${message}`)
  await t.shot('login-1366')

  // demo must change the initial password before anything else.
  await t.login('demo', t.fixture.initial_password)
  t.check(page.url().includes('/password'), '首次登录应转到修改密码页')
  await t.shot('password-change-1366')
  await page.fill('[data-test=current-password]', t.fixture.initial_password)
  await page.fill('[data-test=new-password]', 'Yanshi-Xin-2026')
  await page.fill('[data-test=new-password-again]', 'Yanshi-Xin-2026')
  await page.click('[data-test=change-password]')
  await page.waitForURL((u) => u.pathname === '/login')
  await t.login('demo', 'Yanshi-Xin-2026')
  t.check(!page.url().includes('/password'), '修改密码后应进入系统')

  // Sign out ends the session: the API answers 401 afterwards.
  await page.click('[data-test=user-menu]')
  await page.click('[data-test=logout]')
  await page.waitForURL((u) => u.pathname === '/login')
  const after = await t.api('/api/auth/me')
  t.check(after.status === 401, `退出后会话应失效，实为 HTTP ${after.status}`)
}
