#pragma once
// HttpServer: the HTTP adapter over cpp-httplib (docs/adr/0006-http-adapter.md). The route
// layer declares Routes and two hooks; it never sees cpp-httplib.
//
// For every request, in order:
//   1. The head (request line and headers, at most 64 KiB) must arrive within read_timeout
//      of its first byte, however slowly it trickles; then the body must keep coming
//      (read_timeout between reads, and on average at least min_transfer_bytes_per_second).
//      Otherwise the connection is closed (with a 400 once the head is complete).
//   2. Refused before any of the body is read, each with the JSON error shape of
//      response.h and the connection closed when a body is left unread:
//        request Content-Encoding → 415; Transfer-Encoding (a chunked body) → 411;
//        POST/PUT/PATCH without Content-Length → 411; a body on GET/HEAD → 400;
//        Content-Length over the route's limit → 413.
//   3. Routing (route.h): a match → the before hook, then (unless the hook answered) the
//      handler. A path that matches routes of other methods only → 405 with Allow. Any
//      other path under /api → 404. Other GET/HEAD → the static web app (static_files.h),
//      or 404 when there is none.
//   4. A handler or hook that throws → 500 with the request id and a generic Chinese
//      message; what() goes to the log (spdlog), never to the client.
//   5. Every response carries X-Request-Id, X-Content-Type-Options: nosniff,
//      X-Frame-Options: DENY, Referrer-Policy: no-referrer, a Content-Security-Policy for a
//      same-origin single-page app, and Cache-Control: no-store unless it set its own (the
//      static files do). Then the after hook sees it (access logging).
//
// Connections are kept alive; each one holds a pool thread while it is open, idle or not
// (cpp-httplib's model), so `threads` must cover the keep-alive connections of the users
// at their busiest (browsers open up to 6 each); an idle connection is closed after
// keep_alive_timeout, and at once by Stop().
//
// Thread-safety: AddRoute, SetBeforeHook and SetAfterHook before Start, from one thread.
// Start and Stop from the owning thread. Handlers and hooks run on pool threads,
// concurrently; they must be thread-safe.

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/http/request.h"
#include "api/http/response.h"
#include "api/http/route.h"
#include "common/status.h"

namespace zj::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;  // 0 = any free port (Start returns it)
  // Pool threads: the most connections, idle keep-alive ones included, served at once;
  // further connections wait for a thread.
  int threads = 128;
  // Request body limit when the route sets none; a route may set a larger one (uploads).
  size_t max_body_bytes = 8 * 1024 * 1024;
  // Request body limit of the routes that take a whole exchange batch (POST /api/batches);
  // the route layer sets it as their Route::max_body. Such a body is held in memory.
  size_t max_upload_bytes = 512 * 1024 * 1024;
  std::chrono::milliseconds read_timeout{10'000};   // the whole head; each body read
  std::chrono::milliseconds write_timeout{10'000};  // each write of a response
  // After the first read_timeout/write_timeout of a body or response, a transfer must
  // average at least this rate, so a trickling client cannot keep a thread for hours.
  size_t min_transfer_bytes_per_second = 16 * 1024;
  std::chrono::milliseconds keep_alive_timeout{5'000};  // idle time before closing
  size_t keep_alive_max_count = 1000;                   // requests per connection
  std::string static_dir;  // the built web app (web/dist); empty = none
};

// What the after hook sees of a finished request.
struct AccessRecord {
  std::string_view method;
  std::string_view path;  // as received, without the query
  int status = 0;
  double ms = 0;  // from the first byte of the request to the last byte of the response
  std::string_view request_id;
  std::string_view remote_addr;
  const Route* route = nullptr;  // null when no route matched (static file, 404, 413 …)
};

class HttpServer {
 public:
  using Options = ServerOptions;
  // Called after routing and before the handler, e.g. to check the session and the CSRF
  // token and attach the principal. A Response ends the request with it; nullopt lets
  // the handler run.
  using BeforeHook = std::function<std::optional<Response>(Request&, const Route&)>;
  // Called once the response is written (not for connections that end without a request).
  using AfterHook = std::function<void(const AccessRecord&)>;

  explicit HttpServer(Options options);
  ~HttpServer();  // Stop()
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Declares a route. An unknown method, a malformed pattern or a missing handler →
  // kInvalidArgument; a route of the same method and shape as an earlier one →
  // kAlreadyExists; after Start → kFailedPrecondition. Nothing is added on error.
  Status AddRoute(Route route);
  // Every route, in the order added.
  const std::vector<Route>& routes() const;

  void SetBeforeHook(BeforeHook hook);
  void SetAfterHook(AfterHook hook);

  // Binds host:port and serves on background threads. Returns the bound port, or:
  // invalid options → kInvalidArgument; static_dir missing → kNotFound; the port taken or
  // the address unusable → kIoError; called twice → kFailedPrecondition. Messages Chinese.
  Result<int> Start();

  // Stops accepting, closes idle connections, lets requests in progress finish, and joins
  // every thread. Idempotent; a stopped server cannot be started again.
  void Stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace zj::http
