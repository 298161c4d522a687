// Writes the county map the command centre draws: the shipped boundaries
// (data/geo/sichuan-counties.geojson, see data/geo/SOURCE.md) simplified with the
// Douglas–Peucker algorithm and rounded, so the browser loads ~0.5 MB instead of 6.7 MB.
// Usage: node scripts/simplify-geo.mjs <in.geojson> <out.json> [tolerance-degrees]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

const [input, output, toleranceArg] = process.argv.slice(2)
if (!input || !output) {
  console.error('用法: node scripts/simplify-geo.mjs <输入.geojson> <输出.json> [容差(度)]')
  process.exit(2)
}
const tolerance = Number(toleranceArg ?? 0.004)

// Squared distance from p to the segment a–b.
function segmentDistance2(p, a, b) {
  let [x, y] = a
  let dx = b[0] - x
  let dy = b[1] - y
  if (dx !== 0 || dy !== 0) {
    const t = ((p[0] - x) * dx + (p[1] - y) * dy) / (dx * dx + dy * dy)
    if (t > 1) [x, y] = b
    else if (t > 0) [x, y] = [x + dx * t, y + dy * t]
  }
  dx = p[0] - x
  dy = p[1] - y
  return dx * dx + dy * dy
}

// Douglas–Peucker with an explicit stack (rings have tens of thousands of points).
export function simplifyLine(points, tol) {
  if (points.length <= 3) return points
  const keep = new Uint8Array(points.length)
  keep[0] = keep[points.length - 1] = 1
  const stack = [[0, points.length - 1]]
  const tol2 = tol * tol
  while (stack.length) {
    const [first, last] = stack.pop()
    let worst = -1
    let worstD = tol2
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance2(points[i], points[first], points[last])
      if (d > worstD) {
        worst = i
        worstD = d
      }
    }
    if (worst >= 0) {
      keep[worst] = 1
      stack.push([first, worst], [worst, last])
    }
  }
  return points.filter((_, i) => keep[i])
}

const round = (v) => Math.round(v * 1e4) / 1e4

function simplifyRing(ring) {
  const out = simplifyLine(ring, tolerance).map(([x, y]) => [round(x), round(y)])
  // A ring keeps at least a triangle: fall back to the original corners when it collapses.
  return out.length >= 4 ? out : ring.filter((_, i) => i % Math.ceil(ring.length / 4) === 0).concat([ring[0]])
}

const source = JSON.parse(readFileSync(input, 'utf8'))
let before = 0
let after = 0
const features = source.features.map((f) => {
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
  const simplified = polygons.map((poly) =>
    poly.map((ring) => {
      before += ring.length
      const r = simplifyRing(ring)
      after += r.length
      return r
    }),
  )
  return {
    type: 'Feature',
    properties: { name: f.properties.name, code: f.properties.code, city_name: f.properties.city_name },
    geometry: { type: 'MultiPolygon', coordinates: simplified },
  }
})
mkdirSync(dirname(output), { recursive: true })
writeFileSync(output, JSON.stringify({ type: 'FeatureCollection', features }))
console.log(`区划边界：${features.length} 个县级区划，${before} → ${after} 个坐标点，写入 ${output}`)
