// Writes the two small batches the data spec uploads, from the fixture's synthetic city:
//   good/  — two new 奖惩 rows for existing persons, exported a month after the city batch;
//   bad/   — the same with one impossible date, which a strict import must reject whole.
// Usage: node tests/e2e/make-batches.mjs <synth batch dir> <out dir>
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const [source, out] = process.argv.slice(2)
if (!source || !out) {
  console.error('用法：node tests/e2e/make-batches.mjs <模拟数据包目录> <输出目录>')
  process.exit(2)
}
const manifest = JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8'))
const [header, first, second] = readFileSync(join(source, 'rewards.csv'), 'utf8').split('\n')
// Same person and facility as the city's first rewards, new ids, a praise a month later.
const row = (line, id, date) => {
  const cells = line.split(',')
  return [id, cells[1], cells[2], date, 'praise', '', '遵守监规，劳动积极'].join(',')
}

function write(name, rows) {
  const dir = join(out, name)
  mkdirSync(dir, { recursive: true })
  const csv = [header, ...rows].join('\n') + '\n'
  writeFileSync(join(dir, 'rewards.csv'), csv)
  const m = {
    spec: manifest.spec,
    source_org_id: manifest.source_org_id,
    batch_id: `2026-07-31T23:00:00+08:00#e2e-${name}`,
    exported_at: '2026-07-31T23:00:00+08:00',
    tables: {
      rewards: { file: 'rewards.csv', rows: rows.length, sha256: createHash('sha256').update(csv).digest('hex') },
    },
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m, null, 2) + '\n')
}

write('good', [row(first, 'R-E2E-0001', '2026-07-10'), row(second, 'R-E2E-0002', '2026-07-11')])
write('bad', [row(first, 'R-E2E-0003', '2026-07-12'), row(second, 'R-E2E-0004', '2026-13-45')])
console.log(`已生成上传用数据包：${out}/good、${out}/bad`)
