#include "apps/zhijian/models_cmd.h"

#include "apps/zhijian/cli_text.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "engine/engine.h"
#include "models/jurisdiction.h"
#include "models/registry.h"
#include "storage/clue_store.h"
#include "storage/migrations.h"

namespace zj::cli {
namespace {

int Fail(const Status& s) {
  std::cerr << "错误：" << s.message() << "\n";
  return 2;
}

std::string Join(const std::vector<std::string_view>& v, std::string_view sep) {
  std::string s;
  for (std::string_view x : v) s += (s.empty() ? "" : std::string(sep)) + std::string(x);
  return s;
}

std::string_view TypeLabel(models::ParamType t) {
  switch (t) {
    case models::ParamType::kInt:
      return "整数";
    case models::ParamType::kNumber:
      return "数";
    case models::ParamType::kCodes:
      return "代码列表";
  }
  return "";
}

std::string_view StatusLabel(std::string_view status) {
  if (status == "open") return "待处理";
  if (status == "resolved_by_data") return "数据已纠正";
  return status;
}

// --as-of: a date (judged at the end of that Beijing day) or a timestamp.
Result<std::optional<Timestamp>> ParseAsOf(const std::string& text) {
  if (text.empty()) return std::optional<Timestamp>();
  if (auto d = Date::Parse(text)) {
    return std::optional<Timestamp>(int64_t{d->days()} * 86400 + 86399 - 8 * 3600);
  }
  if (auto ts = ParseTimestamp(text)) return std::optional<Timestamp>(*ts);
  return InvalidArgument("--as-of 应为日期 YYYY-MM-DD 或带时区的时间 2026-06-30T23:00:00+08:00：" +
                         text);
}

Result<std::unique_ptr<storage::Database>> OpenExisting(const std::string& url) {
  ZJ_ASSIGN_OR_RETURN(auto db, storage::Database::Open(url, {.create_if_missing = false}));
  ZJ_ASSIGN_OR_RETURN(int version, storage::SchemaVersion(*db));
  if (version == 0) {
    return FailedPrecondition("数据库尚未初始化，请先运行 zhijian init（" + url + "）");
  }
  ZJ_RETURN_IF_ERROR(storage::Migrate(*db).status());
  return db;
}

std::string Seconds(double ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", ms / 1000);
  return buf;
}

}  // namespace

int CmdModelsList(bool json) {
  const auto all = models::AllModels();
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const models::ModelSpec* m : all) {
      nlohmann::json params = nlohmann::json::array();
      for (const models::ParamSpec& p : m->params) {
        params.push_back({{"name", p.name},
                          {"type", TypeLabel(p.type)},
                          {"default", p.default_value},
                          {"unit", p.unit},
                          {"description", p.description},
                          {"rule", p.rule}});
      }
      nlohmann::json inputs = nlohmann::json::object();
      for (const models::TableNeed& t : m->inputs) {
        for (std::string_view c : t.columns) inputs[std::string(t.table)].push_back(c);
      }
      out.push_back({{"id", m->id},
                     {"name", m->name},
                     {"key", m->key},
                     {"key_one_of", m->key_one_of},
                     {"summary", m->summary},
                     {"version", m->version},
                     {"pass", models::PassOf(m->id)->name()},
                     {"inputs", inputs},
                     {"params", params},
                     {"basis", m->basis}});
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  for (const models::ModelSpec* m : all) {
    std::cout << m->id << "  " << m->name << "（线索键：" << Join(m->key, m->key_one_of ? " 或 " : " + ")
              << "；版本 "
              << m->version << "）\n    " << m->summary << "\n";
    if (!m->basis.empty()) std::cout << "    依据：" << Join(m->basis, "、") << "\n";
    for (const models::ParamSpec& p : m->params) {
      std::cout << "    参数 " << m->id << "." << p.name << " = "
                << (p.default_value.empty() ? "（依法）" : std::string(p.default_value))
                << (p.unit.empty() ? "" : " " + std::string(p.unit)) << "：" << p.description
                << "\n";
    }
  }
  std::cout << "共 " << all.size() << " 个监督模型。\n";
  return 0;
}

int CmdModelsRun(const std::string& db_url, const ModelsRunArgs& args) {
  engine::RunOptions o;
  o.models = args.models;
  o.org_id = args.org_id;
  o.threads = args.threads > 0 ? args.threads
                               : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  o.update_clues = !args.trial;
  o.data_dir = args.data_dir;
  o.findings_path = args.out;
  auto as_of = ParseAsOf(args.as_of);
  if (!as_of.ok()) return Fail(as_of.status());
  o.as_of = *as_of;
  std::error_code ec;
  if (!args.config_path.empty() && std::filesystem::exists(args.config_path, ec)) {
    auto text = ReadTextFile(args.config_path);
    if (!text.ok()) return Fail(text.status());
    auto config = engine::ParamOverridesFromToml(*text, args.config_path);
    if (!config.ok()) return Fail(config.status());
    o.params = std::move(*config);
  }
  for (const std::string& p : args.params) {
    auto parsed = models::ParseParamArg(p);
    if (!parsed.ok()) return Fail(parsed.status());
    o.params.push_back(std::move(*parsed));
  }
  {
    auto db = OpenExisting(db_url);
    if (!db.ok()) return Fail(db.status());
  }
  auto r = engine::RunModels(db_url, o);
  if (!r.ok()) return Fail(r.status());
  if (args.json) {
    nlohmann::json j = {{"run_no", r->run_no},
                        {"as_of", FormatTimestamp(r->as_of)},
                        {"batches", r->batches},
                        {"load_ms", r->load_ms},
                        {"total_ms", r->total_ms},
                        {"findings", r->findings.size()},
                        {"trial", args.trial}};
    for (const engine::ModelStats& m : r->models) {
      j["models"].push_back({{"id", m.id},
                             {"name", m.name},
                             {"version", m.version},
                             {"pass", m.pass},
                             {"scanned", m.scanned},
                             {"findings", m.findings},
                             {"pass_ms", m.pass_ms},
                             {"pass_cpu_ms", m.pass_cpu_ms},
                             {"created", m.clues.created},
                             {"updated", m.clues.updated},
                             {"reopened", m.clues.reopened},
                             {"resolved_by_data", m.clues.resolved}});
    }
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  std::cout << "运行编号 " << r->run_no << (args.trial ? "（试算，不更新线索）" : "")
            << "；数据截止 " << FormatTimestamp(r->as_of) << "；数据包 " << r->batches.size()
            << " 个；载入数据 " << Seconds(r->load_ms) << " 秒，总用时 " << Seconds(r->total_ms)
            << " 秒\n";
  int name_width = 4;
  for (const engine::ModelStats& m : r->models) name_width = std::max(name_width, DisplayWidth(m.name));
  const std::vector<std::pair<std::string, int>> head = {
      {"线索", 6}, {"新增", 6}, {"更新", 6}, {"重现", 6}, {"数据已纠正", 10}, {"扫描行数", 11},
      {"用时(秒)", 9}};
  std::cout << Pad("模型", 5) << Pad("名称", name_width);
  for (const auto& [h, w] : head) std::cout << ' ' << Pad(h, w, true);
  std::cout << "  共用计算\n";
  int64_t total = 0;
  for (const engine::ModelStats& m : r->models) {
    total += m.findings;
    const std::vector<std::string> cells = {
        std::to_string(m.findings),      std::to_string(m.clues.created),
        std::to_string(m.clues.updated), std::to_string(m.clues.reopened),
        std::to_string(m.clues.resolved), std::to_string(m.scanned), Seconds(m.pass_ms)};
    std::cout << Pad(m.id, 5) << Pad(m.name, name_width);
    for (size_t i = 0; i < cells.size(); ++i) std::cout << ' ' << Pad(cells[i], head[i].second, true);
    std::cout << "  " << m.pass << "\n";
  }
  std::cout << "合计线索 " << total << " 条：新增 " << r->clues.created << "，内容更新 "
            << r->clues.updated << "，重现 " << r->clues.reopened << "，数据已纠正 "
            << r->clues.resolved << "，未变 " << r->clues.unchanged << "。\n";
  if (!args.out.empty()) std::cout << "线索已写入 " << args.out << "\n";
  return 0;
}

int CmdModelsRuns(const std::string& db_url, int64_t limit, bool json) {
  auto db = OpenExisting(db_url);
  if (!db.ok()) return Fail(db.status());
  auto runs = storage::ListRuns(**db, limit);
  if (!runs.ok()) return Fail(runs.status());
  nlohmann::json out = nlohmann::json::array();
  for (const storage::RunRow& r : *runs) {
    const auto& rec = r.record;
    const nlohmann::json stats = nlohmann::json::parse(rec.stats);
    const nlohmann::json models = nlohmann::json::parse(rec.models);
    if (json) {
      out.push_back({{"run_no", r.run_no},
                     {"started_at", FormatTimestamp(rec.started_at)},
                     {"finished_at", FormatTimestamp(rec.finished_at)},
                     {"as_of", FormatTimestamp(rec.as_of)},
                     {"scope_org_id", rec.scope_org_id},
                     {"models", models},
                     {"versions", nlohmann::json::parse(rec.versions)},
                     {"params", nlohmann::json::parse(rec.params)},
                     {"batches", nlohmann::json::parse(rec.batches)},
                     {"stats", stats},
                     {"clues_updated", rec.clues_updated}});
      continue;
    }
    int64_t findings = 0;
    for (const auto& [id, m] : stats["models"].items()) findings += m["findings"].get<int64_t>();
    std::cout << "运行 " << r.run_no << "  " << FormatTimestamp(rec.started_at) << "  截止 "
              << FormatTimestamp(rec.as_of) << "  模型 " << models.size() << " 个  线索 "
              << findings << " 条  用时 " << Seconds(stats.value("total_ms", 0.0)) << " 秒"
              << (rec.scope_org_id.empty() ? "" : "  范围 " + rec.scope_org_id)
              << (rec.clues_updated ? "" : "  （试算）") << "\n";
  }
  if (json) std::cout << out.dump(2) << "\n";
  return 0;
}

int CmdCluesList(const std::string& db_url, const CluesListArgs& args) {
  auto db = OpenExisting(db_url);
  if (!db.ok()) return Fail(db.status());
  for (const std::string& m : args.models) {
    if (!models::FindModel(m)) return Fail(InvalidArgument("没有模型 " + m));
  }
  if (!args.status.empty() && args.status != "open" && args.status != "resolved_by_data") {
    return Fail(InvalidArgument("--status 应为 open（待处理）或 resolved_by_data（数据已纠正）：" +
                                args.status));
  }
  storage::ClueFilter f{.models = args.models,
                        .status = args.status,
                        .person_id = args.person_id,
                        .limit = args.limit};
  if (!args.org_id.empty()) {
    models::Snapshot orgs;
    const models::TableNeed need[] = {models::JurisdictionNeed()};
    auto loaded = models::LoadSnapshot(
        [&] { return storage::Database::Open(db_url, {.create_if_missing = false}); }, need, 1,
        &orgs);
    if (!loaded.ok()) return Fail(loaded);
    auto covered = models::Covered(orgs, args.org_id);
    if (!covered.ok()) return Fail(covered.status());
    std::vector<std::string> ids;
    const models::IdDict& dict = orgs.Ids("orgs");
    for (int32_t i = 0; i < dict.size(); ++i) {
      if ((*covered)[static_cast<size_t>(i)]) ids.emplace_back(dict.Text(i));
    }
    f.org_ids = std::move(ids);
  }
  auto total = storage::CountClues(**db, f);
  auto rows = storage::ListClues(**db, f);
  if (!total.ok()) return Fail(total.status());
  if (!rows.ok()) return Fail(rows.status());
  if (args.json) {
    nlohmann::json out = {{"total", *total}, {"clues", nlohmann::json::array()}};
    for (const storage::ClueRow& r : *rows) {
      const auto& c = r.content;
      out["clues"].push_back({{"clue_no", r.clue_no},
                              {"model", c.model},
                              {"key", nlohmann::json::parse(c.key)},
                              {"person_id", c.person_id.empty() ? nlohmann::json(nullptr)
                                                                : nlohmann::json(c.person_id)},
                              {"org_id", c.org_id},
                              {"severity", c.severity},
                              {"title", c.title},
                              {"summary", c.summary},
                              {"facts", nlohmann::json::parse(c.facts)},
                              {"basis", nlohmann::json::parse(c.basis)},
                              {"status", r.status},
                              {"first_run", r.first_run},
                              {"last_run", r.last_run},
                              {"resolved_run", r.resolved_run ? nlohmann::json(*r.resolved_run)
                                                              : nlohmann::json(nullptr)}});
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  for (const storage::ClueRow& r : *rows) {
    const auto& c = r.content;
    std::cout << "#" << r.clue_no << "  " << c.model << "  " << StatusLabel(r.status) << "  "
              << c.org_id << "  " << (c.person_id.empty() ? "-" : c.person_id) << "  " << c.key
              << "\n    " << c.title << "：" << c.summary << "\n";
  }
  std::cout << "符合条件的线索共 " << *total << " 条";
  if (static_cast<int64_t>(rows->size()) < *total) std::cout << "，显示前 " << rows->size() << " 条";
  std::cout << "。\n";
  return 0;
}

}  // namespace zj::cli
