// zhijian: the one binary of the platform. Subcommands wire the libraries together;
// no logic of their own beyond argument handling and printing.

#include <toml++/toml.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "apps/zhijian/admin_cmd.h"
#include "apps/zhijian/serve_cmd.h"
#include "apps/zhijian/models_cmd.h"
#include "domain/exchange_docs.h"
#include "ingest/importer.h"
#include "law/case_json.h"
#include "law/explain.h"
#include "law/judge.h"
#include "law/rules_doc.h"
#include "models/law_cases.h"
#include "storage/exchange_store.h"
#include "storage/migrations.h"
#include "storage/schema_sql.h"
#include "synth/synth.h"

namespace {

using zj::Status;

constexpr const char* kDefaultDb = "sqlite://var/zhijian.db";

// Exit codes: 0 success; 1 input rejected (import), findings or expectations not met (law);
// 2 bad arguments, bad input files or system failure.
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

// ---- zhijian law … ----------------------------------------------------------------------

// --as-of, or the newest export in the store (spec/MODELS.md: never the wall clock).
zj::Result<zj::Date> ResolveAsOf(zj::storage::Database& db, const std::string& text) {
  if (text.empty()) return zj::models::DefaultAsOf(db);
  std::optional<zj::Date> d = zj::Date::Parse(text);
  if (!d) return zj::InvalidArgument("--as-of 应为 YYYY-MM-DD 格式的日期：" + text);
  return *d;
}

std::string Join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const std::string& x : items) out += (out.empty() ? "" : std::string(sep)) + x;
  return out;
}

int CmdLawExplain(const std::string& url, const std::string& person, const std::string& as_of_text,
                  bool json) {
  auto db = OpenStore(url, false);
  if (!db.ok()) return Fail(db.status());
  auto as_of = ResolveAsOf(**db, as_of_text);
  if (!as_of.ok()) return Fail(as_of.status());
  auto cases = zj::models::LoadPersonCases(**db, person, *as_of);
  if (!cases.ok()) return Fail(cases.status());
  if (json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const zj::law::Case& c : *cases) out.push_back(zj::law::ToJson(c, zj::law::Judge(c)));
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  if (cases->empty()) {
    std::cout << "人员 " << person << " 没有生效判决记录（数据截止 " << as_of->ToString() << "）\n";
    return 0;
  }
  for (size_t i = 0; i < cases->size(); ++i) {
    const zj::law::Case& c = (*cases)[i];
    std::cout << (i ? "\n" : "") << "人员 " << person << " 判决 " << c.sentence.id;
    if (cases->size() > 1) std::cout << "（" << i + 1 << "/" << cases->size() << "）";
    std::cout << "，数据截止 " << as_of->ToString() << "\n"
              << zj::law::Timeline(c, zj::law::Judge(c));
  }
  return 0;
}

int CmdLawCheck(const std::string& path, bool json) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(zj::IoError("无法读取案例文件 " + path));
  std::stringstream text;
  text << in.rdbuf();
  auto file = zj::law::ParseCaseFile(text.str(), path);
  if (!file.ok()) return Fail(file.status());
  int mismatched = 0, expected = 0;
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (size_t i = 0; i < file->cases.size(); ++i) {
    const zj::law::CaseSpec& spec = file->cases[i];
    const zj::law::Judgment j = zj::law::Judge(spec.facts, spec.options);
    const std::vector<std::string> problems = zj::law::CheckExpectation(spec, j);
    if (spec.expect) ++expected;
    if (!problems.empty()) ++mismatched;
    if (json) {
      nlohmann::ordered_json item;
      item["name"] = spec.name;
      item["judgment"] = zj::law::ToJson(spec.facts, j);
      if (spec.expect) item["mismatches"] = problems;
      out.push_back(std::move(item));
      continue;
    }
    std::cout << (i ? "\n" : "") << "案例 " << i + 1;
    if (!spec.name.empty()) std::cout << "「" << spec.name << "」";
    std::cout << "\n" << zj::law::Timeline(spec.facts, j);
    if (spec.expect) {
      if (problems.empty()) {
        std::cout << "✓ 与预期一致\n";
      } else {
        std::cout << "✗ 与预期不符：\n";
        for (const std::string& p : problems) std::cout << "    " << p << "\n";
      }
    }
  }
  if (json) {
    std::cout << out.dump(2) << "\n";
  } else {
    std::cout << "\n共 " << file->cases.size() << " 个案例";
    if (expected)
      std::cout << "，其中 " << expected << " 个写明预期，" << mismatched << " 个与预期不符";
    std::cout << "\n";
  }
  return mismatched ? 1 : 0;
}

struct LawScanOptions {
  std::string as_of;
  std::string verdict;       // "" = both
  int eligible_within = -1;  // ≥ 0: the 应报未报 list instead of the findings; -1 unset
  bool json = false;
};

// One subject (the sentence or one change) that is not lawful.
struct ScanItem {
  const zj::law::Case* c;
  const zj::law::Change* change;  // null: the sentence
  zj::law::Verdict verdict;
  const std::vector<zj::law::Finding>* findings;
};

std::vector<std::string> RulesOf(const std::vector<zj::law::Finding>& findings) {
  std::vector<std::string> rules;
  for (const zj::law::Finding& f : findings) {
    if (f.severity == zj::law::Severity::kInfo) continue;
    if (std::find(rules.begin(), rules.end(), f.rule) == rules.end()) rules.emplace_back(f.rule);
  }
  return rules;
}

std::vector<std::string> SummaryOf(const std::vector<zj::law::Finding>& findings) {
  std::vector<std::string> out;
  for (const zj::law::Finding& f : findings) {
    if (f.severity != zj::law::Severity::kInfo) out.push_back(zj::law::Explain(f));
  }
  return out;
}

int CmdLawScan(const std::string& url, const LawScanOptions& o) {
  using zj::law::Verdict;
  if (o.eligible_within < -1) {
    return Fail(zj::InvalidArgument("--eligible-within 应为不小于 0 的天数"));
  }
  if (!o.verdict.empty() && o.verdict != "violation" && o.verdict != "needs_review") {
    return Fail(zj::InvalidArgument(
        "--verdict 应为 violation（违法）或 needs_review（需人工审查）：" + o.verdict));
  }
  auto db = OpenStore(url, false);
  if (!db.ok()) return Fail(db.status());
  auto as_of = ResolveAsOf(**db, o.as_of);
  if (!as_of.ok()) return Fail(as_of.status());
  const auto started = std::chrono::steady_clock::now();
  const bool eligible_mode = o.eligible_within >= 0;
  const zj::Date horizon = *as_of + std::max(o.eligible_within, 0);

  int64_t changes = 0, listed = 0;
  std::map<Verdict, int64_t> by_verdict;
  std::map<std::string, int64_t> by_rule;
  int64_t commutation_due = 0, parole_due = 0, overdue = 0;
  bool first_item = true;
  if (o.json) {
    std::cout << "{\"as_of\":\"" << as_of->ToString() << "\",\"mode\":\""
              << (eligible_mode ? "eligible" : "findings") << "\",\"items\":[";
  }
  auto emit_json = [&](const nlohmann::ordered_json& item) {
    std::cout << (first_item ? "\n" : ",\n") << item.dump();
    first_item = false;
  };

  auto judge_one = [&](zj::law::Case& c) {
    const zj::law::Judgment j = zj::law::Judge(c);
    changes += static_cast<int64_t>(c.changes.size());
    if (eligible_mode) {
      const zj::law::Eligibility& e = j.eligibility;
      if (e.pending_proposal) return;
      const bool commute = e.commutation == zj::law::Eligibility::Status::kEligible &&
                           e.commutation_from && *e.commutation_from <= horizon;
      const bool parole = e.parole == zj::law::Eligibility::Status::kEligible && e.parole_from &&
                          *e.parole_from <= horizon;
      if (!commute && !parole) return;
      ++listed;
      commutation_due += commute;
      parole_due += parole;
      const bool late =
          (commute && *e.commutation_from <= *as_of) || (parole && *e.parole_from <= *as_of);
      overdue += late;
      if (o.json) {
        nlohmann::ordered_json item;
        item["person_id"] = c.person.id;
        item["sentence_id"] = c.sentence.id;
        if (commute) {
          item["commutation_from"] = e.commutation_from->ToString();
          item["commutation_rule"] = e.commutation_rule;
        }
        if (parole) {
          item["parole_from"] = e.parole_from->ToString();
          item["parole_rule"] = e.parole_rule;
        }
        emit_json(item);
        return;
      }
      std::cout << c.person.id << "  " << c.sentence.id << "  ";
      if (commute) {
        std::cout << "减刑最早 " << e.commutation_from->ToString() << "（" << e.commutation_rule
                  << "）";
      }
      if (parole) {
        std::cout << (commute ? "；" : "") << "假释最早 " << e.parole_from->ToString() << "（"
                  << e.parole_rule << "）";
      }
      std::cout << (late ? "  已届满未提请" : "") << "\n";
      return;
    }
    std::vector<ScanItem> items;
    items.push_back({&c, nullptr, j.sentence_verdict, &j.sentence_findings});
    for (const zj::law::ChangeJudgment& cj : j.changes) {
      items.push_back({&c, &c.changes[cj.change], cj.verdict, &cj.findings});
    }
    for (const ScanItem& it : items) {
      if (it.verdict == Verdict::kLawful) continue;
      if (!o.verdict.empty() && zj::law::VerdictCode(it.verdict) != o.verdict) continue;
      ++listed;
      ++by_verdict[it.verdict];
      const std::vector<std::string> rules = RulesOf(*it.findings);
      for (const std::string& r : rules) ++by_rule[r];
      const std::vector<std::string> summary = SummaryOf(*it.findings);
      if (o.json) {
        nlohmann::ordered_json item;
        item["person_id"] = c.person.id;
        item["sentence_id"] = c.sentence.id;
        item["change_id"] = it.change ? nlohmann::ordered_json(it.change->id) : nullptr;
        item["verdict"] = zj::law::VerdictCode(it.verdict);
        item["rules"] = rules;
        item["summary"] = summary;
        emit_json(item);
        continue;
      }
      std::cout << c.person.id << "  " << c.sentence.id << "  "
                << (it.change ? it.change->id : std::string("判决与执行")) << "  "
                << zj::law::VerdictLabel(it.verdict) << "  " << Join(rules, ",") << "  "
                << Join(summary, "；") << "\n";
    }
  };
  zj::models::ForEachStats stats;
  zj::Status s = zj::models::ForEachCase(**db, *as_of, judge_one, &stats);
  if (o.json) std::cout << (first_item ? "" : "\n") << "],";
  if (!s.ok()) {
    if (o.json) std::cout << "\"error\":" << nlohmann::json(s.message()).dump() << "}\n";
    return Fail(s);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (o.json) {
    nlohmann::ordered_json counts;
    counts["persons"] = stats.persons;
    counts["sentences"] = stats.cases;
    counts["changes"] = changes;
    counts["listed"] = listed;
    if (eligible_mode) {
      counts["eligible_within_days"] = o.eligible_within;
      counts["commutation"] = commutation_due;
      counts["parole"] = parole_due;
      counts["already_due"] = overdue;
    } else {
      counts["violation"] = by_verdict[Verdict::kViolation];
      counts["needs_review"] = by_verdict[Verdict::kNeedsReview];
      nlohmann::ordered_json rules = nlohmann::ordered_json::object();
      for (const auto& [rule, n] : by_rule) rules[rule] = n;
      counts["by_rule"] = rules;
    }
    std::cout << "\"counts\":" << counts.dump() << "}\n";
  } else {
    std::cout << "\n数据截止 " << as_of->ToString() << "：共检查 " << stats.persons << " 人、"
              << stats.cases << " 个判决、" << changes << " 项刑期变动。\n";
    if (eligible_mode) {
      std::cout << "在押且 " << o.eligible_within << " 日内（至 " << horizon.ToString()
                << "）可提请、尚无待裁定提请的 " << listed << " 人次：可减刑 " << commutation_due
                << "，可假释 " << parole_due << "；其中已届满未提请 " << overdue << "。\n";
    } else {
      std::cout << "违法 " << by_verdict[Verdict::kViolation] << " 项，需人工审查 "
                << by_verdict[Verdict::kNeedsReview] << " 项。\n";
      for (const auto& [rule, n] : by_rule) std::cout << "  " << rule << "  " << n << "\n";
    }
  }
  std::fprintf(stderr, "用时 %.1f 秒\n", seconds);
  return listed ? 1 : 0;
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

  auto* law = app.add_subcommand("law", "法律计算：刑期、减刑假释等合法性判断 / the law engine");
  law->require_subcommand(1);
  std::string law_person, law_as_of, law_file;
  bool law_json = false;
  auto* law_explain = law->add_subcommand(
      "explain", "逐项说明某人每个判决的执行经过与合法性 / timeline and verdicts of one person");
  law_explain->add_option("--person", law_person, "人员编号 / person_id")->required();
  law_explain->add_option("--as-of", law_as_of,
                          "数据截止日期 YYYY-MM-DD（默认：最新导入数据包的导出日期）/ judge as of");
  law_explain->add_flag("--json", law_json, "输出 JSON / print JSON");
  auto* law_check = law->add_subcommand("check",
                                        "计算手写案例文件（单个案例或案例集），核对预期；不符时退出"
                                        "码为 1 / judge hand-written cases");
  law_check->add_option("file", law_file, "案例文件（JSON）/ case file")->required();
  law_check->add_flag("--json", law_json, "输出 JSON / print JSON");
  LawScanOptions scan_options;
  auto* law_scan = law->add_subcommand(
      "scan",
      "检查库中全部判决与刑期变动，列出违法或需人工审查的事项；有列出事项时退出码为 1 / "
      "judge every sentence in the store");
  law_scan->add_option("--as-of", scan_options.as_of,
                       "数据截止日期 YYYY-MM-DD（默认：最新导入数据包的导出日期）/ judge as of");
  law_scan->add_option("--verdict", scan_options.verdict,
                       "只列出某类结论：violation 违法 | needs_review 需人工审查 / filter");
  law_scan->add_option("--eligible-within", scan_options.eligible_within,
                       "改为列出应报未报名单：在押、N 日内可提请减刑或假释且无待裁定提请的罪犯 / "
                       "list persons eligible within N days");
  law_scan->add_flag("--json", scan_options.json, "输出 JSON / print JSON");
  auto* law_rules = law->add_subcommand(
      "rules", "规则覆盖与法定数值一览（Markdown，即 docs/law-rules.md）/ the rule tables");

  auto* models = app.add_subcommand("models", "监督模型：列表、运行、运行记录 / supervision models");
  models->require_subcommand(1);
  bool models_json = false;
  auto* models_list = models->add_subcommand("list", "列出全部监督模型及其参数 / the catalogue");
  models_list->add_flag("--json", models_json, "输出 JSON / print JSON");
  zj::cli::ModelsRunArgs run_args;
  auto* models_run = models->add_subcommand(
      "run", "运行监督模型，结果作为线索保存（同一线索跨次运行保持不变）/ run models");
  models_run->add_option("--model", run_args.models, "模型编号，可多次给出（默认全部）/ model IDs")
      ->delimiter(',');
  models_run->add_option("--org", run_args.org_id,
                         "只运行该机构辖区的线索 / limit to this org's jurisdiction");
  models_run->add_option("--param", run_args.params,
                         "本次运行的参数，如 M14.out_of_area_minutes=180 / parameter settings");
  models_run->add_option("--as-of", run_args.as_of,
                         "数据截止时间（日期或时间；默认最新导入数据包的导出时间）/ judge as of");
  models_run->add_option("--out", run_args.out, "把线索写成 findings.jsonl / write findings");
  models_run->add_option("--threads", run_args.threads, "线程数（默认为 CPU 核数）/ threads");
  models_run->add_flag("--trial", run_args.trial,
                       "试算：记录运行但不更新线索 / record the run, leave clues alone");
  models_run->add_flag("--json", run_args.json, "输出 JSON / print JSON");
  int64_t runs_limit = 20;
  auto* models_runs = models->add_subcommand("runs", "最近的运行记录 / recent runs");
  models_runs->add_option("--limit", runs_limit, "条数 / how many")->capture_default_str();
  models_runs->add_flag("--json", models_json, "输出 JSON / print JSON");

  auto* clues = app.add_subcommand("clues", "线索 / clues");
  clues->require_subcommand(1);
  zj::cli::CluesListArgs clue_args;
  auto* clues_list = clues->add_subcommand("list", "按条件列出线索 / list clues");
  clues_list->add_option("--model", clue_args.models, "模型编号 / model IDs")->delimiter(',');
  clues_list->add_option("--org", clue_args.org_id, "机构辖区 / jurisdiction of this org");
  clues_list->add_option("--status", clue_args.status,
                         "状态 open 待处理 | resolved_by_data 数据已纠正 / status");
  clues_list->add_option("--person", clue_args.person_id, "人员编号 / person_id");
  clues_list->add_option("--limit", clue_args.limit, "最多显示条数 / at most")
      ->capture_default_str();
  clues_list->add_flag("--json", clue_args.json, "输出 JSON / print JSON");

  auto* schema = app.add_subcommand("schema", "输出数据表结构 / print the table schema");
  auto* schema_sql = schema->add_subcommand("sql", "建表 SQL / CREATE statements");
  auto* schema_docs = schema->add_subcommand("docs", "数据表参考文档 / table reference (Markdown)");
  schema->require_subcommand(1);

  zj::cli::AdminCommands admin(app);  // users, grants, audit
  zj::cli::ServeCommands serve(app, std::filesystem::path(DefaultGeoDir(argv[0])).parent_path());

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help is a "parse error" with exit code 0; real argument errors are bad input.
    return app.exit(e) == 0 ? 0 : 2;
  }
  std::signal(SIGPIPE, SIG_IGN);
  const std::string url = ResolveDbUrl(db_flag, config_path);
  try {
    if (*init) return CmdInit(url);
    if (*import) return CmdImport(url, batch, quarantine, report_path);
    if (*status) return CmdStatus(url, checksum);
    if (*synth)
      return CmdSynth(scale, seed, out, rate, geo_dir.empty() ? DefaultGeoDir(argv[0]) : geo_dir);
    if (*law_explain) return CmdLawExplain(url, law_person, law_as_of, law_json);
    if (*law_check) return CmdLawCheck(law_file, law_json);
    if (*law_scan) return CmdLawScan(url, scan_options);
    if (*law_rules) {
      std::cout << zj::law::RulesMarkdown();
      return 0;
    }
    if (*models_list) return zj::cli::CmdModelsList(models_json);
    if (*models_run) {
      run_args.config_path = config_path;
      run_args.data_dir = std::filesystem::path(DefaultGeoDir(argv[0])).parent_path().string();
      return zj::cli::CmdModelsRun(url, run_args);
    }
    if (*models_runs) return zj::cli::CmdModelsRuns(url, runs_limit, models_json);
    if (*clues_list) return zj::cli::CmdCluesList(url, clue_args);
    if (std::optional<int> rc = admin.Run(url)) return *rc;
    if (std::optional<int> rc = serve.Run(url, config_path)) return *rc;
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
