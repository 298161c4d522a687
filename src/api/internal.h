#pragma once
// Shared by the route files of src/api: the server's state, the signed-in caller, and the
// small helpers every handler uses. Not a public interface.

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "api/app.h"
#include "api/auth/roles.h"
#include "api/auth/scope.h"
#include "api/jobs.h"
#include "api/http/request.h"
#include "api/http/response.h"
#include "geo/county_index.h"
#include "geo/regions.h"
#include "report/docx.h"
#include "storage/case_store.h"
#include "storage/clue_store.h"
#include "storage/database.h"
#include "storage/scope.h"
#include "workflow/casework.h"

namespace zj::api {

struct App::State {
  AppConfig config;
  const Clock* clock = nullptr;
  std::unique_ptr<http::HttpServer> server;
  std::unique_ptr<auth::ScopeResolver> scopes;
  report::TemplateSet templates;
  // The permission each route needs, by operation_id (routes without one: signed-in only).
  std::map<std::string, auth::Action> permission;
  // Background jobs: batch imports and model runs (routes_data.cc).
  std::unique_ptr<JobRunner> jobs;

  // This thread's store connection.
  Result<storage::Database*> Db();

  // data/geo: regions, the county index and each county's outline as a GeoJSON Feature
  // (full resolution, properties {code, name}), loaded on first use and then shared.
  struct Geo {
    geo::RegionSet regions;
    geo::CountyIndex index;
    std::unordered_map<int32_t, std::string> features;  // county code → Feature JSON text
  };
  Result<std::shared_ptr<const Geo>> GeoData();
  // "510104" → 510104; 0 when the text is not a region code.
  static int32_t RegionCode(const std::string& code);
  // The region's Chinese name; "" when unknown.
  static std::string RegionName(const Geo& geo, const std::string& code);

 private:
  std::mutex geo_mu_;
  std::shared_ptr<const Geo> geo_;  // guarded by geo_mu_
};

// The signed-in user of a request, attached by the before hook.
struct Caller {
  auth::Principal principal;
  storage::OrgScope scope = storage::OrgScope::Of({});
};
const Caller& CallerOf(const http::Request& req);
// The workflow's view of the caller: duties from the role's permissions.
workflow::Actor ActorOf(const http::Request& req);

// Adds a route needing `permission` (nullopt: any signed-in user; public routes set
// route.auth = false). Aborts start-up on a malformed route (a bug).
void Add(App::State& s, http::Route route, std::optional<auth::Action> permission);

// Every route file registers its routes here.
void AddAuthRoutes(App::State& s);
void AddClueRoutes(App::State& s);
void AddCaseRoutes(App::State& s);
void AddDocumentRoutes(App::State& s);
void AddPeopleRoutes(App::State& s);
void AddReportRoutes(App::State& s);
void AddAdminRoutes(App::State& s);
void AddDataRoutes(App::State& s);
void AddDashboardRoutes(App::State& s);

// ---- request helpers ----

// A Status as the error response (the field, when the message starts with "field：").
http::Response Fail(const http::Request& req, const Status& status);

// Query parameters: absent → nullopt/default; malformed → kInvalidArgument naming it.
Result<std::optional<int64_t>> QueryInt(const http::Request& req, std::string_view name);
Result<int64_t> QueryLimit(const http::Request& req, int64_t def, int64_t max);
// ?offset=: 0 when absent; negative → kInvalidArgument.
Result<int64_t> QueryOffset(const http::Request& req);
Result<std::optional<Date>> QueryDate(const http::Request& req, std::string_view name);
// Comma-separated or repeated values: ?model=M01,M02&model=M03.
std::vector<std::string> QueryList(const http::Request& req, std::string_view name);

// JSON body fields.
Result<nlohmann::json> BodyObject(const http::Request& req);
Result<int64_t> RequireInt(const nlohmann::json& body, std::string_view name);
Result<std::optional<int64_t>> OptInt(const nlohmann::json& body, std::string_view name);
Result<std::string> RequireString(const nlohmann::json& body, std::string_view name);
Result<std::string> OptString(const nlohmann::json& body, std::string_view name);
Result<std::optional<Date>> OptDate(const nlohmann::json& body, std::string_view name);

// The filters of the clue and case lists (and their XLSX exports), limited to the caller's
// jurisdiction; `max_limit` bounds ?limit=.
Result<storage::ClueFilter> ClueFilterOf(const http::Request& req, int64_t max_limit);
Result<storage::CaseFilter> CaseFilterOf(const http::Request& req, int64_t max_limit);

std::string DateText(std::optional<Date> d);  // "" when unset
std::string TimeText(Timestamp t);            // "YYYY-MM-DD HH:MM", Beijing time
// ?month=YYYY-MM → its first and last day; absent → the month of `today` unless `required`.
Status MonthOf(const http::Request& req, Date today, bool required, Date* first, Date* last);
// A rate for JSON: num / den, null when den is 0.
nlohmann::json RateJson(int64_t num, int64_t den);
nlohmann::json ParseJsonColumn(const std::string& text);  // stored JSON → value (null if bad)

}  // namespace zj::api
