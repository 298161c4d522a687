// /api/indicators: the casework indicators of the caller's jurisdiction over a period, and the
// monthly report as XLSX (one row per subordinate procuratorate); /api/clues.xlsx and
// /api/cases.xlsx: any list, with the list's filters, as a spreadsheet.
#include "api/internal.h"
#include "models/registry.h"
#include "report/xlsx.h"
#include "storage/case_store.h"
#include "storage/clue_store.h"
#include "storage/dashboard_store.h"

namespace zj::api {
namespace {

using nlohmann::json;

double Rate(int64_t num, int64_t den) { return den == 0 ? 0.0 : double(num) / double(den); }

json IndicatorsJson(const storage::IndicatorCounts& k) {
  json by_model = json::array();
  for (const auto& [m, n] : k.clues_by_model) {
    const models::ModelSpec* spec = models::FindModel(m);
    by_model.push_back({{"model", m}, {"name", spec ? std::string(spec->name) : ""}, {"count", n}});
  }
  json by_type = json::object();
  for (const auto& [t, n] : k.cases_by_type) by_type[t] = n;
  json by_kind = json::object();
  for (const auto& [t, n] : k.documents_by_kind) by_kind[t] = n;
  return {{"clues_created", k.clues_created},
          {"clues_by_model", by_model},
          {"clues_triaged", k.clues_triaged},
          {"clues_promoted", k.clues_promoted},
          {"clues_dismissed", k.clues_dismissed},
          {"conversion_rate", Rate(k.clues_promoted, k.clues_triaged)},
          {"cases_accepted", k.cases_accepted},
          {"cases_by_type", by_type},
          {"documents_issued", k.documents_issued},
          {"documents_by_kind", by_kind},
          {"replies_due", k.replies_due},
          {"replies_received", k.replies_received},
          {"adopted", k.adopted},
          {"adoption_rate", Rate(k.adopted, k.replies_received)},
          {"rectification_due", k.rectification_due},
          {"rectified", k.rectified},
          {"rectification_rate", Rate(k.rectified, k.rectification_due)},
          {"overdue_open", k.overdue_open},
          {"overdue_met_late", k.overdue_met_late}};
}

// ?from=&to= (dates), default the month so far.
Status PeriodOf(const http::Request& req, Date today, Date* from, Date* to) {
  ZJ_ASSIGN_OR_RETURN(auto f, QueryDate(req, "from"));
  ZJ_ASSIGN_OR_RETURN(auto t, QueryDate(req, "to"));
  int y, m, d;
  today.ToCivil(&y, &m, &d);
  *from = f.value_or(*Date::FromCivil(y, m, 1));
  *to = t.value_or(today);
  if (*to < *from) return InvalidArgument("to：截止日期不能早于起始日期");
  return Status::Ok();
}

std::vector<report::Cell> Row(std::initializer_list<report::Cell> cells) { return cells; }

// The units of the monthly report: the caller's office (its whole jurisdiction), then each
// procuratorate directly under it, with the scope of each.
struct Unit {
  std::string org_id;
  std::string name;
  storage::OrgScope scope;
};
Result<std::vector<Unit>> UnitsOf(App::State& st, storage::Database& db, const Caller& caller) {
  std::vector<Unit> units;
  ZJ_ASSIGN_OR_RETURN(storage::OrgBrief own, storage::GetOrg(db, caller.principal.org_id));
  units.push_back({own.org_id, own.name, caller.scope});
  ZJ_ASSIGN_OR_RETURN(auto children, storage::ChildProcuratorates(db, caller.principal.org_id));
  for (const auto& c : children) {
    ZJ_ASSIGN_OR_RETURN(storage::OrgScope scope, st.scopes->ScopeOf(db, c.org_id, {}));
    units.push_back({c.org_id, c.name, std::move(scope)});
  }
  return units;
}

// One row of the monthly figures as JSON (the XLSX columns).
Result<json> UnitJson(storage::Database& db, const Unit& u, Date first, Date last, Date today) {
  ZJ_ASSIGN_OR_RETURN(storage::IndicatorCounts k,
                      storage::CountIndicators(db, u.scope, first, last, today));
  ZJ_ASSIGN_OR_RETURN(int64_t open,
                      storage::CountOpenCluesCreated(db, u.scope, BeijingDayStart(first),
                                                     BeijingDayStart(last + 1)));
  return json{{"org_id", u.org_id},
              {"org_name", u.name},
              {"clues_found", k.clues_created},
              {"clues_open", open},
              {"clues_triaged", k.clues_triaged},
              {"clues_promoted", k.clues_promoted},
              {"clues_dismissed", k.clues_dismissed},
              {"conversion_rate", RateJson(k.clues_promoted, k.clues_triaged)},
              {"cases_opened", k.cases_accepted},
              {"documents_issued", k.documents_issued},
              {"replies", k.replies_received},
              {"adopted", k.adopted},
              {"adoption_rate", RateJson(k.adopted, k.replies_received)},
              {"rectification_due", k.rectification_due},
              {"rectified", k.rectified},
              {"rectification_rate", RateJson(k.rectified, k.rectification_due)},
              {"overdue", k.overdue_open}};
}

}  // namespace

void AddReportRoutes(App::State& s) {
  App::State* st = &s;

  http::Route get{.method = "GET",
                  .pattern = "/api/indicators",
                  .summary = "办案指标：按模型的线索数、成案率、制发文书、采纳率、整改率、逾期数（本院管辖范围，from/to 期间）",
                  .tag = "reports",
                  .operation_id = "indicators.get"};
  get.handler = [st](const http::Request& req) {
    Date from, to;
    const Date today = st->clock->TodayBeijing();
    if (Status p = PeriodOf(req, today, &from, &to); !p.ok()) return Fail(req, p);
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto k = storage::CountIndicators(**db, CallerOf(req).scope, from, to, today);
    if (!k.ok()) return Fail(req, k.status());
    json out = IndicatorsJson(*k);
    out["from"] = from.ToString();
    out["to"] = to.ToString();
    return http::Response::Json(out);
  };
  Add(s, std::move(get), auth::Action::kIndicatorsView);

  http::Route monthly{.method = "GET",
                      .pattern = "/api/indicators/monthly.xlsx",
                      .summary = "月度办案情况报表（Excel；month=YYYY-MM；本院及下级院各一行）",
                      .tag = "reports",
                      .operation_id = "indicators.monthly"};
  monthly.handler = [st](const http::Request& req) {
    const Date today = st->clock->TodayBeijing();
    Date first, last;
    if (Status m = MonthOf(req, today, /*required=*/true, &first, &last); !m.ok()) {
      return Fail(req, m);
    }
    const int y = first.year(), m = first.month();
    const std::string month = FormatMonth(y * 12 + m - 1);
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto unit_list = UnitsOf(*st, **db, CallerOf(req));
    if (!unit_list.ok()) return Fail(req, unit_list.status());
    // Rows: the caller's office (its whole jurisdiction), then each procuratorate under it.
    std::vector<std::pair<std::string, storage::OrgScope>> units;
    for (const Unit& u : *unit_list) units.emplace_back(u.name, u.scope);
    units[0].first += "（合计）";
    const std::string own_name = unit_list->front().name;
    report::Sheet sheet;
    sheet.name = "办案情况";
    sheet.title_rows = {own_name + " 刑事执行检察办案情况月报（" + std::to_string(y) + "年" +
                            std::to_string(m) + "月）",
                        "统计期间：" + first.ToString() + " 至 " + last.ToString() +
                            "；逾期未办截至 " + today.ToString()};
    using T = report::ColumnType;
    sheet.columns = {{"单位", T::kText, 28},         {"新增线索", T::kInt, 10},
                     {"已研判", T::kInt, 10},        {"立案", T::kInt, 8},
                     {"排除", T::kInt, 8},           {"成案率", T::kPercent, 10},
                     {"受理案件", T::kInt, 10},      {"制发文书", T::kInt, 10},
                     {"已回复", T::kInt, 10},        {"采纳", T::kInt, 8},
                     {"采纳率", T::kPercent, 10},    {"应整改", T::kInt, 10},
                     {"整改到位", T::kInt, 10},      {"整改率", T::kPercent, 10},
                     {"逾期未办", T::kInt, 10}};
    report::Sheet by_model;
    by_model.name = "线索（按模型）";
    by_model.columns = {{"模型", T::kText, 8}, {"名称", T::kText, 28}, {"新增线索", T::kInt, 10}};
    for (size_t i = 0; i < units.size(); ++i) {
      auto k = storage::CountIndicators(**db, units[i].second, first, last, today);
      if (!k.ok()) return Fail(req, k.status());
      sheet.rows.push_back(Row({units[i].first, k->clues_created, k->clues_triaged,
                                k->clues_promoted, k->clues_dismissed,
                                Rate(k->clues_promoted, k->clues_triaged), k->cases_accepted,
                                k->documents_issued, k->replies_received, k->adopted,
                                Rate(k->adopted, k->replies_received), k->rectification_due,
                                k->rectified, Rate(k->rectified, k->rectification_due),
                                k->overdue_open}));
      if (i == 0) {
        for (const auto& [model, n] : k->clues_by_model) {
          const models::ModelSpec* spec = models::FindModel(model);
          by_model.rows.push_back(
              Row({model, spec ? std::string(spec->name) : std::string(), n}));
        }
      }
    }
    auto bytes = report::WriteXlsx({.sheets = {sheet, by_model}});
    if (!bytes.ok()) return Fail(req, bytes.status());
    return http::Response::File(std::move(*bytes),
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                "办案情况月报-" + month + ".xlsx");
  };
  Add(s, std::move(monthly), auth::Action::kIndicatorsView);

  http::Route by_org{.method = "GET",
                     .pattern = "/api/indicators/by-org",
                     .summary =
                         "月度办案情况（month=YYYY-MM，默认本月）：下级院各一行及本院合计，"
                         "与月报 Excel 数字相同",
                     .tag = "reports",
                     .operation_id = "indicators.by_org"};
  by_org.handler = [st](const http::Request& req) {
    const Date today = st->clock->TodayBeijing();
    Date first, last;
    if (Status m = MonthOf(req, today, /*required=*/false, &first, &last); !m.ok()) {
      return Fail(req, m);
    }
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto units = UnitsOf(*st, **db, CallerOf(req));
    if (!units.ok()) return Fail(req, units.status());
    storage::Transaction txn(**db);
    if (Status b = txn.BeginRead(); !b.ok()) return Fail(req, b);
    json rows = json::array(), total;
    for (size_t i = 0; i < units->size(); ++i) {
      auto j = UnitJson(**db, (*units)[i], first, last, today);
      if (!j.ok()) return Fail(req, j.status());
      (i == 0 ? total : rows.emplace_back()) = std::move(*j);
    }
    // A procuratorate with none under it (a county) is its own only row.
    if (rows.empty()) rows.push_back(total);
    return http::Response::Json({{"month", FormatMonth(first.year() * 12 + first.month() - 1)},
                                 {"from", first.ToString()},
                                 {"to", last.ToString()},
                                 {"rows", rows},
                                 {"total", total}});
  };
  Add(s, std::move(by_org), auth::Action::kIndicatorsView);

  http::Route months{
      .method = "GET",
      .pattern = "/api/indicators/months",
      .summary = "近24个月中有办案数据（新增线索、受理案件、制发文书）的月份，新的在前",
      .tag = "reports",
      .operation_id = "indicators.months"};
  months.handler = [st](const http::Request& req) {
    const Date today = st->clock->TodayBeijing();
    const int32_t now = today.year() * 12 + today.month() - 1;
    std::vector<Timestamp> bounds;
    for (int32_t m = now - 23; m <= now + 1; ++m) {
      bounds.push_back(BeijingDayStart(*Date::FromCivil(m / 12, m % 12 + 1, 1)));
    }
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto counts = storage::CaseworkActivity(**db, CallerOf(req).scope, bounds);
    if (!counts.ok()) return Fail(req, counts.status());
    json out = json::array();
    for (int32_t i = 23; i >= 0; --i) {
      if ((*counts)[static_cast<size_t>(i)] > 0) out.push_back(FormatMonth(now - 23 + i));
    }
    return http::Response::Json({{"months", out}});
  };
  Add(s, std::move(months), auth::Action::kIndicatorsView);
}

}  // namespace zj::api
