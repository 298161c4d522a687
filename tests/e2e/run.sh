#!/usr/bin/env bash
# The browser tests (make test runs this after ctest; tests/e2e/README.md):
#   1. the fixture: the synthetic city (seed 20251) imported, judged, every model run and the
#      pending proposals accepted — built once into build/e2e/pristine, rebuilt when the
#      zhijian binary is newer; each run works on a fresh copy;
#   2. users for every role, passwords set (demo keeps its first-login password);
#   3. `zhijian serve --web web/dist` on a free port, then tests/e2e/run.mjs.
# Usage: bash tests/e2e/run.sh [--only NAME ...]   (extra arguments go to run.mjs)
# ZJ_E2E_STORE=path runs against an existing store in place instead of the fixture (bench/web:
# the province); users are added when missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
zj=${ZJ_BIN:-$root/build/release/apps/zhijian/zhijian}
web=${ZJ_WEB_DIST:-$root/web/dist}
work=${ZJ_E2E_WORK:-$root/build/e2e}
pass=Zj-E2e-Pass-2026
init_pass=Zj-Init-Pass-2026
mkdir -p "$work"

if [ -z "${ZJ_E2E_STORE:-}" ] && { [ ! -f "$work/pristine/store.db" ] || [ "$zj" -nt "$work/pristine/store.db" ]; }; then
  echo "== 浏览器测试：生成测试数据（模拟城市，约 1 分钟）"
  rm -rf "$work/pristine" "$work/batches"
  mkdir -p "$work/pristine"
  (cd "$root" && "$zj" synth --scale city --seed 20251 --out "$work/pristine/synth" >/dev/null)
  db=sqlite://$work/pristine/store.db
  "$zj" --db "$db" init >/dev/null
  "$zj" --db "$db" import "$work/pristine/synth/batch" >"$work/pristine/import.log" 2>&1
  (cd "$root" && "$zj" --db "$db" models run >"$work/pristine/models.log")
  "$zj" --db "$db" intake >"$work/pristine/intake.log"
  node "$root/tests/e2e/make-batches.mjs" "$work/pristine/synth/batch" "$work/batches"
  (cd "$work/batches/good" && rm -f ../good.zip && zip -qr ../good.zip .)
  (cd "$work/batches/bad" && rm -f ../bad.zip && zip -qr ../bad.zip .)
  rm -rf "$work/pristine/synth/batch/positions.csv.gz"
fi

run=$work/run
rm -rf "$run" && mkdir -p "$run"
if [ -n "${ZJ_E2E_STORE:-}" ]; then
  db=sqlite://$ZJ_E2E_STORE
else
  cp "$work/pristine/store.db" "$run/store.db"
  cp -r "$work/pristine/store.db.files" "$run/store.db.files" 2>/dev/null || true
  db=sqlite://$run/store.db
fi

add_user() {  # username role org name — an existing user is kept as it is
  echo "$init_pass" | "$zj" --db "$db" users add --username "$1" --role "$2" --org "$3" \
    --name "$4" --password-stdin >/dev/null 2>&1 || true
}
add_user prov dept_head 510000-PROC 省院执检部负责人
add_user leader leader 510000-PROC 省院分管领导
add_user county prosecutor 510104-PROC 锦江区院检察官
add_user county2 prosecutor 510105-PROC 青羊区院检察官
add_user resident resident 510000-PRISON-01-RO 驻成都监狱检察官
add_user admin admin 510000-PROC 系统管理员
add_user demo dept_head 510000-PROC 演示用户

port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
url=http://127.0.0.1:$port
(cd "$root" && exec "$zj" --db "$db" serve --port "$port" --web "$web" >"$run/serve.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "$url/" >/dev/null && break; sleep 0.1; done

# Every user but demo sets the e2e password through the API (the first-login change).
for u in prov leader county county2 resident admin; do
  jar=$run/$u.cookies
  curl -sf -c "$jar" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$u\",\"password\":\"$init_pass\"}" "$url/api/auth/login" >/dev/null \
    || continue  # already set (an existing store)
  csrf=$(awk '$6=="zj_csrf"{print $7}' "$jar")
  curl -sf -b "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    -d "{\"current_password\":\"$init_pass\",\"new_password\":\"$pass\"}" "$url/api/auth/password" >/dev/null
done

cat >"$run/fixture.json" <<JSON
{"initial_password": "$init_pass", "upload_good": "$work/batches/good.zip",
 "upload_bad": "$work/batches/bad.zip", "store": "${db#sqlite://}"}
JSON
node "$root/tests/e2e/run.mjs" --url "$url" --password "$pass" --fixture "$run/fixture.json" "$@"
