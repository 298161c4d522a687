#pragma once
// One HTTP request as a route handler and the before hook see it.
//
// A Request is built by HttpServer for a request that matched a route and lives for that
// call only: it refers to the connection's buffers, so keep no pointer to it or to what it
// returns by reference. Everything it hands out is already decoded: path parameters and
// query values are percent-decoded, header names are case-insensitive, cookies are parsed
// from the Cookie header(s) (RFC 6265; a quoted value loses its quotes; the first of two
// cookies with one name wins, as browsers send the most specific first).
//
// Header values and cookies are exactly as sent (cpp-httplib 0.11.4 percent-decodes every
// header value; the adapter reads them from the raw request head instead, so "a=x%3By" is
// one cookie, not two). remote_addr() is the TCP peer; Header() never answers the names
// cpp-httplib uses for its peer/local pseudo-headers (REMOTE_ADDR, REMOTE_PORT, LOCAL_ADDR,
// LOCAL_PORT), so a client cannot pose as another address through them.
//
// Attach/Attached give the route layer a type-safe slot per type, e.g. the before hook
// attaches the signed-in principal and handlers read it:
//   req.Attach(Principal{...});
//   if (const Principal* p = req.Attached<Principal>()) ...
//
// Thread-safety: used by one thread (the one running the request).

#include <any>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/http/route.h"
#include "common/status.h"

namespace httplib {
struct Request;
}

namespace zj::http {
namespace internal {
class Dispatcher;
}

// (name, value) pairs in the order received.
using HeaderList = std::vector<std::pair<std::string, std::string>>;

class Request {
 public:
  Request(const Request&) = delete;
  Request& operator=(const Request&) = delete;

  const std::string& method() const;
  // The path as received, still percent-encoded, without the query.
  std::string_view path() const { return path_; }
  const std::string& body() const;
  const std::string& remote_addr() const;
  // 16 hex digits, unique per request; echoed as X-Request-Id and in every error body.
  const std::string& request_id() const { return request_id_; }
  const Route& route() const { return *route_; }

  // A path parameter of the route. An undeclared name → kInternal (a bug in the route);
  // PathInt on a value that is not an integer (only possible for an untyped {name}) →
  // kInvalidArgument with a Chinese message.
  Result<int64_t> PathInt(std::string_view name) const;
  Result<std::string> PathString(std::string_view name) const;

  // The first value of a query parameter, or nullopt when absent; QueryAll gives every
  // value in order (`?status=open&status=closed`).
  std::optional<std::string> Query(std::string_view name) const;
  std::vector<std::string> QueryAll(std::string_view name) const;

  // The first value of a header (name case-insensitive), as sent, or nullopt.
  std::optional<std::string> Header(std::string_view name) const;

  std::optional<std::string> Cookie(std::string_view name) const;

  // The body parsed as JSON. Empty or malformed → kInvalidArgument saying where
  // ("请求内容不是有效的 JSON：第 3 行第 14 列附近"), to be answered with 400.
  Result<nlohmann::json> JsonBody() const;

  // Stores `value` in the slot of type T, replacing what was there.
  template <typename T>
  void Attach(T value) {
    for (std::any& a : attachments_) {
      if (a.type() == typeid(T)) {
        a = std::move(value);
        return;
      }
    }
    attachments_.emplace_back(std::move(value));
  }
  // The value in the slot of type T, or nullptr.
  template <typename T>
  const T* Attached() const {
    for (const std::any& a : attachments_) {
      if (const T* p = std::any_cast<T>(&a)) return p;
    }
    return nullptr;
  }

 private:
  friend class internal::Dispatcher;
  Request(const httplib::Request& raw, const Route& route, PathParams params,
          std::string request_id, HeaderList headers);

  const httplib::Request& raw_;
  const Route* route_;
  PathParams params_;
  std::string request_id_;
  std::string_view path_;
  HeaderList headers_;
  HeaderList cookies_;
  std::vector<std::any> attachments_;
};

// Parses Cookie header values (several headers are joined as one list) into (name, value)
// pairs in order. Pairs without '=' or with an empty name are skipped.
HeaderList ParseCookies(const std::vector<std::string>& header_values);

// The header fields of a raw request head (request line, header lines, blank line), values
// without surrounding blanks. As in cpp-httplib, a line not ending in CRLF or without ':'
// is skipped.
HeaderList ParseHeaderFields(std::string_view head);

}  // namespace zj::http
