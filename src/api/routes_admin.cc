// /api/admin: accounts, time-limited grants and the audit trail, for system administrators
// (api/auth/accounts.h does the work and audits it); /api/intake: accept pending proposals now.
#include "api/internal.h"
#include "domain/codes.h"
#include "storage/account_store.h"
#include "storage/audit_store.h"
#include "storage/dashboard_store.h"

namespace zj::api {
namespace {

using nlohmann::json;

json UserJson(const storage::UserRow& u) {
  auto role = auth::ParseRole(u.role);
  return {{"user_id", u.user_id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"org_id", u.org_id},
          {"role", u.role},
          {"role_label", role ? std::string(auth::RoleLabel(*role)) : ""},
          {"staff_id", u.staff_id},
          {"disabled", u.disabled},
          {"must_change_password", u.must_change_password},
          {"created_at", u.created_at}};
}

}  // namespace

void AddAdminRoutes(App::State& s) {
  App::State* st = &s;

  http::Route users{.method = "GET",
                    .pattern = "/api/admin/users",
                    .summary = "用户列表",
                    .tag = "admin",
                    .operation_id = "admin.users"};
  users.handler = [st](const http::Request& req) {
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto rows = storage::ListUsers(**db);
    if (!rows.ok()) return Fail(req, rows.status());
    json items = json::array();
    for (const auto& u : *rows) items.push_back(UserJson(u));
    return http::Response::Json({{"items", items}});
  };
  Add(s, std::move(users), auth::Action::kUserAdmin);

  http::Route orgs{
      .method = "GET",
      .pattern = "/api/admin/orgs",
      .summary = "机构列表（来自交换数据的机构表，平铺，含各机构的用户数；机构通过导入机构表维护）",
      .tag = "admin",
      .operation_id = "admin.orgs"};
  orgs.handler = [st](const http::Request& req) {
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto rows = storage::OrgsWithUserCounts(**db);
    if (!rows.ok()) return Fail(req, rows.status());
    json items = json::array();
    for (const auto& o : *rows) {
      items.push_back(
          {{"org_id", o.org.org_id},
           {"name", o.org.name},
           {"org_type", o.org.org_type},
           {"org_type_label",
            std::string(domain::kOrgType.LabelOf(o.org.org_type).value_or(o.org.org_type))},
           {"parent_id", o.org.parent_id.empty() ? json(nullptr) : json(o.org.parent_id)},
           {"region_code", o.org.region_code.empty() ? json(nullptr) : json(o.org.region_code)},
           {"stationed_at", o.org.stationed_at.empty() ? json(nullptr) : json(o.org.stationed_at)},
           {"users", o.users}});
    }
    return http::Response::Json({{"items", items}});
  };
  Add(s, std::move(orgs), auth::Action::kUserAdmin);

  http::Route create{.method = "POST",
                     .pattern = "/api/admin/users",
                     .summary = "新建用户（不给密码则生成一个，仅显示一次；首次登录须修改）",
                     .tag = "admin",
                     .operation_id = "admin.users.create",
                     .max_body = 16 * 1024};
  create.handler = [st](const http::Request& req) {
    auto body = BodyObject(req);
    if (!body.ok()) return Fail(req, body.status());
    auth::NewUser u;
    auto username = RequireString(*body, "username");
    auto name = RequireString(*body, "display_name");
    auto org = RequireString(*body, "org_id");
    auto role = RequireString(*body, "role");
    auto staff = OptString(*body, "staff_id");
    auto password = OptString(*body, "password");
    for (const Status& e : {username.status(), name.status(), org.status(), role.status(),
                            staff.status(), password.status()}) {
      if (!e.ok()) return Fail(req, e);
    }
    auto r = auth::ParseRole(*role);
    if (!r) return Fail(req, InvalidArgument("role：没有角色“" + *role + "”"));
    u.username = *username;
    u.display_name = *name;
    u.org_id = *org;
    u.role = *r;
    u.staff_id = *staff;
    if (!password->empty()) u.password = *password;
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto created = auth::CreateUser(**db, *st->clock, st->config.auth,
                                    auth::Actor::Of(CallerOf(req).principal, req.remote_addr(),
                                                    req.request_id()),
                                    u);
    if (!created.ok()) return Fail(req, created.status());
    return http::Response::Json(
        {{"user_id", created->user_id}, {"generated_password", created->password}}, 201);
  };
  Add(s, std::move(create), auth::Action::kUserAdmin);

  for (const auto& [verb, disabled, label] :
       {std::tuple{"disable", true, "停用用户（同时注销其全部会话）"},
        std::tuple{"enable", false, "启用用户"}}) {
    http::Route r{.method = "POST",
                  .pattern = std::string("/api/admin/users/{username}/") + verb,
                  .summary = label,
                  .tag = "admin",
                  .operation_id = std::string("admin.users.") + verb,
                  .max_body = 1024};
    const bool d = disabled;
    r.handler = [st, d](const http::Request& req) {
      auto username = req.PathString("username");
      if (!username.ok()) return Fail(req, username.status());
      auto db = st->Db();
      if (!db.ok()) return Fail(req, db.status());
      Status out = auth::SetUserDisabled(
          **db, *st->clock,
          auth::Actor::Of(CallerOf(req).principal, req.remote_addr(), req.request_id()),
          *username, d);
      if (!out.ok()) return Fail(req, out);
      return http::Response::Json({{"username", *username}, {"disabled", d}});
    };
    Add(s, std::move(r), auth::Action::kUserAdmin);
  }

  http::Route reset{.method = "POST",
                    .pattern = "/api/admin/users/{username}/reset-password",
                    .summary = "重置密码（不给密码则生成一个；注销其全部会话，首次登录须修改）",
                    .tag = "admin",
                    .operation_id = "admin.users.reset_password",
                    .max_body = 4096};
  reset.handler = [st](const http::Request& req) {
    auto username = req.PathString("username");
    if (!username.ok()) return Fail(req, username.status());
    auto body = BodyObject(req);
    if (!body.ok()) return Fail(req, body.status());
    auto password = OptString(*body, "password");
    if (!password.ok()) return Fail(req, password.status());
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto out = auth::ResetPassword(
        **db, *st->clock, st->config.auth,
        auth::Actor::Of(CallerOf(req).principal, req.remote_addr(), req.request_id()), *username,
        password->empty() ? std::nullopt : std::optional<std::string>(*password));
    if (!out.ok()) return Fail(req, out.status());
    return http::Response::Json({{"username", *username}, {"generated_password", *out}});
  };
  Add(s, std::move(reset), auth::Action::kUserAdmin);

  http::Route grants{.method = "GET",
                     .pattern = "/api/admin/grants",
                     .summary = "临时授权列表（跨区域巡回检察）",
                     .tag = "admin",
                     .operation_id = "admin.grants"};
  grants.handler = [st](const http::Request& req) {
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto rows = storage::ListGrants(**db, std::nullopt);
    if (!rows.ok()) return Fail(req, rows.status());
    const Timestamp now = st->clock->Now();
    json items = json::array();
    for (const auto& g : *rows) {
      items.push_back({{"grant_id", g.grant_id},
                       {"username", g.username},
                       {"org_id", g.org_id},
                       {"valid_from", FormatTimestamp(g.valid_from)},
                       {"valid_until", FormatTimestamp(g.valid_until)},
                       {"reason", g.reason},
                       {"granted_by", g.granted_by},
                       {"revoked", g.revoked_at.has_value()},
                       {"active", !g.revoked_at && g.valid_from <= now && now < g.valid_until}});
    }
    return http::Response::Json({{"items", items}});
  };
  Add(s, std::move(grants), auth::Action::kUserAdmin);

  http::Route grant{.method = "POST",
                    .pattern = "/api/admin/grants",
                    .summary = "新增临时授权（valid_from 至 valid_until 当日止，须写明巡回检察事由）",
                    .tag = "admin",
                    .operation_id = "admin.grants.create",
                    .max_body = 16 * 1024};
  grant.handler = [st](const http::Request& req) {
    auto body = BodyObject(req);
    if (!body.ok()) return Fail(req, body.status());
    auto username = RequireString(*body, "username");
    auto org = RequireString(*body, "org_id");
    auto reason = RequireString(*body, "reason");
    auto from = OptDate(*body, "valid_from");
    auto until = OptDate(*body, "valid_until");
    for (const Status& e : {username.status(), org.status(), reason.status(), from.status(),
                            until.status()}) {
      if (!e.ok()) return Fail(req, e);
    }
    if (!*until) return Fail(req, InvalidArgument("valid_until：必须填写截止日期"));
    auth::GrantRequest g;
    g.username = *username;
    g.org_id = *org;
    g.reason = *reason;
    g.valid_from = *from ? BeijingDayStart(**from) : st->clock->Now();
    g.valid_until = BeijingDayStart(**until + 1);  // through the whole last day
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto id = auth::AddGrant(
        **db, *st->clock,
        auth::Actor::Of(CallerOf(req).principal, req.remote_addr(), req.request_id()), g);
    if (!id.ok()) return Fail(req, id.status());
    return http::Response::Json({{"grant_id", *id}}, 201);
  };
  Add(s, std::move(grant), auth::Action::kUserAdmin);

  http::Route revoke{.method = "POST",
                     .pattern = "/api/admin/grants/{grant_id:int}/revoke",
                     .summary = "撤销临时授权",
                     .tag = "admin",
                     .operation_id = "admin.grants.revoke",
                     .max_body = 1024};
  revoke.handler = [st](const http::Request& req) {
    auto id = req.PathInt("grant_id");
    if (!id.ok()) return Fail(req, id.status());
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    Status out = auth::RevokeGrant(
        **db, *st->clock,
        auth::Actor::Of(CallerOf(req).principal, req.remote_addr(), req.request_id()), *id);
    if (!out.ok()) return Fail(req, out);
    return http::Response::Json({{"grant_id", *id}, {"revoked", true}});
  };
  Add(s, std::move(revoke), auth::Action::kUserAdmin);

  http::Route audit{.method = "GET",
                    .pattern = "/api/admin/audit",
                    .summary = "审计日志（按对象、用户、操作筛选，新的在前）",
                    .tag = "admin",
                    .operation_id = "admin.audit"};
  audit.handler = [st](const http::Request& req) {
    storage::AuditFilter f;
    f.object_type = req.Query("object_type").value_or("");
    f.object_id = req.Query("object_id").value_or("");
    f.username = req.Query("username").value_or("");
    f.action = req.Query("action").value_or("");
    auto limit = QueryLimit(req, 100, 1000);
    if (!limit.ok()) return Fail(req, limit.status());
    f.limit = *limit;
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto rows = storage::ListAudit(**db, f);
    if (!rows.ok()) return Fail(req, rows.status());
    json items = json::array();
    for (const auto& a : *rows) {
      items.push_back({{"seq", a.seq},
                       {"at", a.entry.at},
                       {"username", a.entry.username},
                       {"action", a.entry.action},
                       {"object_type", a.entry.object_type},
                       {"object_id", a.entry.object_id},
                       {"detail", ParseJsonColumn(a.entry.detail)},
                       {"request_id", a.entry.request_id},
                       {"ip", a.entry.ip}});
    }
    return http::Response::Json({{"items", items}});
  };
  Add(s, std::move(audit), auth::Action::kAuditView);

  http::Route verify{.method = "GET",
                     .pattern = "/api/admin/audit/verify",
                     .summary = "校验审计日志哈希链（expect_head=事先记录的链头哈希）",
                     .tag = "admin",
                     .operation_id = "admin.audit.verify"};
  verify.handler = [st](const http::Request& req) {
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    auto r = storage::VerifyAudit(**db, req.Query("expect_head").value_or(""));
    if (!r.ok()) return Fail(req, r.status());
    return http::Response::Json({{"intact", r->ok()},
                                 {"rows", r->rows},
                                 {"head_seq", r->head_seq},
                                 {"head_hash", r->head_hash},
                                 {"first_bad_seq", r->first_bad_seq},
                                 {"problem", r->problem}});
  };
  Add(s, std::move(verify), auth::Action::kAuditView);

  http::Route intake{.method = "POST",
                     .pattern = "/api/intake",
                     .summary = "受理待审查的减刑、假释、暂予监外执行提请，登记已到达的裁定",
                     .tag = "cases",
                     .operation_id = "intake.run",
                     .max_body = 1024};
  intake.handler = [st](const http::Request& req) {
    auto db = st->Db();
    if (!db.ok()) return Fail(req, db.status());
    workflow::Actor actor = ActorOf(req);
    actor.duties = workflow::Actor::AllDuties();  // the system's own acts, run on request
    auto r = workflow::Intake(**db, *st->clock, st->config.workflow, actor);
    if (!r.ok()) return Fail(req, r.status());
    return http::Response::Json(
        {{"accepted", r->accepted}, {"rulings", r->rulings}, {"problems", r->problems}});
  };
  Add(s, std::move(intake), auth::Action::kModelsRun);
}

}  // namespace zj::api
