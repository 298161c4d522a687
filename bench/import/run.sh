#!/usr/bin/env bash
# bench/import: import throughput and peak memory.
#
#  1. The synthetic province at `city` scale: rows per second for every table
#     (from the importer's own per-table timings) and the whole import's peak RSS.
#  2. Positions alone at two file sizes (5 M and 20 M rows): rows per second and
#     peak RSS, to show memory does not grow with the file.
#  3. Baseline, same run, same machine: the sqlite3 shell's `.import` of the same
#     20 M positions as plain CSV into an unvalidated table with the same key — the
#     "load it with SQL" way. We report our rate as a ratio of it.
#
# Usage: bash bench/import/run.sh [workdir]   (make bench runs it)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$root/build/release
zj=$bin/apps/zhijian/zhijian
gen=$bin/bench/zj_bench_positions_batch
work=${1:-$root/var/bench-import}
rm -rf "$work"; mkdir -p "$work"

peak_kb() { grep 'Maximum resident' "$1" | awk '{print $6}'; }
wall_s() { grep 'Elapsed (wall' "$1" | awk '{print $8}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }'; }

echo "== bench/import  $(date -u +%Y-%m-%dT%H:%M:%SZ)  $(nproc) cores"

echo "-- 1. city scale, every table"
"$zj" synth --scale city --seed 7 --out "$work/city" > /dev/null
"$zj" --db "sqlite://$work/city.db" init > /dev/null
/usr/bin/time -v -o "$work/city.time" "$zj" --db "sqlite://$work/city.db" import "$work/city/batch" \
  > "$work/city.out" 2> /dev/null
printf "%-22s %12s %10s %14s\n" table rows seconds rows/s
awk '/^[a-z_]+ +[0-9]+ / { if ($8 > 0) printf "%-22s %12d %10.2f %14.0f\n", $1, $2, $8, $2/$8;
                            else printf "%-22s %12d %10.2f %14s\n", $1, $2, $8, "-" }' "$work/city.out"
echo "whole import: $(wall_s "$work/city.time") s wall, peak RSS $(( $(peak_kb "$work/city.time") / 1024 )) MiB"

echo "-- 2. positions alone, two file sizes"
for rows in 5000000 20000000; do
  "$gen" --rows $rows --subjects $((rows / 4320 + 1)) --out "$work/pos$rows/batch" \
    $( [ $rows = 20000000 ] && echo --plain ) > /dev/null
  "$zj" --db "sqlite://$work/pos$rows.db" init > /dev/null
  /usr/bin/time -v -o "$work/pos$rows.time" "$zj" --db "sqlite://$work/pos$rows.db" import \
    "$work/pos$rows/batch" > "$work/pos$rows.out" 2> /dev/null
  secs=$(awk '$1=="positions" {print $8}' "$work/pos$rows.out")
  gz=$(stat -c %s "$work/pos$rows/batch/positions.csv.gz")
  printf "positions %9d rows (%4d MiB gz): %6.2f s  %10.0f rows/s  peak RSS %5d MiB\n" \
    $rows $((gz / 1048576)) "$secs" "$(echo "$rows / $secs" | bc -l)" $(( $(peak_kb "$work/pos$rows.time") / 1024 ))
done
ours=$(wall_s "$work/pos20000000.time")  # whole command: start, validate, write, commit

echo "-- 3. baseline: sqlite3 .import of the same 20 M positions (plain CSV, no validation)"
rm -f "$work/baseline.db"
sqlite3 "$work/baseline.db" "PRAGMA journal_mode=WAL;" \
  "CREATE TABLE positions (correction_id TEXT NOT NULL, ts INTEGER NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL, source TEXT, PRIMARY KEY (correction_id, ts)) WITHOUT ROWID;" > /dev/null
/usr/bin/time -v -o "$work/baseline.time" sqlite3 "$work/baseline.db" \
  ".import --csv --skip 1 $work/pos20000000/positions-plain.csv positions" 2> /dev/null || true
base=$(wall_s "$work/baseline.time")
printf "baseline: %.2f s  %.0f rows/s  peak RSS %d MiB\n" "$base" "$(echo "20000000 / $base" | bc -l)" \
  $(( $(peak_kb "$work/baseline.time") / 1024 ))
printf "zhijian import, whole command: %.2f s\n" "$ours"
printf "ratio (zhijian rows/s ÷ sqlite3 .import rows/s, whole commands): %.2f×\n" "$(echo "$base / $ours" | bc -l)"
