// /api/dashboard: the home page's figures for the caller's jurisdiction; /api/office-logs: the
// office's daily log (检察日志); /api/clues/{clue_no}/trajectory: the positions and county
// outlines behind a trajectory clue (M14–M16); /api/orgs: the orgs of the jurisdiction for
// filter pickers.
#include <algorithm>

#include "api/internal.h"
#include "domain/codes.h"
#include "models/registry.h"
#include "storage/dashboard_store.h"
#include "storage/office_log_store.h"
#include "storage/person_records.h"
#include "workflow/case_machine.h"
#include "workflow/office_log.h"

namespace zj::api {
namespace {

using nlohmann::json;

constexpr int64_t kDay = 86400;
// Positions shown around a trajectory clue's episode, and at most how many.
constexpr int64_t kTrackMarginSeconds = kDay;
constexpr int64_t kTrackMaxPoints = 5000;

json OfficeLogJson(const storage::OfficeLogRow& l) {
  return {{"id", l.log_id},
          {"org_id", l.org_id},
          {"org_name", l.org_name},
          {"author", l.author},
          {"author_name", l.author_name},
          {"log_date", l.log_date.ToString()},
          {"category", l.category},
          {"category_label", std::string(workflow::OfficeLogCategoryLabel(l.category))},
          {"content", l.content},
          {"created_at", TimeText(l.created_at)}};
}

std::string Label(const domain::CodeList& list, const std::string& code) {
  return std::string(list.LabelOf(code).value_or(code));
}

json OrgJson(const storage::OrgBrief& o) {
  return {{"org_id", o.org_id},
          {"name", o.name},
          {"org_type", o.org_type},
          {"parent_id", o.parent_id.empty() ? json(nullptr) : json(o.parent_id)},
          {"region_code", o.region_code.empty() ? json(nullptr) : json(o.region_code)}};
}

// The non-terminal case states (workflow/case_machine.h): an open case is in one of them.
std::vector<std::string> OpenCaseStates() {
  std::vector<std::string> out;
  for (const workflow::CaseState& s : workflow::CaseStates()) {
    if (!s.terminal) out.emplace_back(s.code);
  }
  return out;
}

// The Beijing first instant of month `index` (year*12 + month-1).
Timestamp MonthStart(int32_t index) {
  return BeijingDayStart(*Date::FromCivil(index / 12, index % 12 + 1, 1));
}

int32_t MonthIndex(Date d) { return d.year() * 12 + d.month() - 1; }

int32_t RegionCode(const std::string& code) { return App::State::RegionCode(code); }

std::string RegionName(const App::State::Geo* g, const std::string& code) {
  return g ? App::State::RegionName(*g, code) : std::string();
}

json LeaveJson(const storage::LeaveRecord& l, const App::State::Geo* g) {
  return {{"leave_id", l.leave_id},
          {"start_ts", TimeText(l.start_ts)},
          {"end_ts", TimeText(l.end_ts)},
          {"destination_region_code",
           l.destination_region_code.empty() ? json(nullptr) : json(l.destination_region_code)},
          {"destination_name", l.destination_region_code.empty()
                                   ? json(nullptr)
                                   : json(RegionName(g, l.destination_region_code))},
          {"status", l.status},
          {"status_label", Label(domain::kLeaveStatus, l.status)},
          {"returned_ts", l.returned_ts ? json(TimeText(*l.returned_ts)) : json(nullptr)}};
}

// A "YYYY-MM-DDTHH:MM:SS+08:00" string of a finding's window or facts, or nullopt.
std::optional<Timestamp> TimeOf(const json& v) {
  if (!v.is_string()) return std::nullopt;
  return ParseTimestamp(v.get<std::string>());
}

}  // namespace

void AddDashboardRoutes(App::State& s) {
  App::State* st = &s;

  // ---- the home page ----
  http::Route dash{.method = "GET",
                   .pattern = "/api/dashboard",
                   .summary =
                       "首页：待办线索、在办案件、期限、采纳率与整改率，按县（市、区）、模型、"
                       "监管场所的待办线索，近12个月线索趋势，最新检察日志（本院管辖范围）",
                   .tag = "dashboard",
                   .operation_id = "dashboard.get"};
  dash.handler = [st](const http::Request& req) {
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    const storage::OrgScope& scope = CallerOf(req).scope;
    const Date today = st->clock->TodayBeijing();
    storage::Transaction txn(**db);  // one consistent view of every figure
    if (Status b = txn.BeginRead(); !b.ok()) return Fail(req, b);

    // KPIs, each the figure a list page shows with the same filter.
    storage::ClueFilter open_clues;
    open_clues.status = "open";
    for (std::string_view t : storage::kOpenClueTriageStates)
      open_clues.triage_states.emplace_back(t);
    if (!scope.all()) open_clues.org_ids = scope.org_ids();
    auto n_clues = storage::CountClues(**db, open_clues);
    if (!n_clues.ok()) return Fail(req, n_clues.status());
    storage::CaseFilter open_cases;
    open_cases.states = OpenCaseStates();
    auto n_cases = storage::CountCases(**db, scope, open_cases);
    if (!n_cases.ok()) return Fail(req, n_cases.status());
    storage::CaseFilter reviews = open_cases;
    reviews.case_types = {"proposal_review"};
    auto n_reviews = storage::CountCases(**db, scope, reviews);
    if (!n_reviews.ok()) return Fail(req, n_reviews.status());
    const int32_t soon_days = static_cast<int32_t>(st->config.workflow.deadlines.due_soon_days);
    auto deadlines = storage::CountOpenDeadlines(**db, scope, today, today + soon_days);
    if (!deadlines.ok()) return Fail(req, deadlines.status());
    const Date year_start = *Date::FromCivil(today.year(), 1, 1);
    auto k = storage::CountIndicators(**db, scope, year_start, today, today);
    if (!k.ok()) return Fail(req, k.status());
    json kpis = {{"open_clues", *n_clues},
                 {"open_cases", *n_cases},
                 {"pending_reviews", *n_reviews},
                 {"overdue", deadlines->overdue},
                 {"due_soon", deadlines->due_soon},
                 {"due_soon_days", soon_days},
                 {"adoption_rate", RateJson(k->adopted, k->replies_received)},
                 {"rectification_rate", RateJson(k->rectified, k->rectification_due)},
                 {"rates_from", year_start.ToString()}};

    auto geo_data = st->GeoData();
    if (!geo_data.ok()) return Fail(req, geo_data.status());
    const App::State::Geo* g = geo_data->get();
    auto regions = storage::OpenCluesByRegion(**db, scope);
    if (!regions.ok()) return Fail(req, regions.status());
    json by_county = json::array();
    for (const auto& [code, n] : *regions) {
      const geo::Region* r = g->regions.Find(RegionCode(code));
      by_county.push_back({{"region_code", code},
                           {"name", r ? r->name : std::string()},
                           {"level", r ? std::string(geo::RegionLevelName(r->level)) : ""},
                           {"open_clues", n}});
    }

    auto models = storage::CluesByModel(**db, scope);
    if (!models.ok()) return Fail(req, models.status());
    json by_model = json::array();
    for (const models::ModelSpec* m : models::AllModels()) {
      int64_t open = 0, total = 0;
      for (const auto& c : *models) {
        if (c.model == m->id) {
          open = c.open;
          total = c.total;
        }
      }
      by_model.push_back(
          {{"model", m->id}, {"name", std::string(m->name)}, {"open", open}, {"total", total}});
    }

    auto orgs = storage::OpenCluesByOrg(**db, scope, 15);
    if (!orgs.ok()) return Fail(req, orgs.status());
    json by_facility = json::array();
    for (const auto& o : *orgs) {
      by_facility.push_back({{"org_id", o.org.org_id},
                             {"name", o.org.name},
                             {"org_type", o.org.org_type},
                             {"org_type_label", Label(domain::kOrgType, o.org.org_type)},
                             {"open", o.open}});
    }

    const int32_t this_month = MonthIndex(today);
    std::vector<Timestamp> bounds;
    for (int32_t m = this_month - 11; m <= this_month + 1; ++m) bounds.push_back(MonthStart(m));
    auto trend = storage::ClueTrend(**db, scope, bounds);
    if (!trend.ok()) return Fail(req, trend.status());
    json trend_json = json::array();
    for (int32_t i = 0; i < 12; ++i) {
      trend_json.push_back({{"month", FormatMonth(this_month - 11 + i)},
                            {"found", (*trend)[static_cast<size_t>(i)].found},
                            {"resolved", (*trend)[static_cast<size_t>(i)].resolved}});
    }

    storage::OfficeLogFilter lf;
    lf.limit = 8;
    auto logs = storage::ListOfficeLogs(**db, scope, lf);
    if (!logs.ok()) return Fail(req, logs.status());
    json log_items = json::array();
    for (const auto& l : *logs) log_items.push_back(OfficeLogJson(l));

    return http::Response::Json({{"as_of", today.ToString()},
                                 {"kpis", kpis},
                                 {"by_county", by_county},
                                 {"by_model", by_model},
                                 {"by_facility", by_facility},
                                 {"trend", trend_json},
                                 {"logs", log_items}});
  };
  Add(s, std::move(dash), auth::Action::kViewCasework);

  // ---- office logs ----
  http::Route logs{.method = "GET",
                   .pattern = "/api/office-logs",
                   .summary = "检察日志（org 机构、from/to 日志日期筛选，分页；本院管辖范围）",
                   .tag = "office-logs",
                   .operation_id = "office_logs.list"};
  logs.handler = [st](const http::Request& req) {
    storage::OfficeLogFilter f;
    f.org_id = req.Query("org").value_or("");
    auto from = QueryDate(req, "from");
    if (!from.ok()) return Fail(req, from.status());
    auto to = QueryDate(req, "to");
    if (!to.ok()) return Fail(req, to.status());
    f.from = *from;
    f.to = *to;
    if (f.from && f.to && *f.to < *f.from) {
      return Fail(req, InvalidArgument("to：截止日期不能早于起始日期"));
    }
    auto limit = QueryLimit(req, 50, 500);
    if (!limit.ok()) return Fail(req, limit.status());
    f.limit = *limit;
    auto offset = QueryOffset(req);
    if (!offset.ok()) return Fail(req, offset.status());
    f.offset = *offset;
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    const storage::OrgScope& scope = CallerOf(req).scope;
    auto rows = storage::ListOfficeLogs(**db, scope, f);
    if (!rows.ok()) return Fail(req, rows.status());
    auto total = storage::CountOfficeLogs(**db, scope, f);
    if (!total.ok()) return Fail(req, total.status());
    json items = json::array();
    for (const auto& l : *rows) items.push_back(OfficeLogJson(l));
    return http::Response::Json({{"total", *total}, {"items", items}});
  };
  Add(s, std::move(logs), auth::Action::kViewCasework);

  http::Route add_log{.method = "POST",
                      .pattern = "/api/office-logs",
                      .summary =
                          "填写检察日志（本人所在机构；类别 daily/safety/talk/inspection/"
                          "meeting/complaint/other；内容不超过4000字；日期不晚于今天）",
                      .tag = "office-logs",
                      .operation_id = "office_logs.create",
                      .max_body = 64 * 1024};
  add_log.handler = [st](const http::Request& req) {
    auto body = BodyObject(req);
    if (!body.ok()) return Fail(req, body.status());
    auto date = OptDate(*body, "log_date");
    if (!date.ok()) return Fail(req, date.status());
    if (!*date) return Fail(req, InvalidArgument("log_date：必须填写"));
    auto category = RequireString(*body, "category");
    if (!category.ok()) return Fail(req, category.status());
    auto content = OptString(*body, "content");
    if (!content.ok()) return Fail(req, content.status());
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto row =
        workflow::AddOfficeLog(**db, *st->clock, ActorOf(req),
                               {.log_date = **date, .category = *category, .content = *content});
    if (!row.ok()) return Fail(req, row.status());
    return http::Response::Json(OfficeLogJson(*row), 201);
  };
  Add(s, std::move(add_log), auth::Action::kCaseEdit);

  // ---- a trajectory clue's track ----
  http::Route track{.method = "GET",
                    .pattern = "/api/clues/{clue_no:int}/trajectory",
                    .summary =
                        "轨迹线索（M14 越界、M15 失联、M16 请假逾期未归）的定位点（前后各24小时，"
                        "最多5000个）、请假记录与执行地、目的地县界",
                    .tag = "clues",
                    .operation_id = "clues.trajectory"};
  track.handler = [st](const http::Request& req) {
    auto clue_no = req.PathInt("clue_no");
    if (!clue_no.ok()) return Fail(req, clue_no.status());
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    const storage::OrgScope& scope = CallerOf(req).scope;
    storage::Transaction txn(**db);
    if (Status b = txn.BeginRead(); !b.ok()) return Fail(req, b);
    auto clue = storage::GetClueRef(**db, scope, *clue_no);
    if (!clue.ok()) return Fail(req, clue.status());
    const Status no_track = NotFound("该线索没有定位轨迹");
    if (clue->model != "M14" && clue->model != "M15" && clue->model != "M16") {
      return Fail(req, no_track);
    }
    const json key = ParseJsonColumn(clue->key);
    const json facts = ParseJsonColumn(clue->facts);
    const json window = ParseJsonColumn(clue->window);
    if (!key.is_object()) return Fail(req, no_track);
    std::string correction_id = key.value("correction_id", "");
    const std::string leave_id = key.value("leave_id", "");
    if (correction_id.empty() && !leave_id.empty()) {
      auto c = storage::CorrectionOfLeave(**db, scope, leave_id);
      if (!c.ok()) return Fail(req, c.status());
      correction_id = *c;
    }
    if (correction_id.empty()) return Fail(req, no_track);
    auto corr = storage::GetCorrection(**db, scope, correction_id);
    if (!corr.ok()) return Fail(req, corr.status());
    auto geo_data = st->GeoData();
    if (!geo_data.ok()) return Fail(req, geo_data.status());
    const App::State::Geo* g = geo_data->get();

    // The residence (执行地) as the models take it: the correction's, else the office's region.
    const std::string residence = !corr->residence_region_code.empty() ? corr->residence_region_code
                                                                       : corr->office_region_code;
    // The episode.
    const storage::LeaveRecord* leave = nullptr;
    std::optional<Timestamp> from, to;
    std::string destination;
    if (clue->model == "M16") {
      for (const auto& l : corr->leaves) {
        if (l.leave_id == leave_id) leave = &l;
      }
      if (!leave) return Fail(req, no_track);
      from = leave->start_ts;
      to = leave->returned_ts;
      if (!to && facts.is_object() && facts.contains("outside_after_end")) {
        to = TimeOf(facts["outside_after_end"].value("last_position", json()));
      }
      destination = leave->destination_region_code;
    } else {
      if (window.is_object()) {
        from = TimeOf(window.value("from", json()));
        to = TimeOf(window.value("to", json()));
      }
      if (!from) return Fail(req, no_track);
      if (clue->model == "M14" && facts.is_object() &&
          facts.value("destination_region_code", json()).is_string()) {
        destination = facts["destination_region_code"].get<std::string>();
      }
      if (clue->model == "M14") {
        // An approved leave overlapping the episode, if any.
        const Timestamp end = to.value_or(st->clock->Now());
        for (const auto& l : corr->leaves) {
          if (l.status == "approved" && l.start_ts <= end && *from <= l.end_ts) {
            leave = &l;
            break;
          }
        }
      }
    }
    const Timestamp read_from = *from - kTrackMarginSeconds;
    const Timestamp read_to =
        std::min(to.value_or(st->clock->Now()), st->clock->Now()) + kTrackMarginSeconds;
    auto points =
        storage::ReadTrack(**db, scope, corr->row_no, read_from, read_to, kTrackMaxPoints);
    if (!points.ok()) return Fail(req, points.status());

    const int32_t home = RegionCode(residence);
    const bool home_known = g->index.Slot(home) >= 0;
    json pts = json::array();
    for (const auto& p : points->points) {
      json j = {{"ts", TimeText(p.ts)},
                {"t", p.ts},
                {"lon", p.lon_e6 / 1e6},
                {"lat", p.lat_e6 / 1e6},
                {"source", p.source}};
      j["outside"] =
          home_known ? json(!g->index.InCounty(home, {p.lon_e6, p.lat_e6})) : json(nullptr);
      pts.push_back(std::move(j));
    }
    json counties = json::array();
    std::vector<std::string> shown = {residence};
    if (destination != residence) shown.push_back(destination);
    for (const std::string& code : shown) {
      auto it = g->features.find(RegionCode(code));
      if (it != g->features.end()) counties.push_back(json::parse(it->second));
    }
    return http::Response::Json(
        {{"clue_no", clue->clue_no},
         {"model", clue->model},
         {"correction_id", corr->correction_id},
         {"person_id", clue->person_id},
         {"residence_region_code", residence},
         {"residence_name", RegionName(g, residence)},
         {"destination_region_code", destination.empty() ? json(nullptr) : json(destination)},
         {"destination_name",
          destination.empty() ? json(nullptr) : json(RegionName(g, destination))},
         {"window", {{"from", TimeText(*from)}, {"to", to ? json(TimeText(*to)) : json(nullptr)}}},
         {"leave", leave ? LeaveJson(*leave, g) : json(nullptr)},
         {"points", pts},
         {"stored_points", points->stored},
         {"thinned", points->thinned},
         {"counties", counties}});
  };
  Add(s, std::move(track), auth::Action::kViewCasework);

  // ---- orgs of the jurisdiction ----
  http::Route orgs{.method = "GET",
                   .pattern = "/api/orgs",
                   .summary = "本院管辖范围内的机构（供筛选）",
                   .tag = "orgs",
                   .operation_id = "orgs.list"};
  orgs.handler = [st](const http::Request& req) {
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto rows = storage::OrgsInScope(**db, CallerOf(req).scope);
    if (!rows.ok()) return Fail(req, rows.status());
    json items = json::array();
    for (const auto& o : *rows) {
      json j = OrgJson(o);
      j["org_type_label"] = Label(domain::kOrgType, o.org_type);
      items.push_back(j);
    }
    return http::Response::Json({{"items", items}});
  };
  Add(s, std::move(orgs), auth::Action::kViewCasework);
}

}  // namespace zj::api
