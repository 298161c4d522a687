#!/usr/bin/env bash
# bench/api: the HTTP API under load on the synthetic province (the store bench/law and
# bench/models share). wrk drives 100 keep-alive connections for DURATION seconds at
#   1. the clue list   GET /api/clues?limit=50&offset=…   (scoped, filtered, counted)
#   2. a case detail   GET /api/cases/{id}                (audited: one write per read)
# and reports throughput, p50/p99 latency and errors (target p99 < 50 ms, no errors). Then
# 50 keep-alive connections are opened and left idle, and a new request is timed.
# Baseline, same run: the clue list's two SQL statements in the sqlite3 shell (.timer), the
# floor a server on this store cannot beat per request.
#
# Usage: bash bench/api/run.sh [workdir] [scale]   (make bench runs it)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
zj=$root/build/release/apps/zhijian/zhijian
work=${1:-$root/var/bench-law}
scale=${2:-province}
duration=${DURATION:-20}
mkdir -p "$work"
db=$work/$scale.db
url=sqlite://$db

for p in wrk curl; do
  command -v $p > /dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends $p > /dev/null
done
echo "== bench/api  $(date -u +%Y-%m-%dT%H:%M:%SZ)  $(nproc) cores  scale=$scale"
source "$root/bench/synth_store.sh"
"$zj" --db "$url" init > /dev/null
if [ "$(sqlite3 "$db" 'SELECT COUNT(*) FROM clues')" = 0 ]; then
  "$zj" --db "$url" models run > /dev/null
fi
"$zj" --db "$url" intake
pass1='Zj-Start-2026x'
pass2='Zj-Load-2026yy'
if [ "$(sqlite3 "$db" "SELECT COUNT(*) FROM users WHERE username = 'bench'")" = 0 ]; then
  echo "$pass1" | "$zj" --db "$url" users add --username bench --name 压测 --org 510000-PROC \
    --role prosecutor --password-stdin > /dev/null
else
  echo "$pass1" | "$zj" --db "$url" users passwd bench --password-stdin > /dev/null
fi

port=$(( 20000 + RANDOM % 20000 ))
"$zj" --db "$url" serve --port $port --threads 256 > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2> /dev/null; wait $server 2> /dev/null || true' EXIT
for i in $(seq 1 100); do
  curl -s -o /dev/null "http://127.0.0.1:$port/api/auth/me" && break
  sleep 0.2
done
base=http://127.0.0.1:$port
jar=$work/bench.cookies
login() {
  curl -s -c "$jar" -H 'Content-Type: application/json' \
    -d "{\"username\":\"bench\",\"password\":\"$1\"}" "$base/api/auth/login" > /dev/null
}
login "$pass1"
csrf=$(awk '$6 == "zj_csrf" {print $7}' "$jar")
curl -s -b "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d "{\"current_password\":\"$pass1\",\"new_password\":\"$pass2\"}" "$base/api/auth/password" \
  > /dev/null
login "$pass2"
cookie="zj_session=$(awk '$6 == "zj_session" {print $7}' "$jar")"

clues=$(sqlite3 "$db" 'SELECT COUNT(*) FROM clues')
cases=$(sqlite3 "$db" 'SELECT COUNT(*) FROM cases')
case_id=$(sqlite3 "$db" 'SELECT MIN(case_id) FROM cases')
echo "store: $clues clues, $cases cases; server threads 256; wrk 2 threads, 100 connections, ${duration}s"

# wrk script: rotate the clue list over 20 pages, so the answer is not one cached page.
cat > "$work/pages.lua" <<LUA
local i = 0
request = function()
  i = (i + 1) % 20
  return wrk.format("GET", "/api/clues?limit=50&offset=" .. (i * 50), {["Cookie"] = "$cookie"})
end
LUA
summary() {  # wrk --latency output → one line
  awk -v what="$1" '
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
    /Non-2xx/ {non2xx=$NF}
    /Socket errors/ {sock=$0}
    END {printf "%-28s %10s req/s   p50 %8s   p99 %8s   non-2xx %s   %s\n", what, rps, p50, p99,
         (non2xx == "" ? 0 : non2xx), (sock == "" ? "socket errors 0" : sock)}'
}
wrk -t2 -c100 -d"${duration}s" --latency -s "$work/pages.lua" "$base" | tee "$work/wrk-clues.txt" \
  | summary "clue list (50 per page)"
wrk -t2 -c100 -d"${duration}s" --latency -H "Cookie: $cookie" "$base/api/cases/$case_id" \
  | tee "$work/wrk-case.txt" | summary "case detail (audited read)"

wrk -t1 -c1 -d5s --latency -s "$work/pages.lua" "$base" | summary "clue list, one connection"

# 50 idle keep-alive connections, then a new request.
for i in $(seq 1 50); do
  exec {fd}<>"/dev/tcp/127.0.0.1/$port"
  printf 'GET /api/auth/me HTTP/1.1\r\nHost: x\r\nCookie: %s\r\n\r\n' "$cookie" >&$fd
done
sleep 0.5
t=$(curl -s -o /dev/null -w '%{time_total}' -b "$jar" "$base/api/clues?limit=50")
echo "with 50 idle keep-alive connections open: a new clue-list request took ${t}s"

# Baseline: the same two statements (a page and the count) in the sqlite3 shell, 200 times in
# one process, per request; best of 3.
sql="SELECT c.clue_no, c.model, c.key, c.person_id, c.org_id, c.severity, c.title, c.summary,
  c.facts, c.basis, c.window, c.status, c.first_run, c.last_run, c.resolved_run, c.created_at,
  c.updated_at, t.state, t.assignee_id, t.version, t.case_id, p.name FROM clues c LEFT JOIN
  clue_triage t ON t.clue_no = c.clue_no LEFT JOIN persons p ON p.person_id = c.person_id
  ORDER BY c.model, c.clue_no LIMIT 50 OFFSET 500;
  SELECT count(*) FROM clues c;"
for i in $(seq 1 200); do echo "$sql"; done > "$work/baseline.sql"
best=""
for i in 1 2 3; do
  t0=$(date +%s%N)
  sqlite3 "$db" < "$work/baseline.sql" > /dev/null
  t1=$(date +%s%N)
  ms=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", (b - a) / 1e6 / 200}')
  if [ -z "$best" ] || awk "BEGIN {exit !($ms < $best)}"; then best=$ms; fi
done
echo "baseline: the clue list's two statements in the sqlite3 shell: ${best} ms per page (one client)"
