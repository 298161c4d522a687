export const title = '减假暂审查：审查队列、引擎判断、检察意见书拟制、提请审批、签发、下载'

// As prov (部门负责人: may edit and approve): the first pending review in the queue's order that
// the engine flagged (违法 or 需人工审查) goes from 已受理 to 文书已制发, the opinion gets a 文号,
// and its DOCX downloads. Changes one review case.
export async function run(t) {
  const { page } = t
  t.allowHttpStatus(404) // /api/orgs, /api/dashboard until deployed on the server under test (pages fall back to org codes)
  await t.login('prov')
  await t.measure('审查队列', () => t.go('/reviews'), '[data-test=review-table] [data-test=review-row]')
  const rows = page.locator('[data-test=review-table] [data-test=review-row]')
  t.check((await rows.count()) > 0, '待审查队列为空')
  const deadline = await page.locator('[data-test=review-table] .el-table__row').first().innerText()
  t.check(/剩\d+日|今日到期|已超期/.test(deadline), `队列应显示期限（剩n日/已超期），实为：${deadline}`)
  // Type, verdict and risk count come from the card (the list's review block), not from text.
  const first = page.locator('[data-test=review-table] .el-table__row').first()
  const type = await first.locator('[data-test=review-change-type]').innerText()
  t.check(/^(减刑|假释|暂予监外执行)/.test(type), `队列应显示提请类型，实为：${type}`)
  const verdictTag = await first.locator('[data-test=review-row-verdict]').innerText()
  t.check(/^(合法|违法|需人工审查)$/.test(verdictTag), `队列应显示引擎判断，实为：${verdictTag}`)
  const risks = await first.locator('[data-test=review-risks-count]').innerText()
  t.check(/^\d+$/.test(risks), `队列应显示风险点数，实为：${risks}`)
  // Sorted by the server by deadline: the page's deadlines never go back in time.
  const dues = await page.locator('[data-test=review-table] [data-test=review-due]').evaluateAll((els) => els.map((e) => e.getAttribute('data-due')))
  t.check(dues.every((d, i) => i === 0 || dues[i - 1] <= d), `队列应按期限先后排列，实为：${dues.join(' ')}`)
  await t.shot('reviews-queue-1366')

  // The queue's first page may hold only lawful proposals; the flagged one is found through the
  // same list the page uses.
  const queue = await t.api('/api/cases?type=proposal_review&state=accepted,investigating&sort=deadline&limit=500')
  t.check(queue.status === 200, `审查队列接口应返回 200，实为 ${queue.status}`)
  const flagged = queue.json.items.find((c) => c.review && c.review.verdict !== 'lawful')
  t.check(!!flagged, '待审查队列中应有引擎判断为违法或需人工审查的提请')
  await t.go(`/reviews/${flagged.case_id}`)
  await page.waitForSelector('[data-test=review-verdict]')
  const checks = await page.locator('[data-test=review-checks]').innerText()
  t.check(/JX-[A-Z]+-\d+/.test(checks), `逐项审查应列出规则编号，实为：${checks.slice(0, 200)}`)
  const verdict = await page.locator('[data-test=review-verdict]').innerText()
  t.check(/合法|违法|需人工审查/.test(verdict), '应显示引擎判断')
  await page.waitForSelector('[data-test=review-risks]')

  // 拟制文书: the platform drafts the opinion from the engine's verdict.
  await page.click('[data-test=opinion-editor] [data-test=action-draft]')
  const opinion = page.locator('[data-test=opinion-editor] textarea[data-test=doc-opinion]')
  await opinion.waitFor()
  const drafted = await opinion.inputValue()
  t.check(/同意|不同意|核实/.test(drafted), `检察意见应按引擎判断起草，实为：${drafted}`)
  const edited = `${drafted}经本院审查，建议依法审理。`
  await opinion.fill(edited)
  await page.click('[data-test=opinion-editor] [data-test=action-draft]') // 保存草稿
  await page.waitForSelector('.el-message--success')
  t.check((await opinion.inputValue()) === edited, '保存草稿后应显示修改后的检察意见')
  await t.shot('review-draft-1366')

  await page.click('[data-test=opinion-editor] [data-test=action-submit]')
  await page.waitForSelector('[data-test=opinion-editor] [data-test=action-approve_issue]')
  await page.click('[data-test=opinion-editor] [data-test=action-approve_issue]')
  await page.click('.el-message-box__btns .el-button--primary')
  await page.waitForSelector('[data-test=opinion-editor] [data-test=doc-no]')
  const docNo = await page.locator('[data-test=opinion-editor] [data-test=doc-no]').innerText()
  t.check(/检刑执检意〔\d{4}〕\d+号/.test(docNo), `签发后应取得文号，实为：${docNo}`)
  t.check((await opinion.inputValue()) === edited, '签发的检察意见应为修改后的内容')

  const file = await t.download(() => page.click('[data-test=download-docx]'))
  t.check(file.bytes[0] === 0x50 && file.bytes[1] === 0x4b, 'DOCX 应为 ZIP 文件（PK 开头）')
  t.check(file.bytes.length > 5 * 1024, `DOCX 大小应超过 5 KB，实为 ${file.bytes.length} 字节`)
  t.check(/\.docx$/.test(file.fileName), `文件名应为 .docx，实为 ${file.fileName}`)
  await t.shot('review-issued-1366')
  await t.viewport(1920, 1080)
  await t.shot('review-issued-1920')
}
