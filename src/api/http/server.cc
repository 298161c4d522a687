#include "api/http/server.h"

#include <httplib.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <random>
#include <thread>

#include "api/http/static_files.h"

namespace zj::http {

namespace internal {
// The one place that builds a Request (its constructor is private).
class Dispatcher {
 public:
  static Request Make(const httplib::Request& raw, const Route& route, PathParams params,
                      std::string request_id, HeaderList headers) {
    return Request(raw, route, std::move(params), std::move(request_id), std::move(headers));
  }
};
}  // namespace internal

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;
using namespace std::string_view_literals;

// The largest request head (request line and headers). cpp-httplib limits each line but not
// their number; past this the request is refused (400) and the connection closed.
constexpr size_t kMaxHeadBytes = 64 * 1024;

constexpr char kContentSecurityPolicy[] =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

std::string NewRequestId() {
  thread_local std::mt19937_64 rng([] {
    std::random_device rd;
    return (static_cast<uint64_t>(rd()) << 32) ^ rd() ^
           std::hash<std::thread::id>()(std::this_thread::get_id());
  }());
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, static_cast<uint64_t>(rng()));
  return buf;
}

std::string HumanSize(size_t bytes) {
  constexpr size_t kKiB = 1024;
  constexpr size_t kMiB = 1024 * kKiB;
  if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MB";
  if (bytes >= kMiB) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / kMiB);
    return buf;
  }
  if (bytes >= kKiB) return std::to_string(bytes / kKiB) + " KB";
  return std::to_string(bytes) + " 字节";
}

std::string_view RawPath(const httplib::Request& req) {
  return std::string_view(req.target).substr(0, req.target.find('?'));
}

// What the adapter keeps about the request in progress on a connection.
struct RequestState {
  Clock::time_point start;
  std::string request_id;
  const Route* route = nullptr;
  PathParams params;
  HeaderList headers;        // as sent (cpp-httplib's copies are percent-decoded)
  bool close_after = false;  // close the connection after this response
};

struct Limits {
  milliseconds read_timeout;
  milliseconds write_timeout;
  milliseconds keep_alive_timeout;
  size_t min_rate = 0;  // bytes per second; 0 = none
};

// One client connection: the cpp-httplib Stream over its socket, with the deadlines that
// cpp-httplib lacks (its timeouts restart at every byte, so a byte every few seconds would
// hold a thread for hours), a read buffer, and the state of the request in progress.
class Connection final : public httplib::Stream {
 public:
  Connection(int fd, int stop_fd, const Limits& limits)
      : fd_(fd), stop_fd_(stop_fd), limits_(limits) {
    int yes = 1;
    setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (getpeername(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
      Describe(addr, len, &remote_ip_, &remote_port_);
    }
    len = sizeof addr;
    if (getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
      Describe(addr, len, &local_ip_, &local_port_);
    }
  }

  ~Connection() override {
    if (state_.close_after) Linger();
    shutdown(fd_, SHUT_RDWR);
    close(fd_);
  }

  bool is_readable() const override {
    if (buf_pos_ < buf_len_) return true;
    const milliseconds budget = ReadBudget();
    return budget.count() > 0 && Wait(POLLIN, budget);
  }

  bool is_writable() const override {
    const milliseconds budget = WriteBudget();
    return budget.count() > 0 && Wait(POLLOUT, budget);
  }

  ssize_t read(char* ptr, size_t size) override {
    writing_ = false;  // a response starts with its first write after the last read
    if (buf_pos_ == buf_len_) {
      const milliseconds budget = ReadBudget();
      if (budget.count() <= 0 || !Wait(POLLIN, budget)) return -1;
      ssize_t n;
      do {
        n = recv(fd_, buf_, sizeof buf_, 0);
      } while (n < 0 && errno == EINTR);
      if (n <= 0) return n < 0 ? -1 : 0;
      bytes_read_ += static_cast<uint64_t>(n);
      buf_pos_ = 0;
      buf_len_ = static_cast<size_t>(n);
    }
    const size_t n = std::min(size, buf_len_ - buf_pos_);
    std::memcpy(ptr, buf_ + buf_pos_, n);
    if (head_) {  // cpp-httplib reads the head a byte at a time: this is exactly the head
      if (head_bytes_.size() + n > kMaxHeadBytes) return -1;
      head_bytes_.append(buf_ + buf_pos_, n);
    }
    buf_pos_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!writing_) {
      writing_ = true;
      write_start_ = Clock::now();
      write_mark_ = bytes_written_;
    }
    const milliseconds budget = WriteBudget();
    if (budget.count() <= 0 || !Wait(POLLOUT, budget)) return -1;
    ssize_t n;
    do {
      n = send(fd_, ptr, size, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    if (n < 0) return -1;
    bytes_written_ += static_cast<uint64_t>(n);
    return n;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = remote_ip_;
    port = remote_port_;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = local_ip_;
    port = local_port_;
  }
  socket_t socket() const override { return fd_; }

  // Waits for the next request: true when a byte of it is here; false when the connection
  // stayed idle for keep_alive_timeout, or the server is stopping.
  bool AwaitRequest() {
    if (buf_pos_ < buf_len_) return true;  // a pipelined request already read
    pollfd fds[2] = {{fd_, POLLIN, 0}, {stop_fd_, POLLIN, 0}};
    int r;
    do {
      r = poll(fds, 2, static_cast<int>(limits_.keep_alive_timeout.count()));
    } while (r < 0 && errno == EINTR);
    return r > 0 && fds[1].revents == 0;
  }

  // A request starts: its head must be complete within read_timeout from now.
  void BeginRequest() {
    state_ = RequestState{};
    head_bytes_.clear();
    state_.start = Clock::now();
    head_ = true;
    read_start_ = state_.start;
    writing_ = false;
  }

  // The head is read; the body, if any, follows under the transfer-rate rule.
  void HeadDone() {
    state_.headers = ParseHeaderFields(head_bytes_);
    head_ = false;
    read_start_ = Clock::now();
    read_mark_ = bytes_read_;
  }

  RequestState& state() { return state_; }

 private:
  static void Describe(const sockaddr_storage& addr, socklen_t len, std::string* ip, int* port) {
    char host[NI_MAXHOST];
    char serv[NI_MAXSERV];
    if (getnameinfo(reinterpret_cast<const sockaddr*>(&addr), len, host, sizeof host, serv,
                    sizeof serv, NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
      *ip = host;
      *port = std::atoi(serv);
    }
  }

  // Time left for the next read or write: at most one whole timeout, and never past the
  // deadline `timeout + transferred / min_rate` after the phase began.
  milliseconds Budget(Clock::time_point start, milliseconds timeout, uint64_t transferred,
                      bool rate_credit) const {
    milliseconds allowed = timeout;
    if (rate_credit) {
      if (limits_.min_rate == 0) return timeout;
      allowed += milliseconds(transferred * 1000 / limits_.min_rate);
    }
    const auto left = allowed - std::chrono::duration_cast<milliseconds>(Clock::now() - start);
    return std::min(left, timeout);
  }
  milliseconds ReadBudget() const {
    return Budget(read_start_, limits_.read_timeout, bytes_read_ - read_mark_, !head_);
  }
  milliseconds WriteBudget() const {
    if (!writing_) return limits_.write_timeout;
    return Budget(write_start_, limits_.write_timeout, bytes_written_ - write_mark_, true);
  }

  bool Wait(short events, milliseconds budget) const {
    pollfd p{fd_, events, 0};
    int r;
    do {
      r = poll(&p, 1, static_cast<int>(budget.count()));
    } while (r < 0 && errno == EINTR);
    return r > 0;
  }

  // After a response that refused a body we did not read: stop sending, then swallow what
  // the client is still sending (for at most read_timeout) so that closing does not reset
  // the connection before the client has read the response.
  void Linger() {
    shutdown(fd_, SHUT_WR);
    const Clock::time_point deadline = Clock::now() + limits_.read_timeout;
    for (;;) {
      const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
      if (left.count() <= 0 || !Wait(POLLIN, left)) return;
      if (recv(fd_, buf_, sizeof buf_, 0) <= 0) return;
    }
  }

  const int fd_;
  const int stop_fd_;
  const Limits limits_;
  std::string remote_ip_;
  std::string local_ip_;
  int remote_port_ = -1;
  int local_port_ = -1;

  char buf_[4096];
  size_t buf_pos_ = 0;
  size_t buf_len_ = 0;

  bool head_ = true;
  std::string head_bytes_;
  Clock::time_point read_start_;
  uint64_t bytes_read_ = 0;
  uint64_t read_mark_ = 0;
  bool writing_ = false;
  Clock::time_point write_start_;
  uint64_t bytes_written_ = 0;
  uint64_t write_mark_ = 0;

  RequestState state_;
};

thread_local Connection* tls_connection = nullptr;

RequestState& CurrentState() {
  thread_local RequestState none;  // only if cpp-httplib ever bypassed our connection loop
  return tls_connection != nullptr ? tls_connection->state() : none;
}

const std::string& RequestId(RequestState& st) {
  if (st.request_id.empty()) st.request_id = NewRequestId();
  return st.request_id;
}

bool HasCrLfOrNul(std::string_view s) { return s.find_first_of("\r\n\0"sv) != s.npos; }

void Apply(Response r, httplib::Response& out) {
  out.status = r.status;
  for (auto& [name, value] : r.headers) {
    if (HasCrLfOrNul(name) || HasCrLfOrNul(value)) continue;  // cannot be sent safely
    out.headers.emplace(std::move(name), std::move(value));
  }
  if (!r.body.empty() || !r.content_type.empty()) {
    out.body = std::move(r.body);
    out.headers.erase("Content-Type");
    if (!r.content_type.empty()) out.headers.emplace("Content-Type", r.content_type);
  }
}

}  // namespace

class HttpServer::Impl {
 public:
  explicit Impl(Options options) : options_(std::move(options)) {}

  ~Impl() {
    Stop();
    if (stop_fd_ >= 0) close(stop_fd_);
  }

  Status AddRoute(Route route) {
    const std::string name = route.method + " " + route.pattern;
    if (started_) return FailedPrecondition("网络服务启动后不能再添加接口：" + name);
    static constexpr std::string_view kMethods[] = {"GET", "POST", "PUT", "PATCH", "DELETE"};
    if (std::find(std::begin(kMethods), std::end(kMethods), route.method) == std::end(kMethods)) {
      return InvalidArgument("接口 " + name + " 的请求方式只能是 GET、POST、PUT、PATCH 或 DELETE");
    }
    if (!route.handler) return InvalidArgument("接口 " + name + " 没有处理函数");
    ZJ_ASSIGN_OR_RETURN(PathPattern pattern, PathPattern::Parse(route.pattern));
    for (size_t i = 0; i < routes_.size(); ++i) {
      if (routes_[i].method == route.method && patterns_[i].Shape() == pattern.Shape()) {
        return AlreadyExists("接口 " + name + " 与已有的 " + routes_[i].pattern + " 重复");
      }
    }
    routes_.push_back(std::move(route));
    patterns_.push_back(std::move(pattern));
    return Status::Ok();
  }

  Result<int> Start() {
    if (started_) return FailedPrecondition("网络服务已经启动过");
    const Options& o = options_;
    if (o.threads < 1) return InvalidArgument("网络服务的线程数应至少为 1");
    if (o.port < 0 || o.port > 65535) return InvalidArgument("端口号应在 0 到 65535 之间");
    if (o.max_body_bytes == 0) return InvalidArgument("请求内容上限应大于 0");
    if (o.keep_alive_max_count == 0) return InvalidArgument("每个连接的请求数上限应大于 0");
    if (o.read_timeout.count() <= 0 || o.write_timeout.count() <= 0 ||
        o.keep_alive_timeout.count() <= 0) {
      return InvalidArgument("网络服务的各项超时时间应大于 0");
    }
    if (!o.static_dir.empty()) {
      ZJ_ASSIGN_OR_RETURN(StaticFiles files, StaticFiles::Open(o.static_dir));
      static_files_ = std::move(files);
    }
    if (stop_fd_ < 0) stop_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (stop_fd_ < 0) return IoError("无法创建网络服务的停止信号");
    limits_ = {o.read_timeout, o.write_timeout, o.keep_alive_timeout,
               o.min_transfer_bytes_per_second};

    engine_ = std::make_unique<Engine>(*this);
    Configure(*engine_);
    const std::string where = o.host + ":" + std::to_string(o.port);
    int port = -1;
    if (o.port == 0) {
      port = engine_->bind_to_any_port(o.host);
    } else if (engine_->bind_to_port(o.host, o.port)) {
      port = o.port;
    }
    if (port < 0) {
      return IoError("无法在 " + where + " 上启动网络服务：端口已被占用，或地址不可用");
    }
    // cpp-httplib listens with a backlog of 5: a burst of browsers at nine o'clock would
    // see connections refused or delayed. listen() again only raises the backlog.
    ::listen(engine_->listen_socket(), SOMAXCONN);

    started_ = true;
    thread_ = std::thread([this] {
      engine_->listen_after_bind();
      listen_ended_ = true;
    });
    // Stop() is only heard once the accept loop runs.
    while (!engine_->is_running() && !listen_ended_) {
      std::this_thread::sleep_for(milliseconds(1));
    }
    if (!engine_->is_running()) {
      thread_.join();
      return IoError("无法在 " + where + " 上启动网络服务");
    }
    return port;
  }

  void Stop() {
    if (!thread_.joinable()) return;
    const uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(stop_fd_, &one, sizeof one);
    engine_->stop();
    thread_.join();
  }

  std::vector<Route> routes_;
  BeforeHook before_;
  AfterHook after_;

 private:
  // cpp-httplib's server, with our own connection loop (see Connection).
  class Engine final : public httplib::Server {
   public:
    explicit Engine(Impl& impl) : impl_(impl) {}
    int listen_socket() const { return svr_sock_; }

   private:
    bool process_and_close_socket(socket_t sock) override {
      Connection conn(sock, impl_.stop_fd_, impl_.limits_);
      tls_connection = &conn;
      bool ret = false;
      try {
        for (size_t left = impl_.options_.keep_alive_max_count;
             left > 0 && svr_sock_ != INVALID_SOCKET; --left) {
          if (!conn.AwaitRequest()) break;
          conn.BeginRequest();
          bool connection_closed = false;
          ret = process_request(conn, left == 1, connection_closed,
                                [&conn](httplib::Request&) { conn.HeadDone(); });
          if (!ret || connection_closed || conn.state().close_after) break;
        }
      } catch (const std::exception& e) {
        spdlog::error("网络连接处理异常，连接已关闭：{}", e.what());
        ret = false;
      } catch (...) {
        spdlog::error("网络连接处理异常，连接已关闭");
        ret = false;
      }
      tls_connection = nullptr;
      return ret;
    }

    Impl& impl_;
  };

  using Handled = httplib::Server::HandlerResponse;

  void Configure(Engine& e) {
    size_t max_body = options_.max_body_bytes;
    for (const Route& r : routes_) max_body = std::max(max_body, r.max_body);
    e.set_payload_max_length(max_body);
    e.set_tcp_nodelay(true);
    // SO_REUSEADDR only: cpp-httplib's default SO_REUSEPORT would let a second server
    // bind the same port and silently share its traffic.
    e.set_socket_options([](socket_t s) {
      int yes = 1;
      setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    const size_t threads = static_cast<size_t>(options_.threads);
    e.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // Only for the Keep-Alive response header: our connection loop applies them.
    e.set_keep_alive_max_count(options_.keep_alive_max_count);
    e.set_keep_alive_timeout(std::max<time_t>(
        1, std::chrono::duration_cast<std::chrono::seconds>(options_.keep_alive_timeout).count()));
    e.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                           {"X-Frame-Options", "DENY"},
                           {"Referrer-Policy", "no-referrer"},
                           {"Content-Security-Policy", kContentSecurityPolicy}});
    e.set_pre_routing_handler(
        [this](const httplib::Request& req, httplib::Response& res) { return PreRoute(req, res); });
    const auto dispatch = [this](const httplib::Request& req, httplib::Response& res) {
      Dispatch(req, res);
    };
    e.Get(".*", dispatch);
    e.Post(".*", dispatch);
    e.Put(".*", dispatch);
    e.Patch(".*", dispatch);
    e.Delete(".*", dispatch);
    e.set_error_handler(httplib::Server::HandlerWithResponse(
        [this](const httplib::Request& req, httplib::Response& res) { return OnError(req, res); }));
    e.set_exception_handler([](const httplib::Request& req, httplib::Response& res,
                               std::exception_ptr ep) { OnException(req, res, ep); });
    e.set_post_routing_handler(
        [](const httplib::Request& req, httplib::Response& res) { Finish(req, res); });
    e.set_logger(
        [this](const httplib::Request& req, const httplib::Response& res) { Log(req, res); });
  }

  // Before any of the body is read: refusals, routing, static files.
  Handled PreRoute(const httplib::Request& req, httplib::Response& res) {
    RequestState& st = CurrentState();
    const std::string& id = RequestId(st);
    const std::string_view raw_path = RawPath(req);
    const bool api = raw_path == "/api" || raw_path.starts_with("/api/");

    uint64_t length = 0;
    const bool has_length = req.has_header("Content-Length");
    bool length_ok = true;
    if (has_length) {
      const std::string v = req.get_header_value("Content-Length");
      const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), length);
      length_ok = !v.empty() && ec == std::errc() && end == v.data() + v.size() &&
                  req.get_header_value_count("Content-Length") == 1;
    }
    const std::string& m = req.method;
    const bool takes_body = m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE";
    const bool needs_length = takes_body && m != "DELETE";
    // Refusing such a request leaves its body on the wire: the connection must close.
    const bool unread_body = length > 0 || !length_ok || req.has_header("Transfer-Encoding") ||
                             (needs_length && !has_length);
    auto refuse = [&](Response r) {
      Apply(std::move(r), res);
      if (unread_body) st.close_after = true;
      return Handled::Handled;
    };
    auto error = [&](int status, std::string_view code, std::string_view message) {
      return refuse(internal::ErrorResponse(id, status, code, message));
    };

    if (!length_ok) return error(400, "bad_request", "请求头 Content-Length 无效");
    if (req.has_header("Content-Encoding")) {
      return error(415, "unsupported_media_type", "不接受压缩过的请求内容");
    }
    if (req.has_header("Transfer-Encoding")) {
      return error(411, "length_required", "请求须带 Content-Length，不接受分块传输的内容");
    }
    if (!takes_body && length > 0) return error(400, "bad_request", "此类请求不应带有内容");
    if (needs_length && !has_length) {
      return error(411, "length_required", "请求须带 Content-Length");
    }

    auto segments = SplitPath(raw_path);
    if (!segments.ok()) {
      return api ? error(400, "bad_request", segments.status().message())
                 : error(404, "not_found", "页面或文件不存在");
    }

    std::string_view want = m;
    if (m == "HEAD") want = "GET";
    int best = -1;
    PathParams best_params;
    std::vector<std::string> allow;
    for (size_t i = 0; i < routes_.size(); ++i) {
      PathParams params;
      if (!patterns_[i].Match(*segments, &params)) continue;
      if (routes_[i].method != want) {
        if (std::find(allow.begin(), allow.end(), routes_[i].method) == allow.end()) {
          allow.push_back(routes_[i].method);
        }
        continue;
      }
      if (best < 0 || patterns_[i].MoreSpecificThan(patterns_[best])) {
        best = static_cast<int>(i);
        best_params = std::move(params);
      }
    }
    if (best >= 0) {
      const Route& route = routes_[best];
      const size_t limit = route.max_body != 0 ? route.max_body : options_.max_body_bytes;
      if (length > limit) {
        return error(413, "payload_too_large", "提交的内容过大，上限为 " + HumanSize(limit));
      }
      st.route = &route;
      st.params = std::move(best_params);
      return Handled::Unhandled;  // cpp-httplib reads the body, then calls Dispatch
    }
    if (!allow.empty()) {
      std::sort(allow.begin(), allow.end());
      std::string joined;
      for (const std::string& a : allow) joined += (joined.empty() ? "" : ", ") + a;
      Response r =
          internal::ErrorResponse(id, 405, "method_not_allowed", "该接口不支持 " + m + " 请求方式");
      r.headers.emplace_back("Allow", joined);
      return refuse(std::move(r));
    }
    if (!api && (m == "GET" || m == "HEAD") && static_files_) {
      auto file = static_files_->Serve(*segments);
      if (file.ok()) {
        Response r;
        r.content_type = std::move(file->content_type);
        r.body = std::move(file->body);
        r.headers.emplace_back("Cache-Control", std::move(file->cache_control));
        return refuse(std::move(r));
      }
    }
    return error(404, "not_found", api ? "请求的接口不存在" : "页面或文件不存在");
  }

  void Dispatch(const httplib::Request& raw, httplib::Response& res) {
    RequestState& st = CurrentState();
    if (st.route == nullptr) {  // cannot happen: PreRoute lets only routed requests through
      Apply(internal::ErrorResponse(RequestId(st), 404, "not_found", "请求的接口不存在"), res);
      return;
    }
    Request req = internal::Dispatcher::Make(raw, *st.route, std::move(st.params), st.request_id,
                                             std::move(st.headers));
    std::optional<Response> answer;
    if (before_) answer = before_(req, *st.route);
    Apply(answer ? std::move(*answer) : st.route->handler(req), res);
  }

  // Errors cpp-httplib raised itself (a malformed head, a body cut short or too slow …) get
  // the JSON error shape, and the connection closes: the stream may be out of step.
  // Responses with a body of ours are left alone.
  static Handled OnError(const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return Handled::Unhandled;
    RequestState& st = CurrentState();
    st.close_after = true;
    std::string_view code = "bad_request";
    std::string message = "请求无法处理";
    switch (res.status) {
      case 400:
        message = "请求格式不正确";
        break;
      case 404:
        code = "not_found";
        message = "请求的接口不存在";
        break;
      case 413:
        code = "payload_too_large";
        message = "提交的内容过大";
        break;
      case 414:
        code = "uri_too_long";
        message = "请求地址过长";
        break;
      case 416:
        code = "range_not_satisfiable";
        message = "请求的下载范围无效";
        break;
      default:
        if (res.status >= 500) {
          code = "internal";
          message = "服务器内部错误，请将请求编号 " + RequestId(st) + " 告知系统管理员";
        }
    }
    Apply(internal::ErrorResponse(RequestId(st), res.status, code, message), res);
    return Handled::Handled;
  }

  static void OnException(const httplib::Request& req, httplib::Response& res,
                          std::exception_ptr ep) {
    RequestState& st = CurrentState();
    const std::string& id = RequestId(st);
    std::string what = "非标准异常";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    spdlog::error("请求 {} {} {} 处理时抛出异常：{}", id, req.method, RawPath(req), what);
    Apply(internal::ErrorResponse(id, 500, "internal",
                                  "服务器内部错误，请将请求编号 " + id + " 告知系统管理员"),
          res);
  }

  // Headers every response carries (the security headers are cpp-httplib default headers).
  static void Finish(const httplib::Request& req, httplib::Response& res) {
    RequestState& st = CurrentState();
    if (!res.has_header("X-Request-Id")) res.set_header("X-Request-Id", RequestId(st));
    if (!res.has_header("Cache-Control")) res.set_header("Cache-Control", "no-store");
    if (st.close_after && req.get_header_value("Connection") != "close") {
      res.set_header("Connection", "close");
    }
  }

  void Log(const httplib::Request& req, const httplib::Response& res) {
    if (!after_) return;
    RequestState& st = CurrentState();
    AccessRecord rec;
    rec.method = req.method;
    rec.path = RawPath(req);
    rec.status = res.status;
    rec.ms = std::chrono::duration<double, std::milli>(Clock::now() - st.start).count();
    rec.request_id = RequestId(st);
    rec.remote_addr = req.remote_addr;
    rec.route = st.route;
    try {
      after_(rec);
    } catch (const std::exception& e) {
      spdlog::error("访问记录钩子抛出异常：{}", e.what());
    } catch (...) {
      spdlog::error("访问记录钩子抛出异常");
    }
  }

  Options options_;
  std::vector<PathPattern> patterns_;  // parallel to routes_
  std::optional<StaticFiles> static_files_;
  Limits limits_{};
  int stop_fd_ = -1;
  std::unique_ptr<Engine> engine_;
  std::thread thread_;
  std::atomic<bool> listen_ended_{false};
  bool started_ = false;
};

HttpServer::HttpServer(Options options) : impl_(std::make_unique<Impl>(std::move(options))) {}
HttpServer::~HttpServer() = default;

Status HttpServer::AddRoute(Route route) { return impl_->AddRoute(std::move(route)); }
const std::vector<Route>& HttpServer::routes() const { return impl_->routes_; }
void HttpServer::SetBeforeHook(BeforeHook hook) { impl_->before_ = std::move(hook); }
void HttpServer::SetAfterHook(AfterHook hook) { impl_->after_ = std::move(hook); }
Result<int> HttpServer::Start() { return impl_->Start(); }
void HttpServer::Stop() { impl_->Stop(); }

}  // namespace zj::http
