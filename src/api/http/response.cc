#include "api/http/response.h"

#include <spdlog/spdlog.h>
#include <strings.h>

#include <algorithm>

#include "api/http/request.h"

namespace zj::http {
namespace {

constexpr char kJsonType[] = "application/json; charset=utf-8";

// RFC 7230 tchar.
bool IsTokenChar(unsigned char c) {
  if (c >= '0' && c <= '9') return true;
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

// RFC 6265 cookie-octet.
bool IsCookieOctet(unsigned char c) {
  return c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A) ||
         (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
}

// RFC 5987 attr-char.
bool IsAttrChar(unsigned char c) {
  if (c >= '0' && c <= '9') return true;
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
  return std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

bool IsAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

}  // namespace

Response Response::Json(const nlohmann::json& value, int status) {
  Response r;
  r.status = status;
  r.content_type = kJsonType;
  r.body = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

namespace internal {
Response ErrorResponse(std::string_view request_id, int status, std::string_view code,
                       std::string_view message, std::string_view field) {
  nlohmann::json error = {{"code", code}, {"message", message}, {"request_id", request_id}};
  if (!field.empty()) error["field"] = field;
  return Response::Json({{"error", std::move(error)}}, status);
}
}  // namespace internal

Response Response::Error(const Request& request, int status, std::string_view code,
                         std::string_view message, std::string_view field) {
  return internal::ErrorResponse(request.request_id(), status, code, message, field);
}

Response Response::FromStatus(const Request& request, const Status& status,
                              std::string_view field) {
  auto error = [&](int http, std::string_view code) {
    return Error(request, http, code, status.message(), field);
  };
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kDataLoss:
      return error(400, "bad_request");
    case StatusCode::kUnauthenticated:
      return error(401, "unauthenticated");
    case StatusCode::kPermissionDenied:
      return error(403, "forbidden");
    case StatusCode::kNotFound:
      return error(404, "not_found");
    case StatusCode::kAlreadyExists:
      return error(409, "already_exists");
    case StatusCode::kConflict:
    case StatusCode::kAborted:
      return error(409, "conflict");
    case StatusCode::kFailedPrecondition:
      return error(409, "failed_precondition");
    case StatusCode::kResourceExhausted:
      return error(429, "too_many_requests");
    case StatusCode::kUnimplemented:
      return error(501, "not_implemented");
    case StatusCode::kOk:
    case StatusCode::kInternal:
    case StatusCode::kIoError:
      break;
  }
  spdlog::error("请求 {} {} {} 失败：{}", request.request_id(), request.method(), request.path(),
                status.ok() ? "以成功状态作为错误返回" : status.ToString());
  return Error(request, 500, "internal",
               "服务器内部错误，请将请求编号 " + request.request_id() + " 告知系统管理员");
}

Response Response::File(std::string bytes, std::string_view content_type,
                        std::string_view filename) {
  Response r;
  r.content_type = std::string(content_type);
  r.body = std::move(bytes);
  r.headers.emplace_back("Content-Disposition", ContentDisposition(filename));
  return r;
}

Response& Response::SetHeader(std::string_view name, std::string value) {
  std::erase_if(headers, [&](const auto& h) {
    return h.first.size() == name.size() &&
           strncasecmp(h.first.data(), name.data(), name.size()) == 0;
  });
  headers.emplace_back(std::string(name), std::move(value));
  return *this;
}

Status Response::SetCookie(const SetCookieSpec& cookie) {
  ZJ_ASSIGN_OR_RETURN(std::string value, FormatSetCookie(cookie));
  headers.emplace_back("Set-Cookie", std::move(value));
  return Status::Ok();
}

Result<std::string> FormatSetCookie(const SetCookieSpec& c) {
  if (c.name.empty() || !std::all_of(c.name.begin(), c.name.end(), [](char ch) {
        return IsTokenChar(static_cast<unsigned char>(ch));
      })) {
    return InvalidArgument("Cookie 名称“" + c.name + "”含有不允许的字符");
  }
  if (!std::all_of(c.value.begin(), c.value.end(),
                   [](char ch) { return IsCookieOctet(static_cast<unsigned char>(ch)); })) {
    return InvalidArgument("Cookie " + c.name + " 的值含有不允许的字符");
  }
  if (c.path.empty() || c.path[0] != '/' || std::any_of(c.path.begin(), c.path.end(), [](char ch) {
        const auto u = static_cast<unsigned char>(ch);
        return u < 0x20 || u == 0x7F || u == ';';
      })) {
    return InvalidArgument("Cookie " + c.name + " 的 Path 无效");
  }
  if (c.max_age && *c.max_age < 0) return InvalidArgument("Cookie 的 Max-Age 不能为负数");
  std::string out = c.name + "=" + c.value + "; Path=" + c.path;
  if (c.max_age) out += "; Max-Age=" + std::to_string(*c.max_age);
  if (c.http_only) out += "; HttpOnly";
  if (c.secure) out += "; Secure";
  out += "; SameSite=Strict";
  return out;
}

std::string ContentDisposition(std::string_view filename) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string fallback;
  std::string encoded;
  bool replaced = false;  // the previous character went to '_' in the fallback
  for (const char ch : filename) {
    const auto c = static_cast<unsigned char>(ch);
    if (IsAttrChar(c)) {
      encoded += ch;
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0xF];
    }
    const bool plain = c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '/';
    if (plain) {
      fallback += ch;
      replaced = false;
    } else if (!replaced) {
      fallback += '_';
      replaced = true;
    }
  }
  const size_t dot = fallback.rfind('.');
  const std::string_view stem = std::string_view(fallback).substr(0, dot);
  if (std::none_of(stem.begin(), stem.end(),
                   [](char ch) { return IsAlnum(static_cast<unsigned char>(ch)); })) {
    std::string ext = dot == std::string::npos ? "" : fallback.substr(dot);
    if (std::none_of(ext.begin(), ext.end(),
                     [](char ch) { return IsAlnum(static_cast<unsigned char>(ch)); })) {
      ext.clear();
    }
    fallback = "download" + ext;
  }
  return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace zj::http
