// /api/persons: find a person in the jurisdiction; one person's record — every sentence with
// the law engine's judgment and explanation, their clues and cases, and who has viewed the
// record (the read itself is audited).
#include "api/internal.h"
#include "law/explain.h"
#include "models/law_cases.h"
#include "storage/audit_store.h"
#include "storage/clue_store.h"

namespace zj::api {
namespace {

using nlohmann::json;

json PersonJson(const storage::PersonBrief& p) {
  return {{"person_id", p.person_id},
          {"name", p.name},
          {"id_number", p.id_number},
          {"gender", p.gender},
          {"birth_date", DateText(p.birth_date)}};
}

}  // namespace

void AddPeopleRoutes(App::State& s) {
  App::State* st = &s;

  http::Route search{.method = "GET",
                     .pattern = "/api/persons",
                     .summary = "查找人员（姓名、身份证号、人员编号或案号；限本院管辖范围）",
                     .tag = "persons",
                     .operation_id = "persons.search"};
  search.handler = [st](const http::Request& req) {
    const std::string q = req.Query("q").value_or("");
    if (q.size() < 2) return Fail(req, InvalidArgument("q：请至少输入两个字符"));
    auto limit = QueryLimit(req, 50, 200);
    if (!limit.ok()) return Fail(req, limit.status());
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto rows = storage::SearchPersons(**db, CallerOf(req).scope, q, *limit);
    if (!rows.ok()) return Fail(req, rows.status());
    json items = json::array();
    for (const auto& p : *rows) items.push_back(PersonJson(p));
    return http::Response::Json({{"items", items}});
  };
  Add(s, std::move(search), auth::Action::kViewCasework);

  http::Route get{.method = "GET",
                  .pattern = "/api/persons/{person_id}",
                  .summary = "人员执行情况：各判决的刑期计算与每次变动的法律判断、线索、案件、查阅记录（查阅留痕）",
                  .tag = "persons",
                  .operation_id = "persons.get"};
  get.handler = [st](const http::Request& req) {
    auto id = req.PathString("person_id");
    if (!id.ok()) return Fail(req, id.status());
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto as_of = models::DefaultAsOf(**db);
    if (!as_of.ok()) return Fail(req, as_of.status());
    const Caller& caller = CallerOf(req);
    auto v = workflow::GetPerson(**db, *st->clock, ActorOf(req), *id, *as_of);
    if (!v.ok()) return Fail(req, v.status());
    json out = PersonJson(v->person);
    out["as_of"] = as_of->ToString();
    json sentences = json::array();
    for (size_t i = 0; i < v->cases.size(); ++i) {
      json j = json::parse(law::ToJson(v->cases[i], v->judgments[i]).dump());
      j["timeline"] = law::Timeline(v->cases[i], v->judgments[i]);
      sentences.push_back(j);
    }
    out["sentences"] = sentences;

    storage::ClueFilter cf;
    cf.person_id = *id;
    cf.limit = 500;
    if (!caller.scope.all()) cf.org_ids = caller.scope.org_ids();
    auto clues = storage::ListClues(**db, cf);
    if (!clues.ok()) return Fail(req, clues.status());
    json clue_items = json::array();
    for (const auto& c : *clues) {
      clue_items.push_back({{"clue_no", c.clue_no},
                            {"model", c.content.model},
                            {"title", c.content.title},
                            {"summary", c.content.summary},
                            {"severity", c.content.severity},
                            {"status", c.status},
                            {"triage_state", c.triage_state.empty() ? "new" : c.triage_state}});
    }
    out["clues"] = clue_items;

    storage::CaseFilter kf;
    kf.person_id = *id;
    kf.limit = 500;
    auto cases = storage::ListCases(**db, caller.scope, kf);
    if (!cases.ok()) return Fail(req, cases.status());
    json case_items = json::array();
    for (const auto& c : *cases) {
      const workflow::CaseState* state = workflow::FindCaseState(c.row.state);
      case_items.push_back({{"case_id", c.row.case_id},
                            {"case_no", c.row.case_no},
                            {"case_type", c.row.case_type},
                            {"title", c.row.title},
                            {"state", c.row.state},
                            {"state_label", state ? std::string(state->label) : ""}});
    }
    out["cases"] = case_items;

    storage::AuditFilter af;
    af.object_type = "person";
    af.object_id = *id;
    af.limit = 50;
    auto viewers = storage::ListAudit(**db, af);
    if (!viewers.ok()) return Fail(req, viewers.status());
    json seen = json::array();
    for (const auto& a : *viewers) {
      seen.push_back({{"at", a.entry.at},
                      {"username", a.entry.username},
                      {"action", a.entry.action},
                      {"ip", a.entry.ip}});
    }
    out["viewers"] = seen;
    return http::Response::Json(out);
  };
  Add(s, std::move(get), auth::Action::kViewCasework);
}

}  // namespace zj::api
