// The data pages of the web app: the model catalogue (/api/models), model runs
// (/api/model-runs), uploaded exchange batches (/api/batches) and the background jobs that
// import them or run the models (/api/jobs, api/jobs.h). An import is strict (a batch with
// any rejected row changes nothing) and is followed by intake, as `zhijian import` then
// `zhijian intake`; a model run is `zhijian models run` limited to the caller's jurisdiction.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "api/internal.h"
#include "engine/engine.h"
#include "ingest/batch.h"
#include "ingest/importer.h"
#include "models/registry.h"
#include "storage/audit_store.h"
#include "storage/exchange_store.h"

namespace zj::api {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr size_t kMaxListedRejects = 500;

// "YYYY-MM-DD HH:MM", Beijing; "" for 0.
std::string MinuteText(Timestamp ts) {
  if (ts == 0) return "";
  std::string s = FormatTimestamp(ts).substr(0, 16);
  s[10] = ' ';
  return s;
}

json Nullable(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

std::string_view FamilyLabel(std::string_view pass) {
  if (pass == "law") return "刑罚执行与变更";
  if (pass == "prison") return "监狱管理";
  if (pass == "community") return "社区矫正";
  if (pass == "property") return "财产刑执行";
  if (pass == "custody") return "羁押与看守所";
  if (pass == "trajectory") return "定位轨迹";
  return pass;
}

// A parameter value in its declared type (text for code lists); null = as the law says.
json ParamValue(const models::ParamSpec& p, std::string_view text) {
  if (text.empty()) return nullptr;
  if (p.type == models::ParamType::kCodes) return std::string(text);
  try {
    const double v = std::stod(std::string(text));
    if (p.type == models::ParamType::kInt) return static_cast<int64_t>(v);
    return v;
  } catch (const std::exception&) {
    return std::string(text);
  }
}

std::string_view ParamTypeCode(models::ParamType t) {
  switch (t) {
    case models::ParamType::kInt:
      return "int";
    case models::ParamType::kNumber:
      return "number";
    case models::ParamType::kCodes:
      return "text";
  }
  return "text";
}

json JobJson(const Job& j) {
  json out = {{"job_id", j.job_id},
              {"kind", JobKindCode(j.kind)},
              {"kind_label", j.kind == JobKind::kImport ? "数据导入" : "模型运行"},
              {"state", JobStateCode(j.state)},
              {"state_label", j.state == JobState::kQueued    ? "排队中"
                              : j.state == JobState::kRunning ? "运行中"
                              : j.state == JobState::kDone    ? "已完成"
                                                              : "失败"},
              {"progress",
               {{"stage", j.progress.stage},
                {"done", j.progress.done},
                {"total", j.progress.total}}},
              {"queued_at", MinuteText(j.queued_at)},
              {"started_at", Nullable(MinuteText(j.started_at))},
              {"finished_at", Nullable(MinuteText(j.finished_at))},
              {"user", j.username},
              {"org_id", j.org_id},
              {"request", j.request},
              {"message", j.message},
              {"result", j.result},
              {"error", nullptr}};
  if (j.progress.rows >= 0) out["progress"]["rows"] = j.progress.rows;
  if (j.state == JobState::kFailed) {
    out["error"] = {{"code", j.error_code}, {"message", j.error_message}};
  }
  return out;
}

// Whether the caller may see a job: their own, or one started in their jurisdiction.
bool Visible(const Caller& c, const Job& j) {
  return j.username == c.principal.username || c.scope.all() || c.scope.Contains(j.org_id);
}

http::Response SubmitFailed(const http::Request& req, const Status& s) {
  if (s.code() == StatusCode::kFailedPrecondition) {
    return http::Response::Error(req, 409, "job_running", s.message());
  }
  return Fail(req, s);
}

// An audit row for a job's change, written inside the change's transaction.
storage::AuditEntry AuditOf(const Caller& c, const Clock& clock, std::string action,
                            std::string object_type, std::string object_id, json detail,
                            const std::string& request_id, const std::string& ip) {
  storage::AuditEntry e;
  e.at = clock.Now();
  e.user_id = c.principal.user_id;
  e.username = c.principal.username;
  e.action = std::move(action);
  e.object_type = std::move(object_type);
  e.object_id = std::move(object_id);
  e.detail = detail.dump();
  e.request_id = request_id;
  e.ip = ip;
  return e;
}

// ---- model runs ----

// The user's settings of a run: {"M14": {"out_of_area_minutes": 180}} from the effective
// parameters of the run record (ParamSet::ToJson): the values set everywhere by zhijian.toml
// or by whoever started the run (per-jurisdiction settings stay in the record).
json SetParams(const json& effective) {
  json out = json::object();
  if (!effective.is_object()) return out;
  for (const auto& [model, params] : effective.items()) {
    if (!params.is_object()) continue;
    for (const auto& [name, p] : params.items()) {
      if (p.is_object() && !p.value("default", true)) out[model][name] = p["value"];
    }
  }
  return out;
}

json PerModelTotals(const json& per_model) {
  json t = {{"rows_scanned", 0}, {"findings", 0}, {"new", 0},
            {"updated", 0},      {"reopened", 0}, {"resolved", 0}};
  for (const json& m : per_model) {
    for (auto& [k, v] : t.items()) v = v.get<int64_t>() + m.value(k, int64_t{0});
  }
  return t;
}

json RunJson(storage::Database& db, const storage::RunRow& r) {
  const storage::RunRecord& rec = r.record;
  const json stats = ParseJsonColumn(rec.stats);
  const json models = ParseJsonColumn(rec.models);
  auto changes = storage::RunClueChanges(db, r.run_no);
  json per_model = json::array();
  if (models.is_array()) {
    for (const json& id : models) {
      const std::string m = id.get<std::string>();
      const json s = stats.is_object() && stats.contains("models") && stats["models"].contains(m)
                         ? stats["models"][m]
                         : json::object();
      storage::ReconcileCounts c;
      if (changes.ok()) {
        auto it = changes->find(m);
        if (it != changes->end()) c = it->second;
      }
      per_model.push_back({{"model", m},
                           {"rows_scanned", s.value("scanned", int64_t{0})},
                           {"findings", s.value("findings", int64_t{0})},
                           {"new", c.created},
                           {"updated", c.updated},
                           {"reopened", c.reopened},
                           {"resolved", c.resolved},
                           {"ms", s.value("pass_ms", 0.0)}});
    }
  }
  json totals = PerModelTotals(per_model);
  totals["ms"] = stats.is_object() ? stats.value("total_ms", 0.0) : 0.0;
  const json effective = ParseJsonColumn(rec.params);
  return {{"run_id", r.run_no},
          {"started_at", MinuteText(rec.started_at)},
          {"finished_at", MinuteText(rec.finished_at)},
          {"as_of", MinuteText(rec.as_of)},
          {"scope_org_id", Nullable(rec.scope_org_id)},
          {"models", models},
          {"params", SetParams(effective)},
          {"trial", !rec.clues_updated},
          {"user", Nullable(r.requested_by)},
          {"per_model", per_model},
          {"totals", totals}};
}

// The web's parameter settings {"M14": {"out_of_area_minutes": 180}} as overrides, each
// checked against the declaration; a bad one → 400 naming "params.M14.out_of_area_minutes".
struct ParamError {
  Status status;
  std::string field;
};
std::optional<ParamError> ParseParams(const json& body, std::vector<models::ParamOverride>* out) {
  auto it = body.find("params");
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_object()) return ParamError{InvalidArgument("参数设置应为 {模型: {参数: 值}}"), "params"};
  std::vector<models::ModelParams> declared;
  for (const models::ModelSpec* m : models::AllModels()) declared.push_back({m->id, m->params});
  auto no_jurisdiction = [](std::string_view) -> Result<std::vector<bool>> {
    return std::vector<bool>();
  };
  for (const auto& [model, params] : it->items()) {
    const std::string field = "params." + model;
    if (!models::FindModel(model)) return ParamError{InvalidArgument("没有模型 " + model), field};
    if (!params.is_object()) {
      return ParamError{InvalidArgument("模型 " + model + " 的参数应为 {参数: 值}"), field};
    }
    for (const auto& [name, value] : params.items()) {
      models::ParamOverride o{
          .model = model, .name = name, .value = "", .org_id = "", .source = "网页"};
      if (value.is_number_integer()) {
        o.value = std::to_string(value.get<int64_t>());
      } else if (value.is_number()) {
        o.value = value.dump();
      } else if (value.is_string()) {
        o.value = value.get<std::string>();
      } else if (value.is_boolean()) {
        o.value = value.get<bool>() ? "1" : "0";
      } else {
        return ParamError{InvalidArgument("参数 " + model + "." + name + " 的值应为数或文字"),
                          field + "." + name};
      }
      const models::ParamOverride one[] = {o};
      auto built = models::ParamSet::Build(declared, one, 0, no_jurisdiction);
      if (!built.ok()) return ParamError{built.status(), field + "." + name};
      out->push_back(std::move(o));
    }
  }
  return std::nullopt;
}

// ---- batches ----

// An import report (ImportReport::ToJson) as the web shows it: tables and at most
// kMaxListedRejects rejects.
json ImportResultJson(const std::string& report_json) {
  json r = ParseJsonColumn(report_json);
  if (!r.is_object()) return json::object();
  json rejects = json::array();
  if (r.contains("issues")) {
    for (const json& i : r["issues"]) {
      if (rejects.size() >= kMaxListedRejects) break;
      rejects.push_back(i);
    }
    r.erase("issues");
  }
  r["rejects"] = rejects;
  r["rejects_listed"] = rejects.size();
  return r;
}

json BatchJson(const storage::BatchListRow& b) {
  const json report = ParseJsonColumn(b.batch.report);
  json tables = json::array();
  if (report.is_object() && report.contains("tables")) {
    for (const json& t : report["tables"]) {
      tables.push_back({{"table", t.value("table", "")},
                        {"read", t.value("read", int64_t{0})},
                        {"inserted", t.value("inserted", int64_t{0})},
                        {"updated", t.value("updated", int64_t{0})},
                        {"deleted", t.value("deleted", int64_t{0})},
                        {"rejected", t.value("rejected", int64_t{0})}});
    }
  }
  return {{"batch_no", b.batch.batch_no},
          {"batch_id", b.batch.batch_id},
          {"source_org_id", b.batch.source_org_id},
          {"exported_at", MinuteText(b.batch.exported_at)},
          {"applied_at", MinuteText(b.batch.applied_at)},
          {"mode", b.batch.mode},
          {"mode_label", b.batch.mode == "quarantine" ? "隔离模式" : "严格模式"},
          {"quarantined", report.is_object() ? report.value("quarantined", int64_t{0}) : 0},
          {"user", Nullable(b.imported_by)},
          {"tables", tables}};
}

// The archive kind of an upload from its Content-Type and its first bytes.
Result<std::string> ArchiveSuffix(const http::Request& req) {
  std::string type = req.Header("Content-Type").value_or("");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  const std::string& body = req.body();
  const bool zip_magic = body.size() >= 4 && body.compare(0, 4, "PK\x03\x04") == 0;
  const bool gzip_magic = body.size() >= 2 && static_cast<unsigned char>(body[0]) == 0x1f &&
                          static_cast<unsigned char>(body[1]) == 0x8b;
  if (type == "application/zip" || type == "application/x-zip-compressed") {
    if (!zip_magic) return InvalidArgument("body：上传的内容不是 zip 压缩文件");
    return std::string(".zip");
  }
  if (type == "application/gzip" || type == "application/x-gzip" ||
      type == "application/x-compressed-tar") {
    if (!gzip_magic) return InvalidArgument("body：上传的内容不是 gzip 压缩文件（.tar.gz）");
    return std::string(".tar.gz");
  }
  if (type == "application/octet-stream" && (zip_magic || gzip_magic)) {
    return std::string(zip_magic ? ".zip" : ".tar.gz");
  }
  return InvalidArgument(
      "content_type：数据包应以 zip（application/zip）或 tar.gz（application/gzip）上传，收到“" +
      type + "”");
}

// A private folder removed with the object.
class TempFolder {
 public:
  static Result<std::unique_ptr<TempFolder>> Make() {
    std::string tmpl = (fs::temp_directory_path() / "zhijian-upload-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) return IoError("无法创建临时目录");
    return std::unique_ptr<TempFolder>(new TempFolder(tmpl));
  }
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  explicit TempFolder(std::string p) : path_(std::move(p)) {}
  std::string path_;
};

struct ImportJob {
  std::string db_url;
  const Clock* clock;
  workflow::WorkflowOptions workflow;
  workflow::Actor actor;  // the uploader, with every duty (intake is the system's own act)
  Caller caller;
  std::string request_id, ip, file_name;
  std::unique_ptr<TempFolder> folder;
  std::string archive;  // the upload, written into `folder`

  Result<JobOutcome> Run(JobContext& ctx) {
    ctx.Progress("解压", 0, 0);
    auto batch = ingest::BatchDir::Open(archive);
    if (!batch.ok()) {
      if (batch.status().code() == StatusCode::kIoError) return batch.status();
      // A batch that cannot be opened is rejected like any other bad input.
      json result = {{"outcome", "rejected"},
                     {"fatal", batch.status().message()},
                     {"issue_count", 1},
                     {"tables", json::array()},
                     {"rejects",
                      {{{"file", file_name},
                        {"line", 0},
                        {"column", ""},
                        {"value", ""},
                        {"rule", "manifest"},
                        {"message", batch.status().message()}}}},
                     {"rejects_listed", 1}};
      return JobOutcome{"拒收：" + batch.status().message() + "；数据库未作任何更改",
                        std::move(result)};
    }
    if (ctx.Stopping()) return Aborted("服务正在停止，任务已取消");
    const ingest::Manifest& m = (*batch)->manifest();
    const int64_t tables = static_cast<int64_t>(m.tables.size());
    ctx.Progress("校验", 0, tables);
    ZJ_ASSIGN_OR_RETURN(auto db, storage::Database::Open(db_url, {.create_if_missing = false}));
    ingest::ImportOptions o;
    o.clock = clock;
    o.progress = [&](const std::string& table, int64_t rows) {
      int64_t index = 0;
      while (index < tables && m.tables[static_cast<size_t>(index)].table != table) ++index;
      ctx.Progress("导入 " + table, index, tables, rows);
    };
    o.before_commit = [&](storage::Database& d, const ingest::ImportReport& r) -> Status {
      return storage::AppendAudit(
                 d, AuditOf(caller, *clock, "batch_import", "batch", r.batch_id,
                            {{"batch_no", r.batch_no},
                             {"file_name", file_name},
                             {"job_id", ctx.job_id()}},
                            request_id, ip))
          .status();
    };
    ZJ_ASSIGN_OR_RETURN(ingest::ImportReport report,
                        ingest::ImportBatch(*db, (*batch)->dir(), o));
    json result = ImportResultJson(report.ToJson());
    if (report.outcome == ingest::ImportOutcome::kRejected) {
      std::string message = "拒收：共 " + std::to_string(report.issue_count) +
                            " 个问题，数据库未作任何更改";
      if (!report.fatal.empty()) message = "拒收：" + report.fatal + "；数据库未作任何更改";
      return JobOutcome{std::move(message), std::move(result)};
    }
    if (report.outcome == ingest::ImportOutcome::kAlreadyApplied) {
      return JobOutcome{"数据包 " + report.batch_id + " 此前已导入（批次号 " +
                            std::to_string(report.batch_no) + "），未作任何更改",
                        std::move(result)};
    }
    int64_t inserted = 0, updated = 0, deleted = 0;
    for (const ingest::TableReport& t : report.tables) {
      inserted += t.inserted;
      updated += t.updated;
      deleted += t.deleted;
    }
    std::string message = "已导入数据包 " + report.batch_id + "（批次号 " +
                          std::to_string(report.batch_no) + "）：新增 " +
                          std::to_string(inserted) + " 行，更新 " + std::to_string(updated) +
                          " 行，删除 " + std::to_string(deleted) + " 行";
    // Intake, as `zhijian intake` after an import: the batch stays applied whatever happens.
    ctx.Progress("受理提请", tables, tables);
    auto intake = workflow::Intake(*db, *clock, workflow, actor);
    if (intake.ok()) {
      result["intake"] = {{"accepted", intake->accepted},
                          {"rulings", intake->rulings},
                          {"problems", intake->problems}};
      message += "；受理减刑、假释、暂予监外执行审查案件 " + std::to_string(intake->accepted) +
                 " 件，登记裁定 " + std::to_string(intake->rulings) + " 件";
    } else {
      result["intake"] = {{"error", intake.status().message()}};
      message += "；受理提请失败：" + intake.status().message() +
                 "（可稍后在案件页面重新受理）";
    }
    return JobOutcome{std::move(message), std::move(result)};
  }
};

}  // namespace

void AddDataRoutes(App::State& s) {
  App::State* st = &s;

  http::Route list_models{.method = "GET",
                          .pattern = "/api/models",
                          .summary = "监督模型目录（名称、类别、线索键、参数及默认值）",
                          .tag = "models",
                          .operation_id = "models.list"};
  list_models.handler = [st](const http::Request&) {
    json items = json::array();
    for (const models::ModelSpec* m : models::AllModels()) {
      const std::string_view pass = models::PassOf(m->id)->name();
      json params = json::array();
      for (const models::ParamSpec& p : m->params) {
        json item = {{"name", p.name},
                     {"label", p.description},
                     {"type", ParamTypeCode(p.type)},
                     {"default", ParamValue(p, p.default_value)},
                     {"unit", p.unit},
                     {"rule", p.rule},
                     {"min", p.min},
                     {"max", p.max}};
        if (p.default_value.empty()) item["default_label"] = "依法";
        if (p.type == models::ParamType::kCodes && p.codes) {
          json codes = json::array();
          for (const domain::Code& c : p.codes->codes) {
            codes.push_back({{"code", c.code}, {"label", c.label}});
          }
          item["codes"] = codes;
        }
        // The value zhijian.toml sets everywhere, if any (the last setting wins).
        for (const models::ParamOverride& o : st->config.model_params) {
          if (o.model == m->id && o.name == p.name && o.org_id.empty()) {
            item["configured"] = ParamValue(p, o.value);
          }
        }
        params.push_back(std::move(item));
      }
      items.push_back({{"model", m->id},
                       {"name", m->name},
                       {"family", pass},
                       {"family_label", FamilyLabel(pass)},
                       {"key", m->key},
                       {"key_one_of", m->key_one_of},
                       {"summary", m->summary},
                       {"version", m->version},
                       {"basis", m->basis},
                       {"params", params}});
    }
    return http::Response::Json({{"items", items}});
  };
  // Any signed-in user: the catalogue is no one's data, and administrators, who run the
  // models, do not see casework.
  Add(s, std::move(list_models), std::nullopt);

  http::Route run{.method = "POST",
                  .pattern = "/api/model-runs",
                  .summary = "运行监督模型（后台任务；models 为空 = 全部模型；trial = 试算，不更新线索）",
                  .tag = "models",
                  .operation_id = "model_runs.create",
                  .max_body = 64 * 1024};
  run.handler = [st](const http::Request& req) {
    auto body = BodyObject(req);
    if (!body.ok()) return Fail(req, body.status());
    std::vector<std::string> ids;
    if (auto it = body->find("models"); it != body->end() && !it->is_null()) {
      if (!it->is_array()) return Fail(req, InvalidArgument("models：应为模型编号的数组"));
      for (const json& id : *it) {
        if (!id.is_string() || !models::FindModel(id.get<std::string>())) {
          return Fail(req, InvalidArgument("models：没有模型 " +
                                           (id.is_string() ? id.get<std::string>() : id.dump())));
        }
        ids.push_back(id.get<std::string>());
      }
    }
    bool trial = false;
    if (auto it = body->find("trial"); it != body->end() && !it->is_null()) {
      if (!it->is_boolean()) return Fail(req, InvalidArgument("trial：应为 true 或 false"));
      trial = it->get<bool>();
    }
    std::vector<models::ParamOverride> overrides;
    if (auto e = ParseParams(*body, &overrides)) {
      return http::Response::FromStatus(req, e->status, e->field);
    }
    const Caller caller = CallerOf(req);
    engine::RunOptions o;
    o.models = ids;
    // The caller's jurisdiction (the whole store for the province).
    o.org_id = caller.scope.all() ? "" : caller.principal.org_id;
    o.params = st->config.model_params;
    o.params.insert(o.params.end(), overrides.begin(), overrides.end());
    o.update_clues = !trial;
    o.data_dir = st->config.data_dir;
    o.threads = 2;
    json request = {{"models", ids}, {"params", body->value("params", json::object())},
                    {"trial", trial}};
    const std::string url = st->config.db_url, request_id = req.request_id(),
                      ip = req.remote_addr();
    const Clock* clock = st->clock;
    auto job = st->jobs->Submit(
        JobKind::kModels, caller.principal.username, caller.principal.org_id, request,
        [o, caller, clock, url, request_id, ip, request](JobContext& ctx) mutable
        -> Result<JobOutcome> {
          o.progress = [&ctx](const std::string& stage, int done, int total) {
            ctx.Progress(stage, done, total);
          };
          o.in_transaction = [&](storage::Database& db, int64_t run_no) -> Status {
            json detail = request;
            detail["job_id"] = ctx.job_id();
            return storage::AppendAudit(db, AuditOf(caller, *clock, "models_run", "model_run",
                                                    std::to_string(run_no), detail, request_id,
                                                    ip))
                .status();
          };
          ZJ_ASSIGN_OR_RETURN(engine::RunResult r, engine::RunModels(url, o));
          json per_model = json::array();
          std::vector<std::string> ran;
          for (const engine::ModelStats& m : r.models) {
            ran.push_back(m.id);
            per_model.push_back({{"model", m.id},
                                 {"name", m.name},
                                 {"rows_scanned", m.scanned},
                                 {"findings", m.findings},
                                 {"new", m.clues.created},
                                 {"updated", m.clues.updated},
                                 {"reopened", m.clues.reopened},
                                 {"resolved", m.clues.resolved},
                                 {"ms", m.pass_ms}});
          }
          json totals = PerModelTotals(per_model);
          totals["unchanged"] = r.clues.unchanged;
          totals["ms"] = r.total_ms;
          json result = {{"run_id", r.run_no},
                         {"started_at", MinuteText(r.started_at)},
                         {"as_of", MinuteText(r.as_of)},
                         {"scope_org_id", Nullable(o.org_id)},
                         {"models", ran},
                         {"params", request["params"]},
                         {"trial", !o.update_clues},
                         {"user", caller.principal.username},
                         {"per_model", per_model},
                         {"totals", totals}};
          std::string message = "运行编号 " + std::to_string(r.run_no) +
                                (o.update_clues ? "" : "（试算，不更新线索）") + "：模型 " +
                                std::to_string(r.models.size()) + " 个，线索 " +
                                std::to_string(r.findings.size()) + " 条";
          if (o.update_clues) {
            message += "，新增 " + std::to_string(r.clues.created) + "，更新 " +
                       std::to_string(r.clues.updated) + "，重现 " +
                       std::to_string(r.clues.reopened) + "，数据已纠正 " +
                       std::to_string(r.clues.resolved);
          }
          return JobOutcome{std::move(message), std::move(result)};
        });
    if (!job.ok()) return SubmitFailed(req, job.status());
    return http::Response::Json({{"job", JobJson(*job)}}, 202);
  };
  Add(s, std::move(run), auth::Action::kModelsRun);

  http::Route runs{.method = "GET",
                   .pattern = "/api/model-runs",
                   .summary = "模型运行记录（新的在前；每个模型的扫描行数、线索及新增、更新、数据已纠正数）",
                   .tag = "models",
                   .operation_id = "model_runs.list"};
  runs.handler = [st](const http::Request& req) {
    auto limit = QueryLimit(req, 20, 200);
    if (!limit.ok()) return Fail(req, limit.status());
    auto offset = QueryOffset(req);
    if (!offset.ok()) return Fail(req, offset.status());
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    const storage::OrgScope& scope = CallerOf(req).scope;
    auto total = storage::CountRunsInScope(**db, scope);
    if (!total.ok()) return Fail(req, total.status());
    auto rows = storage::ListRunsInScope(**db, scope, *limit, *offset);
    if (!rows.ok()) return Fail(req, rows.status());
    json items = json::array();
    for (const storage::RunRow& r : *rows) items.push_back(RunJson(**db, r));
    return http::Response::Json({{"total", *total}, {"items", items}});
  };
  Add(s, std::move(runs), auth::Action::kModelsRun);

  http::Route upload{.method = "POST",
                     .pattern = "/api/batches",
                     .summary = "上传并导入数据包（请求体为 .zip 或 .tar.gz；严格模式：任一行被拒则整包不导入；导入后受理提请；后台任务）",
                     .tag = "data",
                     .operation_id = "batches.upload",
                     .max_body = s.config.http.max_upload_bytes};
  upload.handler = [st](const http::Request& req) {
    if (req.body().empty()) return Fail(req, InvalidArgument("body：请上传数据包压缩文件"));
    auto suffix = ArchiveSuffix(req);
    if (!suffix.ok()) return Fail(req, suffix.status());
    std::string file_name = req.Query("file_name").value_or("");
    if (file_name.size() > 255 || file_name.find('/') != std::string::npos ||
        file_name.find('\\') != std::string::npos || file_name.find('\0') != std::string::npos) {
      return Fail(req, InvalidArgument("file_name：文件名不合法"));
    }
    auto job = std::make_shared<ImportJob>();
    job->db_url = st->config.db_url;
    job->clock = st->clock;
    job->workflow = st->config.workflow;
    job->actor = ActorOf(req);
    job->actor.duties = workflow::Actor::AllDuties();  // the system's own act, on request
    job->caller = CallerOf(req);
    job->request_id = req.request_id();
    job->ip = req.remote_addr();
    job->file_name = file_name.empty() ? "upload" + *suffix : file_name;
    // The upload goes to disk before the job is queued, so the request's memory is freed.
    auto folder = TempFolder::Make();
    if (!folder.ok()) return Fail(req, folder.status());
    job->folder = std::move(*folder);
    job->archive = job->folder->path() + "/batch" + *suffix;
    {
      std::ofstream out(job->archive, std::ios::binary);
      out.write(req.body().data(), static_cast<std::streamsize>(req.body().size()));
      if (!out.flush()) return Fail(req, IoError("无法保存上传的数据包（磁盘空间不足？）"));
    }
    json request = {{"file_name", job->file_name}, {"bytes", req.body().size()}};
    auto submitted = st->jobs->Submit(JobKind::kImport, job->caller.principal.username,
                                      job->caller.principal.org_id, request,
                                      [job](JobContext& ctx) { return job->Run(ctx); });
    if (!submitted.ok()) return SubmitFailed(req, submitted.status());
    return http::Response::Json({{"job", JobJson(*submitted)}}, 202);
  };
  Add(s, std::move(upload), auth::Action::kDataImport);

  http::Route batches{.method = "GET",
                      .pattern = "/api/batches",
                      .summary = "已导入的数据包（新的在前；每表读取、新增、更新、删除、拒收行数）",
                      .tag = "data",
                      .operation_id = "batches.list"};
  batches.handler = [st](const http::Request& req) {
    auto limit = QueryLimit(req, 20, 200);
    if (!limit.ok()) return Fail(req, limit.status());
    auto offset = QueryOffset(req);
    if (!offset.ok()) return Fail(req, offset.status());
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    const storage::OrgScope& scope = CallerOf(req).scope;
    auto total = storage::CountBatches(**db, scope);
    if (!total.ok()) return Fail(req, total.status());
    auto rows = storage::ListBatches(**db, scope, *limit, *offset);
    if (!rows.ok()) return Fail(req, rows.status());
    json items = json::array();
    for (const storage::BatchListRow& b : *rows) items.push_back(BatchJson(b));
    return http::Response::Json({{"total", *total}, {"items", items}});
  };
  Add(s, std::move(batches), auth::Action::kDataImport);

  http::Route rejects{.method = "GET",
                      .pattern = "/api/batches/{batch_id}/rejects",
                      .summary = "数据包中被拒收、存入隔离区的行（严格模式导入的数据包没有；被拒收的数据包见其导入任务的结果）",
                      .tag = "data",
                      .operation_id = "batches.rejects"};
  rejects.handler = [st](const http::Request& req) {
    auto batch_id = req.PathString("batch_id");
    if (!batch_id.ok()) return Fail(req, batch_id.status());
    auto limit = QueryLimit(req, 100, 1000);
    if (!limit.ok()) return Fail(req, limit.status());
    auto offset = QueryOffset(req);
    if (!offset.ok()) return Fail(req, offset.status());
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto batch = storage::FindBatchInScope(**db, CallerOf(req).scope, *batch_id);
    if (!batch.ok()) return Fail(req, batch.status());
    if (!*batch) {
      return Fail(req, NotFound("没有已导入的数据包“" + *batch_id +
                                "”（被拒收的数据包不入库，拒收的行见其导入任务的结果）"));
    }
    const int64_t batch_no = (*batch)->batch.batch_no;
    auto total = storage::CountQuarantine(**db, batch_no);
    if (!total.ok()) return Fail(req, total.status());
    auto rows = storage::ListQuarantine(**db, batch_no, *limit, *offset);
    if (!rows.ok()) return Fail(req, rows.status());
    json items = json::array();
    for (const storage::QuarantineListRow& r : *rows) {
      const json reasons = ParseJsonColumn(r.row.reasons);
      json item = {{"id", r.id},         {"table", r.row.table}, {"file", r.row.file},
                   {"line", r.row.line}, {"record", r.row.record},
                   {"reasons", reasons.is_array() ? reasons : json::array()}};
      // The first reason at the top, as the import report lists a problem.
      const json first = reasons.is_array() && !reasons.empty() ? reasons[0] : json::object();
      for (const char* k : {"column", "value", "rule", "message"}) item[k] = first.value(k, "");
      items.push_back(std::move(item));
    }
    return http::Response::Json(
        {{"batch_id", *batch_id}, {"batch_no", batch_no}, {"total", *total}, {"items", items}});
  };
  Add(s, std::move(rejects), auth::Action::kDataImport);

  http::Route jobs{.method = "GET",
                   .pattern = "/api/jobs",
                   .summary = "后台任务（数据导入、模型运行；本人及本辖区发起的，新的在前，保留最近 50 个）",
                   .tag = "data",
                   .operation_id = "jobs.list"};
  jobs.handler = [st](const http::Request& req) {
    auto limit = QueryLimit(req, 50, 50);
    if (!limit.ok()) return Fail(req, limit.status());
    const Caller& c = CallerOf(req);
    json items = json::array();
    for (const Job& j : st->jobs->List([&c](const Job& j) { return Visible(c, j); },
                                       static_cast<size_t>(*limit))) {
      items.push_back(JobJson(j));
    }
    return http::Response::Json({{"items", items}});
  };
  Add(s, std::move(jobs), std::nullopt);

  http::Route job{.method = "GET",
                  .pattern = "/api/jobs/{job_id}",
                  .summary = "后台任务的进度与结果",
                  .tag = "data",
                  .operation_id = "jobs.get"};
  job.handler = [st](const http::Request& req) {
    auto id = req.PathString("job_id");
    if (!id.ok()) return Fail(req, id.status());
    auto j = st->jobs->Get(*id);
    if (!j || !Visible(CallerOf(req), *j)) {
      return Fail(req, NotFound("没有任务“" + *id + "”（任务只在服务运行期间保留最近 50 个）"));
    }
    return http::Response::Json(JobJson(*j));
  };
  Add(s, std::move(job), std::nullopt);
}

}  // namespace zj::api
