#pragma once
// Routes of the HTTP adapter: what the route layer declares, and how a request path is matched.
//
// A pattern is a path of '/'-separated segments, each literal text or a parameter:
//   /api/clues/{clue_no}        any non-empty segment, percent-decoded (read with PathString)
//   /api/clues/{clue_no:int}    1 to 18 decimal digits (read with PathInt)
// A path that fails a typed parameter does not match the route; if nothing else matches,
// the request gets 404. When several patterns match one path, the most specific wins:
// segment by segment from the left, literal > int > string. So `/api/clues/stats` beats
// `/api/clues/{clue_no}` whatever the order of declaration.
//
// Thread-safety: values; a PathPattern is immutable once parsed.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"

namespace zj::http {

class Request;
class Response;

// Called on a pool thread, concurrently with other requests. May throw only by bug: an
// exception becomes a 500 response carrying the request id and nothing of what().
using Handler = std::function<Response(const Request&)>;

struct Route {
  std::string method;        // GET, POST, PUT, PATCH or DELETE (HEAD is served by GET)
  std::string pattern;       // see above
  std::string summary;       // 中文, for the OpenAPI document
  std::string tag;           // OpenAPI tag
  std::string operation_id;  // opaque to the adapter
  // Flags the adapter only carries; the before hook (the route layer) interprets them.
  bool auth = true;  // requires a signed-in user
  bool csrf = true;  // unsafe methods must carry the CSRF token
  // Largest accepted request body in bytes; 0 = ServerOptions::max_body_bytes. Checked
  // against Content-Length before any of the body is read.
  size_t max_body = 0;
  Handler handler;
};

// Named path parameters of a matched request, percent-decoded, in pattern order.
using PathParams = std::vector<std::pair<std::string, std::string>>;

class PathPattern {
 public:
  enum class Kind { kLiteral, kInt, kString };
  struct Segment {
    Kind kind;
    std::string text;  // the literal, or the parameter name
  };

  // Parses `pattern`; a malformed one → kInvalidArgument naming the fault.
  static Result<PathPattern> Parse(std::string_view pattern);

  // True when `segments` (a path split by SplitPath) fit this pattern; then the
  // parameters are appended to `*params` (which may be null).
  bool Match(std::span<const std::string> segments, PathParams* params) const;

  // True when this pattern is more specific than `other` (see the file comment). Only
  // meaningful for two patterns that match the same path.
  bool MoreSpecificThan(const PathPattern& other) const;

  // The pattern with parameter names erased: two routes of one method and one shape would
  // match the same paths.
  std::string Shape() const;

  // The OpenAPI form: "/api/clues/{clue_no}".
  std::string OpenApiPath() const;

  const std::vector<Segment>& segments() const { return segments_; }

 private:
  std::vector<Segment> segments_;
};

// Splits an absolute request path as received ("/api/clues/a%2Fb", without the query) into
// percent-decoded segments ({"api", "clues", "a/b"}); "/" → {""}. A path that does not start
// with '/', a malformed %-escape, or a decoded NUL → kInvalidArgument.
Result<std::vector<std::string>> SplitPath(std::string_view raw_path);

}  // namespace zj::http
