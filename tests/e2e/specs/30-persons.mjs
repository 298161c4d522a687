export const title = '人员：查找、执行经过（引擎判断与规则编号）、查阅记录'

// As prov: a person from a clue of the fixture, found by name in the search page; the record
// shows the judgment of each sentence with rule IDs, and after viewing, prov among its viewers.
export async function run(t) {
  const { page } = t
  t.allowHttpStatus(404) // /api/orgs, /api/dashboard until deployed on the server under test
  await t.login('prov')
  const clues = await t.api('/api/clues?model=M01&limit=1')
  t.check(clues.status === 200 && clues.json.items?.length, '应能读取一条 M01 线索')
  const clue = clues.json.items[0]
  t.check(!!clue.person_name, '线索应带有人员姓名')

  await t.go('/persons')
  await page.fill('input[data-test=person-search]', clue.person_name)
  await t.measure('人员查询', () => page.keyboard.press('Enter'), '[data-test=person-table] [data-test=person-row]')
  const row = page.locator(`[data-test=person-table] [data-test=person-row][href="/persons/${encodeURIComponent(clue.person_id)}"]`)
  t.check((await row.count()) === 1, `查询“${clue.person_name}”应找到线索所涉人员 ${clue.person_id}`)
  const masked = await page.locator('[data-test=person-table] .el-table__row').first().innerText()
  t.check(/\d{6}\*{8}[\dX]{4}/.test(masked), '列表中的身份证号应隐去中间部分')
  await t.shot('persons-search-1366')

  await row.click()
  await page.waitForSelector('[data-test=person-timeline]')
  t.check((await page.locator('[data-test=person-name]').innerText()).trim() === clue.person_name, '档案应显示人员姓名')
  const timeline = await page.locator('[data-test=person-timeline]').innerText()
  t.check(/合法|违法|需人工审查/.test(timeline), '执行经过应显示法律引擎的判断')
  t.check((await page.locator('[data-test=person-timeline] [data-test=rule-id]').count()) > 0, '执行经过应列出规则编号')
  t.check(/JX-[A-Z]+-\d+/.test(timeline), '执行经过应显示规则编号')
  const viewers = await page.locator('[data-test=person-viewers]').innerText()
  t.check(viewers.includes('prov'), '查阅记录应包含本次查看的用户 prov')
  await t.shot('person-record-1366')
  await t.viewport(1920, 1080)
  await t.shot('person-record-1920')
}
