export const title = '系统管理：新建用户（一次性初始密码）、机构树、临时授权、审计日志与审计链校验'

// Changes the store: adds one prosecutor account (a new name each run).
export async function run(t) {
  const { page } = t
  await t.login('admin')
  await t.go('/admin/users')
  await page.waitForSelector('[data-test=admin-users] .el-table__row')

  // 1. A new prosecutor in 锦江区院.
  const username = `e2e${Date.now() % 1000000}`
  await page.click('[data-test=user-create]')
  await page.fill('[data-test=user-username]', username)
  await page.fill('[data-test=user-display-name]', '测试检察官')
  const picker = page.locator('[data-test=user-form] [data-test=user-org]')
  if (await picker.evaluate((el) => el.tagName === 'INPUT')) {
    await picker.fill('510104-PROC') // no org tree: the code is typed
  } else {
    await picker.click()
    await page.keyboard.type('锦江区人民检察院')
    await page.locator('.el-tree-node__content:visible', { hasText: '锦江区人民检察院' }).first().click()
  }
  await page.click('[data-test=user-role]')
  await page.locator('.el-select-dropdown__item:visible', { hasText: '检察官' }).first().click()
  await page.click('[data-test=user-submit]')
  await page.waitForSelector('[data-test=one-time-password]')
  const password = (await page.locator('[data-test=one-time-password]').innerText()).trim()
  t.check(password.length >= 8, `没有显示初始密码：“${password}”`)
  await t.shot('admin-user-created-1366')
  await page.click('.el-dialog:visible button:has-text("我已记下")')
  await page.waitForSelector(`[data-test=admin-users] .el-table__row:has-text("${username}")`)
  const row = await page.locator(`[data-test=admin-users] .el-table__row:has-text("${username}")`).innerText()
  t.check(row.includes('检察官') && row.includes('待修改密码'), `新用户的行不对：${row}`)
  await t.shot('admin-users-1366')

  // 2. The org tree with user counts.
  await page.click('.el-tabs__item:has-text("机构")')
  await page.waitForSelector('[data-test=admin-orgs] .el-table__row')
  const orgs = await page.locator('[data-test=admin-orgs] .el-table__body').innerText()
  t.check(orgs.includes('四川省人民检察院'), '机构树中没有四川省人民检察院')
  await t.shot('admin-orgs-1366')

  // 3. Grants list.
  await page.click('.el-tabs__item:has-text("临时授权")')
  await page.waitForSelector('[data-test=admin-grants]')
  await t.shot('admin-grants-1366')

  // 4. Audit: the creation is logged; the hash chain is intact.
  await page.click('.el-tabs__item:has-text("审计日志")')
  await page.waitForURL(/\/admin\/audit$/)
  await page.waitForSelector('[data-test=admin-audit] .el-table__row')
  const audit = await page.locator('[data-test=admin-audit] .el-table__body').innerText()
  t.check(audit.includes('新建用户'), '审计日志中没有新建用户的记录')
  await page.click('[data-test=audit-verify]')
  await page.waitForSelector('[data-test=audit-verify-result]')
  const verdict = await page.locator('[data-test=audit-verify-result]').innerText()
  t.check(verdict.includes('审计链完整'), `审计链校验结果：${verdict}`)
  await t.shot('admin-audit-1366')
  await t.viewport(1920, 1080)
  await t.shot('admin-audit-1920')
}
