# The README's commands. Every target installs what it needs (Debian 12, as root).
#   make demo   build, generate the demo province, import it, judge it, run every model,
#               accept pending proposals as review cases, create the demo account, build the
#               web app and serve it (the last step runs the server until Ctrl-C)
#   make test   build and run every test: C++ (ctest), web unit tests (Vitest), browser (e2e)
#   make bench  run the benchmarks (bench/README.md)

SHELL := /bin/bash
BUILD := build/release
ZJ := $(BUILD)/apps/zhijian/zhijian
DEMO_DIR ?= var/demo
DEMO_SCALE ?= city
DEMO_SEED ?= 20251
DEMO_PASSWORD ?= Zhijian-Yanshi-2026
DEMO_HOST ?= 127.0.0.1
DEMO_PORT ?= 8080
JOBS ?= $(shell nproc)

APT_PACKAGES := g++ cmake ninja-build pkg-config make git ca-certificates \
  libsqlite3-dev zlib1g-dev libssl-dev libarchive-dev nlohmann-json3-dev libcli11-dev \
  libspdlog-dev libgtest-dev libgmock-dev libtomlplusplus-dev libbenchmark-dev \
  libcpp-httplib-dev libsodium-dev libxlsxwriter-dev libqrencode-dev libxml2-dev \
  sqlite3 time gzip tar zip

.PHONY: deps test-deps build web demo test bench clean

# Only the tests need these: LibreOffice converts generated DOCX to PDF, pdftotext reads it
# back, zbarimg scans the printed 文书核验码; the browser tests drive Debian's Chromium.
TEST_PACKAGES := libreoffice-writer-nogui poppler-utils fonts-noto-cjk zbar-tools chromium

deps: build/.deps-ok
build/.deps-ok: Makefile
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
	  | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "安装缺少的软件包: $$missing"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@mkdir -p build && touch $@

build: deps
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

# The web app (web/): npm packages from the registry as package-lock.json pins them, then
# Vite builds web/dist. Node.js >= 20.19 is needed (Vite 8); Debian 12's own nodejs is 18.
WEB_SOURCES := $(shell find web/src web/public web/scripts -type f 2>/dev/null) web/index.html \
  web/vite.config.ts web/tsconfig.json data/geo/sichuan-counties.geojson
web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	@node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a==20&&b>=19)?0:1)' \
	  || { echo "需要 Node.js 20.19 或更高版本（当前：$$(node --version 2>/dev/null || echo 未安装)）"; exit 1; }
	cd web && npm ci --no-audit --no-fund
web/dist/index.html: web/node_modules/.package-lock.json $(WEB_SOURCES)
	cd web && npm run build
web: web/dist/index.html

demo: build web
	rm -rf $(DEMO_DIR)
	$(ZJ) synth --scale $(DEMO_SCALE) --seed $(DEMO_SEED) --out $(DEMO_DIR)/synth
	$(ZJ) --db sqlite://$(DEMO_DIR)/zhijian.db init
	$(ZJ) --db sqlite://$(DEMO_DIR)/zhijian.db import $(DEMO_DIR)/synth/batch
	$(ZJ) --db sqlite://$(DEMO_DIR)/zhijian.db status
	@# The law engine over every sentence: exit 1 means "found something", which a demo expects.
	$(ZJ) --db sqlite://$(DEMO_DIR)/zhijian.db law scan --verdict violation \
	  > $(DEMO_DIR)/law-scan.txt; test $$? -le 1
	@echo "违法事项清单：$(DEMO_DIR)/law-scan.txt；第一人的执行经过："
	$(ZJ) --db sqlite://$(DEMO_DIR)/zhijian.db law explain \
	  --person $$(head -n 1 $(DEMO_DIR)/law-scan.txt | cut -d ' ' -f 1)
	@echo "运行全部 25 个监督模型（线索写入 $(DEMO_DIR)/findings.jsonl，并作为线索保存在库中）："
	$(ZJ) --db sqlite://$(DEMO_DIR)/zhijian.db models run --out $(DEMO_DIR)/findings.jsonl
	@echo "受理待审查的减刑、假释、暂予监外执行提请："
	$(ZJ) --db sqlite://$(DEMO_DIR)/zhijian.db intake
	@echo "$(DEMO_PASSWORD)" | $(ZJ) --db sqlite://$(DEMO_DIR)/zhijian.db users add \
	  --username demo --name 演示用户 --org 510000-PROC --role dept_head --password-stdin
	@echo "================================================================"
	@echo "执检平台已启动：http://$(DEMO_HOST):$(DEMO_PORT)/"
	@echo "演示账号：demo，初始密码：$(DEMO_PASSWORD)（首次登录须修改密码）"
	@echo "按 Ctrl-C 停止服务；以后再启动：$(ZJ) --db sqlite://$(DEMO_DIR)/zhijian.db serve --port $(DEMO_PORT) --web web/dist"
	@echo "================================================================"
	$(ZJ) --db sqlite://$(DEMO_DIR)/zhijian.db serve --host $(DEMO_HOST) --port $(DEMO_PORT) --web web/dist

test-deps: build/.test-deps-ok
build/.test-deps-ok: Makefile
	@missing=$$(for p in $(TEST_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
	  | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "安装测试所需的软件包: $$missing"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@mkdir -p build && touch $@

test: build test-deps web
	cd $(BUILD) && ctest --output-on-failure -j 2 --timeout 900
	cd web && npx vitest run
	bash tests/e2e/run.sh

bench: build web test-deps
	bash bench/import/run.sh
	bash bench/law/run.sh
	bash bench/models/run.sh
	bash bench/api/run.sh
	bash bench/web/run.sh

clean:
	rm -rf build var web/dist
