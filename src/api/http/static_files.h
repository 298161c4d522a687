#pragma once
// The built web app (web/dist) served from one folder, never from outside it.
//
// A request path is first split and percent-decoded once (SplitPath). It is refused (→ not
// found) when any segment is empty (except a final one: "/clues/" is a page), starts with
// '.' (so ".", ".." and hidden files), or holds a backslash, '%' (double encoding such as
// %252e) or a control character. The file is then resolved with every symlink followed and
// must still lie inside the folder; a symlink that leads out is not found, never followed.
//
// SPA fallback: a path whose last segment has no extension and names no file ("/clues/12")
// is a page of the app and gets index.html. A missing file with an extension
// ("/assets/missing.js") is not found.
//
// Caching: files under /assets/ carry a content hash in their name (Vite) and are cached for
// a year ("immutable"); everything else, index.html above all, is revalidated (no-cache).
//
// Thread-safety: immutable after Open; Serve may run on many threads at once.

#include <span>
#include <string>
#include <string_view>

#include "common/status.h"

namespace zj::http {

class StaticFiles {
 public:
  struct File {
    std::string body;
    std::string content_type;
    std::string cache_control;
  };

  // `root` must be an existing folder → otherwise kNotFound (Chinese).
  static Result<StaticFiles> Open(const std::string& root);

  // The file for the decoded path `segments` of a GET outside /api, or kNotFound.
  Result<File> Serve(std::span<const std::string> segments) const;

  // The MIME type for a file name, from its extension; application/octet-stream if unknown.
  static std::string_view MimeType(std::string_view filename);

 private:
  Result<File> Read(const std::string& path, bool is_asset) const;

  std::string root_;  // canonical, without a trailing '/'
};

}  // namespace zj::http
