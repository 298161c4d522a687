#include "api/http/static_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

namespace zj::http {
namespace {

namespace fs = std::filesystem;

constexpr char kAssetCache[] = "public, max-age=31536000, immutable";
constexpr char kRevalidate[] = "no-cache";

Status NotFoundStatus() { return NotFound("页面或文件不存在"); }

bool SafeSegment(const std::string& s) {
  if (s.empty() || s[0] == '.') return false;
  return std::none_of(s.begin(), s.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c < 0x20 || c == 0x7F || c == '\\' || c == '%';
  });
}

bool HasExtension(const std::string& segment) { return segment.find('.') != std::string::npos; }

}  // namespace

Result<StaticFiles> StaticFiles::Open(const std::string& root) {
  std::error_code ec;
  const fs::path canonical = fs::canonical(root, ec);
  if (ec || !fs::is_directory(canonical, ec)) {
    return NotFound("网页文件目录不存在或无法访问：" + root);
  }
  StaticFiles s;
  s.root_ = canonical.string();
  while (s.root_.size() > 1 && s.root_.back() == '/') s.root_.pop_back();
  return s;
}

Result<StaticFiles::File> StaticFiles::Serve(std::span<const std::string> segments) const {
  if (segments.empty()) return NotFoundStatus();
  const bool page = segments.back().empty();  // "/" or "/clues/"
  const std::span<const std::string> named = page ? segments.first(segments.size() - 1) : segments;
  if (!std::all_of(named.begin(), named.end(), SafeSegment)) return NotFoundStatus();

  if (!named.empty()) {
    fs::path candidate(root_);
    for (const std::string& s : named) candidate /= s;
    std::error_code ec;
    const fs::path resolved = fs::canonical(candidate, ec);
    if (!ec) {
      const std::string r = resolved.string();
      const bool inside = r.size() > root_.size() && r.compare(0, root_.size(), root_) == 0 &&
                          r[root_.size()] == '/';
      if (!inside) return NotFoundStatus();  // a symlink leading out: never followed
      if (!page && fs::is_regular_file(resolved, ec)) return Read(r, named.front() == "assets");
    }
    if (HasExtension(named.back())) return NotFoundStatus();
  }
  return Read(root_ + "/index.html", false);
}

Result<StaticFiles::File> StaticFiles::Read(const std::string& path, bool is_asset) const {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundStatus();
  File f;
  f.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return NotFoundStatus();
  f.content_type = std::string(MimeType(path));
  f.cache_control = is_asset ? kAssetCache : kRevalidate;
  return f;
}

std::string_view StaticFiles::MimeType(std::string_view filename) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {"html", "text/html; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"json", "application/json; charset=utf-8"},
      {"map", "application/json; charset=utf-8"},
      {"svg", "image/svg+xml"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"ico", "image/x-icon"},
      {"woff2", "font/woff2"},
      {"woff", "font/woff"},
      {"ttf", "font/ttf"},
      {"txt", "text/plain; charset=utf-8"},
      {"wasm", "application/wasm"},
  };
  const size_t dot = filename.rfind('.');
  const size_t slash = filename.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return "application/octet-stream";
  }
  std::string ext(filename.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& [e, type] : kTypes) {
    if (e == ext) return type;
  }
  return "application/octet-stream";
}

}  // namespace zj::http
