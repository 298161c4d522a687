export const title = '列表页响应时间（浏览器计时，写入 timings.json）'

// Every list page, reached from the menu as a user would, timed from the click to the first
// row of its table (bench/web runs this on the province). Each page is visited once first so
// that its code is loaded; the measured visit is the second, which is what a user at work
// meets all day. Timings are recorded, never asserted.
const PAGES = [
  { label: '指挥中心', menu: 'menu-dashboard', ready: '[data-test=chart-trend]' },
  { label: '线索列表', menu: 'menu-clues', ready: '[data-test=clue-table] .el-table__row' },
  { label: '减假暂审查队列', menu: 'menu-reviews', ready: '[data-test=review-table] .el-table__row' },
  { label: '案件列表', menu: 'menu-cases', ready: '[data-test=case-table] .el-table__row, [data-test=case-table] .el-table__empty-text' },
  { label: '检察日志', menu: 'menu-logs', ready: '.el-table__row, .el-table__empty-text' },
  { label: '数据（运行记录）', menu: 'menu-data', ready: '.el-tabs' },
  { label: '报表', menu: 'menu-reports', ready: '[data-test=report-table] .el-table__row' },
]

export async function run(t) {
  const { page } = t
  await t.login('prov')
  for (const p of PAGES) {
    await page.click(`[data-test=${p.menu}]`)
    await page.waitForSelector(p.ready)
  }
  for (const p of PAGES) {
    // Leave to another page first, so the measured visit loads the list afresh.
    await page.click(`[data-test=${p.menu === 'menu-dashboard' ? 'menu-clues' : 'menu-dashboard'}]`)
    await page.waitForLoadState('networkidle')
    await t.measure(p.label, () => page.click(`[data-test=${p.menu}]`), p.ready)
  }
  // A filter on the clue list (the query a prosecutor repeats most).
  await page.click('[data-test=menu-clues]')
  await page.waitForSelector('[data-test=clue-table] .el-table__row')
  await t.measure('线索列表（按模型 M14 筛选，整页打开）', () => t.page.goto(`${t.base}/clues?model=M14`), '[data-test=clue-table] .el-table__row')
  // Person search by a name taken from the first clue (two characters, the minimum).
  const clues = await t.api('/api/clues?limit=1')
  const name = clues.json.items[0].person_name.slice(0, 2)
  await page.click('[data-test=menu-persons]')
  await page.waitForSelector('[data-test=person-search]')
  await page.fill('[data-test=person-search]', name)
  await t.measure(`人员查询（“${name}”）`, () => page.press('[data-test=person-search]', 'Enter'), '[data-test=person-row]')
  await t.shot('list-timings-last-page')
}
