// The browser tests: drives Debian's Chromium with playwright-core against a running
// `zhijian serve --web web/dist` (started by tests/e2e/run.sh on the e2e fixture store).
//
//   node tests/e2e/run.mjs --url http://127.0.0.1:PORT [--only 20-clues] [--shots DIR]
//                          [--timings FILE] [--password PASS]
//
// Every spec under specs/ (sorted by name) exports `title` and `async run(t)`; see README.md
// for the `t` API. Each spec gets a fresh browser context (1366×768), fails on any console
// error, page error or unexpected HTTP error the page logs, and saves its screenshots.
// Exit code: 0 all passed, 1 a spec failed, 2 bad usage or the browser would not start.
import { readdirSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createRequire } from 'node:module'

const here = dirname(fileURLToPath(import.meta.url))
const require = createRequire(join(here, '../../web/package.json'))
const { chromium } = require('playwright-core')

function parseArgs(argv) {
  const args = { shots: join(here, 'screenshots'), timings: join(here, 'timings.json'), only: [] }
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i]
    const value = argv[i + 1]
    if (key === '--url') args.url = value
    else if (key === '--only') args.only.push(value)
    else if (key === '--shots') args.shots = value
    else if (key === '--timings') args.timings = value
    else if (key === '--password') args.password = value
    else if (key === '--fixture') args.fixture = value
    else {
      console.error(`未知参数：${key}`)
      process.exit(2)
    }
    i++
  }
  if (!args.url) {
    console.error('用法：node tests/e2e/run.mjs --url http://127.0.0.1:端口 [--only 规格名] [--shots 目录]')
    process.exit(2)
  }
  return args
}

const args = parseArgs(process.argv.slice(2))
const PASSWORD = args.password ?? process.env.ZJ_E2E_PASSWORD ?? 'Zj-E2e-Pass-2026'
const fixture = args.fixture ? JSON.parse(readFileSync(args.fixture, 'utf8')) : {}
mkdirSync(args.shots, { recursive: true })

export class Failure extends Error {}

const ALLOWED_CONSOLE = [
  // Chromium's note that it could not reach the network (the test machine has none).
  /net::ERR_INTERNET_DISCONNECTED/,
]

function makeT(page, context, spec, timings) {
  const problems = []
  const allowedStatuses = new Set()
  page.on('console', (msg) => {
    if (msg.type() !== 'error' && msg.type() !== 'warning') return
    const text = msg.text()
    if (msg.type() === 'warning' && !/\[Vue warn\]/.test(text)) return
    const http = /status of (\d{3})/.exec(text)
    if (http && allowedStatuses.has(Number(http[1]))) return
    if (ALLOWED_CONSOLE.some((re) => re.test(text))) return
    problems.push(`控制台${msg.type() === 'error' ? '错误' : '警告'}：${text} @ ${msg.location().url}`)
  })
  page.on('pageerror', (err) => problems.push(`页面异常：${err.message}\n      ${(err.stack ?? '').split('\n').slice(1, 4).join('\n      ')}`))

  const t = {
    page,
    context,
    base: args.url,
    fixture,
    password: PASSWORD,
    /** Fails the spec with a Chinese message. */
    check(condition, message) {
      if (!condition) throw new Failure(message)
    },
    /** The page may log these HTTP statuses (e.g. 404 for a clue of another county). */
    allowHttpStatus(...statuses) {
      statuses.forEach((s) => allowedStatuses.add(s))
    },
    async go(path) {
      await page.goto(args.url + path, { waitUntil: 'networkidle' })
    },
    /** Signs in through the login form. */
    async login(username, password = PASSWORD) {
      await page.goto(args.url + '/login', { waitUntil: 'networkidle' })
      await page.fill('[data-test=username]', username)
      await page.fill('[data-test=password]', password)
      await page.click('[data-test=login]')
      await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15000 })
      await page.waitForLoadState('networkidle')
    },
    /** JSON from the API with the page's session (cookies shared with the page). */
    async api(path, init = {}) {
      const method = init.method ?? 'GET'
      const headers = { Accept: 'application/json' }
      if (method !== 'GET') {
        const cookies = await context.cookies(args.url)
        headers['X-CSRF-Token'] = cookies.find((c) => c.name === 'zj_csrf')?.value ?? ''
        headers['Content-Type'] = 'application/json'
      }
      const r = await context.request.fetch(args.url + path, {
        method,
        headers,
        data: init.body === undefined ? undefined : JSON.stringify(init.body),
      })
      const text = await r.text()
      let json = null
      try {
        json = JSON.parse(text)
      } catch {
        json = text
      }
      return { status: r.status(), json }
    },
    async viewport(width, height) {
      await page.setViewportSize({ width, height })
    },
    /** Saves screenshots/<name>.png (the whole page). */
    async shot(name) {
      await page.waitForTimeout(300) // let charts finish their entry animation
      await page.screenshot({ path: join(args.shots, `${name}.png`), fullPage: true })
    },
    /**
     * Times an in-app action until `selector` is in the page, with the browser's clock
     * (performance.now()), and the API requests made meanwhile (Resource Timing).
     * Recorded in timings.json; never asserted (a shared machine is noisy).
     */
    async measure(label, action, selector) {
      await page.evaluate(() => {
        performance.clearResourceTimings()
        window.__zjT0 = performance.now()
      })
      await action()
      const result = await page.evaluate(
        (sel) =>
          new Promise((resolveIt, reject) => {
            const done = () => {
              const end = performance.now()
              const api = performance
                .getEntriesByType('resource')
                .filter((e) => e.name.includes('/api/'))
                .map((e) => ({ url: e.name.replace(location.origin, ''), ms: Math.round(e.responseEnd - e.startTime) }))
              // After a full page load the clock starts at the navigation (performance.now() = 0).
              resolveIt({ ms: Math.round(end - (window.__zjT0 ?? 0)), api })
            }
            if (document.querySelector(sel)) return done()
            const obs = new MutationObserver(() => {
              if (document.querySelector(sel)) {
                obs.disconnect()
                done()
              }
            })
            obs.observe(document.body, { childList: true, subtree: true })
            setTimeout(() => {
              obs.disconnect()
              reject(new Error(`等待 ${sel} 超时`))
            }, 30000)
          }),
        selector,
      )
      timings.push({ spec: spec.file, label, ms: result.ms, api: result.api })
      console.log(`    计时 ${label}: ${result.ms} ms（接口 ${result.api.map((a) => `${a.ms} ms`).join('、') || '无'}）`)
      return result
    },
    /** Runs `action` (a click) and returns the downloaded file {fileName, bytes}. */
    async download(action) {
      const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), action()])
      const path = await dl.path()
      return { fileName: dl.suggestedFilename(), bytes: readFileSync(path) }
    },
    problems,
  }
  return t
}

const specs = readdirSync(join(here, 'specs'))
  .filter((f) => f.endsWith('.mjs'))
  .filter((f) => args.only.length === 0 || args.only.some((o) => f.includes(o)))
  .sort()

let browser
try {
  browser = await chromium.launch({
    executablePath: process.env.ZJ_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  })
} catch (e) {
  console.error(`无法启动浏览器：${e.message}`)
  process.exit(2)
}

const timings = []
let failed = 0
for (const file of specs) {
  const spec = await import(pathToFileURL(join(here, 'specs', file)).href)
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true })
  const page = await context.newPage()
  page.setDefaultTimeout(20000)
  const t = makeT(page, context, { file }, timings)
  const started = Date.now()
  let error = null
  try {
    await spec.run(t)
  } catch (e) {
    error = e
  }
  if (!error && t.problems.length) error = new Failure(t.problems.join('\n'))
  if (error) {
    failed++
    await page.screenshot({ path: join(args.shots, `FAILED-${file.replace('.mjs', '')}.png`), fullPage: true }).catch(() => {})
    console.log(`✗ ${file} ${spec.title ?? ''}（${Date.now() - started} ms）\n  ${String(error.stack ?? error).split('\n').slice(0, 6).join('\n  ')}`)
    if (t.problems.length) console.log(`  ${t.problems.join('\n  ')}`)
  } else {
    console.log(`✓ ${file} ${spec.title ?? ''}（${Date.now() - started} ms）`)
  }
  await context.close()
}
await browser.close()
writeFileSync(args.timings, JSON.stringify(timings, null, 2) + '\n')
console.log(`浏览器测试：${specs.length - failed} 通过，${failed} 失败；截图在 ${resolve(args.shots)}，计时在 ${resolve(args.timings)}`)
process.exit(failed ? 1 : 0)
