// The HTTP API in process, on a free port, over a tiny synthetic province (models run,
// proposals accepted): every route refuses an unauthenticated caller (401) and a missing CSRF
// token (403); bad input is 400 with a Chinese message naming the field; another
// jurisdiction's record is 404 and never its data; concurrent edits of one record are 409;
// the OpenAPI document is the route table; a clue goes all the way to a downloaded DOCX.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "api/app.h"
#include "api/auth/accounts.h"
#include "api/openapi.h"
#include "domain/codes.h"
#include "engine/engine.h"
#include "report/zip.h"
#include "storage/audit_store.h"
#include "storage/case_store.h"
#include "storage/exchange_store.h"
#include "tests/support/test_store.h"
#include "workflow/casework.h"

namespace zj::api {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::string SourceDir() {
  const char* env = std::getenv("ZJ_SOURCE_DIR");
  return env ? env : ZJ_SOURCE_DIR_DEFAULT;
}

constexpr char kPassword[] = "Api-Test-Pass-2026";

// A signed-in browser: the session cookie and the CSRF token.
struct Session {
  std::string cookie;  // "zj_session=…"
  std::string csrf;
};

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto s = testing::MakeSynthStore(synth::Scale::kTiny, 20251, "api");
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = new testing::SynthStore(std::move(*s));
    engine::RunOptions run;
    run.data_dir = SourceDir() + "/data";
    ASSERT_TRUE(engine::RunModels(store_->url, run).ok());
    clock_ = new FakeClock(*ParseTimestamp("2026-11-24T09:00:00+08:00"));
    auto db = storage::Database::Open(store_->url);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(workflow::Intake(**db, *clock_, {}, workflow::Actor::System("system")).ok());

    // Users: a provincial leader and prosecutor, a prosecutor and a department head of the
    // county of the first M13 clue's office, a prosecutor of another county, an administrator.
    auth::Options opts;
    opts.hash = auth::HashParams::Min();
    auto org_of = [&](const std::string& sql) {
      auto st = (*db)->Prepare(sql);
      EXPECT_TRUE(st.ok());
      auto row = (*st)->Step();
      EXPECT_TRUE(row.ok() && *row) << sql;
      return std::string((*st)->ColumnText(0));
    };
    const std::string clue_org = org_of("SELECT org_id FROM clues WHERE model = 'M13' ORDER BY "
                                        "clue_no LIMIT 1");
    const std::string region = org_of("SELECT region_code FROM orgs WHERE org_id = '" +
                                      clue_org + "'");
    county_ = org_of("SELECT org_id FROM orgs WHERE org_type = 'county_proc' AND region_code = '" +
                     region + "'");
    other_county_ = org_of("SELECT org_id FROM orgs WHERE org_type = 'county_proc' AND "
                           "region_code <> '" + region + "' ORDER BY org_id LIMIT 1");
    struct U {
      const char* name;
      std::string org;
      auth::Role role;
    };
    for (const U& u : {U{"lead", "510000-PROC", auth::Role::kLeader},
                       U{"pros", "510000-PROC", auth::Role::kProsecutor},
                       U{"county", county_, auth::Role::kProsecutor},
                       U{"other", other_county_, auth::Role::kProsecutor},
                       U{"countyhead", county_, auth::Role::kDeptHead},
                       U{"admin", "510000-PROC", auth::Role::kAdmin},
                       U{"fresh", "510000-PROC", auth::Role::kProsecutor}}) {
      auto created = auth::CreateUser(**db, *clock_, opts, auth::Actor::Cli(),
                                      {.username = u.name,
                                       .display_name = u.name,
                                       .org_id = u.org,
                                       .role = u.role,
                                       .password = std::string(kPassword)});
      ASSERT_TRUE(created.ok()) << created.status().message();
      if (std::string(u.name) == "fresh") continue;  // keeps must_change_password
      auto s = auth::Login(**db, *clock_, opts, u.name, kPassword, "127.0.0.1", "");
      ASSERT_TRUE(s.ok()) << s.status().message();
      ASSERT_TRUE(auth::ChangePassword(**db, *clock_, opts, s->principal, kPassword,
                                       std::string(kPassword) + "x", "127.0.0.1")
                      .ok());
    }

    AppConfig config;
    config.db_url = store_->url;
    config.data_dir = SourceDir() + "/data";
    config.auth = opts;
    config.clock = clock_;
    config.http.threads = 32;
    static_dir_ = store_->dir + "/web";
    fs::create_directories(static_dir_ + "/assets");
    std::ofstream(static_dir_ + "/index.html") << "<!doctype html><title>执检</title>";
    config.http.static_dir = static_dir_;
    auto app = App::Create(config);
    ASSERT_TRUE(app.ok()) << app.status().message();
    app_ = app->release();
    auto port = app_->Start();
    ASSERT_TRUE(port.ok()) << port.status().message();
    port_ = *port;
  }
  static void TearDownTestSuite() {
    delete app_;
    fs::remove_all(store_->dir);
    delete store_;
    delete clock_;
  }

  httplib::Client Client() {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(60, 0);
    return c;
  }

  Session Login(const std::string& user) {
    auto c = Client();
    auto r = c.Post("/api/auth/login",
                    json({{"username", user}, {"password", std::string(kPassword) + "x"}}).dump(),
                    "application/json");
    EXPECT_TRUE(r && r->status == 200) << (r ? r->body : "no response");
    Session s;
    for (const auto& [k, v] : r->headers) {
      if (k == "Set-Cookie" && v.rfind("zj_session=", 0) == 0) s.cookie = v.substr(0, v.find(';'));
    }
    s.csrf = json::parse(r->body)["csrf_token"];
    return s;
  }

  httplib::Result Get(const Session& s, const std::string& path) {
    auto c = Client();
    return c.Get(path, {{"Cookie", s.cookie}});
  }
  httplib::Result Post(const Session& s, const std::string& path, const json& body,
                       bool csrf = true) {
    auto c = Client();
    httplib::Headers h = {{"Cookie", s.cookie}};
    if (csrf) h.emplace("X-CSRF-Token", s.csrf);
    return c.Post(path, h, body.dump(), "application/json");
  }
  static json Body(const httplib::Result& r) { return json::parse(r->body, nullptr, false); }
  static void ExpectError(const httplib::Result& r, int status, const std::string& field = "") {
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, status) << r->body;
    json b = Body(r);
    ASSERT_TRUE(b.contains("error")) << r->body;
    EXPECT_FALSE(b["error"]["message"].get<std::string>().empty());
    EXPECT_FALSE(b["error"]["request_id"].get<std::string>().empty());
    if (!field.empty()) {
      EXPECT_EQ(b["error"].value("field", ""), field) << r->body;
    }
  }
  int64_t QueryInt(const std::string& sql) {
    auto db = storage::Database::Open(store_->url);
    return *storage::QueryInt(**db, sql);
  }
  std::string QueryText(const std::string& sql) {
    auto db = storage::Database::Open(store_->url);
    auto st = (*db)->Prepare(sql);
    EXPECT_TRUE(st.ok()) << sql;
    auto row = (*st)->Step();
    EXPECT_TRUE(row.ok() && *row) << sql;
    return row.ok() && *row ? std::string((*st)->ColumnText(0)) : std::string();
  }
  void Exec(const std::string& sql) {
    auto db = storage::Database::Open(store_->url);
    ASSERT_TRUE(db.ok());
    Status s = (*db)->Exec(sql);
    ASSERT_TRUE(s.ok()) << s.message();
  }

  static testing::SynthStore* store_;
  static FakeClock* clock_;
  static App* app_;
  static int port_;
  static std::string county_, other_county_, static_dir_;
};
testing::SynthStore* ApiTest::store_ = nullptr;
FakeClock* ApiTest::clock_ = nullptr;
App* ApiTest::app_ = nullptr;
int ApiTest::port_ = 0;
std::string ApiTest::county_, ApiTest::other_county_, ApiTest::static_dir_;

// ---- data routes: batches as zips, uploads and background jobs ----

fs::path BaseBatch() { return fs::path(SourceDir()) / "tests/badinput/base"; }

// A batch folder built from the base CSVs, with `overlay` files (a tests/badinput case) and
// `extra` rows appended to tables, zipped as the web app uploads it.
std::string BatchZip(const std::string& work, const testing::BuildOptions& options,
                     const std::string& overlay = "",
                     const std::map<std::string, std::string>& extra = {}) {
  const fs::path src = fs::path(work) / ("src-" + std::to_string(std::rand()));
  fs::create_directories(src);
  fs::copy(BaseBatch(), src, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  if (!overlay.empty()) {
    for (const auto& e : fs::directory_iterator(overlay)) {
      if (e.path().extension() == ".csv") {
        fs::copy_file(e.path(), src / e.path().filename(), fs::copy_options::overwrite_existing);
      }
    }
  }
  for (const auto& [table, rows] : extra) {
    std::ofstream(src / (table + ".csv"), std::ios::app) << rows;
  }
  const fs::path dst = fs::path(work) / ("batch-" + std::to_string(std::rand()));
  EXPECT_TRUE(testing::BuildBatch(src.string(), dst.string(), options).ok());
  std::vector<report::ZipEntry> entries;
  for (const auto& e : fs::recursive_directory_iterator(dst)) {
    if (!e.is_regular_file()) continue;
    entries.push_back({fs::relative(e.path(), dst).generic_string(),
                       testing::ReadFile(e.path().string())});
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  auto zip = report::WriteZip(entries);
  EXPECT_TRUE(zip.ok()) << zip.status().message();
  return zip.ok() ? *zip : std::string();
}

httplib::Result Upload(int port, const Session& s, const std::string& bytes,
                       const std::string& type = "application/zip",
                       const std::string& query = "?file_name=batch.zip") {
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(60, 0);
  return c.Post("/api/batches" + query, {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}}, bytes,
                type);
}

// Polls a job until it is done or failed (at most two minutes).
json WaitJob(int port, const Session& s, const std::string& job_id) {
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(60, 0);
  json j;
  for (int i = 0; i < 2400; ++i) {
    auto r = c.Get("/api/jobs/" + job_id, {{"Cookie", s.cookie}});
    EXPECT_TRUE(r && r->status == 200) << (r ? r->body : "no response");
    if (!r || r->status != 200) return j;
    j = json::parse(r->body);
    if (j["state"] == "done" || j["state"] == "failed") return j;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ADD_FAILURE() << "job " << job_id << " did not finish: " << j.dump();
  return j;
}

std::string JobIdOf(const httplib::Result& r) {
  if (!r || r->status != 202) return "";
  return json::parse(r->body)["job"]["job_id"].get<std::string>();
}

// Every route path with its parameters filled (integers 1, strings "x").
std::string Concrete(const std::string& pattern) {
  return std::regex_replace(std::regex_replace(pattern, std::regex(R"(\{[a-z_]+:int\})"), "1"),
                            std::regex(R"(\{[a-z_]+(:str)?\})"), "x");
}

TEST_F(ApiTest, EveryRouteRefusesAnUnauthenticatedCaller) {
  int checked = 0;
  for (const http::Route& r : app_->routes()) {
    if (!r.auth) continue;
    auto c = Client();
    const std::string path = Concrete(r.pattern);
    httplib::Result res = r.method == "GET" ? c.Get(path)
                                            : c.Post(path, "{}", "application/json");
    if (r.method == "DELETE") res = c.Delete(path);
    ASSERT_TRUE(res) << path;
    ExpectError(res, 401);
    ++checked;
  }
  EXPECT_GT(checked, 10);
}

TEST_F(ApiTest, EveryUnsafeRouteRefusesAMissingOrWrongCsrfToken) {
  Session s = Login("lead");
  int checked = 0;
  for (const http::Route& r : app_->routes()) {
    if (!r.auth || !r.csrf || r.method == "GET") continue;
    const std::string path = Concrete(r.pattern);
    ExpectError(Post(s, path, json::object(), /*csrf=*/false), 403);
    auto c = Client();
    auto wrong = c.Post(path, {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf + "0"}}, "{}",
                        "application/json");
    ExpectError(wrong, 403);
    ++checked;
  }
  EXPECT_GT(checked, 5);
}

TEST_F(ApiTest, OpenApiDocumentIsTheRouteTable) {
  std::ifstream in(SourceDir() + "/docs/api/openapi.yaml");
  ASSERT_TRUE(in) << "docs/api/openapi.yaml";
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string want = OpenApiYaml(app_->routes());
  const std::string have = ss.str();
  if (have != want) {
    std::istringstream a(have), b(want);
    std::string la, lb;
    int line = 0;
    while (true) {
      ++line;
      const bool more_a = static_cast<bool>(std::getline(a, la));
      const bool more_b = static_cast<bool>(std::getline(b, lb));
      if (!more_a && !more_b) break;
      if (la != lb || more_a != more_b) {
        ADD_FAILURE() << "docs/api/openapi.yaml 与路由不一致（第 " << line << " 行）：\n  文件：" << la
                      << "\n  路由：" << lb
                      << "\n重新生成：zhijian serve --openapi > docs/api/openapi.yaml";
        break;
      }
    }
  }
}

TEST_F(ApiTest, LoginFailuresAreUniformAndThrottled) {
  auto c = Client();
  auto bad = c.Post("/api/auth/login", R"({"username":"pros","password":"wrong-password"})",
                    "application/json");
  ExpectError(bad, 401);
  auto unknown = c.Post("/api/auth/login", R"({"username":"nobody","password":"wrong-password"})",
                        "application/json");
  ExpectError(unknown, 401);
  EXPECT_EQ(Body(bad)["error"]["message"], Body(unknown)["error"]["message"]);
  ExpectError(c.Post("/api/auth/login", R"({"username":"pros"})", "application/json"), 400,
              "password");
  ExpectError(c.Post("/api/auth/login", "{not json", "application/json"), 400);
  // Brute force: the account locks after 5 consecutive failures, even for the right password.
  for (int i = 0; i < 5; ++i) {
    c.Post("/api/auth/login", R"({"username":"admin","password":"guess-guess"})",
           "application/json");
  }
  auto locked = c.Post("/api/auth/login",
                       json({{"username", "admin"}, {"password", std::string(kPassword) + "x"}})
                           .dump(),
                       "application/json");
  ExpectError(locked, 429);
}

TEST_F(ApiTest, SessionFixationAndLogout) {
  Session first = Login("pros");
  // Logging in while presenting a session cookie revokes it and issues a new one.
  auto c = Client();
  auto r = c.Post("/api/auth/login", {{"Cookie", first.cookie}},
                  json({{"username", "pros"}, {"password", std::string(kPassword) + "x"}}).dump(),
                  "application/json");
  ASSERT_TRUE(r && r->status == 200);
  ExpectError(Get(first, "/api/auth/me"), 401);
  Session second = Login("pros");
  ASSERT_EQ(Get(second, "/api/auth/me")->status, 200);
  ASSERT_EQ(Post(second, "/api/auth/logout", json::object())->status, 200);
  ExpectError(Get(second, "/api/auth/me"), 401);
}

TEST_F(ApiTest, AUserWhoMustChangeThePasswordCanDoNothingElse) {
  auto c = Client();
  auto r = c.Post("/api/auth/login",
                  json({{"username", "fresh"}, {"password", kPassword}}).dump(),
                  "application/json");
  ASSERT_TRUE(r && r->status == 200);
  std::string cookie;
  for (const auto& [k, v] : r->headers) {
    if (k == "Set-Cookie" && v.rfind("zj_session=", 0) == 0) cookie = v.substr(0, v.find(';'));
  }
  Session s{cookie, Body(r)["csrf_token"]};
  EXPECT_TRUE(Body(Get(s, "/api/auth/me"))["must_change_password"].get<bool>());
  ExpectError(Get(s, "/api/clues"), 403);
}

TEST_F(ApiTest, ClueListFiltersAreValidatedAndBound) {
  Session s = Login("pros");
  ExpectError(Get(s, "/api/clues?model=M99"), 400, "model");
  ExpectError(Get(s, "/api/clues?limit=0"), 400, "limit");
  ExpectError(Get(s, "/api/clues?limit=abc"), 400, "limit");
  ExpectError(Get(s, "/api/clues?severity=urgent"), 400, "severity");
  ExpectError(Get(s, "/api/clues?triage=bogus"), 400, "triage");
  // Injection attempts are values, not SQL.
  for (const char* evil : {"x'%20OR%20'1'='1", "x%22)%20OR%201=1--", "%25", "x%27;DROP%20TABLE%20clues;--"}) {
    auto r = Get(s, std::string("/api/clues?person=") + evil);
    ASSERT_TRUE(r && r->status == 200) << evil;
    EXPECT_EQ(Body(r)["total"], 0) << evil;
  }
  auto all = Get(s, "/api/clues?limit=500");
  ASSERT_EQ(all->status, 200);
  EXPECT_EQ(Body(all)["total"].get<int64_t>(), QueryInt("SELECT COUNT(*) FROM clues"));
  auto m13 = Body(Get(s, "/api/clues?model=M13&triage=new"));
  EXPECT_EQ(m13["total"].get<int64_t>(),
            QueryInt("SELECT COUNT(*) FROM clues WHERE model = 'M13'"));
  for (const json& c : m13["items"]) EXPECT_EQ(c["model"], "M13");
}

TEST_F(ApiTest, AnotherJurisdictionGets404NeverTheData) {
  Session county = Login("county");
  Session other = Login("other");
  const int64_t clue = QueryInt("SELECT clue_no FROM clues WHERE model = 'M13' ORDER BY clue_no "
                                "LIMIT 1");
  auto mine = Get(county, "/api/clues/" + std::to_string(clue));
  ASSERT_EQ(mine->status, 200) << mine->body;
  auto theirs = Get(other, "/api/clues/" + std::to_string(clue));
  ExpectError(theirs, 404);
  EXPECT_EQ(theirs->body.find(Body(mine)["summary"].get<std::string>()), std::string::npos);
  // The county list holds only its own orgs' clues.
  auto list = Body(Get(county, "/api/clues?limit=500"));
  EXPECT_GT(list["total"].get<int64_t>(), 0);
  EXPECT_LT(list["total"].get<int64_t>(), QueryInt("SELECT COUNT(*) FROM clues"));
  bool found = false;
  for (const json& c : list["items"]) found |= c["clue_no"] == clue;
  EXPECT_TRUE(found);
  // Writes too: triage of another county's clue is 404 and changes nothing.
  ExpectError(Post(other, "/api/clues/" + std::to_string(clue) + "/triage",
                   {{"action", "verify"}, {"version", 0}}),
              404);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM clue_triage WHERE clue_no = " + std::to_string(clue)),
            0);
  // A case handled and about orgs outside the other county: 404 there, 200 for the province.
  const int64_t review = QueryInt(
      "SELECT MIN(c.case_id) FROM cases c JOIN orgs s ON s.org_id = c.subject_org_id JOIN orgs h "
      "ON h.org_id = c.handling_org_id, orgs x WHERE x.org_id = '" + other_county_ +
      "' AND s.region_code <> x.region_code AND h.region_code <> x.region_code");
  ExpectError(Get(other, "/api/cases/" + std::to_string(review)), 404);
  ASSERT_EQ(Get(Login("lead"), "/api/cases/" + std::to_string(review))->status, 200);
  // The read by the province was audited.
  EXPECT_GT(QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'read_case' AND "
                     "object_id = '" + std::to_string(review) + "'"),
            0);
}

TEST_F(ApiTest, ConcurrentEditsOfOneRecordConflict) {
  Session s = Login("pros");
  const int64_t clue = QueryInt("SELECT MAX(clue_no) FROM clues");
  const std::string path = "/api/clues/" + std::to_string(clue) + "/triage";
  auto a = std::async(std::launch::async, [&] {
    return Post(s, path, {{"action", "verify"}, {"version", 0}})->status;
  });
  auto b = std::async(std::launch::async, [&] {
    return Post(s, path, {{"action", "verify"}, {"version", 0}})->status;
  });
  std::vector<int> got = {a.get(), b.get()};
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<int>{200, 409}));
  // A stale version later is also 409 with a Chinese message.
  ExpectError(Post(s, path, {{"action", "dismiss"}, {"version", 0}, {"reason_code", "duplicate"}}),
              409);
  ExpectError(Post(s, path, {{"action", "dismiss"}, {"version", "1"}}), 400, "version");
}

TEST_F(ApiTest, FromClueToIssuedDocumentDownloadedAsDocx) {
  Session pros = Login("pros");
  Session lead = Login("lead");
  // A clue whose basis cites the RULEBOOK (M13: JX-CC-01).
  const int64_t clue = QueryInt("SELECT clue_no FROM clues WHERE model = 'M13' ORDER BY clue_no "
                                "DESC LIMIT 1");
  ExpectError(Post(pros, "/api/cases", {{"clues", json::array()}, {"case_type", "correction"}}),
              400, "clues");
  ExpectError(Post(pros, "/api/cases",
                   {{"clues", {{{"clue_no", clue}, {"version", 0}}}}, {"case_type", "nope"}}),
              400, "case_type");
  auto created = Post(pros, "/api/cases",
                      {{"clues", {{{"clue_no", clue}, {"version", 0}}}}, {"case_type", "correction"}});
  ASSERT_EQ(created->status, 201) << created->body;
  const std::string base = "/api/cases/" + std::to_string(Body(created)["case_id"].get<int64_t>());
  auto act = [&](const Session& s, const json& body) { return Post(s, base + "/actions", body); };
  auto r = act(pros, {{"action", "draft"}, {"version", 1}});
  ASSERT_EQ(r->status, 200) << r->body;
  ExpectError(act(pros, {{"action", "submit"}, {"version", 1}}), 409);  // stale
  ExpectError(act(pros, {{"action", "fly"}, {"version", 2}}), 400, "action");
  ExpectError(act(pros, {{"action", "draft"}, {"version", 2}, {"document", {{"facts", 3}}}}), 400);
  r = act(pros, {{"action", "submit"}, {"version", 2}});
  ASSERT_EQ(r->status, 200) << r->body;
  ExpectError(act(pros, {{"action", "approve_issue"}, {"version", 3}}), 403);
  r = act(lead, {{"action", "approve_issue"}, {"version", 3}});
  ASSERT_EQ(r->status, 200) << r->body;
  const int64_t doc_id = Body(r)["doc_id"];
  auto detail = Body(Get(pros, base));
  EXPECT_EQ(detail["state"], "issued");
  EXPECT_EQ(detail["documents"][0]["state"], "issued");
  const std::string doc_no = detail["documents"][0]["doc_no"];
  EXPECT_NE(doc_no.find("检刑执纠违〔2026〕"), std::string::npos);
  // The DOCX: a zip whose document names the number.
  auto docx = Get(pros, "/api/documents/" + std::to_string(doc_id) + "/docx");
  ASSERT_EQ(docx->status, 200) << docx->body;
  EXPECT_EQ(docx->body.substr(0, 2), "PK");
  EXPECT_NE(docx->get_header_value("Content-Disposition").find("filename*=UTF-8''"),
            std::string::npos);
  auto batch = Get(pros, "/api/documents/batch?ids=" + std::to_string(doc_id));
  ASSERT_EQ(batch->status, 200);
  EXPECT_EQ(batch->body.substr(0, 2), "PK");
  ExpectError(Get(pros, "/api/documents/batch?ids=abc"), 400, "ids");
  ExpectError(Get(Login("other"), "/api/documents/" + std::to_string(doc_id) + "/docx"), 404);

  // Reply, evidence (a traversal name is refused), rectification.
  r = act(pros, {{"action", "reply_adopted"},
                 {"version", 4},
                 {"received_on", "2026-11-24"},
                 {"reply_content", "已责令报到并训诫"}});
  ASSERT_EQ(r->status, 200) << r->body;
  auto c = Client();
  auto up_bad = c.Post(base + "/evidence?version=5&kind=rectification&title=t&file_name=..%2F..%2Fx",
                       {{"Cookie", pros.cookie}, {"X-CSRF-Token", pros.csrf}}, "data",
                       "application/pdf");
  ExpectError(up_bad, 400, "file_name");
  auto up = c.Post(base + "/evidence?version=5&kind=rectification&title=%E6%95%B4%E6%94%B9&"
                          "file_name=%E6%95%B4%E6%94%B9.pdf",
                   {{"Cookie", pros.cookie}, {"X-CSRF-Token", pros.csrf}}, "%PDF-1.4 rect",
                   "application/pdf");
  ASSERT_EQ(up->status, 201) << up->body;
  auto file = Get(pros, "/api/evidence/" + std::to_string(Body(up)["evidence_id"].get<int64_t>()));
  ASSERT_EQ(file->status, 200);
  EXPECT_EQ(file->body, "%PDF-1.4 rect");
  r = act(pros, {{"action", "report_rectification"}, {"version", 6}});
  ASSERT_EQ(r->status, 200) << r->body;
  // 回头看 on unchanged data: still found → back to rectifying.
  auto f = Post(pros, base + "/follow-up", {{"version", 7}});
  ASSERT_EQ(f->status, 200) << f->body;
  EXPECT_FALSE(Body(f)["rectified"].get<bool>());
  EXPECT_EQ(Body(Get(pros, base))["state"], "rectifying");

  auto audit = storage::Database::Open(store_->url);
  auto report = storage::VerifyAudit(**audit);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok()) << report->problem;
}

TEST_F(ApiTest, DeadlinesListShowsTheReviewOpinionsDue) {
  Session s = Login("lead");
  auto r = Get(s, "/api/deadlines?within=30");
  ASSERT_EQ(r->status, 200) << r->body;
  json b = Body(r);
  EXPECT_EQ(b["today"], "2026-11-24");
  ASSERT_FALSE(b["due_soon"].empty());
  EXPECT_EQ(b["due_soon"][0]["rule"], "JX-PROS-01");
  EXPECT_EQ(b["due_soon"][0]["days_left"], 10);
  ExpectError(Get(s, "/api/deadlines?within=-1"), 400, "within");
}

TEST_F(ApiTest, OversizedBodiesAndStaticTraversalAreRefused) {
  auto c = Client();
  std::string big(5000, 'a');
  auto r = c.Post("/api/auth/login", big, "application/json");
  ExpectError(r, 413);
  auto index = c.Get("/some/page");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->body.find("执检"), std::string::npos);
  // A raw request line that a client library would normalise.
  httplib::Client raw("127.0.0.1", port_);
  for (const char* p : {"/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2fetc/passwd"}) {
    auto res = raw.Get(p);
    ASSERT_TRUE(res) << p;
    EXPECT_EQ(res->body.find("root:"), std::string::npos) << p;
  }
}

TEST_F(ApiTest, PersonsAreFoundInTheJurisdictionAndEveryReadIsAudited) {
  Session county = Login("county");
  Session other = Login("other");
  auto db = storage::Database::Open(store_->url);
  const std::string person = [&] {
    auto st = (*db)->Prepare("SELECT person_id FROM clues WHERE model = 'M13' ORDER BY clue_no "
                             "LIMIT 1");
    EXPECT_TRUE((*st)->Step().value());
    return std::string((*st)->ColumnText(0));
  }();
  auto brief = storage::GetPersonBrief(**db, person);
  ASSERT_TRUE(brief.ok());
  ExpectError(Get(county, "/api/persons?q=a"), 400, "q");
  auto found = Body(Get(county, "/api/persons?q=" + person));
  ASSERT_EQ(found["items"].size(), 1u) << found.dump();
  EXPECT_EQ(found["items"][0]["name"], brief->name);
  EXPECT_TRUE(Body(Get(other, "/api/persons?q=" + person))["items"].empty());
  auto r = Get(county, "/api/persons/" + person);
  ASSERT_EQ(r->status, 200) << r->body;
  json p = Body(r);
  EXPECT_EQ(p["name"], brief->name);
  EXPECT_FALSE(p["sentences"].empty());
  EXPECT_TRUE(p["sentences"][0].contains("timeline"));
  EXPECT_FALSE(p["clues"].empty());
  ExpectError(Get(other, "/api/persons/" + person), 404);
  // The second read lists the first among the viewers.
  auto again = Body(Get(Login("lead"), "/api/persons/" + person));
  bool seen = false;
  for (const json& v : again["viewers"]) seen |= v["username"] == "county";
  EXPECT_TRUE(seen) << again["viewers"].dump();
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'read_person' AND "
                     "object_id = '" + person + "'"),
            2);
}

TEST_F(ApiTest, IndicatorsMonthlyReportAndExports) {
  Session lead = Login("lead");
  auto k = Get(lead, "/api/indicators?from=2000-01-01&to=2100-12-31");
  ASSERT_EQ(k->status, 200) << k->body;
  json j = Body(k);
  EXPECT_EQ(j["clues_created"].get<int64_t>(), QueryInt("SELECT COUNT(*) FROM clues"));
  EXPECT_EQ(j["cases_accepted"].get<int64_t>(), QueryInt("SELECT COUNT(*) FROM cases"));
  EXPECT_EQ(j["adoption_rate"], 0.0);
  ExpectError(Get(lead, "/api/indicators?from=2026-12-01&to=2026-11-01"), 400, "to");
  ExpectError(Get(lead, "/api/indicators?from=yesterday"), 400, "from");
  auto xlsx = Get(lead, "/api/indicators/monthly.xlsx?month=2026-11");
  ASSERT_EQ(xlsx->status, 200) << xlsx->body;
  EXPECT_EQ(xlsx->body.substr(0, 2), "PK");
  ExpectError(Get(lead, "/api/indicators/monthly.xlsx?month=2026-13"), 400, "month");
  ExpectError(Get(Login("admin"), "/api/indicators"), 403);
  auto clues = Get(lead, "/api/clues.xlsx?model=M13");
  ASSERT_EQ(clues->status, 200) << clues->body;
  EXPECT_EQ(clues->body.substr(0, 2), "PK");
  ExpectError(Get(lead, "/api/clues.xlsx?model=X"), 400, "model");
  auto cases = Get(lead, "/api/cases.xlsx?type=proposal_review");
  ASSERT_EQ(cases->status, 200) << cases->body;
  ExpectError(Get(lead, "/api/cases.xlsx?state=lost"), 400, "state");
}

TEST_F(ApiTest, AdministrationUsersGrantsAndTheAuditTrail) {
  Session admin = Login("admin");
  Session lead = Login("lead");
  ExpectError(Get(lead, "/api/admin/users"), 403);
  ExpectError(Get(admin, "/api/clues"), 403);  // administrators see no casework
  ASSERT_EQ(Get(admin, "/api/admin/users")->status, 200);
  ExpectError(Post(admin, "/api/admin/users",
                   {{"username", "x1"}, {"display_name", "x"}, {"org_id", "510000-PROC"},
                    {"role", "king"}}),
              400, "role");
  auto created = Post(admin, "/api/admin/users",
                      {{"username", "inspector"}, {"display_name", "巡回检察组"},
                       {"org_id", other_county_}, {"role", "prosecutor"}});
  ASSERT_EQ(created->status, 201) << created->body;
  const std::string generated = Body(created)["generated_password"];
  EXPECT_GE(generated.size(), 10u);
  ExpectError(Post(admin, "/api/admin/users",
                   {{"username", "inspector"}, {"display_name", "again"},
                    {"org_id", other_county_}, {"role", "prosecutor"}}),
              409);
  // A time-limited grant lets the other county's inspector see this county's clue.
  Session other = Login("other");
  const int64_t clue = QueryInt("SELECT clue_no FROM clues WHERE model = 'M13' ORDER BY clue_no "
                                "LIMIT 1");
  ExpectError(Get(other, "/api/clues/" + std::to_string(clue)), 404);
  ExpectError(Post(admin, "/api/admin/grants",
                   {{"username", "other"}, {"org_id", county_}, {"reason", "交叉巡回检察"}}),
              400, "valid_until");
  auto g = Post(admin, "/api/admin/grants",
                {{"username", "other"},
                 {"org_id", county_},
                 {"valid_until", "2026-12-31"},
                 {"reason", "2026年第四季度交叉巡回检察"}});
  ASSERT_EQ(g->status, 201) << g->body;
  ASSERT_EQ(Get(other, "/api/clues/" + std::to_string(clue))->status, 200);
  const int64_t grant_id = Body(g)["grant_id"];
  ASSERT_EQ(Post(admin, "/api/admin/grants/" + std::to_string(grant_id) + "/revoke",
                 json::object())
                ->status,
            200);
  ExpectError(Get(other, "/api/clues/" + std::to_string(clue)), 404);
  // Disabling a user ends their sessions.
  ASSERT_EQ(Post(admin, "/api/admin/users/other/disable", json::object())->status, 200);
  ExpectError(Get(other, "/api/auth/me"), 401);
  // The trail is intact and lists what was done.
  auto verify = Body(Get(lead, "/api/admin/audit/verify"));
  EXPECT_TRUE(verify["intact"].get<bool>()) << verify.dump();
  EXPECT_GT(verify["rows"].get<int64_t>(), 5);
  auto log = Body(Get(lead, "/api/admin/audit?action=grant_add"));
  ASSERT_EQ(log["items"].size(), 1u);
  EXPECT_EQ(log["items"][0]["username"], "admin");
}

TEST_F(ApiTest, BatchActionsAndReviewAttachments) {
  Session pros = Login("pros");
  auto list = Body(Get(pros, "/api/cases?type=proposal_review&limit=500"));
  ASSERT_GE(list["items"].size(), 2u);
  json items = json::array();
  for (const json& c : list["items"]) items.push_back({{"case_id", c["case_id"]}, {"version", c["version"]}});
  items[1]["version"] = 99;  // stale: refused alone
  auto r = Post(pros, "/api/cases/batch", {{"action", "draft"}, {"items", items}});
  ASSERT_EQ(r->status, 200) << r->body;
  json b = Body(r);
  EXPECT_EQ(b["done"].get<size_t>(), items.size() - 1);
  EXPECT_FALSE(b["results"][1]["ok"].get<bool>());
  EXPECT_EQ(b["results"][1]["status"], 409);
  EXPECT_TRUE(b["results"][0]["ok"].get<bool>());
  ExpectError(Post(pros, "/api/cases/batch", {{"action", "draft"}, {"items", json::array()}}), 400,
              "items");
  // The drafted opinion answers the proposal, addressed to the deciding court.
  auto detail = Body(Get(pros, "/api/cases/" + std::to_string(items[0]["case_id"].get<int64_t>())));
  const json& content = detail["documents"][0]["content"];
  EXPECT_EQ(content["kind"], "proposal_opinion");
  EXPECT_NE(content["addressee"].get<std::string>().find("人民法院"), std::string::npos)
      << content.dump();
  EXPECT_FALSE(content["proposal"]["opinion"].get<std::string>().empty());
  // The proposal's electronic file: downloadable in the jurisdiction, 404 elsewhere.
  ASSERT_FALSE(detail["card"]["attachments"].empty());
  const std::string att = detail["card"]["attachments"][0]["attachment_id"];
  auto file = Get(pros, "/api/attachments/" + att);
  ASSERT_EQ(file->status, 200) << file->body;
  EXPECT_FALSE(file->body.empty());
  const std::string proposing = detail["subject_org_id"];
  if (QueryInt("SELECT COUNT(*) FROM orgs a, orgs b WHERE a.org_id = '" + proposing +
               "' AND b.org_id = '" + other_county_ + "' AND a.region_code = b.region_code") == 0) {
    ExpectError(Get(Login("other"), "/api/attachments/" + att), 404);
  }
}

// The review queue (减假暂审查): each review in the list carries what its card says — change
// type, verdict, risk count — with the person and the proposing org; other cases carry none.
TEST_F(ApiTest, ReviewListItemsCarryTheirCardFields) {
  Session pros = Login("pros");
  auto r = Get(pros, "/api/cases?type=proposal_review&limit=500");
  ASSERT_EQ(r->status, 200) << r->body;
  const json items = Body(r)["items"];
  ASSERT_GE(items.size(), 2u);
  std::set<std::string> types;
  for (const json& it : items) {
    SCOPED_TRACE(it["case_no"].get<std::string>());
    ASSERT_TRUE(it.contains("review")) << it.dump();
    const json& v = it["review"];
    const json d = Body(Get(pros, "/api/cases/" + std::to_string(it["case_id"].get<int64_t>())));
    const json& card = d["card"];
    EXPECT_EQ(v["change_type"], card["change_type"]);
    const std::string code = v["change_type"];
    types.insert(code);
    EXPECT_EQ(v["change_type_label"], std::string(*domain::kChangeType.LabelOf(code)));
    if (code == "commutation" || code == "parole" || code == "temp_release") {
      EXPECT_EQ(v["change_type_label"], card["proposal"]["change_type"]);  // 减刑 / 假释 / …
    }
    EXPECT_EQ(v["verdict"], card["verdict"]);
    EXPECT_EQ(v["verdict_label"], card["verdict_label"]);
    EXPECT_EQ(v["risks"].get<size_t>(), card["risk_points"].size());
    // The person: the list's, the detail's and the register's name are one.
    const std::string name = QueryText("SELECT name FROM persons WHERE person_id = '" +
                                       it["person_id"].get<std::string>() + "'");
    EXPECT_FALSE(name.empty());
    EXPECT_EQ(v["person_name"], name);
    EXPECT_EQ(it["person_name"], name);
    EXPECT_EQ(d["person_name"], name);
    // The proposing org is the proposal's, whatever the subject org has become since.
    const std::string change = it["change_id"];
    EXPECT_EQ(
        v["proposing_org_id"],
        QueryText("SELECT proposing_org_id FROM term_changes WHERE change_id = '" + change + "'"));
    EXPECT_EQ(v["proposing_org_name"],
              QueryText("SELECT o.name FROM term_changes t JOIN orgs o ON o.org_id = "
                        "t.proposing_org_id WHERE t.change_id = '" +
                        change + "'"));
    EXPECT_FALSE(v["proposing_org_name"].get<std::string>().empty());
  }
  EXPECT_FALSE(types.empty());
  // Only reviews carry the block.
  auto all = Body(Get(pros, "/api/cases?limit=500"));
  for (const json& it : all["items"]) {
    EXPECT_EQ(it.contains("review"), it["case_type"] == "proposal_review") << it.dump();
  }
}

// sort=deadline: the next open deadline first, cases without one last, the same order page by
// page as in one page; the default order (newest first) is unchanged; an unknown sort is 400.
TEST_F(ApiTest, CasesSortByTheNextOpenDeadlineAcrossPages) {
  Session pros = Login("pros");
  // Spread three reviews' deadlines: one sooner, one later, one met (no open deadline).
  auto db = storage::Database::Open(store_->url);
  ASSERT_TRUE(db.ok());
  std::vector<int64_t> ids;
  {
    auto st = (*db)->Prepare(
        "SELECT d.deadline_id FROM case_deadlines d JOIN cases c ON c.case_id = d.case_id "
        "WHERE c.case_type = 'proposal_review' AND d.met_on IS NULL AND d.cancelled = 0 "
        "AND (SELECT COUNT(*) FROM case_deadlines e WHERE e.case_id = d.case_id) = 1 "
        "ORDER BY d.case_id LIMIT 3");
    ASSERT_TRUE(st.ok());
    while (true) {
      auto row = (*st)->Step();
      ASSERT_TRUE(row.ok());
      if (!*row) break;
      ids.push_back((*st)->ColumnInt(0));
    }
  }
  ASSERT_EQ(ids.size(), 3u);
  const std::string sooner = std::to_string(ids[0]), later = std::to_string(ids[1]),
                    met = std::to_string(ids[2]);
  Exec("UPDATE case_deadlines SET due_date = due_date - 7 WHERE deadline_id = " + sooner);
  Exec("UPDATE case_deadlines SET due_date = due_date + 40 WHERE deadline_id = " + later);
  Exec("UPDATE case_deadlines SET met_on = from_date WHERE deadline_id = " + met);
  struct Restore {  // puts the deadlines back for the other tests, whatever happens here
    std::function<void()> undo;
    ~Restore() { undo(); }
  } restore{[&] {
    Exec("UPDATE case_deadlines SET due_date = due_date + 7 WHERE deadline_id = " + sooner);
    Exec("UPDATE case_deadlines SET due_date = due_date - 40 WHERE deadline_id = " + later);
    Exec("UPDATE case_deadlines SET met_on = NULL WHERE deadline_id = " + met);
  }};
  auto case_of = [&](const std::string& deadline) {
    return QueryInt("SELECT case_id FROM case_deadlines WHERE deadline_id = " + deadline);
  };

  auto list = [&](const std::string& query) {
    auto r = Get(pros, "/api/cases?type=proposal_review" + query);
    EXPECT_EQ(r->status, 200) << r->body;
    return Body(r);
  };
  const json whole = list("&sort=deadline&limit=500")["items"];
  ASSERT_GE(whole.size(), 3u);
  // Dates are ISO text, so text order is date order; "" (none) sorts last.
  for (size_t i = 1; i < whole.size(); ++i) {
    const std::string a = whole[i - 1]["next_due"], b = whole[i]["next_due"];
    const int64_t ia = whole[i - 1]["case_id"], ib = whole[i]["case_id"];
    if (a.empty()) {
      EXPECT_TRUE(b.empty()) << "a case without a deadline before one with " << b;
    }
    if (!a.empty() && !b.empty()) EXPECT_LE(a, b) << i;
    if (a == b) EXPECT_LT(ia, ib) << "ties by case number, at " << i;
  }
  EXPECT_EQ(whole[0]["case_id"], case_of(sooner)) << whole[0].dump();
  auto position = [&](int64_t case_id) {
    for (size_t i = 0; i < whole.size(); ++i) {
      if (whole[i]["case_id"] == case_id) return static_cast<int64_t>(i);
    }
    return int64_t{-1};
  };
  const int64_t last_dated = position(case_of(later));
  ASSERT_GE(last_dated, 0);
  for (size_t i = 0; i < whole.size(); ++i) {
    if (static_cast<int64_t>(i) > last_dated) EXPECT_EQ(whole[i]["next_due"], "") << i;
  }
  EXPECT_GT(position(case_of(met)), last_dated);
  EXPECT_EQ(whole[position(case_of(met))]["next_due"], "");

  // Page by page (2 a page) it is the same sequence: sorted in the store, not on the page.
  json paged = json::array();
  for (size_t offset = 0; offset < whole.size(); offset += 2) {
    const json page = list("&sort=deadline&limit=2&offset=" + std::to_string(offset));
    EXPECT_EQ(page["total"].get<size_t>(), whole.size());
    for (const json& it : page["items"]) paged.push_back(it["case_id"]);
  }
  json expected = json::array();
  for (const json& it : whole) expected.push_back(it["case_id"]);
  EXPECT_EQ(paged, expected);

  // The default stays newest first.
  const json newest = list("&limit=500")["items"];
  ASSERT_EQ(newest.size(), whole.size());
  for (size_t i = 1; i < newest.size(); ++i) {
    EXPECT_GT(newest[i - 1]["case_id"].get<int64_t>(), newest[i]["case_id"].get<int64_t>());
  }
  ExpectError(Get(pros, "/api/cases?sort=soonest"), 400, "sort");
  ExpectError(Get(pros, "/api/cases.xlsx?sort=deadline%20desc"), 400, "sort");
  EXPECT_EQ(Get(pros, "/api/cases.xlsx?type=proposal_review&sort=deadline")->status, 200);
}

// The home page: each KPI is what the matching list says; the breakdowns add up; a county's
// figures hold only its own clues.
TEST_F(ApiTest, DashboardCountsAreTheListsAndStayInTheJurisdiction) {
  Session lead = Login("lead"), county = Login("county"), other = Login("other");
  const std::string open_filter = "status=open&triage=new,assigned,verifying,verified&limit=1";
  auto d = Get(lead, "/api/dashboard");
  ASSERT_EQ(d->status, 200) << d->body;
  json b = Body(d);
  EXPECT_EQ(b["as_of"], "2026-11-24");
  const int64_t open = b["kpis"]["open_clues"];
  EXPECT_GT(open, 0);
  EXPECT_EQ(open, Body(Get(lead, "/api/clues?" + open_filter))["total"].get<int64_t>());
  EXPECT_EQ(b["kpis"]["open_cases"].get<int64_t>(),
            QueryInt("SELECT COUNT(*) FROM cases WHERE state <> 'closed'"));
  EXPECT_EQ(b["kpis"]["pending_reviews"].get<int64_t>(),
            QueryInt("SELECT COUNT(*) FROM cases WHERE state <> 'closed' AND case_type = "
                     "'proposal_review'"));
  auto due = Body(
      Get(lead, "/api/deadlines?within=" + std::to_string(b["kpis"]["due_soon_days"].get<int>()) +
                    "&limit=1000"));
  EXPECT_EQ(b["kpis"]["overdue"].get<size_t>(), due["overdue"].size());
  EXPECT_EQ(b["kpis"]["due_soon"].get<size_t>(), due["due_soon"].size());
  // Breakdowns: every model listed, in order; sums equal the KPI.
  ASSERT_EQ(b["by_model"].size(), 25u);
  EXPECT_EQ(b["by_model"][0]["model"], "M01");
  int64_t by_model = 0, by_county = 0, total = 0;
  for (const json& m : b["by_model"]) {
    by_model += m["open"].get<int64_t>();
    total += m["total"].get<int64_t>();
    EXPECT_FALSE(m["name"].get<std::string>().empty());
  }
  EXPECT_EQ(by_model, open);
  EXPECT_EQ(total, QueryInt("SELECT COUNT(*) FROM clues"));
  for (const json& c : b["by_county"]) by_county += c["open_clues"].get<int64_t>();
  EXPECT_EQ(by_county, open);
  ASSERT_FALSE(b["by_facility"].empty());
  EXPECT_LE(b["by_facility"].size(), 15u);
  const std::string top = b["by_facility"][0]["org_id"];
  EXPECT_EQ(b["by_facility"][0]["open"].get<int64_t>(),
            Body(Get(lead, "/api/clues?org=" + top + "&" + open_filter))["total"].get<int64_t>());
  // Trend: twelve months ending with this one; the clues were found by today's run.
  ASSERT_EQ(b["trend"].size(), 12u);
  EXPECT_EQ(b["trend"][11]["month"], "2026-11");
  EXPECT_EQ(b["trend"][0]["month"], "2025-12");
  EXPECT_EQ(b["trend"][11]["found"].get<int64_t>(), QueryInt("SELECT COUNT(*) FROM clues"));

  // A county sees its own clues only.
  json c = Body(Get(county, "/api/dashboard"));
  const int64_t county_open = c["kpis"]["open_clues"];
  EXPECT_GT(county_open, 0);
  EXPECT_LT(county_open, open);
  EXPECT_EQ(county_open, Body(Get(county, "/api/clues?" + open_filter))["total"].get<int64_t>());
  json mine = Body(Get(county, "/api/orgs"));
  std::set<std::string> orgs;
  for (const json& o : mine["items"]) orgs.insert(o["org_id"]);
  for (const json& f : c["by_facility"]) EXPECT_TRUE(orgs.count(f["org_id"])) << f.dump();
  json o = Body(Get(other, "/api/dashboard"));
  for (const json& f : o["by_facility"]) EXPECT_FALSE(orgs.count(f["org_id"])) << f.dump();
  EXPECT_LE(county_open + o["kpis"]["open_clues"].get<int64_t>(), open);
  ExpectError(Get(Login("admin"), "/api/dashboard"), 403);
}

TEST_F(ApiTest, OfficeLogsAreCheckedAuditedAndShownInTheirJurisdiction) {
  Session county = Login("county"), other = Login("other"), lead = Login("lead");
  const json entry = {{"log_date", "2026-11-23"},
                      {"category", "safety"},
                      {"content", "对监区开展安全防范检查，未发现违禁品。"}};
  auto r = Post(county, "/api/office-logs", entry);
  ASSERT_EQ(r->status, 201) << r->body;
  json log = Body(r);
  EXPECT_EQ(log["org_id"], county_);
  EXPECT_EQ(log["author"], "county");
  EXPECT_EQ(log["category_label"], "安全防范检察");
  EXPECT_EQ(log["log_date"], "2026-11-23");
  EXPECT_EQ(log["created_at"], "2026-11-24 09:00");
  EXPECT_FALSE(log["org_name"].get<std::string>().empty());
  // In the author's dashboard and list, and the province's; not in another county's.
  json d = Body(Get(county, "/api/dashboard"));
  ASSERT_FALSE(d["logs"].empty());
  EXPECT_EQ(d["logs"][0]["id"], log["id"]);
  bool seen = false;
  const json province = Body(Get(lead, "/api/dashboard"));
  for (const json& l : province["logs"]) seen |= l["id"] == log["id"];
  EXPECT_TRUE(seen);
  const json elsewhere = Body(Get(other, "/api/dashboard"));
  for (const json& l : elsewhere["logs"]) EXPECT_NE(l["id"], log["id"]);
  EXPECT_EQ(Body(Get(other, "/api/office-logs?org=" + county_))["total"], 0);
  json list = Body(Get(county, "/api/office-logs?from=2026-11-23&to=2026-11-23"));
  EXPECT_EQ(list["total"], 1);
  EXPECT_EQ(Body(Get(county, "/api/office-logs?to=2026-11-22"))["total"], 0);
  ExpectError(Get(county, "/api/office-logs?from=2026-11-24&to=2026-11-01"), 400, "to");
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'office_log_add' AND "
                     "object_id = '" +
                     std::to_string(log["id"].get<int64_t>()) + "'"),
            1);
  // Refused: a future date, an unknown category, empty or too long content, a leader.
  json bad = entry;
  bad["log_date"] = "2026-11-25";
  ExpectError(Post(county, "/api/office-logs", bad), 400, "log_date");
  bad = entry;
  bad["category"] = "chat";
  ExpectError(Post(county, "/api/office-logs", bad), 400, "category");
  bad = entry;
  bad["content"] = "　 ";
  ExpectError(Post(county, "/api/office-logs", bad), 400, "content");
  std::string long_text;
  for (int i = 0; i < 4001; ++i) long_text += "检";
  bad["content"] = long_text;
  ExpectError(Post(county, "/api/office-logs", bad), 400, "content");
  bad["content"] = long_text.substr(3);  // exactly 4,000 characters
  EXPECT_EQ(Post(county, "/api/office-logs", bad)->status, 201);
  ExpectError(Post(lead, "/api/office-logs", entry), 403);
}

TEST_F(ApiTest, TrajectoryOfAnOutOfAreaClueHasItsPointsAndCounties) {
  Session lead = Login("lead");
  const int64_t m14 = QueryInt("SELECT MIN(clue_no) FROM clues WHERE model = 'M14'");
  ASSERT_GT(m14, 0);
  auto r = Get(lead, "/api/clues/" + std::to_string(m14) + "/trajectory");
  ASSERT_EQ(r->status, 200) << r->body;
  json t = Body(r);
  EXPECT_EQ(t["model"], "M14");
  const std::string residence = t["residence_region_code"];
  EXPECT_EQ(residence.size(), 6u);
  EXPECT_FALSE(t["residence_name"].get<std::string>().empty());
  EXPECT_EQ(t["window"]["from"].get<std::string>().size(), 16u);  // YYYY-MM-DD HH:MM
  ASSERT_FALSE(t["points"].empty());
  EXPECT_FALSE(t["thinned"].get<bool>());
  int outside = 0;
  int64_t prev = 0;
  for (const json& p : t["points"]) {
    outside += p["outside"].get<bool>();
    EXPECT_GE(p["t"].get<int64_t>(), prev);
    prev = p["t"];
    EXPECT_GT(p["lon"].get<double>(), 97.0);
    EXPECT_LT(p["lat"].get<double>(), 35.0);
  }
  EXPECT_GT(outside, 0);                                     // the episode itself
  EXPECT_LT(outside, static_cast<int>(t["points"].size()));  // and the day around it at home
  ASSERT_FALSE(t["counties"].empty());
  const json& home = t["counties"][0];
  EXPECT_EQ(home["type"], "Feature");
  EXPECT_EQ(home["properties"]["code"], residence);
  EXPECT_EQ(home["properties"]["name"], t["residence_name"]);
  EXPECT_TRUE(home["geometry"]["type"] == "Polygon" || home["geometry"]["type"] == "MultiPolygon");
  if (t["destination_region_code"].is_string()) {
    ASSERT_EQ(t["counties"].size(), 2u);
    EXPECT_EQ(t["counties"][1]["properties"]["code"], t["destination_region_code"]);
  }
  // A clue without positions.
  const int64_t m13 = QueryInt("SELECT MIN(clue_no) FROM clues WHERE model = 'M13'");
  auto none = Get(lead, "/api/clues/" + std::to_string(m13) + "/trajectory");
  ExpectError(none, 404);
  EXPECT_EQ(Body(none)["error"]["message"], "该线索没有定位轨迹");
}

TEST_F(ApiTest, PersonsAreFoundByIdNumberAndCaseNumberWithTheirRecords) {
  Session lead = Login("lead");
  auto db = storage::Database::Open(store_->url);
  auto text = [&](const std::string& sql) {
    auto st = (*db)->Prepare(sql);
    EXPECT_TRUE(st.ok() && (*st)->Step().value()) << sql;
    return std::string((*st)->ColumnText(0));
  };
  // A prisoner with custody events and a sentence.
  const std::string person = text(
      "SELECT e.person_id FROM custody_events e JOIN sentences s ON s.person_id = e.person_id "
      "ORDER BY e.person_id LIMIT 1");
  const std::string id_number =
      text("SELECT id_number FROM persons WHERE person_id = '" + person + "'");
  const std::string case_no = text("SELECT case_no FROM sentences WHERE person_id = '" + person +
                                   "' ORDER BY sentence_id LIMIT 1");
  auto found = [&](const std::string& q) {
    json b = Body(Get(lead, "/api/persons?limit=200&q=" + httplib::detail::encode_query_param(q)));
    for (const json& p : b["items"]) {
      if (p["person_id"] == person) return true;
    }
    return false;
  };
  EXPECT_TRUE(found(id_number));
  EXPECT_TRUE(found(id_number.substr(0, 14)));
  EXPECT_TRUE(found(case_no));
  EXPECT_TRUE(found(case_no.substr(case_no.size() / 2)));
  EXPECT_FALSE(found(id_number.substr(4)));  // id numbers match from their start
  auto r = Get(lead, "/api/persons/" + person);
  ASSERT_EQ(r->status, 200) << r->body;
  const json rec = Body(r)["records"];
  for (const char* k :
       {"custody", "points", "rewards", "jobs", "accounts", "property", "corrections"}) {
    EXPECT_TRUE(rec[k].is_array()) << k;
  }
  ASSERT_EQ(rec["custody"].size(),
            static_cast<size_t>(QueryInt("SELECT COUNT(*) FROM custody_events WHERE person_id "
                                         "= '" +
                                         person + "'")));
  EXPECT_FALSE(rec["custody"][0]["event_label"].get<std::string>().empty());
  EXPECT_FALSE(rec["custody"][0]["facility_name"].get<std::string>().empty());
  // Money in yuan: a property case's payments add up to what it says was paid.
  const std::string payer = QueryInt("SELECT COUNT(*) FROM property_payments") > 0
                                ? text(
                                      "SELECT c.person_id FROM property_cases c JOIN "
                                      "property_payments p ON p.exec_id = c.exec_id LIMIT 1")
                                : std::string();
  if (!payer.empty()) {
    const json prop = Body(Get(lead, "/api/persons/" + payer))["records"]["property"];
    ASSERT_FALSE(prop.empty());
    for (const json& c : prop) {
      double sum = 0;
      for (const json& p : c["payments"]) sum += p["amount"].get<double>();
      EXPECT_NEAR(sum, c["paid"].get<double>(), 0.001);
    }
  }
  // A person under community correction: events, leaves, labels.
  const std::string corrected = text("SELECT person_id FROM corrections ORDER BY row_no LIMIT 1");
  const json corr = Body(Get(lead, "/api/persons/" + corrected))["records"]["corrections"];
  ASSERT_FALSE(corr.empty());
  EXPECT_FALSE(corr[0]["correction_type_label"].get<std::string>().empty());
  EXPECT_TRUE(corr[0]["events"].is_array());
  EXPECT_TRUE(corr[0]["leaves"].is_array());
}

TEST_F(ApiTest, IndicatorsByOrgAreTheMonthlyFiguresAndOrgsAreListed) {
  Session lead = Login("lead"), county = Login("county");
  auto r = Get(lead, "/api/indicators/by-org?month=2026-11");
  ASSERT_EQ(r->status, 200) << r->body;
  json b = Body(r);
  EXPECT_EQ(b["month"], "2026-11");
  json k = Body(Get(lead, "/api/indicators?from=2026-11-01&to=2026-11-30"));
  EXPECT_EQ(b["total"]["clues_found"], k["clues_created"]);
  EXPECT_EQ(b["total"]["cases_opened"], k["cases_accepted"]);
  EXPECT_EQ(b["total"]["documents_issued"], k["documents_issued"]);
  EXPECT_EQ(b["total"]["overdue"], k["overdue_open"]);
  EXPECT_EQ(b["total"]["clues_found"].get<int64_t>(), QueryInt("SELECT COUNT(*) FROM clues"));
  EXPECT_LE(b["total"]["clues_open"].get<int64_t>(), b["total"]["clues_found"].get<int64_t>());
  ASSERT_FALSE(b["rows"].empty());
  int64_t found = 0;
  for (const json& row : b["rows"]) found += row["clues_found"].get<int64_t>();
  EXPECT_EQ(found, b["total"]["clues_found"].get<int64_t>());  // the cities cover the province
  // A county has one row, itself.
  json c = Body(Get(county, "/api/indicators/by-org"));
  ASSERT_EQ(c["rows"].size(), 1u);
  EXPECT_EQ(c["rows"][0]["org_id"], county_);
  EXPECT_EQ(Body(Get(lead, "/api/indicators/by-org?month=2025-01"))["total"]["clues_found"], 0);
  json months = Body(Get(lead, "/api/indicators/months"));
  ASSERT_FALSE(months["months"].empty());
  EXPECT_EQ(months["months"][0], "2026-11");

  // Orgs: the county's are a part of the province's; administrators see user counts.
  const size_t all = Body(Get(lead, "/api/orgs"))["items"].size();
  EXPECT_EQ(all, static_cast<size_t>(QueryInt("SELECT COUNT(*) FROM orgs")));
  const json mine = Body(Get(county, "/api/orgs"))["items"];
  EXPECT_LT(mine.size(), all);
  bool own = false;
  for (const json& o : mine) own |= o["org_id"] == county_;
  EXPECT_TRUE(own);
  ExpectError(Get(lead, "/api/admin/orgs"), 403);
  json admin = Body(Get(Login("admin"), "/api/admin/orgs"));
  ASSERT_EQ(admin["items"].size(), all);
  for (const json& o : admin["items"]) {
    if (o["org_id"] == county_) EXPECT_GE(o["users"].get<int64_t>(), 1);
    if (o["org_id"] == "510000-PROC") {
      EXPECT_EQ(o["users"].get<int64_t>(),
                QueryInt("SELECT COUNT(*) FROM users WHERE org_id = '510000-PROC'"));
      EXPECT_EQ(o["org_type_label"], "省级院");
    }
  }
}

// Every route, by operation id: a request that succeeds, one with bad input that is refused
// with 400 (routes whose only input is the record's id answer 404 for an unknown one), and, for
// routes about one record, a user of another jurisdiction refused with 404 (or 403 when the
// role may not act at all) — never the data. A route missing from this table fails the test.
TEST_F(ApiTest, EveryRouteSucceedsRefusesBadInputAndStaysInItsJurisdiction) {
  std::map<std::string, std::set<std::string>> seen;  // operation → {ok, bad, scope}
  auto check = [&](const std::string& op, const std::string& kind, const httplib::Result& r,
                   std::set<int> want) {
    ASSERT_TRUE(r) << op << " " << kind;
    EXPECT_TRUE(want.count(r->status)) << op << " " << kind << ": " << r->status << " "
                                       << r->body.substr(0, 300);
    if (kind != "ok") {
      EXPECT_TRUE(Body(r).contains("error")) << op << " " << kind;
    }
    seen[op].insert(kind);
  };
  Session lead = Login("lead"), pros = Login("pros"), admin = Login("admin"),
          other = Login("other");
  auto c = Client();
  const std::string clue = std::to_string(
      QueryInt("SELECT clue_no FROM clues WHERE model = 'M13' ORDER BY clue_no LIMIT 1"));
  const std::string person = [&] {
    auto db = storage::Database::Open(store_->url);
    auto st = (*db)->Prepare("SELECT person_id FROM clues WHERE clue_no = " + clue);
    EXPECT_TRUE((*st)->Step().value());
    return std::string((*st)->ColumnText(0));
  }();

  // auth
  check("auth.login", "ok",
        c.Post("/api/auth/login",
               json({{"username", "pros"}, {"password", std::string(kPassword) + "x"}}).dump(),
               "application/json"),
        {200});
  check("auth.login", "bad", c.Post("/api/auth/login", R"({"username":"pros"})", "application/json"),
        {400});
  check("auth.me", "ok", Get(pros, "/api/auth/me"), {200});
  {
    Session spare = Login("lead");
    check("auth.logout", "ok", Post(spare, "/api/auth/logout", json::object()), {200});
  }
  {
    auto r = c.Post("/api/auth/login", json({{"username", "fresh"}, {"password", kPassword}}).dump(),
                    "application/json");
    ASSERT_TRUE(r && r->status == 200);
    Session fresh;
    for (const auto& [k, v] : r->headers) {
      if (k == "Set-Cookie" && v.rfind("zj_session=", 0) == 0) {
        fresh.cookie = v.substr(0, v.find(';'));
      }
    }
    fresh.csrf = Body(r)["csrf_token"];
    check("auth.password", "bad",
          Post(fresh, "/api/auth/password", {{"current_password", kPassword}}), {400});
    check("auth.password", "ok",
          Post(fresh, "/api/auth/password",
               {{"current_password", kPassword}, {"new_password", "Another-Pass-2027"}}),
          {200});
  }

  // clues
  check("clues.list", "ok", Get(pros, "/api/clues"), {200});
  check("clues.list", "bad", Get(pros, "/api/clues?status=maybe"), {400});
  check("clues.get", "ok", Get(pros, "/api/clues/" + clue), {200});
  check("clues.get", "scope", Get(other, "/api/clues/" + clue), {404});
  check("clues.export", "ok", Get(pros, "/api/clues.xlsx"), {200});
  check("clues.export", "bad", Get(pros, "/api/clues.xlsx?severity=x"), {400});
  check("clues.triage", "bad", Post(pros, "/api/clues/" + clue + "/triage", {{"action", "verify"}}),
        {400});
  check("clues.triage", "scope",
        Post(other, "/api/clues/" + clue + "/triage", {{"action", "verify"}, {"version", 0}}),
        {404});
  check("clues.triage", "ok",
        Post(pros, "/api/clues/" + clue + "/triage", {{"action", "verify"}, {"version", 0}}),
        {200});
  check("cases.create", "bad",
        Post(pros, "/api/cases", {{"clues", {{{"clue_no", std::stoll(clue)}, {"version", 1}}}},
                                  {"case_type", "praise"}}),
        {400});
  check("cases.create", "scope",
        Post(other, "/api/cases", {{"clues", {{{"clue_no", std::stoll(clue)}, {"version", 1}}}},
                                   {"case_type", "correction"}}),
        {404});
  auto created = Post(pros, "/api/cases", {{"clues", {{{"clue_no", std::stoll(clue)}, {"version", 1}}}},
                                           {"case_type", "correction"}});
  check("cases.create", "ok", created, {201});
  const std::string base = "/api/cases/" + std::to_string(Body(created)["case_id"].get<int64_t>());

  // cases
  check("cases.list", "ok", Get(pros, "/api/cases"), {200});
  check("cases.list", "ok", Get(pros, "/api/cases?type=proposal_review&sort=deadline"), {200});
  check("cases.list", "bad", Get(pros, "/api/cases?type=favourite"), {400});
  check("cases.list", "bad", Get(pros, "/api/cases?sort=due_date"), {400});
  check("cases.export", "ok", Get(pros, "/api/cases.xlsx"), {200});
  check("cases.export", "bad", Get(pros, "/api/cases.xlsx?limit=0"), {400});
  check("cases.export", "bad", Get(pros, "/api/cases.xlsx?sort=newest"), {400});
  check("cases.get", "ok", Get(pros, base), {200});
  check("cases.get", "scope", Get(other, base), {404});
  check("cases.act", "bad", Post(pros, base + "/actions", {{"version", 1}}), {400});
  check("cases.act", "scope", Post(other, base + "/actions", {{"action", "draft"}, {"version", 1}}),
        {404});
  check("cases.act", "ok", Post(pros, base + "/actions", {{"action", "draft"}, {"version", 1}}),
        {200});
  ASSERT_EQ(Post(pros, base + "/actions", {{"action", "submit"}, {"version", 2}})->status, 200);
  ASSERT_EQ(Post(lead, base + "/actions", {{"action", "approve_issue"}, {"version", 3}})->status,
            200);
  ASSERT_EQ(Post(pros, base + "/actions", {{"action", "reply_adopted"},
                                           {"version", 4},
                                           {"received_on", "2026-11-24"},
                                           {"reply_content", "已纠正"}})
                ->status,
            200);
  auto upload = [&](const Session& s, const std::string& query) {
    return c.Post(base + "/evidence?" + query, {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}},
                  "evidence", "text/plain");
  };
  check("cases.upload_evidence", "bad", upload(pros, "version=5&kind=photo&title=t"), {400});
  check("cases.upload_evidence", "scope", upload(other, "version=5&kind=rectification&title=t"),
        {404});
  auto up = upload(pros, "version=5&kind=rectification&title=t&file_name=a.txt");
  check("cases.upload_evidence", "ok", up, {201});
  const std::string evidence = "/api/evidence/" + std::to_string(Body(up)["evidence_id"].get<int64_t>());
  check("evidence.get", "ok", Get(pros, evidence), {200});
  check("evidence.get", "scope", Get(other, evidence), {404});
  ASSERT_EQ(Post(pros, base + "/actions", {{"action", "report_rectification"}, {"version", 6}})
                ->status,
            200);
  check("cases.follow_up", "bad", Post(pros, base + "/follow-up", {{"version", "7"}}), {400});
  check("cases.follow_up", "scope", Post(other, base + "/follow-up", {{"version", 7}}), {404});
  check("cases.follow_up", "ok", Post(pros, base + "/follow-up", {{"version", 7}}), {200});
  const json detail = Body(Get(pros, base));
  const std::string doc = std::to_string(detail["documents"][0]["doc_id"].get<int64_t>());
  check("documents.docx", "ok", Get(pros, "/api/documents/" + doc + "/docx"), {200});
  check("documents.docx", "scope", Get(other, "/api/documents/" + doc + "/docx"), {404});
  check("documents.batch", "ok", Get(pros, "/api/documents/batch?ids=" + doc), {200});
  check("documents.batch", "bad", Get(pros, "/api/documents/batch"), {400});

  // a review case: deadline extension, batch, attachments
  // A review case about a prison outside the other county.
  const int64_t review_id = QueryInt(
      "SELECT MIN(c.case_id) FROM cases c JOIN orgs s ON s.org_id = c.subject_org_id, orgs x "
      "WHERE c.case_type = 'proposal_review' AND x.org_id = '" + other_county_ +
      "' AND s.region_code <> x.region_code AND EXISTS (SELECT 1 FROM attachments a WHERE "
      "a.owner_id = c.change_id)");
  const std::string rbase = "/api/cases/" + std::to_string(review_id);
  const json rdetail = Body(Get(lead, rbase));
  const json& review = rdetail;
  const std::string deadline = std::to_string(rdetail["deadlines"][0]["deadline_id"].get<int64_t>());
  check("cases.extend_deadline", "bad",
        Post(lead, rbase + "/deadlines/" + deadline + "/extend", {{"version", review["version"]}}),
        {400});
  check("cases.extend_deadline", "scope",
        Post(other, rbase + "/deadlines/" + deadline + "/extend",
             {{"version", review["version"]}, {"reason", "案情复杂"}}),
        {403, 404});
  check("cases.extend_deadline", "ok",
        Post(lead, rbase + "/deadlines/" + deadline + "/extend",
             {{"version", review["version"]}, {"reason", "案情复杂，需调查核实立功材料"}}),
        {200});
  check("cases.batch", "bad", Post(pros, "/api/cases/batch", {{"items", {{{"case_id", 1}}}}}),
        {400});
  check("cases.batch", "ok",
        Post(pros, "/api/cases/batch",
             {{"action", "investigate"}, {"items", {{{"case_id", 1}, {"version", 99}}}}}),
        {200});
  const std::string att = rdetail["card"]["attachments"][0]["attachment_id"];
  check("attachments.get", "ok", Get(lead, "/api/attachments/" + att), {200});
  check("attachments.get", "scope", Get(other, "/api/attachments/" + att), {404});
  check("deadlines.list", "ok", Get(pros, "/api/deadlines"), {200});
  check("deadlines.list", "bad", Get(pros, "/api/deadlines?within=x"), {400});

  // people and reports
  check("persons.search", "ok", Get(pros, "/api/persons?q=" + person), {200});
  check("persons.search", "bad", Get(pros, "/api/persons"), {400});
  check("persons.get", "ok", Get(pros, "/api/persons/" + person), {200});
  check("persons.get", "scope", Get(other, "/api/persons/" + person), {404});
  check("indicators.get", "ok", Get(pros, "/api/indicators"), {200});
  check("indicators.get", "bad", Get(pros, "/api/indicators?to=13/11"), {400});
  check("indicators.monthly", "ok", Get(pros, "/api/indicators/monthly.xlsx?month=2026-11"), {200});
  check("indicators.monthly", "bad", Get(pros, "/api/indicators/monthly.xlsx"), {400});

  // the home page, office logs, trajectories, orgs, monthly figures
  check("dashboard.get", "ok", Get(pros, "/api/dashboard"), {200});
  check("office_logs.list", "ok", Get(pros, "/api/office-logs?from=2026-01-01"), {200});
  check("office_logs.list", "bad", Get(pros, "/api/office-logs?from=2026-1-1"), {400});
  check("office_logs.create", "ok",
        Post(pros, "/api/office-logs",
             {{"log_date", "2026-11-24"}, {"category", "daily"}, {"content", "日常检察"}}),
        {201});
  check("office_logs.create", "bad",
        Post(pros, "/api/office-logs",
             {{"log_date", "2026-11-24"}, {"category", "gossip"}, {"content", "x"}}),
        {400});
  {
    // A trajectory clue of an office outside the other county.
    const std::string track = std::to_string(QueryInt(
        "SELECT MIN(c.clue_no) FROM clues c JOIN orgs o ON o.org_id = c.org_id, orgs x WHERE "
        "c.model IN ('M14', 'M15', 'M16') AND x.org_id = '" +
        other_county_ + "' AND o.region_code <> x.region_code"));
    check("clues.trajectory", "ok", Get(pros, "/api/clues/" + track + "/trajectory"), {200});
    check("clues.trajectory", "bad", Get(pros, "/api/clues/" + clue + "/trajectory"), {404});
    check("clues.trajectory", "scope", Get(other, "/api/clues/" + track + "/trajectory"), {404});
  }
  check("orgs.list", "ok", Get(other, "/api/orgs"), {200});
  check("indicators.by_org", "ok", Get(pros, "/api/indicators/by-org?month=2026-11"), {200});
  check("indicators.by_org", "bad", Get(pros, "/api/indicators/by-org?month=2026-13"), {400});
  check("indicators.months", "ok", Get(pros, "/api/indicators/months"), {200});

  // assignees: the picker of 分派
  {
    Session head = Login("countyhead");
    auto mine = Get(head, "/api/assignees");
    check("assignees.list", "ok", mine, {200});
    const json items = Body(mine)["items"];
    EXPECT_FALSE(items.empty());
    for (const json& u : items) EXPECT_NE(u["org_id"], other_county_) << u.dump();
    check("assignees.list", "bad", Get(head, "/api/assignees?q=" + std::string(33, 'x')), {400});
    check("assignees.list", "bad", Get(lead, "/api/assignees?org=no-such-org"), {400});
    check("assignees.list", "bad", Get(lead, "/api/assignees?limit=0"), {400});
    check("assignees.list", "scope", Get(head, "/api/assignees?org=" + other_county_), {400});
    check("assignees.list", "scope", Get(pros, "/api/assignees"), {403});
  }

  // administration
  check("admin.orgs", "ok", Get(admin, "/api/admin/orgs"), {200});
  check("admin.users", "ok", Get(admin, "/api/admin/users"), {200});
  check("admin.users.create", "ok",
        Post(admin, "/api/admin/users", {{"username", "clerk1"}, {"display_name", "书记员"},
                                         {"org_id", county_}, {"role", "assistant"}}),
        {201});
  check("admin.users.create", "bad",
        Post(admin, "/api/admin/users", {{"username", "clerk2"}, {"display_name", "x"},
                                         {"org_id", "no-such-org"}, {"role", "assistant"}}),
        {400, 404});
  check("admin.users.reset_password", "bad",
        Post(admin, "/api/admin/users/clerk1/reset-password", {{"password", "short"}}), {400});
  check("admin.users.reset_password", "ok",
        Post(admin, "/api/admin/users/clerk1/reset-password", json::object()), {200});
  check("admin.users.disable", "ok", Post(admin, "/api/admin/users/clerk1/disable", json::object()),
        {200});
  check("admin.users.disable", "bad", Post(admin, "/api/admin/users/nobody/disable", json::object()),
        {404});
  check("admin.users.enable", "ok", Post(admin, "/api/admin/users/clerk1/enable", json::object()),
        {200});
  check("admin.grants.create", "bad",
        Post(admin, "/api/admin/grants", {{"username", "clerk1"}, {"org_id", county_},
                                          {"valid_until", "2026-02-30"}, {"reason", "x"}}),
        {400});
  auto g = Post(admin, "/api/admin/grants", {{"username", "clerk1"}, {"org_id", other_county_},
                                             {"valid_until", "2026-12-31"}, {"reason", "巡回检察"}});
  check("admin.grants.create", "ok", g, {201});
  check("admin.grants", "ok", Get(admin, "/api/admin/grants"), {200});
  const std::string grant = std::to_string(Body(g)["grant_id"].get<int64_t>());
  check("admin.grants.revoke", "ok",
        Post(admin, "/api/admin/grants/" + grant + "/revoke", json::object()), {200});
  check("admin.grants.revoke", "bad",
        Post(admin, "/api/admin/grants/" + grant + "/revoke", json::object()), {409});
  check("admin.audit", "ok", Get(lead, "/api/admin/audit?object_type=person"), {200});
  check("admin.audit", "bad", Get(lead, "/api/admin/audit?limit=100000"), {400});
  check("admin.audit.verify", "ok", Get(lead, "/api/admin/audit/verify"), {200});
  check("intake.run", "ok", Post(admin, "/api/intake", json::object()), {200});

  // data: the model catalogue, model runs, batch uploads and their jobs
  check("models.list", "ok", Get(pros, "/api/models"), {200});
  check("model_runs.create", "bad",
        Post(admin, "/api/model-runs",
             {{"models", {"M13"}}, {"params", {{"M13", {{"no_such_param", 1}}}}}}),
        {400});
  auto run = Post(admin, "/api/model-runs", {{"models", {"M13"}}, {"trial", true}});
  check("model_runs.create", "ok", run, {202});
  check("model_runs.create", "scope", Post(other, "/api/model-runs", {{"trial", true}}), {403});
  if (!JobIdOf(run).empty()) EXPECT_EQ(WaitJob(port_, admin, JobIdOf(run))["state"], "done");
  check("model_runs.list", "ok", Get(admin, "/api/model-runs"), {200});
  check("model_runs.list", "bad", Get(admin, "/api/model-runs?offset=-1"), {400});
  {
    // The batch the store was built from, again: already applied, nothing changes.
    testing::BuildOptions again;
    again.batch_id = store_->import.batch_id;
    again.source_org_id = store_->import.source_org_id;
    again.exported_at = store_->import.exported_at;
    const std::string zip = BatchZip(store_->dir, again);
    check("batches.upload", "bad", Upload(port_, admin, zip, "text/plain"), {400});
    check("batches.upload", "scope", Upload(port_, pros, zip), {403});
    auto up = Upload(port_, admin, zip);
    check("batches.upload", "ok", up, {202});
    const std::string job = JobIdOf(up);
    ASSERT_FALSE(job.empty());
    const json done = WaitJob(port_, admin, job);
    EXPECT_EQ(done["result"]["outcome"], "already_applied") << done.dump();
    check("jobs.get", "ok", Get(admin, "/api/jobs/" + job), {200});
    check("jobs.get", "scope", Get(other, "/api/jobs/" + job), {404});
  }
  check("jobs.list", "ok", Get(admin, "/api/jobs"), {200});
  check("jobs.list", "bad", Get(admin, "/api/jobs?limit=0"), {400});
  check("batches.list", "ok", Get(admin, "/api/batches"), {200});
  check("batches.list", "bad", Get(admin, "/api/batches?limit=abc"), {400});
  {
    std::string id;
    for (unsigned char ch : store_->import.batch_id) {  // percent-encode the path segment
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", ch);
      id += std::isalnum(ch) ? std::string(1, static_cast<char>(ch)) : std::string(buf);
    }
    check("batches.rejects", "ok", Get(admin, "/api/batches/" + id + "/rejects"), {200});
    check("batches.rejects", "bad", Get(admin, "/api/batches/" + id + "/rejects?limit=0"), {400});
    check("batches.rejects", "scope", Get(other, "/api/batches/" + id + "/rejects"), {403, 404});
  }

  // Every route is in the table; inputs-only-an-id routes need no "bad" row of their own.
  const std::set<std::string> no_input = {"auth.me",
                                          "auth.logout",
                                          "admin.users",
                                          "admin.grants",
                                          "admin.audit.verify",
                                          "intake.run",
                                          "clues.get",
                                          "cases.get",
                                          "evidence.get",
                                          "documents.docx",
                                          "persons.get",
                                          "attachments.get",
                                          "admin.users.enable",
                                          "models.list",
                                          "jobs.get",
                                          "dashboard.get",
                                          "orgs.list",
                                          "indicators.months",
                                          "admin.orgs"};
  for (const http::Route& r : app_->routes()) {
    const auto& kinds = seen[r.operation_id];
    EXPECT_TRUE(kinds.count("ok")) << r.operation_id << " has no success case";
    if (!no_input.count(r.operation_id)) {
      EXPECT_TRUE(kinds.count("bad")) << r.operation_id << " has no bad-input case";
    }
    if (r.pattern.find('{') != std::string::npos && r.operation_id.rfind("admin.", 0) != 0) {
      EXPECT_TRUE(kinds.count("scope")) << r.operation_id << " has no other-jurisdiction case";
    }
  }
}

// 分派: the assignee picker lists the active casework staff of the caller's jurisdiction only,
// and the clue then shows its assignee, person and actors by name.
TEST_F(ApiTest, AssigneesAreTheCaseworkStaffOfTheJurisdictionAndClueShowsThemByName) {
  Session lead = Login("lead"), head = Login("countyhead"), admin = Login("admin");
  auto names = [&](const Session& s, const std::string& query) {
    auto r = Get(s, "/api/assignees" + query);
    EXPECT_EQ(r->status, 200) << r->body;
    std::map<std::string, json> out;
    const json body = Body(r);
    for (const json& u : body["items"]) out[u["username"]] = u;
    return out;
  };
  // A disabled prosecutor of the county is no one's assignee.
  ASSERT_EQ(Post(admin, "/api/admin/users", {{"username", "gone"}, {"display_name", "已调离"},
                                             {"org_id", county_}, {"role", "prosecutor"}})
                ->status,
            201);
  ASSERT_EQ(Post(admin, "/api/admin/users/gone/disable", json::object())->status, 200);

  // The county's department head: the county's casework staff, nobody of another county, no
  // leader, administrator or disabled account.
  const auto county = names(head, "");
  EXPECT_TRUE(county.count("county"));
  EXPECT_TRUE(county.count("countyhead"));
  for (const char* absent : {"other", "lead", "pros", "admin", "gone"}) {
    EXPECT_FALSE(county.count(absent)) << absent;
  }
  for (const auto& [name, u] : county) {
    EXPECT_NE(u["org_id"], other_county_) << u.dump();
    EXPECT_TRUE(u["role"] == "prosecutor" || u["role"] == "assistant" ||
                u["role"] == "resident" || u["role"] == "dept_head")
        << u.dump();
  }
  const json& c = county.at("county");
  EXPECT_EQ(c["role"], "prosecutor");
  EXPECT_EQ(c["role_label"], "检察官");
  EXPECT_EQ(c["org_id"], county_);
  EXPECT_EQ(c["org_name"].get<std::string>(),
            [&] {
              auto db = storage::Database::Open(store_->url);
              auto st = (*db)->Prepare("SELECT name FROM orgs WHERE org_id = '" + county_ + "'");
              EXPECT_TRUE((*st)->Step().value());
              return std::string((*st)->ColumnText(0));
            }());
  // The province: every county's staff; filtered by name (LIKE wildcards are literal) and org.
  const auto all = names(lead, "");
  for (const char* present : {"county", "countyhead", "other", "pros"}) {
    EXPECT_TRUE(all.count(present)) << present;
  }
  EXPECT_FALSE(all.count("lead"));
  EXPECT_FALSE(all.count("admin"));
  const auto q = names(lead, "?q=COUNTY");
  EXPECT_EQ(q.size(), 2u);
  EXPECT_TRUE(q.count("county") && q.count("countyhead"));
  EXPECT_TRUE(names(lead, "?q=%25").empty());
  EXPECT_TRUE(names(lead, "?q=%E8%B0%83%E7%A6%BB").empty());  // 调离: the disabled one
  const auto other = names(lead, "?org=" + other_county_);
  EXPECT_TRUE(other.count("other"));
  for (const auto& [name, u] : other) EXPECT_EQ(u["org_id"], other_county_) << u.dump();
  ExpectError(Get(head, "/api/assignees?org=" + other_county_), 400, "org");
  ExpectError(Get(head, "/api/assignees?q=" + std::string(33, 'x')), 400, "q");
  ExpectError(Get(Login("county"), "/api/assignees"), 403);  // a prosecutor does not assign

  // The province assigns a clue (none the other tests act on) to the county's prosecutor
  // picked from the list.
  const int64_t clue = QueryInt(
      "SELECT MIN(clue_no) FROM clues WHERE person_id IS NOT NULL AND clue_no NOT IN ((SELECT "
      "MIN(clue_no) FROM clues WHERE model = 'M13'), (SELECT MAX(clue_no) FROM clues WHERE "
      "model = 'M13'), (SELECT MAX(clue_no) FROM clues))");
  ASSERT_GT(clue, 0);
  const std::string path = "/api/clues/" + std::to_string(clue);
  json before = Body(Get(lead, path));
  ASSERT_EQ(before["triage"]["assignee_name"], nullptr) << before.dump();
  auto assigned = Post(lead, path + "/triage",
                       {{"action", "assign"},
                        {"version", before["triage"]["version"]},
                        {"assignee_id", c["user_id"]}});
  ASSERT_EQ(assigned->status, 200) << assigned->body;
  json after = Body(Get(lead, path));
  EXPECT_EQ(after["triage"]["assignee_id"], c["user_id"]);
  EXPECT_EQ(after["triage"]["assignee_name"], "county");
  ASSERT_FALSE(after["actions"].empty());
  EXPECT_EQ(after["actions"].back()["action"], "assign");
  EXPECT_EQ(after["actions"].back()["user_name"], "lead");
  EXPECT_EQ(after["actions"].back()["assignee_name"], "county");
  EXPECT_FALSE(after["person_name"].get<std::string>().empty());
  // The list says the same.
  json list = Body(Get(lead, "/api/clues?assignee=" + std::to_string(c["user_id"].get<int64_t>())));
  bool found = false;
  for (const json& item : list["items"]) {
    EXPECT_EQ(item["assignee_name"], "county");
    if (item["clue_no"] == clue) {
      found = true;
      EXPECT_EQ(item["person_name"], after["person_name"]);
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(ApiTest, OneJobOfAKindAtATime) {
  Session admin = Login("admin");
  auto first = Post(admin, "/api/model-runs", {{"trial", true}});
  ASSERT_EQ(first->status, 202) << first->body;
  EXPECT_EQ(Body(first)["job"]["kind"], "models");
  auto second = Post(admin, "/api/model-runs", {{"models", {"M13"}}, {"trial", true}});
  ExpectError(second, 409);
  EXPECT_EQ(Body(second)["error"]["code"], "job_running");
  EXPECT_NE(Body(second)["error"]["message"].get<std::string>().find("已有任务在运行"),
            std::string::npos);
  const json done = WaitJob(port_, admin, JobIdOf(first));
  ASSERT_EQ(done["state"], "done") << done.dump();
  EXPECT_TRUE(done["result"]["trial"].get<bool>());
  EXPECT_EQ(done["result"]["per_model"].size(), 25u);
  EXPECT_EQ(done["progress"]["done"], 25);
  // A trial run touches no clue, and the slot is free again once the job is done.
  auto third = Post(admin, "/api/model-runs", {{"models", {"M13"}}, {"trial", true}});
  ASSERT_EQ(third->status, 202) << third->body;
  EXPECT_EQ(WaitJob(port_, admin, JobIdOf(third))["state"], "done");
}

// The data pages over a store of their own (imports change it): the hand-written base batch
// imported from the command line, users of the province and of the county.
class DataApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    work_ = testing::TempDir("data-api");
    testing::BuildOptions first;
    first.batch_id = "BASE#0001";
    auto url = testing::ImportCsvFolder(BaseBatch().string(), work_ + "/first", first);
    ASSERT_TRUE(url.ok()) << url.status().message();
    url_ = *url;
    clock_ = new FakeClock(*ParseTimestamp("2025-07-31T09:00:00+08:00"));
    auto db = storage::Database::Open(url_);
    ASSERT_TRUE(db.ok());
    auth::Options opts;
    opts.hash = auth::HashParams::Min();
    struct U {
      const char* name;
      const char* org;
      auth::Role role;
    };
    for (const U& u : {U{"ops", "510000-PROC", auth::Role::kDeptHead},
                       U{"admin", "510000-PROC", auth::Role::kAdmin},
                       U{"county_ops", "510104-PROC", auth::Role::kDeptHead},
                       U{"pros", "510000-PROC", auth::Role::kProsecutor}}) {
      auto created = auth::CreateUser(**db, *clock_, opts, auth::Actor::Cli(),
                                      {.username = u.name,
                                       .display_name = u.name,
                                       .org_id = u.org,
                                       .role = u.role,
                                       .password = std::string(kPassword)});
      ASSERT_TRUE(created.ok()) << created.status().message();
      auto s = auth::Login(**db, *clock_, opts, u.name, kPassword, "127.0.0.1", "");
      ASSERT_TRUE(s.ok()) << s.status().message();
      ASSERT_TRUE(auth::ChangePassword(**db, *clock_, opts, s->principal, kPassword,
                                       std::string(kPassword) + "x", "127.0.0.1")
                      .ok());
    }
    AppConfig config;
    config.db_url = url_;
    config.data_dir = SourceDir() + "/data";
    config.auth = opts;
    config.clock = clock_;
    config.http.threads = 8;
    config.http.max_upload_bytes = 4 * 1024 * 1024;
    auto app = App::Create(config);
    ASSERT_TRUE(app.ok()) << app.status().message();
    app_ = app->release();
    auto port = app_->Start();
    ASSERT_TRUE(port.ok()) << port.status().message();
    port_ = *port;
  }
  static void TearDownTestSuite() {
    delete app_;
    fs::remove_all(work_);
    delete clock_;
  }

  Session Login(const std::string& user) {
    httplib::Client c("127.0.0.1", port_);
    auto r = c.Post("/api/auth/login",
                    json({{"username", user}, {"password", std::string(kPassword) + "x"}}).dump(),
                    "application/json");
    EXPECT_TRUE(r && r->status == 200) << (r ? r->body : "no response");
    Session s;
    for (const auto& [k, v] : r->headers) {
      if (k == "Set-Cookie" && v.rfind("zj_session=", 0) == 0) s.cookie = v.substr(0, v.find(';'));
    }
    s.csrf = json::parse(r->body)["csrf_token"];
    return s;
  }
  json GetJson(const Session& s, const std::string& path, int want = 200) {
    httplib::Client c("127.0.0.1", port_);
    auto r = c.Get(path, {{"Cookie", s.cookie}});
    EXPECT_TRUE(r && r->status == want) << path << ": " << (r ? r->body : "no response");
    return r ? json::parse(r->body, nullptr, false) : json();
  }
  httplib::Result Post(const Session& s, const std::string& path, const json& body) {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(60, 0);
    return c.Post(path, {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}}, body.dump(),
                  "application/json");
  }
  int64_t QueryInt(const std::string& sql) {
    auto db = storage::Database::Open(url_);
    return *storage::QueryInt(**db, sql);
  }
  std::string Checksum() {
    auto db = storage::Database::Open(url_);
    return *storage::StoreChecksum(**db);
  }

  static std::string work_, url_;
  static FakeClock* clock_;
  static App* app_;
  static int port_;
};
std::string DataApiTest::work_, DataApiTest::url_;
FakeClock* DataApiTest::clock_ = nullptr;
App* DataApiTest::app_ = nullptr;
int DataApiTest::port_ = 0;

TEST_F(DataApiTest, AnUploadedBatchIsImportedListedAndAudited) {
  Session ops = Login("ops");
  testing::BuildOptions o;
  o.batch_id = "BASE#0002";
  o.exported_at = "2025-07-31T08:00:00+08:00";
  const std::string zip = BatchZip(
      work_, o, "",
      {{"orgs", "510104-RO-02,驻锦江区看守所检察室,resident_office,510104-PROC,510104,"
                "510104-KSS\n"}});
  const int64_t orgs_before = QueryInt("SELECT COUNT(*) FROM orgs");
  auto up = Upload(port_, ops, zip, "application/zip", "?file_name=%E6%95%B0%E6%8D%AE.zip");
  ASSERT_TRUE(up);
  ASSERT_EQ(up->status, 202) << up->body;
  const json queued = json::parse(up->body)["job"];
  EXPECT_EQ(queued["kind"], "import");
  EXPECT_EQ(queued["user"], "ops");
  EXPECT_EQ(queued["request"]["file_name"], "数据.zip");
  const json job = WaitJob(port_, ops, queued["job_id"]);
  ASSERT_EQ(job["state"], "done") << job.dump();
  EXPECT_TRUE(job["error"].is_null());
  const json& result = job["result"];
  EXPECT_EQ(result["outcome"], "applied") << result.dump();
  EXPECT_TRUE(result["rejects"].empty());
  ASSERT_TRUE(result.contains("intake")) << result.dump();
  EXPECT_NE(job["message"].get<std::string>().find("已导入数据包 BASE#0002"), std::string::npos);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM orgs"), orgs_before + 1);

  // The batch list shows it first, with the job's counts and the uploader.
  const json list = GetJson(ops, "/api/batches");
  EXPECT_EQ(list["total"], 2);
  const json& b = list["items"][0];
  EXPECT_EQ(b["batch_id"], "BASE#0002");
  EXPECT_EQ(b["user"], "ops");
  EXPECT_EQ(b["applied_at"], "2025-07-31 09:00");
  EXPECT_TRUE(list["items"][1]["user"].is_null());  // imported from the command line
  ASSERT_EQ(b["tables"].size(), result["tables"].size());
  bool orgs_seen = false;
  for (size_t i = 0; i < b["tables"].size(); ++i) {
    for (const char* k : {"table", "read", "inserted", "updated", "deleted", "rejected"}) {
      EXPECT_EQ(b["tables"][i][k], result["tables"][i][k]) << k;
    }
    if (b["tables"][i]["table"] == "orgs") {
      orgs_seen = true;
      EXPECT_EQ(b["tables"][i]["read"], 10);
      EXPECT_EQ(b["tables"][i]["inserted"], 1);
    }
  }
  EXPECT_TRUE(orgs_seen);
  // A strict import keeps nothing in quarantine; an unknown batch is 404.
  EXPECT_EQ(GetJson(ops, "/api/batches/BASE%230002/rejects")["total"], 0);
  GetJson(ops, "/api/batches/NOPE/rejects", 404);
  // Audited in the import's transaction.
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'batch_import' AND "
                     "object_id = 'BASE#0002' AND username = 'ops'"),
            1);
  // The job is listed for its jurisdiction; the county sees neither it nor the batch.
  bool listed = false;
  const json mine = GetJson(ops, "/api/jobs");
  for (const json& j : mine["items"]) listed |= j["job_id"] == job["job_id"];
  EXPECT_TRUE(listed) << mine.dump();
  Session county = Login("county_ops");
  GetJson(county, "/api/jobs/" + job["job_id"].get<std::string>(), 404);
  const json theirs = GetJson(county, "/api/jobs");
  for (const json& j : theirs["items"]) EXPECT_NE(j["job_id"], job["job_id"]);
  EXPECT_EQ(GetJson(county, "/api/batches")["total"], 0);
  GetJson(county, "/api/batches/BASE%230002/rejects", 404);
}

TEST_F(DataApiTest, ABatchWithABadRowChangesNothingAndListsTheReject) {
  Session ops = Login("ops");
  const std::string before = Checksum();
  const int64_t batches = QueryInt("SELECT COUNT(*) FROM batches");
  testing::BuildOptions o;
  o.batch_id = "BASE#BAD";
  o.exported_at = "2025-08-31T08:00:00+08:00";
  const std::string zip =
      BatchZip(work_, o, (fs::path(SourceDir()) / "tests/badinput/cases/bad_date").string());
  const json job = WaitJob(port_, ops, JobIdOf(Upload(port_, ops, zip)));
  ASSERT_EQ(job["state"], "done") << job.dump();
  const json& result = job["result"];
  EXPECT_EQ(result["outcome"], "rejected");
  ASSERT_FALSE(result["rejects"].empty()) << result.dump();
  const json& reject = result["rejects"][0];
  EXPECT_EQ(reject["file"], "sentences.csv");
  EXPECT_EQ(reject["line"], 2);
  EXPECT_EQ(reject["column"], "judgment_date");
  EXPECT_EQ(reject["value"], "2019/03/01");
  EXPECT_EQ(reject["rule"], "date");
  EXPECT_FALSE(reject["message"].get<std::string>().empty());
  EXPECT_NE(job["message"].get<std::string>().find("数据库未作任何更改"), std::string::npos);
  EXPECT_FALSE(result.contains("intake"));
  EXPECT_EQ(Checksum(), before);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM batches"), batches);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'batch_import' AND "
                     "object_id = 'BASE#BAD'"),
            0);
  GetJson(ops, "/api/batches/BASE%23BAD/rejects", 404);

  // Not a batch at all: a zip without a manifest, and bytes that are no zip.
  const report::ZipEntry stray[] = {{"readme.txt", "not a batch"}};
  const json none = WaitJob(port_, ops, JobIdOf(Upload(port_, ops, *report::WriteZip(stray))));
  EXPECT_EQ(none["state"], "done");
  EXPECT_EQ(none["result"]["outcome"], "rejected");
  EXPECT_NE(none["result"]["rejects"][0]["message"].get<std::string>().find("manifest.json"),
            std::string::npos);
  auto garbage = Upload(port_, ops, "hello", "application/zip");
  ASSERT_TRUE(garbage);
  EXPECT_EQ(garbage->status, 400);
  EXPECT_EQ(json::parse(garbage->body)["error"]["field"], "body");
  auto empty = Upload(port_, ops, "", "application/zip");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 400);
  // Over the upload limit (4 MiB here): refused before the body is read.
  auto big = Upload(port_, ops, "PK\x03\x04" + std::string(5 * 1024 * 1024, 'x'));
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  EXPECT_EQ(Checksum(), before);
  // Who may import: a prosecutor may not.
  auto denied = Upload(port_, Login("pros"), zip);
  ASSERT_TRUE(denied);
  EXPECT_EQ(denied->status, 403);
}

TEST_F(DataApiTest, AModelRunWithAParameterIsRecordedWithItsUser) {
  Session ops = Login("ops");
  // The catalogue: every model with its parameters.
  const json catalogue = GetJson(Login("admin"), "/api/models");
  ASSERT_EQ(catalogue["items"].size(), 25u);
  const json* m14 = nullptr;
  for (const json& m : catalogue["items"]) {
    if (m["model"] == "M14") m14 = &m;
  }
  ASSERT_NE(m14, nullptr);
  EXPECT_EQ((*m14)["family"], "trajectory");
  bool has_param = false;
  for (const json& p : (*m14)["params"]) {
    if (p["name"] != "out_of_area_minutes") continue;
    has_param = true;
    EXPECT_EQ(p["type"], "int");
    EXPECT_TRUE(p["default"].is_number_integer());
    EXPECT_FALSE(p["label"].get<std::string>().empty());
  }
  EXPECT_TRUE(has_param);

  // Bad settings are refused before any job starts, naming the field.
  auto refused = [&](const json& body, const std::string& field) {
    auto r = Post(ops, "/api/model-runs", body);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << r->body;
    EXPECT_EQ(json::parse(r->body)["error"].value("field", ""), field) << r->body;
  };
  refused({{"params", {{"M14", {{"out_of_area_minutes", "soon"}}}}}},
          "params.M14.out_of_area_minutes");
  refused({{"params", {{"M14", {{"out_of_area_minutes", -5}}}}}},
          "params.M14.out_of_area_minutes");
  refused({{"params", {{"M14", {{"no_such", 1}}}}}}, "params.M14.no_such");
  refused({{"params", {{"M99", {{"x", 1}}}}}}, "params.M99");
  refused({{"models", {"M14", "M99"}}}, "models");
  refused({{"trial", "yes"}}, "trial");
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM model_runs"), 0);
  auto denied = Post(Login("pros"), "/api/model-runs", json::object());
  ASSERT_TRUE(denied);
  EXPECT_EQ(denied->status, 403);

  auto r = Post(ops, "/api/model-runs",
                {{"models", {"M14", "M13"}},
                 {"params", {{"M14", {{"out_of_area_minutes", 180}}}}},
                 {"trial", false}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 202) << r->body;
  const json job = WaitJob(port_, ops, JobIdOf(r));
  ASSERT_EQ(job["state"], "done") << job.dump();
  EXPECT_EQ(job["progress"]["done"], 2);
  EXPECT_EQ(job["progress"]["total"], 2);
  const int64_t run_no = job["result"]["run_id"];
  EXPECT_EQ(run_no, QueryInt("SELECT MAX(run_no) FROM model_runs"));

  const json runs = GetJson(ops, "/api/model-runs");
  EXPECT_EQ(runs["total"], 1);
  const json& run = runs["items"][0];
  EXPECT_EQ(run["run_id"], run_no);
  EXPECT_EQ(run["models"], json({"M13", "M14"}));
  EXPECT_EQ(run["params"]["M14"]["out_of_area_minutes"], 180);
  EXPECT_EQ(run["params"].size(), 1u) << run["params"].dump();
  EXPECT_EQ(run["trial"], false);
  EXPECT_EQ(run["user"], "ops");
  EXPECT_TRUE(run["scope_org_id"].is_null());  // the province runs over the whole store
  ASSERT_EQ(run["per_model"].size(), 2u);
  int64_t findings = 0, created = 0;
  for (const json& m : run["per_model"]) {
    findings += m["findings"].get<int64_t>();
    created += m["new"].get<int64_t>();
  }
  EXPECT_EQ(run["totals"]["findings"], findings);
  EXPECT_EQ(created, QueryInt("SELECT COUNT(*) FROM clues WHERE first_run = " +
                              std::to_string(run_no)));
  EXPECT_EQ(findings, job["result"]["totals"]["findings"]);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'models_run' AND object_id = '" +
                     std::to_string(run_no) + "'"),
            1);

  // A county head's run is limited to the county; the county sees only such runs.
  Session county = Login("county_ops");
  auto cr = Post(county, "/api/model-runs", {{"models", {"M13"}}, {"trial", true}});
  ASSERT_TRUE(cr);
  ASSERT_EQ(cr->status, 202) << cr->body;
  const json cjob = WaitJob(port_, county, JobIdOf(cr));
  ASSERT_EQ(cjob["state"], "done") << cjob.dump();
  EXPECT_EQ(cjob["result"]["scope_org_id"], "510104-PROC");
  const json county_runs = GetJson(county, "/api/model-runs");
  EXPECT_EQ(county_runs["total"], 1);
  EXPECT_EQ(county_runs["items"][0]["trial"], true);
  EXPECT_EQ(GetJson(ops, "/api/model-runs")["total"], 2);
}

TEST_F(DataApiTest, StoppingTheAppWaitsForARunningJob) {
  // A second app on the same store, stopped while its job runs: Stop returns once the job
  // has finished, and the run is recorded whole.
  AppConfig config;
  config.db_url = url_;
  config.data_dir = SourceDir() + "/data";
  config.auth.hash = auth::HashParams::Min();
  config.clock = clock_;
  auto app = App::Create(config);
  ASSERT_TRUE(app.ok()) << app.status().message();
  auto port = (*app)->Start();
  ASSERT_TRUE(port.ok());
  const int64_t runs_before = QueryInt("SELECT COUNT(*) FROM model_runs");
  {
    httplib::Client c("127.0.0.1", *port);
    auto login = c.Post("/api/auth/login",
                        json({{"username", "ops"}, {"password", std::string(kPassword) + "x"}})
                            .dump(),
                        "application/json");
    ASSERT_TRUE(login && login->status == 200);
    Session s;
    for (const auto& [k, v] : login->headers) {
      if (k == "Set-Cookie" && v.rfind("zj_session=", 0) == 0) s.cookie = v.substr(0, v.find(';'));
    }
    s.csrf = json::parse(login->body)["csrf_token"];
    auto r = c.Post("/api/model-runs", {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}},
                    json({{"trial", true}}).dump(), "application/json");
    ASSERT_TRUE(r && r->status == 202) << (r ? r->body : "no response");
  }
  (*app)->Stop();
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM model_runs"), runs_before + 1);
}

}  // namespace
}  // namespace zj::api
