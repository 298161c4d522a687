# The README's commands. Every target installs what it needs (Debian 12, as root).
#   make demo   build, generate the demo province, import it, judge it, run every model,
#               accept pending proposals as review cases, create the demo account
#   make test   build and run every test
#   make bench  run the benchmarks (bench/README.md)

SHELL := /bin/bash
BUILD := build/release
ZJ := $(BUILD)/apps/zhijian/zhijian
DEMO_DIR ?= var/demo
DEMO_SCALE ?= city
DEMO_SEED ?= 20251
DEMO_PASSWORD ?= Zhijian-Yanshi-2026
JOBS ?= $(shell nproc)

APT_PACKAGES := g++ cmake ninja-build pkg-config make git ca-certificates \
  libsqlite3-dev zlib1g-dev libssl-dev libarchive-dev nlohmann-json3-dev libcli11-dev \
  libspdlog-dev libgtest-dev libgmock-dev libtomlplusplus-dev libbenchmark-dev \
  libcpp-httplib-dev libsodium-dev libxlsxwriter-dev libqrencode-dev libxml2-dev \
  sqlite3 time gzip tar zip

.PHONY: deps test-deps build demo test bench clean

# Only the tests need these: LibreOffice converts generated DOCX to PDF, pdftotext reads it
# back, zbarimg scans the printed 文书核验码.
TEST_PACKAGES := libreoffice-writer-nogui poppler-utils fonts-noto-cjk zbar-tools

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

demo: build
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
	@echo "启动服务：$(ZJ) --db sqlite://$(DEMO_DIR)/zhijian.db serve --port 8080"
	@echo "演示账号：demo，初始密码：$(DEMO_PASSWORD)（首次登录须修改密码）"

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

test: build test-deps
	cd $(BUILD) && ctest --output-on-failure -j 2 --timeout 900

bench: build
	bash bench/import/run.sh
	bash bench/law/run.sh
	bash bench/models/run.sh
	bash bench/api/run.sh

clean:
	rm -rf build var
