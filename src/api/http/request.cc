#include "api/http/request.h"

#include <httplib.h>
#include <strings.h>

#include <algorithm>
#include <charconv>

namespace zj::http {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

// cpp-httplib stores the peer and local addresses among the headers under these names; a
// route must use remote_addr(), so they are never answered from the headers.
bool IsPseudoHeader(std::string_view name) {
  for (std::string_view p : {"REMOTE_ADDR", "REMOTE_PORT", "LOCAL_ADDR", "LOCAL_PORT"}) {
    if (EqualsIgnoreCase(name, p)) return true;
  }
  return false;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// 1-based line and column (in characters, not bytes) of byte offset `offset` of `text`.
std::pair<size_t, size_t> LineColumn(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  size_t line = 1;
  size_t column = 1;
  for (size_t i = 0; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
      ++column;
    }
  }
  return {line, column};
}

}  // namespace

Request::Request(const httplib::Request& raw, const Route& route, PathParams params,
                 std::string request_id, HeaderList headers)
    : raw_(raw),
      route_(&route),
      params_(std::move(params)),
      request_id_(std::move(request_id)),
      path_(std::string_view(raw.target).substr(0, raw.target.find('?'))),
      headers_(std::move(headers)) {
  std::vector<std::string> values;
  for (const auto& [name, value] : headers_) {
    if (EqualsIgnoreCase(name, "Cookie")) values.push_back(value);
  }
  cookies_ = ParseCookies(values);
}

const std::string& Request::method() const { return raw_.method; }
const std::string& Request::body() const { return raw_.body; }
const std::string& Request::remote_addr() const { return raw_.remote_addr; }

Result<std::string> Request::PathString(std::string_view name) const {
  for (const auto& [n, v] : params_) {
    if (n == name) return v;
  }
  return Internal("路由 " + route_->pattern + " 没有路径参数 " + std::string(name));
}

Result<int64_t> Request::PathInt(std::string_view name) const {
  ZJ_ASSIGN_OR_RETURN(const std::string text, PathString(name));
  int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return InvalidArgument("路径参数 " + std::string(name) + " 应为整数，收到的是“" + text + "”");
  }
  return value;
}

std::optional<std::string> Request::Query(std::string_view name) const {
  const auto it = raw_.params.find(std::string(name));
  if (it == raw_.params.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Request::QueryAll(std::string_view name) const {
  std::vector<std::string> out;
  const auto [begin, end] = raw_.params.equal_range(std::string(name));
  for (auto it = begin; it != end; ++it) out.push_back(it->second);
  return out;
}

std::optional<std::string> Request::Header(std::string_view name) const {
  if (IsPseudoHeader(name)) return std::nullopt;
  for (const auto& [n, v] : headers_) {
    if (EqualsIgnoreCase(n, name)) return v;
  }
  return std::nullopt;
}

std::optional<std::string> Request::Cookie(std::string_view name) const {
  for (const auto& [n, v] : cookies_) {
    if (n == name) return v;
  }
  return std::nullopt;
}

Result<nlohmann::json> Request::JsonBody() const {
  const std::string& body = raw_.body;
  if (std::all_of(body.begin(), body.end(),
                  [](char c) { return std::isspace(static_cast<unsigned char>(c)); })) {
    return InvalidArgument("请求内容为空，应为 JSON");
  }
  try {
    return nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is 1-based: the character at which the parser gave up.
    const auto [line, column] = LineColumn(body, e.byte == 0 ? 0 : e.byte - 1);
    return InvalidArgument("请求内容不是有效的 JSON：第 " + std::to_string(line) + " 行第 " +
                           std::to_string(column) + " 列附近");
  }
}

HeaderList ParseCookies(const std::vector<std::string>& header_values) {
  HeaderList out;
  for (const std::string& header : header_values) {
    std::string_view rest = header;
    while (!rest.empty()) {
      const size_t semi = rest.find(';');
      const std::string_view pair = Trim(rest.substr(0, semi));
      rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
      const size_t eq = pair.find('=');
      if (eq == std::string_view::npos) continue;
      const std::string_view name = Trim(pair.substr(0, eq));
      std::string_view value = Trim(pair.substr(eq + 1));
      if (name.empty()) continue;
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      out.emplace_back(std::string(name), std::string(value));
    }
  }
  return out;
}

HeaderList ParseHeaderFields(std::string_view head) {
  HeaderList out;
  bool request_line = true;
  while (!head.empty()) {
    const size_t nl = head.find('\n');
    std::string_view line = head.substr(0, nl);
    head = nl == std::string_view::npos ? std::string_view() : head.substr(nl + 1);
    if (request_line) {
      request_line = false;
      continue;
    }
    if (nl == std::string_view::npos || line.empty() || line.back() != '\r') continue;
    line.remove_suffix(1);
    if (line.empty()) break;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    out.emplace_back(std::string(line.substr(0, colon)), std::string(Trim(line.substr(colon + 1))));
  }
  return out;
}

}  // namespace zj::http
