export const title = '线索：筛选、详情与法律依据、轨迹、分派承办人、跨辖区不可见、列表计时'

async function canvasColoured(page, selector) {
  return page.evaluate((selector) => {
    const canvas = document.querySelector(`${selector} canvas`)
    if (!canvas) return 0
    const { width, height } = canvas
    const data = canvas.getContext('2d').getImageData(0, 0, width, height).data
    let n = 0
    for (let i = 0; i < data.length; i += 16) {
      if (data[i + 3] > 200 && Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 40) n++
    }
    return n
  }, selector)
}

export async function run(t) {
  const { page } = t
  await t.login('prov')

  // The clue list, timed from the menu click to its first row.
  await t.measure('线索列表（省院，首页 50 条）', () => page.click('[data-test=menu-clues]'), '[data-test=clue-table] .el-table__row')
  await t.shot('clues-list-1366')

  // Filter by model M14 through the select; the URL mirrors it and every row is M14.
  await page.click('[data-test=clue-filter-model]')
  await page.locator('.el-select-dropdown__item', { hasText: /^M14 / }).first().click()
  await page.keyboard.press('Escape')
  await page.waitForURL((u) => u.searchParams.get('model') === 'M14')
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('[data-test=clue-table] .el-table__row td:nth-child(2)')]
    return cells.length > 0 && cells.every((c) => c.textContent.includes('M14'))
  })
  const models = await page.locator('[data-test=clue-table] .el-table__row td:nth-child(2)').allInnerTexts()
  t.check(models.length > 0 && models.every((m) => m.includes('M14')), `按模型筛选后应全为 M14：${models.slice(0, 3).join('、')}`)
  const api = await t.api('/api/clues?model=M14&limit=1')
  const total = Number((await page.locator('[data-test=clue-total]').innerText()).replace(/[^\d]/g, ''))
  t.check(total === api.json.total, `M14 线索数：页面 ${total}，接口 ${api.json.total}`)
  await t.shot('clues-m14-1366')

  // Open the first: title, a rule id in the basis, the trajectory drawn with its points count.
  const first = await page.locator('[data-test=clue-row]').first().innerText()
  await page.locator('[data-test=clue-row]').first().click()
  await page.waitForSelector('[data-test=clue-title]')
  t.check((await page.locator('[data-test=clue-title]').innerText()).includes(first.trim()), '详情标题应含线索编号')
  const basis = await page.locator('[data-test=clue-basis]').innerText()
  t.check(/JX-[A-Z]+-\d+/.test(basis), `法律依据应列出规则编号：${basis}`)
  // A model parameter in the basis is named by its label in the model catalogue, not its code.
  const shownClue = await t.api(`/api/clues/${first.trim()}`)
  const catalogue = await t.api('/api/models')
  const own = catalogue.json.items.find((m) => m.model === shownClue.json.model)
  for (const b of shownClue.json.basis.filter((x) => x.id.startsWith('PARAM:'))) {
    const label = own?.params.find((p) => p.name === b.id.slice(6))?.label
    t.check(label, `模型目录中没有参数 ${b.id}`)
    await page.waitForFunction((l) => document.querySelector('[data-test=clue-basis]')?.textContent.includes(l), label)
    t.check(!(await page.locator('[data-test=clue-basis]').innerText()).includes(b.id.slice(6)), `法律依据不应显示参数代码 ${b.id}`)
  }
  await page.waitForSelector('[data-test=trajectory-map] canvas')
  await page.waitForTimeout(1000)
  const painted = await canvasColoured(page, '[data-test=trajectory-map]')
  t.check(painted > 300, `轨迹地图未绘制（着色像素 ${painted}）`)
  const traj = await t.api(`/api/clues/${first.trim()}/trajectory`)
  const countText = await page.locator('[data-test=trajectory-count]').innerText()
  t.check(countText.includes(`定位点 ${traj.json.points.length} 个`), `定位点数应为 ${traj.json.points.length}：${countText}`)
  await t.shot('clue-m14-trajectory-1366')
  await t.viewport(1920, 1080)
  await page.waitForTimeout(600)
  await t.shot('clue-m14-trajectory-1920')
  await t.viewport(1366, 768)

  // Back keeps the filter.
  await page.goBack()
  await page.waitForURL((u) => u.pathname === '/clues' && u.searchParams.get('model') === 'M14')
  await page.waitForSelector('[data-test=clue-table] .el-table__row')
  await page.waitForLoadState('networkidle')

  // A clue outside 锦江区 (from the province's list), opened by the county prosecutor.
  const mine = await t.api('/api/orgs')
  const jinjiang = new Set((mine.json.items ?? []).filter((o) => o.region_code === '510104').map((o) => o.org_id))
  const list = await t.api('/api/clues?model=M14&limit=200')
  const other = list.json.items.find((c) => !jinjiang.has(c.org_id) && !c.org_id.startsWith('510104'))
  t.check(other, '找不到锦江区以外的线索')

  // 分派: a new 锦江区 clue (not M09, which 50-cases promotes) to the county's prosecutor, picked
  // by name; the detail, its history and the list then name the assignee. The clue stays open.
  const orgQuery = [...jinjiang].map((o) => `org=${encodeURIComponent(o)}`).join('&')
  const fresh = (await t.api(`/api/clues?triage=new&status=open&limit=200&${orgQuery}`)).json.items ?? []
  const target = fresh.find((c) => c.model === 'M13') ?? fresh.find((c) => c.model !== 'M09')
  t.check(target, '找不到锦江区待分派的线索')
  await t.go(`/clues/${target.clue_no}`)
  await page.waitForSelector('[data-test=clue-basis]')
  const detail = await t.api(`/api/clues/${target.clue_no}`)
  const texts = detail.json.basis.filter((b) => b.text).map((b) => b.text)
  if (texts.length) {
    const shown = await page.locator('[data-test=basis-text]').allInnerTexts()
    t.check(shown.length === texts.length && texts.every((x, i) => shown[i].trim() === x), `法律依据应显示规则内容：${shown.join('｜')}`)
  }
  t.check((await page.locator('[data-test=clue-assignee]').innerText()).trim() === '未分派', '新线索的承办人应为“未分派”')
  await page.click('[data-test=action-assign]')
  await page.click('[data-test=assign-user]')
  await page.keyboard.type('锦江区院')
  const option = page.locator('.assignee-popper .el-select-dropdown__item', { hasText: '锦江区院检察官' }).first()
  await option.waitFor()
  t.check((await option.innerText()).includes('成都市锦江区人民检察院'), '承办人选项应列出所在检察院')
  await t.shot('clue-assign-picker-1366')
  await option.click()
  await page.click('[data-test=action-submit]')
  await page.waitForFunction(() => document.querySelector('[data-test=clue-assignee]')?.textContent.trim() === '锦江区院检察官')
  const timelineText = await page.locator('[data-test=clue-timeline]').innerText()
  t.check(timelineText.includes('承办人：锦江区院检察官'), `处理经过应记下承办人：${timelineText}`)
  await t.shot('clue-assigned-1366')
  if (target.person_id) {
    await t.go(`/clues?person=${encodeURIComponent(target.person_id)}`)
    const row = page.locator('[data-test=clue-table] .el-table__row', { has: page.locator(`[data-test=clue-row]:text-is("${target.clue_no}")`) })
    await row.waitFor()
    t.check((await row.locator('[data-test=clue-row-assignee]').innerText()).trim() === '锦江区院检察官', '线索列表应显示承办人姓名')
    await t.shot('clues-assignee-1366')
  }
  await page.click('[data-test=user-menu]')
  await page.click('[data-test=logout]')
  await page.waitForURL((u) => u.pathname === '/login')
  t.allowHttpStatus(404)
  await t.login('county')
  await t.go(`/clues/${other.clue_no}`)
  await page.waitForSelector('[data-test=clue-not-found]')
  t.check((await page.locator('[data-test=clue-not-found]').innerText()).includes('不存在或无权查看'), '跨辖区线索应提示“不存在或无权查看”')
  await t.shot('clue-other-county-1366')
}
