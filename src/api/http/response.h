#pragma once
// What a route handler returns, and the one error shape every API error uses:
//
//   {"error": {"code": "bad_request", "message": "中文说明", "request_id": "9f…",
//              "field": "clue_no"}}          ← "field" only when one input is at fault
//
// The server adds the security headers, X-Request-Id and (unless the handler set one)
// Cache-Control: no-store to every response; a handler sets only what is particular to it.
//
// Thread-safety: values.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"

namespace zj::http {

class Request;

// A cookie to set. SameSite is always Strict: the web app and the API are one origin.
struct SetCookieSpec {
  std::string name;   // an RFC 6265 token
  std::string value;  // cookie-octets only (base64url and hex tokens are fine); may be empty
  std::string path = "/";
  // Seconds; nullopt = a session cookie, 0 = delete the cookie now.
  std::optional<int64_t> max_age = std::nullopt;
  bool http_only = true;
  bool secure = false;  // set when the site is served over HTTPS
};

class Response {
 public:
  int status = 200;
  std::string content_type;  // empty with an empty body = no Content-Type header
  std::string body;
  // Extra headers in order; a name may repeat (Set-Cookie).
  std::vector<std::pair<std::string, std::string>> headers;

  // `value` serialised as application/json; invalid UTF-8 in strings becomes U+FFFD.
  static Response Json(const nlohmann::json& value, int status = 200);

  // The error shape above, with the request's id. `code` is a stable machine word
  // (bad_request, not_found, conflict …); `message` is Chinese and shown to the user.
  static Response Error(const Request& request, int status, std::string_view code,
                        std::string_view message, std::string_view field = {});

  // A Status as an error response:
  //   kInvalidArgument, kDataLoss → 400 bad_request     kUnauthenticated → 401 unauthenticated
  //   kPermissionDenied → 403 forbidden                  kNotFound → 404 not_found
  //   kAlreadyExists → 409 already_exists                kConflict, kAborted → 409 conflict
  //   kFailedPrecondition → 409 failed_precondition      kResourceExhausted → 429 too_many_requests
  //   kUnimplemented → 501 not_implemented
  //   kInternal, kIoError, anything else → 500 internal; the message is logged with the
  //   request id and replaced by a generic one, so no internal detail reaches the browser.
  // `field` is kept for the 4xx answers. An OK status is a bug → 500.
  static Response FromStatus(const Request& request, const Status& status,
                             std::string_view field = {});

  // A download: `bytes` as `content_type`, saved by the browser as `filename` (which may be
  // Chinese; see ContentDisposition).
  static Response File(std::string bytes, std::string_view content_type, std::string_view filename);

  // Replaces every header named `name` (case-insensitive) by one with `value`.
  Response& SetHeader(std::string_view name, std::string value);

  // Adds a Set-Cookie header. An invalid name or value → kInvalidArgument, nothing added.
  Status SetCookie(const SetCookieSpec& cookie);
};

// `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded name>`
// (RFC 6266, RFC 5987). In the fallback every run of non-ASCII characters, quotes,
// backslashes, slashes and control characters becomes one '_'; when nothing readable is left
// of the name, it is "download" plus the extension.
std::string ContentDisposition(std::string_view filename);

// The Set-Cookie header value for `cookie`, or kInvalidArgument.
Result<std::string> FormatSetCookie(const SetCookieSpec& cookie);

namespace internal {
// Response::Error for a request that has no Request object (rejected before routing).
Response ErrorResponse(std::string_view request_id, int status, std::string_view code,
                       std::string_view message, std::string_view field = {});
}  // namespace internal

}  // namespace zj::http
