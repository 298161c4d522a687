// zhijian: the one binary of the platform. Subcommands wire the libraries together;
// no logic of their own beyond argument handling and printing.

#include <toml++/toml.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "domain/exchange_docs.h"
#include "ingest/importer.h"
#include "storage/exchange_store.h"
#include "storage/migrations.h"
#include "storage/schema_sql.h"
#include "synth/synth.h"

namespace {

using zj::Status;

constexpr const char* kDefaultDb = "sqlite://var/zhijian.db";

// Exit codes: 0 success, 1 input rejected, 2 system failure.
int Fail(const Status& s) {
  std::cerr << "错误：" << s.message() << "\n";
  return 2;
}

// defaults < zhijian.toml < ZJ_* environment < flags (DESIGN.md §3).
std::string ResolveDbUrl(const std::string& flag, const std::string& config_path) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("ZJ_DB_URL"); env && *env) return env;
  std::error_code ec;
  if (std::filesystem::exists(config_path, ec)) {
    try {
      toml::table cfg = toml::parse_file(config_path);
      if (auto url = cfg["db"]["url"].value<std::string>()) return *url;
    } catch (const toml::parse_error& e) {
      std::cerr << "配置文件 " << config_path << " 格式错误：" << e.description() << "\n";
      std::exit(2);
    }
  }
  return kDefaultDb;
}

zj::Result<std::unique_ptr<zj::storage::Database>> OpenStore(const std::string& url, bool migrate) {
  ZJ_ASSIGN_OR_RETURN(auto db, zj::storage::Database::Open(url));
  if (migrate) {
    ZJ_ASSIGN_OR_RETURN(int version, zj::storage::Migrate(*db));
    (void)version;
  } else {
    ZJ_ASSIGN_OR_RETURN(int version, zj::storage::SchemaVersion(*db));
    if (version == 0) {
      return zj::FailedPrecondition("数据库尚未初始化，请先运行 zhijian init（" + url + "）");
    }
    ZJ_ASSIGN_OR_RETURN(version, zj::storage::Migrate(*db));
  }
  return db;
}

int CmdInit(const std::string& url) {
  auto db = OpenStore(url, true);
  if (!db.ok()) return Fail(db.status());
  auto v = zj::storage::SchemaVersion(**db);
  std::cout << "数据库已就绪：" << url << "（结构版本 " << (v.ok() ? *v : 0) << "）\n";
  return 0;
}

int CmdImport(const std::string& url, const std::string& batch, bool quarantine,
              const std::string& report_path) {
  auto db = OpenStore(url, false);
  if (!db.ok()) return Fail(db.status());
  zj::ingest::ImportOptions options;
  options.quarantine = quarantine;
  options.progress = [](const std::string& table, int64_t rows) {
    std::cerr << "导入 " << table << "：已读取 " << rows << " 行\n";
  };
  auto report = zj::ingest::ImportBatch(**db, batch, options);
  if (!report.ok()) return Fail(report.status());
  std::cout << report->ToChinese();
  if (!report_path.empty()) {
    std::ofstream out(report_path);
    out << report->ToJson() << "\n";
  }
  return report->outcome == zj::ingest::ImportOutcome::kRejected ? 1 : 0;
}

int CmdStatus(const std::string& url, bool checksum) {
  auto db = OpenStore(url, false);
  if (!db.ok()) return Fail(db.status());
  auto counts = zj::storage::TableRowCounts(**db);
  if (!counts.ok()) return Fail(counts.status());
  std::cout << "数据库：" << url << "\n数据表                     行数\n";
  int64_t total = 0;
  for (const auto& [table, n] : *counts) {
    std::printf("%-22s %12lld\n", table.c_str(), static_cast<long long>(n));
    total += n;
  }
  std::printf("%-22s %12lld\n", "合计", static_cast<long long>(total));
  auto q = (*db)->Prepare(
      "SELECT batch_no, batch_id, source_org_id, exported_at, applied_at, mode, "
      "json_extract(report, '$.quarantined') FROM batches ORDER BY batch_no");
  if (!q.ok()) return Fail(q.status());
  std::cout << "\n已导入的数据包：\n";
  int n = 0;
  while (true) {
    auto row = (*q)->Step();
    if (!row.ok()) return Fail(row.status());
    if (!*row) break;
    ++n;
    std::cout << "  #" << (*q)->ColumnInt(0) << "  " << (*q)->ColumnText(1) << "  来源 "
              << (*q)->ColumnText(2) << "  导出 " << zj::FormatTimestamp((*q)->ColumnInt(3))
              << "  导入 " << zj::FormatTimestamp((*q)->ColumnInt(4)) << "  "
              << ((*q)->ColumnText(5) == "quarantine" ? "隔离模式" : "严格模式");
    if (!(*q)->IsNull(6) && (*q)->ColumnInt(6) > 0)
      std::cout << "  隔离 " << (*q)->ColumnInt(6) << " 行";
    std::cout << "\n";
  }
  if (n == 0) std::cout << "  （无）\n";
  if (checksum) {
    auto sum = zj::storage::StoreChecksum(**db);
    if (!sum.ok()) return Fail(sum.status());
    std::cout << "\n校验值（SHA-256，全部数据）：" << *sum << "\n";
  }
  return 0;
}

int CmdSynth(const std::string& scale_name, uint64_t seed, const std::string& out, double rate,
             const std::string& geo_dir) {
  auto scale = zj::synth::ParseScale(scale_name);
  if (!scale.ok()) return Fail(scale.status());
  zj::synth::Options o;
  o.scale = *scale;
  o.seed = seed;
  o.out_dir = out;
  o.violation_rate = rate;
  o.geo_dir = geo_dir;
  auto report = zj::synth::Generate(o);
  if (!report.ok()) return Fail(report.status());
  std::cout << "已生成模拟数据包：" << report->batch_dir << "\n截止时间（as-of）：" << report->as_of
            << "\n数据表                     行数\n";
  for (const auto& [table, rows] : report->rows) {
    std::printf("%-22s %12lld\n", table.c_str(), static_cast<long long>(rows));
  }
  int64_t labels = 0;
  for (const auto& [model, n] : report->labels) labels += n;
  std::cout << "预置违法线索 " << labels << " 条，见 " << report->labels_path << "\n";
  return 0;
}

std::string DefaultGeoDir(const char* argv0) {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("ZJ_DATA_DIR"); env && *env) return std::string(env) + "/geo";
  std::error_code ec;
  fs::path exe = fs::canonical("/proc/self/exe", ec);
  for (fs::path p = exe.parent_path(); !p.empty() && p != p.root_path(); p = p.parent_path()) {
    if (fs::exists(p / "data/geo/sichuan-counties.geojson", ec)) return (p / "data/geo").string();
  }
  return "data/geo";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"zhijian（执检）刑事执行检察监督平台 / criminal-execution supervision platform"};
  app.require_subcommand(1);
  std::string db_flag, config_path = "zhijian.toml";
  app.add_option("--db", db_flag,
                 "数据库地址，如 sqlite://var/zhijian.db / store URL (env ZJ_DB_URL)");
  app.add_option("--config", config_path, "配置文件 / configuration file")->capture_default_str();

  auto* init =
      app.add_subcommand("init", "初始化数据库（建表、迁移）/ create or migrate the store");

  std::string batch, report_path;
  bool quarantine = false;
  auto* import = app.add_subcommand("import", "导入数据包 / import an exchange batch");
  import->add_option("batch", batch, "数据包目录或 .tar/.tar.gz/.zip / batch folder or archive")
      ->required();
  import->add_flag("--quarantine", quarantine,
                   "隔离模式：合格行导入，问题行存入隔离区 / keep bad rows aside, apply the rest");
  import->add_option("--report", report_path,
                     "把导入报告写成 JSON 文件 / write the report as JSON");

  bool checksum = false;
  auto* status = app.add_subcommand("status", "查看数据库概况 / row counts and batches applied");
  status->add_flag("--checksum", checksum, "计算全库校验值 / checksum of the whole store");

  std::string scale = "tiny", out, geo_dir;
  uint64_t seed = 1;
  double rate = 0.02;
  auto* synth = app.add_subcommand("synth", "生成模拟省份数据包 / generate a synthetic province");
  synth->add_option("--scale", scale, "规模 tiny | city | province / scale")->capture_default_str();
  synth->add_option("--seed", seed, "随机种子 / seed")->capture_default_str();
  synth->add_option("--out", out, "输出目录 / output folder")->required();
  synth->add_option("--rate", rate, "预置违法比例 / planted-violation rate")->capture_default_str();
  synth->add_option("--geo", geo_dir, "区划边界目录 / folder with the county boundaries");

  auto* schema = app.add_subcommand("schema", "输出数据表结构 / print the table schema");
  auto* schema_sql = schema->add_subcommand("sql", "建表 SQL / CREATE statements");
  auto* schema_docs = schema->add_subcommand("docs", "数据表参考文档 / table reference (Markdown)");
  schema->require_subcommand(1);

  CLI11_PARSE(app, argc, argv);
  std::signal(SIGPIPE, SIG_IGN);
  const std::string url = ResolveDbUrl(db_flag, config_path);
  try {
    if (*init) return CmdInit(url);
    if (*import) return CmdImport(url, batch, quarantine, report_path);
    if (*status) return CmdStatus(url, checksum);
    if (*synth)
      return CmdSynth(scale, seed, out, rate, geo_dir.empty() ? DefaultGeoDir(argv[0]) : geo_dir);
    if (*schema_sql) {
      std::cout << zj::storage::ExchangeSchemaSql();
      return 0;
    }
    if (*schema_docs) {
      std::cout << zj::domain::ExchangeTablesMarkdown();
      return 0;
    }
  } catch (const std::exception& e) {
    std::cerr << "内部错误：" << e.what() << "\n";
    return 2;
  }
  return 0;
}
