export const title = '案件：线索立案、文书签发与下载、回复、整改材料、回头看、按状态列表'

// As prov: promotes an open clue (through the API) to a 纠正违法 case, then works it in the case
// page from 已受理 to 回头看. Changes one clue and opens one case.
export async function run(t) {
  const { page } = t
  t.allowHttpStatus(404) // /api/orgs, /api/dashboard until deployed on the server under test (pages fall back to org codes)
  await t.login('prov')

  const clues = await t.api('/api/clues?triage=new&status=open&model=M09&limit=1')
  t.check(clues.status === 200, `线索列表应可读取：${clues.status}`)
  let clue = clues.json.items?.[0]
  if (!clue) clue = (await t.api('/api/clues?triage=new&status=open&limit=1')).json.items?.[0]
  t.check(!!clue, '没有可立案的线索')
  const opened = await t.api('/api/cases', {
    method: 'POST',
    body: { clues: [{ clue_no: clue.clue_no, version: clue.triage_version }], case_type: 'correction' },
  })
  t.check(opened.status === 201, `线索立案应成功：${JSON.stringify(opened.json)}`)
  const caseId = opened.json.case_id

  await t.measure('案件列表', () => t.go('/cases'), '[data-test=case-table] [data-test=case-row]')
  const first = await page.locator('[data-test=case-table] [data-test=case-row]').first().getAttribute('href')
  t.check(first === `/cases/${caseId}`, `新立的案件应在列表最前，实为 ${first}`)
  await t.shot('cases-list-1366')

  await page.locator('[data-test=case-table] [data-test=case-row]').first().click()
  await page.waitForSelector('[data-test=case-title]')
  t.check((await page.locator('[data-test=case-title]').innerText()).trim() === clue.title, '案件标题应为线索标题')

  // 拟制 → 提请审批 → 审批签发.
  await page.click('[data-test=case-actions] [data-test=action-draft]')
  const facts = page.locator('[data-test=case-documents] textarea[data-test=doc-facts]')
  await facts.waitFor()
  t.check((await facts.inputValue()).length > 10, '文书草稿应写明检察发现的事实')
  // A model without a law rule of its own (M09 cites a parameter) leaves 法律依据 to the
  // prosecutor; submitting refuses a notice without one.
  const citation = page.locator('[data-test=case-documents] input[data-test=doc-basis-citation]')
  if ((await citation.count()) === 0) {
    await page.click('[data-test=case-documents] [data-test=doc-basis-add]')
    await citation.first().fill('《中华人民共和国刑事诉讼法》第二百七十六条')
  }
  await page.click('[data-test=case-actions] [data-test=action-submit]')
  await page.waitForSelector('[data-test=case-actions] [data-test=action-approve_issue]')
  await page.click('[data-test=case-actions] [data-test=action-approve_issue]')
  await page.click('.el-message-box__btns .el-button--primary')
  await page.waitForSelector('[data-test=case-actions] [data-test=action-reply_adopted]')
  const docNo = await page.locator('[data-test=case-documents] [data-test=doc-no]').first().innerText()
  t.check(/检刑执纠违〔\d{4}〕\d+号/.test(docNo), `纠正违法通知书应取得文号，实为 ${docNo}`)
  const docx = await t.download(() => page.locator('[data-test=case-documents] [data-test=download-docx]').first().click())
  t.check(docx.bytes[0] === 0x50 && docx.bytes[1] === 0x4b && docx.bytes.length > 5 * 1024, 'DOCX 应为超过 5 KB 的 ZIP 文件')

  // 登记回复（采纳） → 整改中.
  await page.click('[data-test=case-actions] [data-test=action-reply_adopted]')
  await page.fill('textarea[data-test=reply-content]', '监狱回复：已按通知书要求重新核定，并将改正后的数据报送。')
  await page.click('[data-test=action-confirm]')
  await page.waitForSelector('[data-test=case-actions] [data-test=action-report_rectification]')

  // 整改材料 upload, then 登记整改材料 → 待回头看.
  await page.setInputFiles('[data-test=case-evidence] input[type=file]', {
    name: '整改报告.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('关于纠正违法通知书所列问题的整改报告。', 'utf8'),
  })
  await page.waitForSelector('[data-test=case-evidence] .el-table__row')
  await page.click('[data-test=case-actions] [data-test=action-report_rectification]')
  await page.click('.el-message-box__btns .el-button--primary')
  await page.waitForSelector('[data-test=followup-run]')
  await t.shot('case-before-followup-1366')

  // 回头看: re-runs the source model; the data is unchanged, so the case goes back to 整改中.
  await page.click('[data-test=followup-run]')
  await page.waitForSelector('[data-test=case-followup] .el-alert', { timeout: 120000 })
  const result = await page.locator('[data-test=case-followup]').innerText()
  t.check(/整改到位|整改未到位/.test(result), `回头看应显示结果，实为：${result.slice(0, 200)}`)
  await t.shot('case-followup-1366')

  // The list by state: the case is under 整改与回头看.
  await t.go('/cases')
  await page.getByRole('tab', { name: '整改与回头看' }).click()
  await page.waitForSelector(`[data-test=case-table] [data-test=case-row][href="/cases/${caseId}"]`)
  await t.viewport(1920, 1080)
  await t.shot('cases-rectify-1920')
}
