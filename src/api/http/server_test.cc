// HttpServer end to end, in process on a free port: cpp-httplib's client where it behaves
// like a browser, raw sockets where the test must misbehave.
#include "api/http/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

namespace zj::http {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

// ---- raw socket client ----

int Connect(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

bool SendAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

struct RawResponse {
  int status = 0;  // 0 = no complete response
  std::string head;
  std::string body;

  std::string Header(std::string_view name) const {
    size_t pos = head.find("\r\n");
    while (pos != std::string::npos && pos + 2 < head.size()) {
      const size_t end = head.find("\r\n", pos + 2);
      const std::string line = head.substr(pos + 2, end - pos - 2);
      const size_t colon = line.find(':');
      if (colon == name.size() && strncasecmp(line.data(), name.data(), name.size()) == 0) {
        return line.substr(line.find_first_not_of(' ', colon + 1));
      }
      pos = end;
    }
    return "";
  }
};

// Reads one response (head and Content-Length body) within `timeout`.
// Reads one response. With `carry`, bytes already read past an earlier response come first
// and bytes past this one are left there (pipelined responses may arrive in one read).
RawResponse ReadResponse(int fd, milliseconds timeout = milliseconds(5000),
                         std::string* carry = nullptr) {
  const Clock::time_point deadline = Clock::now() + timeout;
  std::string data = carry ? std::move(*carry) : std::string();
  if (carry) carry->clear();
  RawResponse r;
  size_t need = std::string::npos;
  for (;;) {
    const size_t head_end = data.find("\r\n\r\n");
    if (head_end != std::string::npos && need == std::string::npos) {
      r.head = data.substr(0, head_end);
      const std::string cl = r.Header("Content-Length");
      need = head_end + 4 + (cl.empty() ? 0 : std::stoul(cl));
    }
    if (need != std::string::npos && data.size() >= need) {
      r.status = std::stoi(r.head.substr(9, 3));
      r.body = data.substr(r.head.size() + 4, need - r.head.size() - 4);
      if (carry) *carry = data.substr(need);
      return r;
    }
    const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
    pollfd p{fd, POLLIN, 0};
    if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) return r;
    char buf[4096];
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return r;
    data.append(buf, static_cast<size_t>(n));
  }
}

// True when the server closes the connection within `timeout` (EOF or reset).
bool ClosedByServer(int fd, milliseconds timeout = milliseconds(5000)) {
  const Clock::time_point deadline = Clock::now() + timeout;
  for (;;) {
    const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
    pollfd p{fd, POLLIN, 0};
    if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    char buf[4096];
    if (::recv(fd, buf, sizeof buf, 0) <= 0) return true;
  }
}

// One request on a fresh connection.
RawResponse Exchange(int port, std::string_view request) {
  const int fd = Connect(port);
  if (fd < 0) return {};
  SendAll(fd, request);
  RawResponse r = ReadResponse(fd);
  ::close(fd);
  return r;
}

nlohmann::json ErrorOf(std::string_view body) {
  const auto j = nlohmann::json::parse(body, nullptr, false);
  return j.is_object() && j.contains("error") ? j["error"] : nlohmann::json();
}

bool IsRequestId(const std::string& id) {
  return id.size() == 16 && id.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// ---- fixture ----

struct Principal {
  std::string user;
};

Route MakeRoute(std::string method, std::string pattern, Handler handler) {
  Route r;
  r.method = std::move(method);
  r.pattern = std::move(pattern);
  r.summary = "测试接口";
  r.tag = "test";
  r.operation_id = r.method + " " + r.pattern;
  r.handler = std::move(handler);
  return r;
}

class HttpServerTest : public testing::Test {
 protected:
  // Adds the routes most tests use, then starts.
  void StartServer(ServerOptions options = DefaultOptions()) {
    server_ = std::make_unique<HttpServer>(std::move(options));
    Add("GET", "/api/ping", [](const Request&) { return Response::Json({{"pong", true}}); });
    Add("GET", "/api/clues/{clue_no:int}", [](const Request& req) {
      auto no = req.PathInt("clue_no");
      if (!no.ok()) return Response::FromStatus(req, no.status());
      return Response::Json({{"clue_no", *no}});
    });
    Add("DELETE", "/api/clues/{clue_no:int}", [](const Request& req) {
      return Response::Json({{"deleted", *req.PathInt("clue_no")}});
    });
    Add("GET", "/api/clues/stats", [](const Request&) { return Response::Json("stats"); });
    Add("GET", "/api/files/{name}", [](const Request& req) {
      return Response::Json({{"name", *req.PathString("name")}});
    });
    Add("GET", "/api/search", [](const Request& req) {
      return Response::Json({{"status", req.QueryAll("status")},
                             {"first", req.Query("status").value_or("-")},
                             {"q", req.Query("q").value_or("-")},
                             {"missing", req.Query("missing").has_value()}});
    });
    Add("POST", "/api/echo", [](const Request& req) {
      auto j = req.JsonBody();
      if (!j.ok()) return Response::FromStatus(req, j.status());
      return Response::Json({{"got", *j}, {"length", req.body().size()}});
    });
    for (const Route& r : extra_routes_) ASSERT_TRUE(server_->AddRoute(r).ok()) << r.pattern;
    if (before_) server_->SetBeforeHook(before_);
    if (after_) server_->SetAfterHook(after_);
    auto port = server_->Start();
    ASSERT_TRUE(port.ok()) << port.status().ToString();
    port_ = *port;
  }

  static ServerOptions DefaultOptions() {
    ServerOptions o;
    o.threads = 16;
    return o;
  }

  void Add(std::string method, std::string pattern, Handler handler) {
    ASSERT_TRUE(
        server_->AddRoute(MakeRoute(std::move(method), std::move(pattern), std::move(handler)))
            .ok());
  }

  std::unique_ptr<httplib::Client> Client() {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", port_);
    c->set_read_timeout(15, 0);
    c->set_write_timeout(15, 0);
    c->set_keep_alive(true);
    return c;
  }

  std::unique_ptr<HttpServer> server_;
  std::vector<Route> extra_routes_;
  HttpServer::BeforeHook before_;
  HttpServer::AfterHook after_;
  int port_ = 0;
};

// ---- routing ----

TEST_F(HttpServerTest, RoutesByMethodPathAndTypedParameters) {
  StartServer();
  auto c = Client();
  auto r = c->Get("/api/clues/42");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(nlohmann::json::parse(r->body)["clue_no"], 42);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");

  r = c->Get("/api/clues/stats");  // the literal beats {clue_no:int} and is not a number
  ASSERT_TRUE(r);
  EXPECT_EQ(nlohmann::json::parse(r->body), "stats");

  r = c->Delete("/api/clues/7");
  ASSERT_TRUE(r);
  EXPECT_EQ(nlohmann::json::parse(r->body)["deleted"], 7);

  r = c->Get("/api/files/%E7%BA%BF%E7%B4%A2%2F2026%20a");  // decoded once, '/' kept in the value
  ASSERT_TRUE(r);
  EXPECT_EQ(nlohmann::json::parse(r->body)["name"], "线索/2026 a");

  for (const char* bad : {"/api/clues/abc", "/api/clues/4.5", "/api/clues/-1",
                          "/api/clues/12345678901234567890", "/api/clues/42/", "/api/clues"}) {
    r = c->Get(bad);
    ASSERT_TRUE(r) << bad;
    EXPECT_EQ(r->status, 404) << bad;
    EXPECT_EQ(ErrorOf(r->body)["code"], "not_found") << bad;
  }

  r = c->Head("/api/clues/42");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_TRUE(r->body.empty());
}

TEST_F(HttpServerTest, QueryParametersAreDecodedAndMultiValued) {
  StartServer();
  auto r = Client()->Get("/api/search?status=open&q=%E5%87%8F%E5%88%91&status=closed");
  ASSERT_TRUE(r);
  const auto j = nlohmann::json::parse(r->body);
  EXPECT_EQ(j["status"], nlohmann::json::array({"open", "closed"}));
  EXPECT_EQ(j["first"], "open");
  EXPECT_EQ(j["q"], "减刑");
  EXPECT_EQ(j["missing"], false);
}

TEST_F(HttpServerTest, UnknownApiIs404AndWrongMethodIs405WithAllow) {
  StartServer();
  auto c = Client();
  auto r = c->Get("/api/nothing/here");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  auto e = ErrorOf(r->body);
  EXPECT_EQ(e["code"], "not_found");
  EXPECT_EQ(e["message"], "请求的接口不存在");
  EXPECT_EQ(e["request_id"], r->get_header_value("X-Request-Id"));

  r = c->Put("/api/clues/42", "{}", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(r->get_header_value("Allow"), "DELETE, GET");
  EXPECT_EQ(ErrorOf(r->body)["code"], "method_not_allowed");

  r = c->Post("/api/ping", "", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(r->get_header_value("Allow"), "GET");

  r = c->Get("/no/static/dir/configured");  // not /api, but no web app either
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(ErrorOf(r->body)["code"], "not_found");

  // A method no route can have, and a malformed %-escape under /api.
  RawResponse raw = Exchange(port_, "OPTIONS /api/ping HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(raw.status, 405);
  EXPECT_EQ(raw.Header("Allow"), "GET");
  raw = Exchange(port_, "GET /api/files/a%zz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(raw.status, 400);
  EXPECT_EQ(ErrorOf(raw.body)["code"], "bad_request");
}

// ---- bodies ----

TEST_F(HttpServerTest, BodyOverTheRouteLimitIs413BeforeTheHandlerRuns) {
  std::atomic<int> handled{0};
  auto count = [&handled](const Request& req) {
    ++handled;
    return Response::Json({{"length", req.body().size()}});
  };
  extra_routes_.push_back(MakeRoute("POST", "/api/small", count));
  Route upload = MakeRoute("POST", "/api/upload", count);
  upload.max_body = 4096;
  extra_routes_.push_back(upload);
  ServerOptions o = DefaultOptions();
  o.max_body_bytes = 1024;
  StartServer(o);
  auto c = Client();

  auto r = c->Post("/api/small", std::string(1024, 'a'), "text/plain");  // at the limit
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  r = c->Post("/api/small", std::string(2000, 'a'), "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  auto e = ErrorOf(r->body);
  EXPECT_EQ(e["code"], "payload_too_large");
  EXPECT_EQ(e["message"], "提交的内容过大，上限为 1 KB");
  EXPECT_EQ(r->get_header_value("Connection"), "close");

  r = c->Post("/api/upload", std::string(2000, 'a'), "text/plain");  // the route allows more
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(nlohmann::json::parse(r->body)["length"], 2000);
  r = c->Post("/api/upload", std::string(5000, 'a'), "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(ErrorOf(r->body)["message"], "提交的内容过大，上限为 4 KB");
  EXPECT_EQ(handled.load(), 2);

  r = c->Get("/api/ping");  // the client reconnects after the close
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST_F(HttpServerTest, BodyOverTheDefaultLimitIs413AndTheClientReadsIt) {
  StartServer();  // 8 MiB
  auto r = Client()->Post("/api/echo", std::string(9 * 1024 * 1024, ' '), "application/json");
  ASSERT_TRUE(r) << httplib::to_string(r.error());
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(ErrorOf(r->body)["message"], "提交的内容过大，上限为 8 MB");
}

TEST_F(HttpServerTest, BodiesWithoutADeclaredLengthOrEncodedAreRefused) {
  StartServer();
  struct Case {
    std::string request;
    int status;
    std::string code;
  };
  const std::vector<Case> cases = {
      {"POST /api/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
       "2\r\n{}\r\n0\r\n\r\n",
       411, "length_required"},
      {"POST /api/echo HTTP/1.1\r\nHost: x\r\n\r\n{}", 411, "length_required"},
      {"POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\nContent-Length: 2\r\n\r\n"
       "{}",
       415, "unsupported_media_type"},
      {"GET /api/ping HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}", 400, "bad_request"},
      {"POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2x\r\n\r\n{}", 400, "bad_request"},
      {"POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
       400, "bad_request"},
  };
  for (const Case& c : cases) {
    const int fd = Connect(port_);
    ASSERT_GE(fd, 0);
    SendAll(fd, c.request);
    const RawResponse r = ReadResponse(fd);
    EXPECT_EQ(r.status, c.status) << c.request;
    EXPECT_EQ(ErrorOf(r.body)["code"], c.code) << c.request;
    EXPECT_TRUE(IsRequestId(ErrorOf(r.body)["request_id"].get<std::string>())) << c.request;
    EXPECT_TRUE(ClosedByServer(fd)) << c.request;  // whatever body followed is not parsed
    ::close(fd);
  }
  // A DELETE without a body needs no Content-Length.
  const RawResponse del = Exchange(port_, "DELETE /api/clues/3 HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(del.status, 200);
}

TEST_F(HttpServerTest, JsonBodyErrorsAreLocated) {
  StartServer();
  auto c = Client();
  auto r = c->Post("/api/echo", "{\n  \"a\": 1,\n  \"b\": }\n", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  auto e = ErrorOf(r->body);
  EXPECT_EQ(e["code"], "bad_request");
  EXPECT_EQ(e["message"], "请求内容不是有效的 JSON：第 3 行第 8 列附近");

  r = c->Post("/api/echo", "{\"名称\": \"线索\", x}",
              "application/json");  // columns count characters
  ASSERT_TRUE(r);
  EXPECT_EQ(ErrorOf(r->body)["message"], "请求内容不是有效的 JSON：第 1 行第 14 列附近");

  r = c->Post("/api/echo", " \n", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(ErrorOf(r->body)["message"], "请求内容为空，应为 JSON");

  r = c->Post("/api/echo", "{\"clue_no\": 12}", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(nlohmann::json::parse(r->body)["got"]["clue_no"], 12);
}

// ---- errors and hooks ----

TEST_F(HttpServerTest, ExceptionsBecome500WithoutLeakingWhat) {
  extra_routes_.push_back(MakeRoute("GET", "/api/throw", [](const Request&) -> Response {
    throw std::runtime_error("秘密 SQL: select password_hash from accounts");
  }));
  extra_routes_.push_back(
      MakeRoute("GET", "/api/throw_int", [](const Request&) -> Response { throw 42; }));
  extra_routes_.push_back(MakeRoute("GET", "/api/hook_throws",
                                    [](const Request&) { return Response::Json("unreachable"); }));
  before_ = [](Request& req, const Route&) -> std::optional<Response> {
    if (req.path() == "/api/hook_throws") throw std::logic_error("hook secret");
    return std::nullopt;
  };
  StartServer();
  auto c = Client();
  for (const char* path : {"/api/throw", "/api/throw_int", "/api/hook_throws"}) {
    auto r = c->Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 500) << path;
    const auto e = ErrorOf(r->body);
    EXPECT_EQ(e["code"], "internal") << path;
    const std::string id = r->get_header_value("X-Request-Id");
    EXPECT_TRUE(IsRequestId(id));
    EXPECT_EQ(e["request_id"], id);
    EXPECT_EQ(e["message"], "服务器内部错误，请将请求编号 " + id + " 告知系统管理员");
    EXPECT_FALSE(r->has_header("EXCEPTION_WHAT"));
    for (const auto& [name, value] : r->headers) {
      EXPECT_EQ(value.find("secret"), std::string::npos) << name;
      EXPECT_EQ(value.find("select"), std::string::npos) << name;
    }
    EXPECT_EQ(r->body.find("select"), std::string::npos);
    EXPECT_EQ(r->body.find("secret"), std::string::npos);
  }
  auto r = c->Get("/api/ping");  // still serving
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST_F(HttpServerTest, FromStatusMapsCodesAndHidesInternalMessages) {
  extra_routes_.push_back(MakeRoute("GET", "/api/status/{code:int}", [](const Request& req) {
    const auto code = static_cast<StatusCode>(*req.PathInt("code"));
    return Response::FromStatus(req, Status(code, "内部细节：数据库文件损坏"), "field_x");
  }));
  StartServer();
  auto c = Client();
  const std::vector<std::tuple<StatusCode, int, std::string>> cases = {
      {StatusCode::kInvalidArgument, 400, "bad_request"},
      {StatusCode::kUnauthenticated, 401, "unauthenticated"},
      {StatusCode::kPermissionDenied, 403, "forbidden"},
      {StatusCode::kNotFound, 404, "not_found"},
      {StatusCode::kConflict, 409, "conflict"},
      {StatusCode::kAlreadyExists, 409, "already_exists"},
      {StatusCode::kFailedPrecondition, 409, "failed_precondition"},
      {StatusCode::kResourceExhausted, 429, "too_many_requests"},
      {StatusCode::kInternal, 500, "internal"},
      {StatusCode::kIoError, 500, "internal"},
  };
  for (const auto& [code, http, name] : cases) {
    auto r = c->Get("/api/status/" + std::to_string(static_cast<int>(code)));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, http) << name;
    const auto e = ErrorOf(r->body);
    EXPECT_EQ(e["code"], name);
    const bool hidden = http == 500;
    EXPECT_EQ(e.contains("field"), !hidden) << name;
    if (!hidden) {
      EXPECT_EQ(e["field"], "field_x") << name;
    }
    EXPECT_EQ(r->body.find("数据库文件损坏") == std::string::npos, hidden) << name;
  }
}

TEST_F(HttpServerTest, PathIntOnAnUntypedParameterIsAnInvalidArgument) {
  extra_routes_.push_back(MakeRoute("GET", "/api/untyped/{n}", [](const Request& req) {
    auto n = req.PathInt("n");
    if (!n.ok()) return Response::FromStatus(req, n.status(), "n");
    auto missing = req.PathString("nope");
    return Response::Json({{"n", *n}, {"missing_code", static_cast<int>(missing.status().code())}});
  }));
  StartServer();
  auto c = Client();
  auto r = c->Get("/api/untyped/x1");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(ErrorOf(r->body)["message"], "路径参数 n 应为整数，收到的是“x1”");
  r = c->Get("/api/untyped/15");
  ASSERT_TRUE(r);
  const auto j = nlohmann::json::parse(r->body);
  EXPECT_EQ(j["n"], 15);
  EXPECT_EQ(j["missing_code"], static_cast<int>(StatusCode::kInternal));
}

TEST_F(HttpServerTest, BeforeHookSeesTheRouteAndAttachesThePrincipal) {
  std::atomic<int> handled{0};
  Route open = MakeRoute("GET", "/api/open", [&](const Request& req) {
    ++handled;
    return Response::Json({{"user", req.Attached<Principal>() ? "yes" : "none"}});
  });
  open.auth = false;
  open.operation_id = "openThing";
  extra_routes_.push_back(open);
  extra_routes_.push_back(MakeRoute("GET", "/api/me", [&](const Request& req) {
    ++handled;
    const Principal* p = req.Attached<Principal>();
    return Response::Json({{"user", p ? p->user : "none"}});
  }));
  std::mutex mu;
  std::vector<std::string> seen;
  before_ = [&](Request& req, const Route& route) -> std::optional<Response> {
    {
      std::lock_guard lock(mu);
      seen.push_back(route.operation_id);
    }
    if (!route.auth) return std::nullopt;
    const auto user = req.Header("x-test-user");  // case-insensitive
    if (!user) return Response::Error(req, 401, "unauthenticated", "请先登录");
    req.Attach(Principal{"first"});
    req.Attach(Principal{*user});  // replaces
    return std::nullopt;
  };
  StartServer();
  auto c = Client();
  auto r = c->Get("/api/me");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  EXPECT_EQ(ErrorOf(r->body)["message"], "请先登录");
  EXPECT_EQ(handled.load(), 0);

  r = c->Get("/api/me", {{"X-Test-User", "王检察官"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(nlohmann::json::parse(r->body)["user"], "王检察官");

  r = c->Get("/api/open");
  ASSERT_TRUE(r);
  EXPECT_EQ(nlohmann::json::parse(r->body)["user"], "none");
  EXPECT_EQ(handled.load(), 2);
  std::lock_guard lock(mu);
  EXPECT_EQ(seen, (std::vector<std::string>{"GET /api/me", "GET /api/me", "openThing"}));
}

TEST_F(HttpServerTest, HeaderNeverAnswersRemoteAddrFromTheClient) {
  extra_routes_.push_back(MakeRoute("GET", "/api/peer", [](const Request& req) {
    return Response::Json(
        {{"remote", req.remote_addr()}, {"header", req.Header("REMOTE_ADDR").value_or("-")}});
  }));
  StartServer();
  auto r = Client()->Get("/api/peer", {{"REMOTE_ADDR", "10.9.9.9"}});
  ASSERT_TRUE(r);
  const auto j = nlohmann::json::parse(r->body);
  EXPECT_EQ(j["remote"], "127.0.0.1");
  EXPECT_EQ(j["header"], "-");
}

TEST_F(HttpServerTest, AfterHookSeesEveryResponse) {
  std::mutex mu;
  std::vector<std::tuple<std::string, std::string, int, std::string, std::string>> log;
  after_ = [&](const AccessRecord& a) {
    EXPECT_GE(a.ms, 0);
    EXPECT_EQ(a.remote_addr, "127.0.0.1");
    std::lock_guard lock(mu);
    log.emplace_back(std::string(a.method), std::string(a.path), a.status,
                     std::string(a.request_id), a.route ? a.route->operation_id : "-");
  };
  StartServer();
  auto c = Client();
  auto r1 = c->Get("/api/clues/5?secret=1");
  auto r2 = c->Get("/api/none");
  ASSERT_TRUE(r1 && r2);
  // The hook runs after the response is written: wait for the second record.
  for (int i = 0; i < 500; ++i) {
    {
      std::lock_guard lock(mu);
      if (log.size() == 2) break;
    }
    std::this_thread::sleep_for(milliseconds(2));
  }
  std::lock_guard lock(mu);
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0], std::make_tuple(std::string("GET"), std::string("/api/clues/5"), 200,
                                    r1->get_header_value("X-Request-Id"),
                                    std::string("GET /api/clues/{clue_no:int}")));
  EXPECT_EQ(log[1], std::make_tuple(std::string("GET"), std::string("/api/none"), 404,
                                    r2->get_header_value("X-Request-Id"), std::string("-")));
}

// ---- cookies and headers ----

TEST_F(HttpServerTest, CookiesAreParsedAndSetCookieCarriesTheFlags) {
  extra_routes_.push_back(MakeRoute("GET", "/api/cookies", [](const Request& req) {
    nlohmann::json j;
    j["x_raw"] = req.Header("X-Raw").value_or("-");
    for (const char* n : {"a", "session", "empty", "c", "novalue", "pct"}) {
      const auto v = req.Cookie(n);
      j[n] = v ? nlohmann::json(*v) : nlohmann::json(nullptr);
    }
    Response r = Response::Json(j);
    EXPECT_TRUE(r.SetCookie({.name = "zj_session", .value = "s3ss10n", .max_age = 28800}).ok());
    EXPECT_TRUE(
        r.SetCookie({.name = "zj_csrf", .value = "t0k", .http_only = false, .secure = true}).ok());
    return r;
  }));
  StartServer();
  // Values exactly as sent: cpp-httplib would have decoded %3B into a second cookie.
  httplib::Headers h = {{"Cookie", "a=1; session=\"quoted value\"; empty=; novalue"},
                        {"Cookie", "a=2; c=3; pct=x%3By"},
                        {"X-Raw", "a%20b"}};
  auto r = Client()->Get("/api/cookies", h);
  ASSERT_TRUE(r);
  EXPECT_EQ(nlohmann::json::parse(r->body),
            nlohmann::json::parse(R"({"a": "1", "session": "quoted value", "empty": "",
                                      "c": "3", "novalue": null, "pct": "x%3By",
                                      "x_raw": "a%20b"})"));
  ASSERT_EQ(r->get_header_value_count("Set-Cookie"), 2u);
  std::set<std::string> cookies = {r->get_header_value("Set-Cookie", 0),
                                   r->get_header_value("Set-Cookie", 1)};
  EXPECT_EQ(cookies, (std::set<std::string>{
                         "zj_session=s3ss10n; Path=/; Max-Age=28800; HttpOnly; SameSite=Strict",
                         "zj_csrf=t0k; Path=/; Secure; SameSite=Strict"}));
}

void ExpectSecurityHeaders(const httplib::Response& r, const std::string& what) {
  EXPECT_EQ(r.get_header_value("X-Content-Type-Options"), "nosniff") << what;
  EXPECT_EQ(r.get_header_value("X-Frame-Options"), "DENY") << what;
  EXPECT_EQ(r.get_header_value("Referrer-Policy"), "no-referrer") << what;
  const std::string csp = r.get_header_value("Content-Security-Policy");
  EXPECT_EQ(csp.rfind("default-src 'self'", 0), 0u) << what;
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << what;
  EXPECT_NE(csp.find("object-src 'none'"), std::string::npos) << what;
  EXPECT_TRUE(IsRequestId(r.get_header_value("X-Request-Id"))) << what;
}

TEST_F(HttpServerTest, SecurityHeadersOnEveryResponse) {
  extra_routes_.push_back(MakeRoute(
      "GET", "/api/throw", [](const Request&) -> Response { throw std::runtime_error("x"); }));
  extra_routes_.push_back(MakeRoute("GET", "/api/download", [](const Request&) {
    return Response::File("a,b\n", "text/csv; charset=utf-8", "线索清单.csv");
  }));
  ServerOptions o = DefaultOptions();
  o.max_body_bytes = 10;
  StartServer(o);
  auto c = Client();
  for (const char* path : {"/api/ping", "/api/none", "/api/throw", "/api/download", "/x"}) {
    auto r = c->Get(path);
    ASSERT_TRUE(r) << path;
    ExpectSecurityHeaders(*r, path);
    EXPECT_EQ(r->get_header_value("Cache-Control"), "no-store") << path;
  }
  auto big = c->Post("/api/echo", std::string(100, ' '), "application/json");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  ExpectSecurityHeaders(*big, "413");

  // Raw: cpp-httplib's client percent-decodes every header value it reads.
  const RawResponse d = Exchange(port_, "GET /api/download HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(d.body, "a,b\n");
  EXPECT_EQ(d.Header("Content-Disposition"),
            "attachment; filename=\"download.csv\"; "
            "filename*=UTF-8''%E7%BA%BF%E7%B4%A2%E6%B8%85%E5%8D%95.csv");

  const RawResponse bad = Exchange(port_, "NOT HTTP AT ALL\r\n\r\n");  // refused by cpp-httplib
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Header("X-Frame-Options"), "DENY");
  EXPECT_EQ(ErrorOf(bad.body)["code"], "bad_request");
  EXPECT_EQ(ErrorOf(bad.body)["request_id"], bad.Header("X-Request-Id"));
}

// ---- static web app ----

class HttpServerStaticTest : public HttpServerTest {
 protected:
  void SetUp() override {
    base_ =
        fs::temp_directory_path() / ("zj_http_server_static_" + std::to_string(::getpid()) + "_" +
                                     testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(base_);
    const fs::path web = base_ / "web";
    fs::create_directories(web / "assets");
    Put(web / "index.html", "<!doctype html><title>执检</title>");
    Put(web / "assets" / "index.5d1c.js", "import x from './x.js'");
    Put(web / "assets" / "index.9a0b.css", "body{}");
    Put(web / "logo.svg", "<svg/>");
    Put(web / "favicon.png", "\x89PNG");
    Put(web / "config.json", "{}");
    Put(web / "assets" / "font.77aa.woff2", "wOF2");
    Put(base_ / "secret.txt", "TOP SECRET");
    fs::create_symlink("../secret.txt", web / "escape.txt");
    fs::create_symlink("..", web / "up");
    ServerOptions o = DefaultOptions();
    o.static_dir = web.string();
    StartServer(o);
  }
  void TearDown() override { fs::remove_all(base_); }

  static void Put(const fs::path& p, std::string_view text) {
    std::ofstream(p, std::ios::binary) << text;
  }

  fs::path base_;
};

TEST_F(HttpServerStaticTest, ServesTheAppWithTypesAndCaching) {
  auto c = Client();
  const std::vector<std::tuple<std::string, std::string, std::string>> files = {
      {"/assets/index.5d1c.js", "text/javascript; charset=utf-8",
       "public, max-age=31536000, immutable"},
      {"/assets/index.9a0b.css", "text/css; charset=utf-8", "public, max-age=31536000, immutable"},
      {"/assets/font.77aa.woff2", "font/woff2", "public, max-age=31536000, immutable"},
      {"/logo.svg", "image/svg+xml", "no-cache"},
      {"/favicon.png", "image/png", "no-cache"},
      {"/config.json", "application/json; charset=utf-8", "no-cache"},
      {"/index.html", "text/html; charset=utf-8", "no-cache"},
  };
  for (const auto& [path, type, cache] : files) {
    auto r = c->Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_EQ(r->get_header_value("Content-Type"), type) << path;
    EXPECT_EQ(r->get_header_value("Cache-Control"), cache) << path;
    ExpectSecurityHeaders(*r, path);
  }
  for (const char* page : {"/", "/clues", "/clues/123/history", "/cases/"}) {
    auto r = c->Get(page);
    ASSERT_TRUE(r) << page;
    EXPECT_EQ(r->status, 200) << page;
    EXPECT_EQ(r->body, "<!doctype html><title>执检</title>") << page;
    EXPECT_EQ(r->get_header_value("Cache-Control"), "no-cache") << page;
  }
  auto r = c->Get("/assets/missing.1234.js");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  r = c->Get("/api/unknown");  // /api never falls back to the app
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(ErrorOf(r->body)["code"], "not_found");
  r = c->Post("/clues", "", "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
}

TEST_F(HttpServerStaticTest, EveryTraversalVariantIs404) {
  for (const char* target : {"/../secret.txt",
                             "/assets/../../secret.txt",
                             "/%2e%2e/secret.txt",
                             "/%2E%2E/secret.txt",
                             "/..%2fsecret.txt",
                             "/..%2Fsecret.txt",
                             "/%2e%2e%2fsecret.txt",
                             "/%252e%252e/secret.txt",
                             "/%252e%252e%252fsecret.txt",
                             "/..\\secret.txt",
                             "/..%5csecret.txt",
                             "/assets/..%5c..%5csecret.txt",
                             "/index.html%00.png",
                             "/%00/../secret.txt",
                             "//secret.txt",
                             "/escape.txt",
                             "/up/secret.txt",
                             "/up",
                             "/up/",
                             "/./secret.txt",
                             "/.%2e/secret.txt",
                             "/..",
                             "/%2e%2e"}) {
    const RawResponse r =
        Exchange(port_, std::string("GET ") + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_EQ(r.body.find("TOP SECRET"), std::string::npos) << target;
    EXPECT_EQ(ErrorOf(r.body)["code"], "not_found") << target;
  }
  // Absolute-form and asterisk targets are not paths of the app either.
  for (const char* target : {"http://x/../secret.txt", "*"}) {
    const RawResponse r =
        Exchange(port_, std::string("GET ") + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_NE(r.status, 200) << target;
    EXPECT_EQ(r.body.find("TOP SECRET"), std::string::npos) << target;
  }
}

// ---- connections ----

TEST_F(HttpServerTest, SlowHeadersAreCutOffWhileOthersAreServed) {
  ServerOptions o = DefaultOptions();
  o.read_timeout = milliseconds(2000);
  StartServer(o);
  const int slow = Connect(port_);
  ASSERT_GE(slow, 0);
  const std::string head = "GET /api/ping HTTP/1.1\r\nHost: x\r\nX-Padding: 0123456789\r\n\r\n";
  // One byte a second: each gap is shorter than read_timeout, so only a deadline for the
  // whole head can end this. Well before the head is complete, the server must hang up.
  size_t sent = 0;
  bool cut = false;
  while (sent < head.size()) {
    if (!SendAll(slow, head.substr(sent, 1))) {
      cut = true;
      break;
    }
    ++sent;
    if (sent == 1) {  // the slow client holds a thread; others are still served
      auto r = Client()->Get("/api/ping");
      ASSERT_TRUE(r);
      EXPECT_EQ(r->status, 200);
    }
    if (ClosedByServer(slow, milliseconds(1000))) {
      cut = true;
      break;
    }
  }
  ::close(slow);
  EXPECT_TRUE(cut);
  EXPECT_LT(sent, head.size() / 2) << "the head trickled in for " << sent << " s";
}

TEST_F(HttpServerTest, TricklingBodyIsCutOff) {
  ServerOptions o = DefaultOptions();
  o.read_timeout = milliseconds(1000);
  StartServer(o);
  const int fd = Connect(port_);
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(SendAll(fd, "POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n"));
  // 10 bytes every 0.4 s: each gap is well inside read_timeout, the rate far below
  // min_transfer_bytes_per_second.
  int chunks = 0;
  bool cut = false;
  while (chunks < 20 && !cut) {
    cut = !SendAll(fd, std::string(10, ' ')) || ClosedByServer(fd, milliseconds(400));
    ++chunks;
  }
  ::close(fd);
  EXPECT_TRUE(cut);
  EXPECT_LT(chunks, 8);
}

TEST_F(HttpServerTest, ExpectContinueUploadSlowerThanTheWriteTimeoutIsAnswered) {
  ServerOptions o = DefaultOptions();
  o.write_timeout = milliseconds(300);
  StartServer(o);
  const int fd = Connect(port_);
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(SendAll(fd,
                      "POST /api/echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                      "Content-Length: 2\r\n\r\n"));
  char buf[64] = {};
  pollfd p{fd, POLLIN, 0};
  ASSERT_EQ(::poll(&p, 1, 5000), 1);
  const ssize_t n = ::recv(fd, buf, sizeof buf - 1, 0);
  ASSERT_GT(n, 0);
  EXPECT_EQ(std::string(buf).rfind("HTTP/1.1 100", 0), 0u) << buf;
  std::this_thread::sleep_for(milliseconds(500));  // the body comes later than write_timeout
  ASSERT_TRUE(SendAll(fd, "{}"));
  EXPECT_EQ(ReadResponse(fd).status, 200);
  ::close(fd);
}

TEST_F(HttpServerTest, AnOversizedHeadIsRefused) {
  StartServer();
  const int fd = Connect(port_);
  ASSERT_GE(fd, 0);
  std::string head = "GET /api/ping HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 80; ++i)
    head += "X-Filler-" + std::to_string(i) + ": " + std::string(1000, 'f') + "\r\n";
  SendAll(fd, head + "\r\n");  // 80 KB: every line is short, the head is not (64 KB at most)
  const RawResponse r = ReadResponse(fd);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(ErrorOf(r.body)["message"], "请求格式不正确");
  EXPECT_TRUE(ClosedByServer(fd));
  ::close(fd);
  // 8 KB of cookies, as a browser may send, is fine.
  auto ok = Client()->Get("/api/ping", {{"Cookie", "big=" + std::string(8000, 'c')}});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST_F(HttpServerTest, FiftyIdleKeepAliveConnectionsDoNotBlockANewRequest) {
  StartServer(ServerOptions{});  // the default pool
  std::vector<int> idle;
  for (int i = 0; i < 50; ++i) {
    const int fd = Connect(port_);
    ASSERT_GE(fd, 0);
    ASSERT_TRUE(SendAll(fd, "GET /api/ping HTTP/1.1\r\nHost: x\r\n\r\n"));
    const RawResponse r = ReadResponse(fd);
    ASSERT_EQ(r.status, 200) << i;
    ASSERT_NE(r.Header("Connection"), "close");
    idle.push_back(fd);  // left open and silent: each holds a server thread
  }
  auto c = Client();
  c->set_read_timeout(10, 0);  // the server's read timeout
  auto r = c->Get("/api/clues/9");
  ASSERT_TRUE(r) << httplib::to_string(r.error());
  EXPECT_EQ(r->status, 200);
  // The idle connections are still usable.
  ASSERT_TRUE(SendAll(idle[0], "GET /api/clues/1 HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_EQ(ReadResponse(idle[0]).status, 200);
  for (int fd : idle) ::close(fd);
}

TEST_F(HttpServerTest, ConcurrentRequestsAreAllAnsweredWithUniqueIds) {
  StartServer();
  constexpr int kThreads = 8;
  constexpr int kEach = 25;
  std::mutex mu;
  std::set<std::string> ids;
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto c = Client();
      for (int i = 0; i < kEach; ++i) {
        const int n = t * 1000 + i;
        auto r = c->Get("/api/clues/" + std::to_string(n));
        if (!r || r->status != 200) continue;
        if (nlohmann::json::parse(r->body)["clue_no"] != n) continue;
        ++ok;
        std::lock_guard lock(mu);
        ids.insert(r->get_header_value("X-Request-Id"));
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), kThreads * kEach);
  EXPECT_EQ(ids.size(), static_cast<size_t>(kThreads * kEach));
  for (const std::string& id : ids) EXPECT_TRUE(IsRequestId(id)) << id;
}

TEST_F(HttpServerTest, PipelinedRequestsOnOneConnectionAreAllAnswered) {
  StartServer();
  const int fd = Connect(port_);
  ASSERT_GE(fd, 0);
  SendAll(fd,
          "GET /api/clues/1 HTTP/1.1\r\nHost: x\r\n\r\n"
          "GET /api/clues/2 HTTP/1.1\r\nHost: x\r\n\r\n");
  std::string carry;
  const RawResponse a = ReadResponse(fd, milliseconds(3000), &carry);
  const RawResponse b = ReadResponse(fd, milliseconds(3000), &carry);
  ::close(fd);
  EXPECT_EQ(a.status, 200);
  EXPECT_EQ(b.status, 200);
}

// ---- life cycle ----

TEST_F(HttpServerTest, StopClosesIdleConnectionsAndIsIdempotent) {
  StartServer();
  const int fd = Connect(port_);
  ASSERT_GE(fd, 0);
  SendAll(fd, "GET /api/ping HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_EQ(ReadResponse(fd).status, 200);
  server_->Stop();  // returns without waiting for the keep-alive timeout of `fd`
  EXPECT_TRUE(ClosedByServer(fd, milliseconds(1000)));
  ::close(fd);
  server_->Stop();
  EXPECT_LT(Connect(port_), 0);
  EXPECT_EQ(server_->Start().status().code(), StatusCode::kFailedPrecondition);
}

TEST(HttpServerStart, RefusesATakenPortBadOptionsAndAMissingWebFolder) {
  HttpServer first(ServerOptions{});
  auto port = first.Start();
  ASSERT_TRUE(port.ok()) << port.status().ToString();

  ServerOptions same;
  same.port = *port;
  HttpServer second(same);
  auto taken = second.Start();
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.status().code(), StatusCode::kIoError);
  EXPECT_NE(taken.status().message().find(":" + std::to_string(*port)), std::string::npos);
  EXPECT_NE(taken.status().message().find("端口已被占用"), std::string::npos);

  ServerOptions no_threads;
  no_threads.threads = 0;
  EXPECT_EQ(HttpServer(no_threads).Start().status().code(), StatusCode::kInvalidArgument);
  ServerOptions no_timeout;
  no_timeout.read_timeout = milliseconds(0);
  EXPECT_EQ(HttpServer(no_timeout).Start().status().code(), StatusCode::kInvalidArgument);
  ServerOptions no_web;
  no_web.static_dir = "/nonexistent/zj/dist";
  EXPECT_EQ(HttpServer(no_web).Start().status().code(), StatusCode::kNotFound);
}

TEST(HttpServerRoutes, AddRouteValidatesAndKeepsOrder) {
  HttpServer s(ServerOptions{});
  auto ok = [](const Request&) { return Response(); };
  EXPECT_TRUE(s.AddRoute(MakeRoute("GET", "/api/clues/{clue_no:int}", ok)).ok());
  EXPECT_TRUE(s.AddRoute(MakeRoute("GET", "/api/clues/stats", ok)).ok());
  EXPECT_TRUE(s.AddRoute(MakeRoute("PATCH", "/api/clues/{clue_no:int}", ok)).ok());

  EXPECT_EQ(s.AddRoute(MakeRoute("GET", "/api/clues/{other:int}", ok)).code(),
            StatusCode::kAlreadyExists);
  EXPECT_EQ(s.AddRoute(MakeRoute("TRACE", "/api/x", ok)).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.AddRoute(MakeRoute("get", "/api/x", ok)).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.AddRoute(MakeRoute("GET", "api/x", ok)).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.AddRoute(MakeRoute("GET", "/api/x", nullptr)).code(), StatusCode::kInvalidArgument);

  ASSERT_EQ(s.routes().size(), 3u);
  EXPECT_EQ(s.routes()[1].pattern, "/api/clues/stats");
  EXPECT_EQ(s.routes()[2].method, "PATCH");
  EXPECT_EQ(s.routes()[0].summary, "测试接口");

  ASSERT_TRUE(s.Start().ok());
  EXPECT_EQ(s.AddRoute(MakeRoute("GET", "/api/late", ok)).code(), StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace zj::http
