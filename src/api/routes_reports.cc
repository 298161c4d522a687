// /api/indicators: the casework indicators of the caller's jurisdiction over a period, and the
// monthly report as XLSX (one row per subordinate procuratorate); /api/clues.xlsx and
// /api/cases.xlsx: any list, with the list's filters, as a spreadsheet.
#include "api/internal.h"
#include "models/registry.h"
#include "report/xlsx.h"
#include "storage/case_store.h"
#include "storage/clue_store.h"

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
    const std::string month = req.Query("month").value_or("");
    auto first = Date::Parse(month + "-01");
    if (month.size() != 7 || !first) {
      return Fail(req, InvalidArgument("month：月份格式应为 YYYY-MM，收到“" + month + "”"));
    }
    int y, m, d;
    first->ToCivil(&y, &m, &d);
    const Date last = *Date::FromCivil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) + (-1);
    const Date today = st->clock->TodayBeijing();
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    const Caller& caller = CallerOf(req);
    // Rows: the caller's office (its whole jurisdiction), then each procuratorate under it.
    std::vector<std::pair<std::string, storage::OrgScope>> units;
    auto own = storage::GetOrg(**db, caller.principal.org_id);
    if (!own.ok()) return Fail(req, own.status());
    units.emplace_back(own->name + "（合计）", caller.scope);
    auto children = storage::ChildProcuratorates(**db, caller.principal.org_id);
    if (!children.ok()) return Fail(req, children.status());
    for (const auto& c : *children) {
      auto scope = st->scopes->ScopeOf(**db, c.org_id, {});
      if (!scope.ok()) return Fail(req, scope.status());
      units.emplace_back(c.name, *scope);
    }
    report::Sheet sheet;
    sheet.name = "办案情况";
    sheet.title_rows = {own->name + " 刑事执行检察办案情况月报（" + std::to_string(y) + "年" +
                            std::to_string(m) + "月）",
                        "统计期间：" + first->ToString() + " 至 " + last.ToString() +
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
      auto k = storage::CountIndicators(**db, units[i].second, *first, last, today);
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
}

}  // namespace zj::api
