export const title = '指挥中心：指标、区县地图、图表与下钻'

// Pixels of the chart canvas inside `selector` that are not white/grey background, and the
// page position of one pixel close to `rgb` (searched right of `skipLeft` CSS px, to leave out
// the visualMap legend at the map's left edge).
async function canvasStats(page, selector, rgb = null, skipLeft = 0) {
  return page.evaluate(
    ({ selector, rgb, skipLeft }) => {
      const canvas = document.querySelector(`${selector} canvas`)
      if (!canvas) return null
      const ctx = canvas.getContext('2d')
      const { width, height } = canvas
      const data = ctx.getImageData(0, 0, width, height).data
      const ratio = width / canvas.getBoundingClientRect().width
      let coloured = 0
      let hit = null
      let best = 1e9
      for (let y = 0; y < height; y += 2) {
        for (let x = 0; x < width; x += 2) {
          const i = (y * width + x) * 4
          const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]]
          if (a < 200) continue
          const sat = Math.max(r, g, b) - Math.min(r, g, b)
          if (sat > 40) coloured++
          if (rgb && x / ratio > skipLeft) {
            const d = Math.abs(r - rgb[0]) + Math.abs(g - rgb[1]) + Math.abs(b - rgb[2])
            if (d < best) {
              best = d
              const box = canvas.getBoundingClientRect()
              hit = { x: box.left + x / ratio, y: box.top + y / ratio, d }
            }
          }
        }
      }
      return { coloured, hit }
    },
    { selector, rgb, skipLeft },
  )
}

export async function run(t) {
  const { page } = t
  await t.login('prov')
  await t.go('/dashboard')
  await page.waitForSelector('[data-test=county-map] canvas')
  await page.waitForTimeout(1200) // the map's entry animation

  // KPIs equal the API's figures.
  const { status, json: dash } = await t.api('/api/dashboard')
  t.check(status === 200, `/api/dashboard 应返回 200，实为 ${status}`)
  const shown = (await page.locator('[data-test=kpi-open-clues] [data-test=kpi-value]').innerText()).replace(/,/g, '')
  t.check(Number(shown) === dash.kpis.open_clues, `未销号线索应为 ${dash.kpis.open_clues}，页面显示 ${shown}`)
  for (const [test, key] of [['kpi-open-cases', 'open_cases'], ['kpi-pending-reviews', 'pending_reviews'], ['kpi-overdue', 'overdue'], ['kpi-due-soon', 'due_soon']]) {
    const v = (await page.locator(`[data-test=${test}] [data-test=kpi-value]`).innerText()).replace(/,/g, '')
    t.check(Number(v) === dash.kpis[key], `${test} 应为 ${dash.kpis[key]}，页面显示 ${v}`)
  }

  // The map is drawn with counties coloured by open clues; the charts are there.
  const map = await canvasStats(page, '[data-test=county-map]', [0xd7, 0x30, 0x27], 70)
  t.check(map && map.coloured > 2000, `区县地图未着色（着色像素 ${map?.coloured ?? 0}）`)
  for (const sel of ['chart-by-model', 'chart-trend']) {
    const s = await canvasStats(page, `[data-test=${sel}]`)
    t.check(s && s.coloured > 200, `图表 ${sel} 为空`)
  }
  t.check(await page.locator('[data-test=latest-logs]').count() === 1, '缺少最新检察日志')
  await t.shot('dashboard-1366')
  await t.viewport(1920, 1080)
  await page.waitForTimeout(800)
  await t.shot('dashboard-1920')
  await t.viewport(1366, 768)
  await page.waitForTimeout(800)

  // Click the reddest county (most open clues) → the clue list of that region.
  const again = await canvasStats(page, '[data-test=county-map]', [0xd7, 0x30, 0x27], 70)
  t.check(again.hit && again.hit.d < 60, '地图上找不到着色最深的区县')
  await page.mouse.click(again.hit.x, again.hit.y)
  await page.waitForURL((u) => u.pathname === '/clues' && u.searchParams.has('region'))
  const region = new URL(page.url()).searchParams.get('region')
  await page.waitForSelector('[data-test=clue-filter-region]')
  await page.waitForSelector('[data-test=clue-table] .el-table__row')
  await page.waitForFunction(() => !document.querySelector('[data-test=clue-table] .el-loading-mask'))
  const expected = dash.by_county.find((c) => c.region_code === region)
  const total = Number((await page.locator('[data-test=clue-total]').innerText()).replace(/[^\d]/g, ''))
  t.check(expected, `点击的区县 ${region} 不在 by_county 中`)
  t.check(total === expected.open_clues, `${expected.name}：地图为 ${expected.open_clues} 条，线索列表为 ${total} 条`)
  t.check(await page.locator('[data-test=clue-filter-region]').count() === 1, '线索列表未显示地区筛选')
  await t.shot('dashboard-county-clues-1366')

  // Back returns to the dashboard; the open-clues card opens a list of as many clues.
  await page.goBack()
  await page.waitForSelector('[data-test=county-map] canvas')
  await page.click('[data-test=kpi-open-clues]')
  await page.waitForURL((u) => u.pathname === '/clues')
  await page.waitForSelector('[data-test=clue-table] .el-table__row')
  await page.waitForFunction(() => !document.querySelector('[data-test=clue-table] .el-loading-mask'))
  const listed = Number((await page.locator('[data-test=clue-total]').innerText()).replace(/[^\d]/g, ''))
  t.check(listed === dash.kpis.open_clues, `未销号线索：指挥中心 ${dash.kpis.open_clues} 条，线索列表 ${listed} 条`)
}
