// /api/persons: find a person in the jurisdiction; one person's record — every sentence with
// the law engine's judgment and explanation, their clues and cases, and who has viewed the
// record (the read itself is audited).
#include "api/internal.h"
#include "domain/codes.h"
#include "law/explain.h"
#include "models/law_cases.h"
#include "storage/audit_store.h"
#include "storage/clue_store.h"
#include "storage/person_records.h"

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

std::string Label(const domain::CodeList& list, const std::string& code) {
  return std::string(list.LabelOf(code).value_or(code));
}

json Yuan(std::optional<int64_t> fen) {
  return fen ? json(static_cast<double>(*fen) / 100.0) : json(nullptr);
}
json Num(std::optional<double> v) { return v ? json(*v) : json(nullptr); }

// The exchange records of a person (storage/person_records.h) with Chinese labels; money in
// yuan; timestamps "YYYY-MM-DD HH:MM".
json RecordsJson(const storage::PersonRecords& p, const App::State::Geo& geo) {
  auto region_name = [&](const std::string& code) -> json {
    if (code.empty()) return nullptr;
    const std::string name = App::State::RegionName(geo, code);
    return name.empty() ? json(code) : json(name);
  };
  json custody = json::array();
  for (const auto& c : p.custody) {
    custody.push_back({{"date", c.date.ToString()},
                       {"event", c.event},
                       {"event_label", Label(domain::kCustodyEvent, c.event)},
                       {"facility_org_id", c.facility_org_id},
                       {"facility_name", c.facility_name},
                       {"note", c.note}});
  }
  json points = json::array();
  for (const auto& t : p.points) {
    points.push_back(
        {{"month", FormatMonth(t.month)},
         {"facility_name", t.facility_name},
         {"base", Num(t.base)},
         {"bonus", Num(t.bonus)},
         {"deduction", Num(t.deduction)},
         {"total", Num(t.total)},
         {"rating", t.rating},
         {"rating_label", t.rating.empty() ? "" : Label(domain::kPointsRating, t.rating)}});
  }
  json rewards = json::array();
  for (const auto& w : p.rewards) {
    rewards.push_back({{"date", w.date.ToString()},
                       {"kind", w.kind},
                       {"kind_label", Label(domain::kRewardKind, w.kind)},
                       {"days", w.days ? json(*w.days) : json(nullptr)},
                       {"reason", w.reason},
                       {"facility_name", w.facility_name}});
  }
  json jobs = json::array();
  for (const auto& j : p.jobs) {
    jobs.push_back(
        {{"start_date", DateText(j.start_date)},
         {"end_date", DateText(j.end_date)},
         {"unit", j.unit},
         {"post", j.post},
         {"post_class", j.post_class},
         {"post_class_label", j.post_class.empty() ? "" : Label(domain::kPostClass, j.post_class)},
         {"facility_name", j.facility_name}});
  }
  json accounts = json::array();
  for (const auto& a : p.accounts) {
    accounts.push_back({{"month", FormatMonth(a.month)},
                        {"deposits", Yuan(a.deposits)},
                        {"spending", Yuan(a.spending)},
                        {"balance", Yuan(a.balance)}});
  }
  json property = json::array();
  for (const auto& c : p.property) {
    json payments = json::array();
    for (const auto& m : c.payments) {
      payments.push_back(
          {{"date", m.date.ToString()},
           {"amount", Yuan(m.amount)},
           {"source", m.source},
           {"source_label", m.source.empty() ? "" : Label(domain::kPaymentSource, m.source)}});
    }
    property.push_back(
        {{"exec_id", c.exec_id},
         {"sentence_id", c.sentence_id},
         {"court_name", c.court_name},
         {"filed_date", DateText(c.filed_date)},
         {"amount_due", Yuan(c.amount_due)},
         {"status", c.status},
         {"status_label", c.status.empty() ? "" : Label(domain::kPropertyCaseStatus, c.status)},
         {"paid", Yuan(c.paid)},
         {"payments", payments}});
  }
  json corrections = json::array();
  for (const auto& k : p.corrections) {
    json events = json::array();
    for (const auto& e : k.events) {
      events.push_back({{"date", e.date.ToString()},
                        {"event", e.event},
                        {"event_label", Label(domain::kCorrectionEvent, e.event)},
                        {"note", e.note}});
    }
    json leaves = json::array();
    for (const auto& l : k.leaves) {
      leaves.push_back(
          {{"leave_id", l.leave_id},
           {"start_ts", TimeText(l.start_ts)},
           {"end_ts", TimeText(l.end_ts)},
           {"destination_region_code",
            l.destination_region_code.empty() ? json(nullptr) : json(l.destination_region_code)},
           {"destination_name", region_name(l.destination_region_code)},
           {"status", l.status},
           {"status_label", l.status.empty() ? "" : Label(domain::kLeaveStatus, l.status)},
           {"returned_ts", l.returned_ts ? json(TimeText(*l.returned_ts)) : json(nullptr)}});
    }
    corrections.push_back(
        {{"correction_id", k.correction_id},
         {"correction_type", k.correction_type},
         {"correction_type_label", Label(domain::kCorrectionType, k.correction_type)},
         {"office_org_id", k.office_org_id},
         {"office_name", k.office_name},
         {"residence_region_code", k.residence_region_code},
         {"residence_name", region_name(k.residence_region_code)},
         {"start_date", DateText(k.start_date)},
         {"end_date", DateText(k.end_date)},
         {"reported_date", DateText(k.reported_date)},
         {"status", k.status},
         {"status_label", k.status.empty() ? "" : Label(domain::kCorrectionStatus, k.status)},
         {"monitored", k.monitored ? json(*k.monitored) : json(nullptr)},
         {"events", events},
         {"leaves", leaves}});
  }
  return {
      {"custody", custody},   {"points", points},     {"rewards", rewards},        {"jobs", jobs},
      {"accounts", accounts}, {"property", property}, {"corrections", corrections}};
}

}  // namespace

void AddPeopleRoutes(App::State& s) {
  App::State* st = &s;

  http::Route search{
      .method = "GET",
      .pattern = "/api/persons",
      .summary = "查找人员（姓名、身份证号或其开头、人员编号或案号；限本院管辖范围）",
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
                  .summary =
                      "人员执行情况：各判决的刑期计算与每次变动的法律判断，出入监、计分考核、"
                      "奖惩、岗位、账户、财产刑、社区矫正记录，线索、案件、查阅记录（查阅留痕）",
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

    auto geo_data = st->GeoData();
    if (!geo_data.ok()) return Fail(req, geo_data.status());
    auto records = storage::GetPersonRecords(**db, caller.scope, *id);
    if (!records.ok()) return Fail(req, records.status());
    out["records"] = RecordsJson(*records, **geo_data);

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
