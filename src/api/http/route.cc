#include "api/http/route.h"

#include <algorithm>

namespace zj::http {
namespace {

constexpr size_t kMaxIntDigits = 18;  // every such number fits int64_t

bool IsNameStart(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }
bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

int Rank(PathPattern::Kind kind) {
  switch (kind) {
    case PathPattern::Kind::kLiteral:
      return 2;
    case PathPattern::Kind::kInt:
      return 1;
    case PathPattern::Kind::kString:
      return 0;
  }
  return 0;
}

}  // namespace

Result<PathPattern> PathPattern::Parse(std::string_view pattern) {
  auto fail = [&](std::string_view why) {
    return InvalidArgument("路径模式“" + std::string(pattern) + "”无效：" + std::string(why));
  };
  if (pattern.empty() || pattern[0] != '/') return fail("应以 / 开头");
  PathPattern p;
  if (pattern == "/") {
    p.segments_.push_back({Kind::kLiteral, ""});
    return p;
  }
  std::vector<std::string> names;
  size_t pos = 1;
  while (pos <= pattern.size()) {
    size_t end = pattern.find('/', pos);
    if (end == std::string_view::npos) end = pattern.size();
    const std::string_view seg = pattern.substr(pos, end - pos);
    if (seg.empty()) return fail("含有空的路径段");
    if (seg.front() == '{') {
      if (seg.back() != '}') return fail("参数段应写成 {名称} 或 {名称:int}");
      std::string_view inner = seg.substr(1, seg.size() - 2);
      Kind kind = Kind::kString;
      if (const size_t colon = inner.find(':'); colon != std::string_view::npos) {
        const std::string_view type = inner.substr(colon + 1);
        if (type == "int") {
          kind = Kind::kInt;
        } else if (type != "str") {
          return fail("参数类型只能是 int 或 str");
        }
        inner = inner.substr(0, colon);
      }
      if (inner.empty() || !IsNameStart(inner[0]) ||
          !std::all_of(inner.begin(), inner.end(), IsNameChar)) {
        return fail("参数名应由小写字母、数字和下划线组成");
      }
      std::string name(inner);
      if (std::find(names.begin(), names.end(), name) != names.end()) {
        return fail("参数名“" + name + "”重复");
      }
      names.push_back(name);
      p.segments_.push_back({kind, std::move(name)});
    } else {
      if (seg.find_first_of("{}%") != std::string_view::npos) {
        return fail("普通路径段不能含有 { } %");
      }
      p.segments_.push_back({Kind::kLiteral, std::string(seg)});
    }
    pos = end + 1;
  }
  return p;
}

bool PathPattern::Match(std::span<const std::string> segments, PathParams* params) const {
  if (segments.size() != segments_.size()) return false;
  for (size_t i = 0; i < segments.size(); ++i) {
    const Segment& s = segments_[i];
    const std::string& v = segments[i];
    switch (s.kind) {
      case Kind::kLiteral:
        if (v != s.text) return false;
        break;
      case Kind::kInt:
        if (v.empty() || v.size() > kMaxIntDigits || !std::all_of(v.begin(), v.end(), IsDigit)) {
          return false;
        }
        break;
      case Kind::kString:
        if (v.empty()) return false;
        break;
    }
  }
  if (params != nullptr) {
    for (size_t i = 0; i < segments.size(); ++i) {
      if (segments_[i].kind != Kind::kLiteral) params->emplace_back(segments_[i].text, segments[i]);
    }
  }
  return true;
}

bool PathPattern::MoreSpecificThan(const PathPattern& other) const {
  const size_t n = std::min(segments_.size(), other.segments_.size());
  for (size_t i = 0; i < n; ++i) {
    const int a = Rank(segments_[i].kind);
    const int b = Rank(other.segments_[i].kind);
    if (a != b) return a > b;
  }
  return false;
}

std::string PathPattern::Shape() const {
  std::string out;
  for (const Segment& s : segments_) {
    out += '/';
    switch (s.kind) {
      case Kind::kLiteral:
        out += s.text;
        break;
      case Kind::kInt:
        out += "{:int}";
        break;
      case Kind::kString:
        out += "{}";
        break;
    }
  }
  return out;
}

std::string PathPattern::OpenApiPath() const {
  std::string out;
  for (const Segment& s : segments_) {
    out += '/';
    out += s.kind == Kind::kLiteral ? s.text : "{" + s.text + "}";
  }
  return out;
}

Result<std::vector<std::string>> SplitPath(std::string_view raw_path) {
  if (raw_path.empty() || raw_path[0] != '/') return InvalidArgument("请求地址应以 / 开头");
  std::vector<std::string> segments(1);
  for (size_t i = 1; i < raw_path.size(); ++i) {
    const char c = raw_path[i];
    if (c == '/') {
      segments.emplace_back();
    } else if (c == '%') {
      const int hi = i + 2 < raw_path.size() ? HexValue(raw_path[i + 1]) : -1;
      const int lo = hi >= 0 ? HexValue(raw_path[i + 2]) : -1;
      if (lo < 0) return InvalidArgument("请求地址含有不完整的 % 转义");
      const char decoded = static_cast<char>(hi * 16 + lo);
      if (decoded == '\0') return InvalidArgument("请求地址含有空字符");
      segments.back() += decoded;
      i += 2;
    } else {
      segments.back() += c;
    }
  }
  return segments;
}

}  // namespace zj::http
