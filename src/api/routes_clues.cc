// /api/clues: the clue list (filters, paging), one clue with its history, triage actions,
// and promotion of clues to a case (立案); /api/assignees: whom a clue may be assigned to.
#include <algorithm>

#include "api/internal.h"
#include "law/rulebook.h"
#include "law/rules_doc.h"
#include "models/registry.h"
#include "report/xlsx.h"
#include "storage/account_store.h"
#include "storage/clue_store.h"

namespace zj::api {

Result<storage::ClueFilter> ClueFilterOf(const http::Request& req, int64_t max_limit) {
  storage::ClueFilter f;
  f.models = QueryList(req, "model");
  for (const std::string& m : f.models) {
    if (!models::FindModel(m)) return InvalidArgument("model：没有监督模型“" + m + "”");
  }
  f.status = req.Query("status").value_or("");
  if (!f.status.empty() && f.status != "open" && f.status != "resolved_by_data") {
    return InvalidArgument("status：应为 open（未消除）或 resolved_by_data（数据已消除）");
  }
  f.severities = QueryList(req, "severity");
  for (const std::string& v : f.severities) {
    if (v != "high" && v != "medium" && v != "low") {
      return InvalidArgument("severity：应为 high、medium 或 low");
    }
  }
  f.triage_states = QueryList(req, "triage");
  for (const std::string& v : f.triage_states) {
    if (v != "new" && workflow::TriageStateLabel(v) == v) {
      return InvalidArgument("triage：没有研判状态“" + v + "”");
    }
  }
  f.person_id = req.Query("person").value_or("");
  ZJ_ASSIGN_OR_RETURN(f.assignee_id, QueryInt(req, "assignee"));
  ZJ_ASSIGN_OR_RETURN(f.limit, QueryLimit(req, 50, max_limit));
  ZJ_ASSIGN_OR_RETURN(f.offset, QueryOffset(req));
  const storage::OrgScope& scope = CallerOf(req).scope;
  std::vector<std::string> orgs = QueryList(req, "org");
  if (!scope.all()) {
    if (orgs.empty()) {
      orgs = scope.org_ids();
    } else {
      std::erase_if(orgs, [&](const std::string& o) { return !scope.Contains(o); });
      if (orgs.empty()) orgs.push_back("");  // asked only for orgs outside: nothing
    }
  }
  if (!orgs.empty()) f.org_ids = orgs;
  return f;
}

namespace {

using nlohmann::json;

json BasisJson(const std::string& basis_text) {
  json out = json::array();
  json basis = ParseJsonColumn(basis_text);
  if (!basis.is_array()) return out;
  for (const json& b : basis) {
    if (!b.is_string()) continue;
    const std::string id = b.get<std::string>();
    json item = {{"id", id}};
    if (const law::Rule* r = law::FindRule(id)) {
      item["title"] = std::string(r->title);
      item["citation"] = std::string(r->citation);
      const std::string text = law::RuleNumbersText(id);
      if (!text.empty()) item["text"] = text;
    }
    out.push_back(item);
  }
  return out;
}

json TriageJson(const storage::TriageRow& t, const std::string& assignee_name) {
  return {{"state", t.state.empty() ? "new" : t.state},
          {"state_label", std::string(workflow::TriageStateLabel(t.state))},
          {"assignee_id", t.assignee_id ? json(*t.assignee_id) : json()},
          {"assignee_name", t.assignee_id ? json(assignee_name) : json()},
          {"reason_code", t.reason_code},
          {"note", t.note},
          {"merged_into", t.merged_into ? json(*t.merged_into) : json()},
          {"case_id", t.case_id ? json(*t.case_id) : json()},
          {"version", t.version}};
}

json ClueListJson(const storage::ClueRow& r) {
  const models::ModelSpec* m = models::FindModel(r.content.model);
  return {{"clue_no", r.clue_no},
          {"model", r.content.model},
          {"model_name", m ? std::string(m->name) : ""},
          {"severity", r.content.severity},
          {"title", r.content.title},
          {"summary", r.content.summary},
          {"person_id", r.content.person_id},
          {"person_name", r.person_name},
          {"org_id", r.content.org_id},
          {"status", r.status},
          {"triage_state", r.triage_state.empty() ? "new" : r.triage_state},
          {"triage_label", std::string(workflow::TriageStateLabel(r.triage_state))},
          {"triage_version", r.triage_version},
          {"assignee_id", r.assignee_id ? json(*r.assignee_id) : json()},
          {"assignee_name", r.assignee_id ? json(r.assignee_name) : json()},
          {"case_id", r.case_id ? json(*r.case_id) : json()},
          {"created_at", r.created_at}};
}

// The roles a clue may be assigned to: those whose duty is to verify clues (核查线索); an
// assigned clue waits for its assignee to start verifying it.
std::vector<std::string> AssigneeRoles() {
  std::vector<std::string> out;
  for (auth::Role r : auth::AllRoles()) {
    if (auth::Can(r, auth::Action::kClueVerify)) out.emplace_back(auth::RoleCode(r));
  }
  return out;
}

size_t CodePoints(std::string_view s) {
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

constexpr size_t kMaxAssigneeQuery = 32;  // characters of ?q=

}  // namespace

void AddClueRoutes(App::State& s) {
  App::State* st = &s;

  http::Route list{.method = "GET",
                   .pattern = "/api/clues",
                   .summary = "线索列表（按模型、状态、严重程度、研判状态、人员、机构筛选，分页）",
                   .tag = "clues",
                   .operation_id = "clues.list"};
  list.handler = [st](const http::Request& req) {
    auto f = ClueFilterOf(req, 500);
    if (!f.ok()) return Fail(req, f.status());
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto rows = storage::ListClues(**db, *f);
    if (!rows.ok()) return Fail(req, rows.status());
    auto total = storage::CountClues(**db, *f);
    if (!total.ok()) return Fail(req, total.status());
    json items = json::array();
    for (const auto& r : *rows) items.push_back(ClueListJson(r));
    return http::Response::Json({{"total", *total}, {"items", items}});
  };
  Add(s, std::move(list), auth::Action::kViewCasework);

  http::Route get{.method = "GET",
                  .pattern = "/api/clues/{clue_no:int}",
                  .summary = "线索详情：事实、法律依据、数据变化与研判记录（查阅留痕）",
                  .tag = "clues",
                  .operation_id = "clues.get"};
  get.handler = [st](const http::Request& req) {
    auto clue_no = req.PathInt("clue_no");
    if (!clue_no.ok()) return Fail(req, clue_no.status());
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto v = workflow::GetClue(**db, *st->clock, ActorOf(req), *clue_no);
    if (!v.ok()) return Fail(req, v.status());
    const storage::ClueRef& c = v->clue;
    const models::ModelSpec* m = models::FindModel(c.model);
    json history = json::array();
    for (const auto& h : v->history) {
      history.push_back({{"run_no", h.run_no},
                         {"at", h.at},
                         {"event", h.event},
                         {"status", h.status},
                         {"detail", ParseJsonColumn(h.detail)}});
    }
    json actions = json::array();
    for (const auto& a : v->actions) {
      actions.push_back(
          {{"at", a.at},
           {"user_id", a.user_id ? json(*a.user_id) : json()},
           {"user_name", a.user_id ? json(a.user_name) : json()},
           {"assignee_name", a.assignee_name.empty() ? json() : json(a.assignee_name)},
           {"action", a.action},
           {"from", a.from_state},
           {"to", a.to_state},
           {"detail", ParseJsonColumn(a.detail)}});
    }
    json out = {{"clue_no", c.clue_no},
                {"model", c.model},
                {"model_name", m ? std::string(m->name) : ""},
                {"key", ParseJsonColumn(c.key)},
                {"severity", c.severity},
                {"title", c.title},
                {"summary", c.summary},
                {"person_id", c.person_id},
                {"person_name", c.person_name},
                {"org_id", c.org_id},
                {"status", c.status},
                {"facts", ParseJsonColumn(c.facts)},
                {"basis", BasisJson(c.basis)},
                {"window", ParseJsonColumn(c.window)},
                {"triage", TriageJson(c.triage, c.assignee_name)},
                {"history", history},
                {"actions", actions}};
    return http::Response::Json(out);
  };
  Add(s, std::move(get), auth::Action::kViewCasework);

  http::Route triage{.method = "POST",
                     .pattern = "/api/clues/{clue_no:int}/triage",
                     .summary = "线索研判：分派、核查、排除、合并、恢复（须带 version）",
                     .tag = "clues",
                     .operation_id = "clues.triage",
                     .max_body = 16 * 1024};
  triage.handler = [st](const http::Request& req) {
    auto clue_no = req.PathInt("clue_no");
    if (!clue_no.ok()) return Fail(req, clue_no.status());
    auto body = BodyObject(req);
    if (!body.ok()) return Fail(req, body.status());
    workflow::TriageRequest t;
    auto action = RequireString(*body, "action");
    if (!action.ok()) return Fail(req, action.status());
    t.action = *action;
    auto version = RequireInt(*body, "version");
    if (!version.ok()) return Fail(req, version.status());
    t.expected_version = *version;
    auto assignee = OptInt(*body, "assignee_id");
    auto merge = OptInt(*body, "merge_into");
    auto reason = OptString(*body, "reason_code");
    auto note = OptString(*body, "note");
    for (const Status& e : {assignee.status(), merge.status(), reason.status(), note.status()}) {
      if (!e.ok()) return Fail(req, e);
    }
    t.assignee_id = *assignee;
    t.merge_into = *merge;
    t.reason_code = *reason;
    t.note = *note;
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto v = workflow::ApplyTriage(**db, *st->clock, ActorOf(req), *clue_no, t);
    if (!v.ok()) return Fail(req, v.status());
    return http::Response::Json({{"clue_no", *clue_no}, {"version", *v}});
  };
  // Each triage action needs its own duty; the workflow checks it. Viewing is the floor.
  Add(s, std::move(triage), auth::Action::kViewCasework);

  http::Route assignees{
      .method = "GET",
      .pattern = "/api/assignees",
      .summary = "可分派的承办人：本院管辖范围内在用的检察官、检察官助理、派驻检察人员和部门负责人"
                 "（q 按姓名或用户名筛选，org 限定机构）",
      .tag = "clues",
      .operation_id = "assignees.list"};
  assignees.handler = [st](const http::Request& req) {
    storage::AssigneeFilter f;
    f.roles = AssigneeRoles();
    f.text = req.Query("q").value_or("");
    if (CodePoints(f.text) > kMaxAssigneeQuery) {
      return Fail(req, InvalidArgument("q：筛选文字不能超过 " + std::to_string(kMaxAssigneeQuery) +
                                       " 个字"));
    }
    auto limit = QueryLimit(req, 100, 500);
    if (!limit.ok()) return Fail(req, limit.status());
    f.limit = *limit;
    const storage::OrgScope& scope = CallerOf(req).scope;
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    f.org_id = req.Query("org").value_or("");
    if (!f.org_id.empty()) {
      // An org outside the jurisdiction answers like one that does not exist.
      auto org = storage::FindOrg(**db, f.org_id);
      if (!org.ok()) return Fail(req, org.status());
      if (!*org || !(scope.all() || scope.Contains(f.org_id))) {
        return Fail(req, InvalidArgument("org：本院管辖范围内没有机构“" + f.org_id + "”"));
      }
    }
    auto rows = storage::ListAssignees(**db, scope, f);
    if (!rows.ok()) return Fail(req, rows.status());
    json items = json::array();
    for (const auto& a : *rows) {
      auto role = auth::ParseRole(a.role);
      items.push_back({{"user_id", a.user_id},
                       {"username", a.username},
                       {"display_name", a.display_name},
                       {"role", a.role},
                       {"role_label", role ? std::string(auth::RoleLabel(*role)) : ""},
                       {"org_id", a.org_id},
                       {"org_name", a.org_name}});
    }
    return http::Response::Json({{"items", items}});
  };
  Add(s, std::move(assignees), auth::Action::kClueAssign);

  http::Route promote{.method = "POST",
                      .pattern = "/api/cases",
                      .summary = "线索立案：一条或多条线索立为纠正违法或检察建议案件",
                      .tag = "cases",
                      .operation_id = "cases.create",
                      .max_body = 64 * 1024};
  promote.handler = [st](const http::Request& req) {
    auto body = BodyObject(req);
    if (!body.ok()) return Fail(req, body.status());
    workflow::PromoteRequest p;
    auto clues = body->find("clues");
    if (clues == body->end() || !clues->is_array() || clues->empty()) {
      return Fail(req, InvalidArgument("clues：请选择要立案的线索（[{clue_no, version}]）"));
    }
    for (const json& c : *clues) {
      if (!c.is_object()) return Fail(req, InvalidArgument("clues：每项应为 {clue_no, version}"));
      auto no = RequireInt(c, "clue_no");
      auto version = RequireInt(c, "version");
      if (!no.ok()) return Fail(req, no.status());
      if (!version.ok()) return Fail(req, version.status());
      p.clues.emplace_back(*no, *version);
    }
    auto type = RequireString(*body, "case_type");
    if (!type.ok()) return Fail(req, type.status());
    p.case_type = *type;
    auto title = OptString(*body, "title");
    if (!title.ok()) return Fail(req, title.status());
    p.title = *title;
    auto handler = OptInt(*body, "handler_id");
    if (!handler.ok()) return Fail(req, handler.status());
    p.handler_id = *handler;
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto id = workflow::Promote(**db, *st->clock, st->config.workflow, ActorOf(req), p);
    if (!id.ok()) return Fail(req, id.status());
    return http::Response::Json({{"case_id", *id}}, 201);
  };
  Add(s, std::move(promote), auth::Action::kClueDecide);

  http::Route xlsx{.method = "GET",
                   .pattern = "/api/clues.xlsx",
                   .summary = "导出线索列表（Excel；筛选条件同线索列表，最多 10 万条）",
                   .tag = "clues",
                   .operation_id = "clues.export"};
  xlsx.handler = [st](const http::Request& req) {
    auto f = ClueFilterOf(req, 100000);
    if (!f.ok()) return Fail(req, f.status());
    if (!req.Query("limit")) f->limit = 100000;
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto rows = storage::ListClues(**db, *f);
    if (!rows.ok()) return Fail(req, rows.status());
    using T = report::ColumnType;
    report::Sheet sheet{.name = "线索",
                        .title_rows = {"线索清单（导出于 " +
                                       FormatTimestamp(st->clock->Now()) + "）"},
                        .columns = {{"线索编号", T::kInt, 10},
                                    {"模型", T::kText, 6},
                                    {"模型名称", T::kText, 20},
                                    {"严重程度", T::kText, 8},
                                    {"人员", T::kText, 10},
                                    {"人员编号", T::kText, 14},
                                    {"机构编号", T::kText, 18},
                                    {"摘要", T::kText, 60},
                                    {"数据状态", T::kText, 10},
                                    {"研判状态", T::kText, 10},
                                    {"案件编号", T::kInt, 10}},
                        .rows = {}};
    for (const auto& r : *rows) {
      const models::ModelSpec* m = models::FindModel(r.content.model);
      report::Cell case_id;
      if (r.case_id) case_id = *r.case_id;
      sheet.rows.push_back({r.clue_no, r.content.model, m ? std::string(m->name) : std::string(),
                            r.content.severity == "high"     ? std::string("高")
                            : r.content.severity == "medium" ? std::string("中")
                                                             : std::string("低"),
                            r.person_name, r.content.person_id, r.content.org_id,
                            r.content.summary,
                            std::string(r.status == "open" ? "未消除" : "数据已消除"),
                            std::string(workflow::TriageStateLabel(r.triage_state)), case_id});
    }
    auto bytes = report::WriteXlsx({.sheets = {std::move(sheet)}});
    if (!bytes.ok()) return Fail(req, bytes.status());
    return http::Response::File(std::move(*bytes),
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                "线索清单.xlsx");
  };
  Add(s, std::move(xlsx), auth::Action::kViewCasework);
}

}  // namespace zj::api
