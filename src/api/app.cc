#include "api/app.h"

#include <spdlog/spdlog.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "api/document_json.h"
#include "api/internal.h"
#include "storage/migrations.h"

namespace zj::api {
namespace {

using nlohmann::json;

bool Unsafe(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

// Routes a user who must change the password may still use.
bool AllowedBeforePasswordChange(const std::string& op) {
  return op == "auth.me" || op == "auth.password" || op == "auth.logout";
}

workflow::Duty DutyOf(auth::Action a, bool* ok) {
  *ok = true;
  switch (a) {
    case auth::Action::kClueAssign:
      return workflow::Duty::kAssign;
    case auth::Action::kClueVerify:
      return workflow::Duty::kVerify;
    case auth::Action::kClueDecide:
      return workflow::Duty::kDecide;
    case auth::Action::kCaseEdit:
      return workflow::Duty::kEdit;
    case auth::Action::kCaseApprove:
      return workflow::Duty::kApprove;
    default:
      *ok = false;
      return workflow::Duty::kEdit;
  }
}

}  // namespace

// ---- state ----

Result<storage::Database*> App::State::Db() {
  // One connection per thread and store; a thread serves one store in practice.
  thread_local std::unordered_map<std::string, std::unique_ptr<storage::Database>> dbs;
  auto& db = dbs[config.db_url];
  if (!db) {
    // Many request threads: a modest page cache each (the OS caches the file for all).
    ZJ_ASSIGN_OR_RETURN(db, storage::Database::Open(
                                config.db_url, {.create_if_missing = false, .cache_kib = 16384}));
  }
  return db.get();
}

namespace {

Result<std::string> ReadGeoFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return FailedPrecondition("无法读取区划数据文件 " + path.string() + "，请检查 data 目录");
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) return IoError("读取区划数据文件 " + path.string() + " 出错");
  return s.str();
}

}  // namespace

Result<std::shared_ptr<const App::State::Geo>> App::State::GeoData() {
  std::lock_guard lock(geo_mu_);
  if (geo_) return geo_;
  const std::filesystem::path dir = std::filesystem::path(config.data_dir) / "geo";
  ZJ_ASSIGN_OR_RETURN(std::string csv, ReadGeoFile(dir / "sichuan-regions.csv"));
  ZJ_ASSIGN_OR_RETURN(std::string geojson, ReadGeoFile(dir / "sichuan-counties.geojson"));
  auto g = std::make_shared<Geo>();
  ZJ_ASSIGN_OR_RETURN(g->regions, geo::RegionSet::Parse(csv, geojson));
  ZJ_ASSIGN_OR_RETURN(g->index, geo::CountyIndex::Build(g->regions));
  // The outlines as shipped (RegionSet keeps them rounded and normalised), one Feature each;
  // kept as text so the parsed tree of the whole file is not held.
  json doc = json::parse(geojson, nullptr, false);
  if (doc.is_object() && doc["features"].is_array()) {
    for (json& f : doc["features"]) {
      if (!f.is_object() || !f.contains("properties") || !f["properties"].is_object()) continue;
      const json& code = f["properties"]["code"];
      const std::string text = code.is_string()           ? code.get<std::string>()
                               : code.is_number_integer() ? std::to_string(code.get<int64_t>())
                                                          : std::string();
      int32_t c = 0;
      auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), c);
      if (ec != std::errc() || p != text.data() + text.size()) continue;
      const geo::Region* r = g->regions.Find(c);
      f["properties"] = {{"code", text}, {"name", r ? r->name : std::string()}};
      g->features[c] = f.dump();
    }
  }
  geo_ = std::move(g);
  return geo_;
}

int32_t App::State::RegionCode(const std::string& code) {
  int32_t c = 0;
  if (code.empty() || code.size() > 9) return 0;
  for (char ch : code) {
    if (ch < '0' || ch > '9') return 0;
    c = c * 10 + (ch - '0');
  }
  return c;
}

std::string App::State::RegionName(const Geo& geo, const std::string& code) {
  const geo::Region* r = geo.regions.Find(RegionCode(code));
  return r ? r->name : std::string();
}

const Caller& CallerOf(const http::Request& req) {
  const Caller* c = req.Attached<Caller>();
  if (!c) throw std::logic_error("route without a signed-in caller");
  return *c;
}

workflow::Actor ActorOf(const http::Request& req) {
  const Caller& c = CallerOf(req);
  workflow::Actor a;
  a.user_id = c.principal.user_id;
  a.username = c.principal.username;
  a.org_id = c.principal.org_id;
  a.scope = c.scope;
  a.request_id = req.request_id();
  a.ip = req.remote_addr();
  for (auth::Action action : auth::AllActions()) {
    bool ok = false;
    workflow::Duty d = DutyOf(action, &ok);
    if (ok && auth::Can(c.principal.role, action)) a.duties |= 1u << static_cast<int>(d);
  }
  return a;
}

void Add(App::State& s, http::Route route, std::optional<auth::Action> permission) {
  if (permission) s.permission[route.operation_id] = *permission;
  Status st = s.server->AddRoute(std::move(route));
  if (!st.ok()) throw std::logic_error("bad route: " + st.ToString());
}

// ---- helpers ----

http::Response Fail(const http::Request& req, const Status& status) {
  // "field：message" names the offending field (workflow and these helpers write so).
  const std::string& m = status.message();
  const std::string sep = "：";
  const size_t at = m.find(sep);
  if (at != std::string::npos && at > 0 && at < 40 &&
      m.find_first_not_of("abcdefghijklmnopqrstuvwxyz_.0123456789") >= at) {
    return http::Response::FromStatus(req, status, m.substr(0, at));
  }
  return http::Response::FromStatus(req, status);
}

Result<std::optional<int64_t>> QueryInt(const http::Request& req, std::string_view name) {
  auto v = req.Query(name);
  if (!v || v->empty()) return std::optional<int64_t>();
  int64_t out = 0;
  auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
  if (ec != std::errc() || p != v->data() + v->size()) {
    return InvalidArgument(std::string(name) + "：应为整数，收到“" + *v + "”");
  }
  return std::optional<int64_t>(out);
}

Result<int64_t> QueryLimit(const http::Request& req, int64_t def, int64_t max) {
  ZJ_ASSIGN_OR_RETURN(auto v, QueryInt(req, "limit"));
  if (!v) return def;
  if (*v < 1 || *v > max) {
    return InvalidArgument("limit：每页条数应在 1 到 " + std::to_string(max) + " 之间");
  }
  return *v;
}

Result<int64_t> QueryOffset(const http::Request& req) {
  ZJ_ASSIGN_OR_RETURN(auto v, QueryInt(req, "offset"));
  if (v && *v < 0) return InvalidArgument("offset：应为不小于 0 的整数");
  return v.value_or(0);
}

Result<std::optional<Date>> QueryDate(const http::Request& req, std::string_view name) {
  auto v = req.Query(name);
  if (!v || v->empty()) return std::optional<Date>();
  auto d = Date::Parse(*v);
  if (!d) return InvalidArgument(std::string(name) + "：日期格式应为 YYYY-MM-DD，收到“" + *v + "”");
  return std::optional<Date>(*d);
}

std::vector<std::string> QueryList(const http::Request& req, std::string_view name) {
  std::vector<std::string> out;
  for (const std::string& v : req.QueryAll(name)) {
    size_t start = 0;
    while (start <= v.size()) {
      size_t end = v.find(',', start);
      if (end == std::string::npos) end = v.size();
      if (end > start) out.push_back(v.substr(start, end - start));
      start = end + 1;
    }
  }
  return out;
}

Result<json> BodyObject(const http::Request& req) {
  ZJ_ASSIGN_OR_RETURN(json body, req.JsonBody());
  if (!body.is_object()) return InvalidArgument("请求体应为 JSON 对象");
  return body;
}

Result<std::optional<int64_t>> OptInt(const json& body, std::string_view name) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return std::optional<int64_t>();
  if (!it->is_number_integer()) return InvalidArgument(std::string(name) + "：应为整数");
  return std::optional<int64_t>(it->get<int64_t>());
}

Result<int64_t> RequireInt(const json& body, std::string_view name) {
  ZJ_ASSIGN_OR_RETURN(auto v, OptInt(body, name));
  if (!v) return InvalidArgument(std::string(name) + "：必须填写");
  return *v;
}

Result<std::string> OptString(const json& body, std::string_view name) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return std::string();
  if (!it->is_string()) return InvalidArgument(std::string(name) + "：应为文字");
  return it->get<std::string>();
}

Result<std::string> RequireString(const json& body, std::string_view name) {
  ZJ_ASSIGN_OR_RETURN(std::string v, OptString(body, name));
  if (v.empty()) return InvalidArgument(std::string(name) + "：必须填写");
  return v;
}

Result<std::optional<Date>> OptDate(const json& body, std::string_view name) {
  ZJ_ASSIGN_OR_RETURN(std::string v, OptString(body, name));
  if (v.empty()) return std::optional<Date>();
  auto d = Date::Parse(v);
  if (!d) return InvalidArgument(std::string(name) + "：日期格式应为 YYYY-MM-DD，收到“" + v + "”");
  return std::optional<Date>(*d);
}

std::string DateText(std::optional<Date> d) { return d ? d->ToString() : std::string(); }

std::string TimeText(Timestamp t) {
  std::string s = FormatTimestamp(t);  // YYYY-MM-DDTHH:MM:SS+08:00
  s[10] = ' ';
  return s.substr(0, 16);
}

Status MonthOf(const http::Request& req, Date today, bool required, Date* first, Date* last) {
  const std::string month = req.Query("month").value_or("");
  std::optional<Date> f;
  if (month.empty() && !required) {
    f = Date::FromCivil(today.year(), today.month(), 1);
  } else if (month.size() == 7) {
    f = Date::Parse(month + "-01");
  }
  if (!f) return InvalidArgument("month：月份格式应为 YYYY-MM，收到“" + month + "”");
  int y, m, d;
  f->ToCivil(&y, &m, &d);
  *first = *f;
  *last = *Date::FromCivil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - 1;
  return Status::Ok();
}

json RateJson(int64_t num, int64_t den) {
  return den == 0 ? json(nullptr) : json(double(num) / double(den));
}

json ParseJsonColumn(const std::string& text) {
  if (text.empty()) return nullptr;
  return json::parse(text, nullptr, false);
}

// ---- the app ----

App::App(std::unique_ptr<State> state) : state_(std::move(state)) {}
App::~App() { Stop(); }

Result<std::unique_ptr<App>> App::Create(AppConfig config) {
  auto s = std::make_unique<State>();
  s->config = std::move(config);
  s->clock = s->config.clock ? s->config.clock : &SystemClock::Get();
  {
    ZJ_ASSIGN_OR_RETURN(storage::Database * db, s->Db());
    ZJ_ASSIGN_OR_RETURN(int version, storage::SchemaVersion(*db));
    const int latest = storage::SqliteMigrations().back().version;
    if (version < latest) {
      return FailedPrecondition("数据库版本为 " + std::to_string(version) + "，需要 " +
                                std::to_string(latest) + "：请先运行 zhijian init 升级数据库");
    }
  }
  const std::string templates = (std::filesystem::path(s->config.data_dir) / "templates").string();
  ZJ_ASSIGN_OR_RETURN(s->templates, report::LoadTemplates(templates));
  if (!s->config.workflow.validate_document) {
    s->config.workflow.validate_document = ValidateDocumentJson;
  }
  const std::string url = s->config.db_url;
  s->scopes = std::make_unique<auth::ScopeResolver>(
      [url]() { return storage::Database::Open(url, {.create_if_missing = false}); });
  s->server = std::make_unique<http::HttpServer>(s->config.http);
  s->jobs = std::make_unique<JobRunner>(*s->clock);

  State* st = s.get();
  s->server->SetBeforeHook([st](http::Request& req,
                                const http::Route& route) -> std::optional<http::Response> {
    if (!route.auth) return std::nullopt;
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    const std::string token = req.Cookie(auth::kSessionCookie).value_or("");
    if (token.empty()) {
      return http::Response::Error(req, 401, "unauthenticated", "请先登录");
    }
    auto principal = auth::Authenticate(**db, *st->clock, st->config.auth, token);
    if (!principal.ok()) return Fail(req, principal.status());
    if (principal->must_change_password && !AllowedBeforePasswordChange(route.operation_id)) {
      return http::Response::Error(req, 403, "password_change_required",
                                   "请先修改初始密码，再使用系统");
    }
    if (route.csrf && Unsafe(req.method())) {
      Status csrf = auth::CheckCsrf(*principal, req.Header(auth::kCsrfHeader).value_or(""));
      if (!csrf.ok()) return Fail(req, csrf);
    }
    auto it = st->permission.find(route.operation_id);
    if (it != st->permission.end() && !auth::Can(principal->role, it->second)) {
      return http::Response::Error(
          req, 403, "forbidden",
          "当前角色（" + std::string(auth::RoleLabel(principal->role)) + "）没有“" +
              std::string(auth::ActionLabel(it->second)) + "”权限");
    }
    auto scope = st->scopes->ScopeOf(**db, *principal);
    if (!scope.ok()) return Fail(req, scope.status());
    req.Attach(Caller{std::move(*principal), std::move(*scope)});
    return std::nullopt;
  });
  s->server->SetAfterHook([](const http::AccessRecord& r) {
    spdlog::info("{} {} {} {:.1f}ms {} {}", r.method, r.path, r.status, r.ms, r.request_id,
                 r.remote_addr);
  });

  AddAuthRoutes(*s);
  AddClueRoutes(*s);
  AddCaseRoutes(*s);
  AddDocumentRoutes(*s);
  AddPeopleRoutes(*s);
  AddReportRoutes(*s);
  AddAdminRoutes(*s);
  AddDataRoutes(*s);
  AddDashboardRoutes(*s);
  return std::unique_ptr<App>(new App(std::move(s)));
}

Result<int> App::Start() { return state_->server->Start(); }
void App::Stop() {
  if (state_ && state_->server) state_->server->Stop();
  if (state_ && state_->jobs) state_->jobs->Stop();
}
const std::vector<http::Route>& App::routes() const { return state_->server->routes(); }

}  // namespace zj::api
