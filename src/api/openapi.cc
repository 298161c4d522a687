#include "api/openapi.h"

#include <map>

#include "api/auth/accounts.h"

namespace zj::api {
namespace {

// YAML double-quoted scalar.
std::string Q(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// 201 for routes that create a record, 202 for those that start a background job.
const char* SuccessStatus(const std::string& op) {
  if (op == "cases.create" || op == "cases.upload_evidence") return "201";
  if (op == "model_runs.create" || op == "batches.upload") return "202";
  return "200";
}

bool Unsafe(const std::string& m) { return m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE"; }

}  // namespace

std::string OpenApiYaml(const std::vector<http::Route>& routes) {
  // path → routes, in first-declared order of paths.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const http::Route*>> by_path;
  for (const http::Route& r : routes) {
    auto p = http::PathPattern::Parse(r.pattern);
    const std::string path = p.ok() ? p->OpenApiPath() : r.pattern;
    if (!by_path.count(path)) order.push_back(path);
    by_path[path].push_back(&r);
  }
  std::string y;
  y += "# Generated from the route table (src/api/*.cc) by `zhijian serve --openapi`.\n";
  y += "# Do not edit by hand: api_test fails when this file and the routes differ.\n";
  y += "openapi: 3.0.3\n";
  y += "info:\n  title: " + Q("zhijian（执检）刑事执行检察监督平台接口") + "\n  version: \"1\"\n";
  y += "  description: " +
       Q("除登录外均须登录（Cookie zj_session）；POST/PUT/PATCH/DELETE 须在请求头 X-CSRF-Token "
         "中带登录时返回的防伪令牌。错误一律返回 {error: {code, message, request_id, field}}，"
         "message 为中文。另一管辖范围的记录一律返回 404。") +
       "\n";
  y += "servers:\n  - url: /\n";
  y += "paths:\n";
  for (const std::string& path : order) {
    y += "  " + path + ":\n";
    for (const http::Route* r : by_path[path]) {
      y += "    " + Lower(r->method) + ":\n";
      y += "      operationId: " + r->operation_id + "\n";
      y += "      summary: " + Q(r->summary) + "\n";
      y += "      tags: [" + r->tag + "]\n";
      if (!r->auth) y += "      security: []\n";
      auto p = http::PathPattern::Parse(r->pattern);
      bool params = false;
      auto begin_params = [&] {
        if (!params) y += "      parameters:\n";
        params = true;
      };
      if (p.ok()) {
        for (const auto& seg : p->segments()) {
          if (seg.kind == http::PathPattern::Kind::kLiteral) continue;
          begin_params();
          y += "        - name: " + seg.text + "\n          in: path\n          required: true\n";
          y += std::string("          schema: {type: ") +
               (seg.kind == http::PathPattern::Kind::kInt ? "integer" : "string") + "}\n";
        }
      }
      if (r->auth && r->csrf && Unsafe(r->method)) {
        begin_params();
        y += "        - $ref: '#/components/parameters/Csrf'\n";
      }
      if (Unsafe(r->method)) {
        y += "      requestBody:\n        required: true\n        content:\n";
        y += r->max_body > 1024 * 1024 ? "          application/octet-stream: {}\n"
                                       : "          application/json: {schema: {type: object}}\n";
      }
      y += "      responses:\n";
      y += std::string("        '") + SuccessStatus(r->operation_id) + "': {description: " +
           Q("成功") + "}\n";
      y += "        '400': {$ref: '#/components/responses/Error'}\n";
      y += "        '401': {$ref: '#/components/responses/Error'}\n";
      if (r->auth) {
        y += "        '403': {$ref: '#/components/responses/Error'}\n";
        y += "        '404': {$ref: '#/components/responses/Error'}\n";
      }
      if (Unsafe(r->method)) y += "        '409': {$ref: '#/components/responses/Error'}\n";
      if (!r->auth) y += "        '429': {$ref: '#/components/responses/Error'}\n";
    }
  }
  y += "components:\n";
  y += "  securitySchemes:\n    session:\n      type: apiKey\n      in: cookie\n      name: " +
       std::string(auth::kSessionCookie) + "\n";
  y += "  parameters:\n    Csrf:\n      name: " + std::string(auth::kCsrfHeader) +
       "\n      in: header\n      required: true\n      schema: {type: string}\n";
  y += "  responses:\n    Error:\n      description: " + Q("错误（中文说明）") +
       "\n      content:\n        application/json:\n          schema: {$ref: "
       "'#/components/schemas/Error'}\n";
  y += "  schemas:\n    Error:\n      type: object\n      properties:\n        error:\n"
       "          type: object\n          properties:\n            code: {type: string}\n"
       "            message: {type: string}\n            request_id: {type: string}\n"
       "            field: {type: string}\n";
  y += "security:\n  - session: []\n";
  return y;
}

}  // namespace zj::api
