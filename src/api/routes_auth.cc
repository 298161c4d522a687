// /api/auth: sign in and out, who am I, change my password.
#include "api/internal.h"
#include "storage/case_store.h"

namespace zj::api {
namespace {

using nlohmann::json;

json UserJson(App::State& s, const auth::Principal& p) {
  json perms = json::array();
  for (auth::Action a : auth::AllActions()) {
    if (auth::Can(p.role, a)) perms.push_back(std::string(auth::ActionCode(a)));
  }
  json j = {{"user_id", p.user_id},
            {"username", p.username},
            {"display_name", p.display_name},
            {"role", std::string(auth::RoleCode(p.role))},
            {"role_label", std::string(auth::RoleLabel(p.role))},
            {"org_id", p.org_id},
            {"org_name", ""},
            {"grant_org_ids", p.grant_org_ids},
            {"must_change_password", p.must_change_password},
            {"permissions", perms}};
  auto db = s.Db();
  if (db.ok()) {
    auto org = storage::GetOrg(**db, p.org_id);
    if (org.ok()) j["org_name"] = org->name;
  }
  return j;
}

http::Response WithSessionCookies(App::State& s, http::Response resp, const std::string& token,
                                  const std::string& csrf, std::optional<int64_t> max_age) {
  (void)resp.SetCookie({.name = std::string(auth::kSessionCookie),
                        .value = token,
                        .max_age = max_age,
                        .http_only = true,
                        .secure = s.config.secure_cookies});
  (void)resp.SetCookie({.name = std::string(auth::kCsrfCookie),
                        .value = csrf,
                        .max_age = max_age,
                        .http_only = false,
                        .secure = s.config.secure_cookies});
  return resp;
}

}  // namespace

void AddAuthRoutes(App::State& s) {
  App::State* st = &s;
  http::Route login{.method = "POST",
                    .pattern = "/api/auth/login",
                    .summary = "登录",
                    .tag = "auth",
                    .operation_id = "auth.login",
                    .auth = false,
                    .csrf = false,
                    .max_body = 4096};
  login.handler = [st](const http::Request& req) {
    auto body = BodyObject(req);
    if (!body.ok()) return Fail(req, body.status());
    auto username = RequireString(*body, "username");
    if (!username.ok()) return Fail(req, username.status());
    auto password = RequireString(*body, "password");
    if (!password.ok()) return Fail(req, password.status());
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto session = auth::Login(**db, *st->clock, st->config.auth, *username, *password,
                               req.remote_addr(), req.Cookie(auth::kSessionCookie).value_or(""),
                               req.request_id());
    if (!session.ok()) return Fail(req, session.status());
    json out = {{"user", UserJson(*st, session->principal)}, {"csrf_token", session->csrf_token}};
    return WithSessionCookies(*st, http::Response::Json(out), session->token, session->csrf_token,
                              std::nullopt);
  };
  Add(s, std::move(login), std::nullopt);

  http::Route logout{.method = "POST",
                     .pattern = "/api/auth/logout",
                     .summary = "退出登录",
                     .tag = "auth",
                     .operation_id = "auth.logout"};
  logout.handler = [st](const http::Request& req) {
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    Status out = auth::Logout(**db, *st->clock, req.Cookie(auth::kSessionCookie).value_or(""),
                              req.remote_addr(), req.request_id());
    if (!out.ok()) return Fail(req, out);
    return WithSessionCookies(*st, http::Response::Json({{"ok", true}}), "", "", 0);
  };
  Add(s, std::move(logout), std::nullopt);

  http::Route me{.method = "GET",
                 .pattern = "/api/auth/me",
                 .summary = "当前用户、角色与权限",
                 .tag = "auth",
                 .operation_id = "auth.me"};
  me.handler = [st](const http::Request& req) {
    return http::Response::Json(UserJson(*st, CallerOf(req).principal));
  };
  Add(s, std::move(me), std::nullopt);

  http::Route password{.method = "POST",
                       .pattern = "/api/auth/password",
                       .summary = "修改本人密码（之后须重新登录）",
                       .tag = "auth",
                       .operation_id = "auth.password",
                       .max_body = 4096};
  password.handler = [st](const http::Request& req) {
    auto body = BodyObject(req);
    if (!body.ok()) return Fail(req, body.status());
    auto current = RequireString(*body, "current_password");
    if (!current.ok()) return Fail(req, current.status());
    auto next = RequireString(*body, "new_password");
    if (!next.ok()) return Fail(req, next.status());
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    Status out = auth::ChangePassword(**db, *st->clock, st->config.auth, CallerOf(req).principal,
                                      *current, *next, req.remote_addr(), req.request_id());
    if (!out.ok()) return Fail(req, out);
    return WithSessionCookies(*st, http::Response::Json({{"ok", true}}), "", "", 0);
  };
  Add(s, std::move(password), std::nullopt);
}

}  // namespace zj::api
