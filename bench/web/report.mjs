// Prints bench/web's table: per list page, the median and worst of the passes on the
// province and on the city fixture (the baseline), from the timings.json files of run.sh.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const [dir, scale, passes] = process.argv.slice(2)
const load = (name) =>
  Array.from({ length: Number(passes) }, (_, i) => JSON.parse(readFileSync(join(dir, `${name}-${i + 1}.json`), 'utf8')))
const byLabel = (runs) => {
  const m = new Map()
  for (const run of runs) for (const r of run) m.set(r.label, [...(m.get(r.label) ?? []), r])
  return m
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}
const big = byLabel(load(scale))
const small = byLabel(load('city'))
console.log(`| 页面 | ${scale} 中位 | ${scale} 最慢 | 其中接口（中位） | city 中位 | < 300 ms |`)
console.log('|---|---|---|---|---|---|')
for (const [label, rows] of big) {
  const ms = rows.map((r) => r.ms)
  const api = rows.map((r) => r.api.reduce((a, b) => Math.max(a, b.ms), 0))
  const base = (small.get(label) ?? []).map((r) => r.ms)
  const worst = Math.max(...ms)
  console.log(`| ${label} | ${median(ms)} ms | ${worst} ms | ${median(api)} ms | ${base.length ? median(base) + ' ms' : '—'} | ${worst < 300 ? '是' : '否'} |`)
}
