export const title = '数据：上传数据包（通过与拒收）、导入报告、运行模型、运行记录'

// The fixture's two small batches (tests/e2e/make-batches.mjs): good = two new 奖惩 rows,
// bad = the same with the date 2026-13-45, which the strict import must reject whole.
// Changes the store: the good batch is applied and M15 is run once (later specs do not rely
// on either).
export async function run(t) {
  const { page } = t
  t.check(t.fixture.upload_good && t.fixture.upload_bad, '缺少上传用数据包（fixture.upload_good / upload_bad）')
  await t.login('prov')
  await t.go('/data')
  const imp = '[data-test=data-import]'

  // 1. A good batch: the job reaches done and the report says applied.
  await page.setInputFiles(`${imp} [data-test=upload-batch] input[type=file]`, t.fixture.upload_good)
  await page.waitForSelector(`${imp} [data-test=job-progress][data-state=done]`, { timeout: 60000 })
  await page.waitForSelector(`${imp} [data-test=import-report][data-outcome=applied]`)
  const report = await page.locator(`${imp} [data-test=import-report]`).innerText()
  t.check(report.includes('奖惩'), `导入报告没有列出奖惩表：${report.slice(0, 200)}`)
  await page.waitForSelector('[data-test=batch-history] .el-table__row')
  const history = await page.locator('[data-test=batch-history] .el-table__body').innerText()
  t.check(history.includes('e2e-good'), '已导入的数据包中没有刚导入的数据包')
  await t.shot('data-import-good-1366')

  // 2. The bad batch: rejected, the rejected row named with its line, column and value.
  await page.setInputFiles(`${imp} [data-test=upload-batch] input[type=file]`, t.fixture.upload_bad)
  await page.waitForSelector(`${imp} [data-test=import-report][data-outcome=rejected]`, { timeout: 60000 })
  const rejects = await page.locator(`${imp} [data-test=import-rejects]`).innerText()
  t.check(rejects.includes('2026-13-45'), `拒收的行中没有错误的日期：${rejects.slice(0, 300)}`)
  await t.shot('data-import-bad-1366')

  // 3. Run M15 (not a trial) and see the per-model result.
  await page.click('.el-tabs__item:has-text("模型运行")')
  const models = '[data-test=data-models]'
  await page.waitForSelector(`${models} [data-test=model-list] .el-table__row`)
  const rows = await page.locator(`${models} [data-test=model-list] .el-table__body .el-table__row`).count()
  t.check(rows === 25, `模型应有 25 个，页面上有 ${rows} 个`)
  await page.locator(`${models} [data-test=model-list] .el-table__body .el-table__row`, { hasText: 'M15' }).locator('.el-checkbox').click()
  await page.click(`${models} [data-test=run-models]`)
  await page.waitForSelector(`${models} [data-test=job-progress][data-state=done]`, { timeout: 120000 })
  await page.waitForSelector(`${models} [data-test=run-summary] .el-table__row`)
  const summary = await page.locator(`${models} [data-test=run-summary]`).innerText()
  t.check(summary.includes('M15'), '运行结果中没有 M15')
  await t.shot('data-models-run-1366')

  // 4. The run is in the history.
  await page.click('.el-tabs__item:has-text("运行记录")')
  await page.waitForSelector('[data-test=run-history] .el-table__row')
  const first = await page.locator('[data-test=run-history] .el-table__body .el-table__row').first().innerText()
  t.check(first.includes('M15') && first.includes('prov'), `运行记录第一行不是刚才的运行：${first}`)
  await page.locator('[data-test=run-history] .el-table__expand-icon').first().click()
  await t.shot('data-runs-1366')

  await t.viewport(1920, 1080)
  await page.click('.el-tabs__item:has-text("数据导入")')
  await t.shot('data-import-1920')
}
