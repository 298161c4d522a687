#!/usr/bin/env bash
# bench/law: persons judged per second by the law engine over the synthetic province.
#
# Builds the `province` scale store once (synth ~80 s + import ~3 min; kept in the work
# folder for later runs), then runs zj_bench_law: load every case from the store, judge
# all of them on one thread (best of 5), and the baseline in the same process — the SQL
# question (JX-START-01 start time and JX-INTV-01 interval of every commutation) on SQLite.
#
# Usage: bash bench/law/run.sh [workdir] [scale]   (make bench runs it)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$root/build/release
zj=$bin/apps/zhijian/zhijian
work=${1:-$root/var/bench-law}
scale=${2:-province}
mkdir -p "$work"
db=$work/$scale.db

echo "== bench/law  $(date -u +%Y-%m-%dT%H:%M:%SZ)  $(nproc) cores  scale=$scale"
source "$root/bench/synth_store.sh"
"$bin/bench/zj_bench_law" --db "sqlite://$db" --repeat 5
