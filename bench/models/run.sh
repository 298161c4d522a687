#!/usr/bin/env bash
# bench/models: all 25 supervision models over the synthetic province, and the SQL baseline
# (M02, M14, M21) on the same store. Shares the province store with bench/law (built once:
# synth ~80 s + import ~3 min). The M14 baseline needs SpatiaLite (installed here if missing)
# and a county table built from data/geo with ImportGeoJSON (invalid rings repaired with
# ST_Buffer(geom, 0)).
#
# Usage: bash bench/models/run.sh [workdir] [scale]   (make bench runs it)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$root/build/release
zj=$bin/apps/zhijian/zhijian
work=${1:-$root/var/bench-law}
scale=${2:-province}
mkdir -p "$work"
db=$work/$scale.db

echo "== bench/models  $(date -u +%Y-%m-%dT%H:%M:%SZ)  $(nproc) cores  scale=$scale"
if ! dpkg-query -W -f='${Status}' libsqlite3-mod-spatialite 2>/dev/null | grep -q 'ok installed'; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    libsqlite3-mod-spatialite > /dev/null
fi
source "$root/bench/synth_store.sh"
if [ ! -f "$work/geo.sqlite" ]; then
  SPATIALITE_SECURITY=relaxed sqlite3 "$work/geo.sqlite.tmp" ".load mod_spatialite" \
    "SELECT InitSpatialMetadata(1);" \
    "SELECT ImportGeoJSON('$root/data/geo/sichuan-counties.geojson', 'counties', 'geom', 0, 4326);" \
    "UPDATE counties SET geom = CastToMultiPolygon(ST_Buffer(geom, 0)) WHERE NOT ST_IsValid(geom);" \
    > /dev/null 2>&1
  mv "$work/geo.sqlite.tmp" "$work/geo.sqlite"
fi
"$bin/bench/zj_bench_models" --db "sqlite://$db" --data-dir "$root/data" \
  --baseline-dir "$root/bench/baseline" --repeat "${REPEAT:-3}" --threads "$(nproc)"
