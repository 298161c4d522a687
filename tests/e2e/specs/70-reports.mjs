export const title = '报表：月份、各院指标表与合计、图表、期间指标、导出 Excel 月报'

export async function run(t) {
  const { page } = t
  await t.login('prov')
  await t.go('/reports')
  await page.waitForSelector('[data-test=report-table] .el-table__body .el-table__row')
  const rows = await page.locator('[data-test=report-table] .el-table__body .el-table__row').count()
  t.check(rows > 0, '各院指标表为空')
  const totals = await page.locator('[data-test=report-table] .el-table__footer').innerText()
  t.check(totals.includes('合计'), '指标表没有合计行')
  await page.waitForSelector('[data-test=report-kpis]')
  const kpis = await page.locator('[data-test=report-kpis]').innerText()
  t.check(kpis.includes('新增线索') && kpis.includes('采纳率'), `期间指标卡片不全：${kpis}`)

  const month = await page.locator('[data-test=report-month]').innerText()
  t.check(/\d{4}年\d{1,2}月/.test(month), `统计月份显示不对：${month}`)

  const { fileName, bytes } = await t.download(() => page.click('[data-test=report-export]'))
  t.check(bytes.length > 100 && bytes[0] === 0x50 && bytes[1] === 0x4b, `导出的不是 XLSX（${fileName}，${bytes.length} 字节）`)
  t.check(fileName.endsWith('.xlsx') && fileName.includes('月报'), `导出文件名不对：${fileName}`)
  await t.shot('reports-1366')

  await t.viewport(1920, 1080)
  await page.waitForTimeout(300)
  await t.shot('reports-1920')
}
