#!/usr/bin/env bash
# bench/web: how fast every list page of the web app answers on the synthetic province (the
# store bench/law, bench/models and bench/api share: 25,887 clues, 1,587 review cases).
# Runs the browser spec tests/e2e/specs/90-list-timings.mjs against `zhijian serve` on that
# store: for each list page, the time from the click to the first table row in the page, by
# the browser's performance.now(), with the API requests' Resource Timing. Three passes; the
# report gives each page's median and the worst pass. Target: every list page < 300 ms.
# Baseline, same run: the same pages on the city fixture (tests/e2e), 1/10 of the data.
#
# Usage: bash bench/web/run.sh [workdir] [scale]   (make bench runs it)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
zj=$root/build/release/apps/zhijian/zhijian
work=${1:-$root/var/bench-law}
scale=${2:-province}
passes=${PASSES:-3}
mkdir -p "$work"
db=$work/$scale.db
url=sqlite://$db
echo "== bench/web  $(date -u +%Y-%m-%dT%H:%M:%SZ)  $(nproc) cores  scale=$scale"
source "$root/bench/synth_store.sh"
"$zj" --db "$url" init > /dev/null
if [ "$(sqlite3 "$db" 'SELECT COUNT(*) FROM clues')" = 0 ]; then
  (cd "$root" && "$zj" --db "$url" models run > /dev/null)
fi
"$zj" --db "$url" intake > /dev/null
out=$work/web
mkdir -p "$out"
for i in $(seq 1 "$passes"); do
  ZJ_E2E_STORE=$db ZJ_E2E_WORK=$out/e2e-$scale bash "$root/tests/e2e/run.sh" \
    --only 90-list-timings --shots "$out/shots-$scale" --timings "$out/$scale-$i.json" > /dev/null
  bash "$root/tests/e2e/run.sh" --only 90-list-timings --shots "$out/shots-city" \
    --timings "$out/city-$i.json" > /dev/null
done
node "$root/bench/web/report.mjs" "$out" "$scale" "$passes"
