#include "api/auth/accounts.h"

#include <sodium.h>

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <utility>

#include "common/sha256.h"
#include "storage/account_store.h"
#include "storage/audit_store.h"

namespace zj::auth {
namespace {

using storage::AuditEntry;
using storage::Database;
using storage::Transaction;
using storage::UserRow;

constexpr std::string_view kBadCredentials = "用户名或密码错误";
constexpr std::string_view kDisabled = "账号已停用，请联系系统管理员";

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

int64_t MinutesLeft(Timestamp until, Timestamp now) { return (until - now + 59) / 60; }

// A hash of a random password made with `params`, so that an unknown username costs one
// verification like a known one. Computed once per parameter set.
std::string DummyHash(const HashParams& params) {
  static std::mutex mu;
  static std::map<std::pair<unsigned long long, size_t>, std::string> cache;
  std::lock_guard<std::mutex> lock(mu);
  std::string& h = cache[{params.opslimit, params.memlimit}];
  if (h.empty()) {
    auto made = HashPassword(RandomToken(), params);
    if (made.ok()) h = *made;
  }
  return h;
}

AuditEntry Entry(Timestamp at, std::string action, std::string_view ip,
                 std::string_view request_id) {
  AuditEntry e;
  e.at = at;
  e.action = std::move(action);
  e.ip = std::string(ip);
  e.request_id = std::string(request_id);
  return e;
}

AuditEntry EntryBy(const Actor& a, Timestamp at, std::string action) {
  AuditEntry e = Entry(at, std::move(action), a.ip, a.request_id);
  e.user_id = a.user_id;
  e.username = a.username;
  return e;
}

Status Authorize(const Actor& a) {
  if (a.role && !Can(*a.role, Action::kUserAdmin)) {
    return PermissionDenied("无权管理用户账号与授权，此操作需系统管理员进行");
  }
  return Status::Ok();
}

Result<UserRow> RequireUser(Database& db, std::string_view username) {
  ZJ_ASSIGN_OR_RETURN(std::optional<UserRow> u, storage::FindUser(db, Lower(username)));
  if (!u) return NotFound("没有用户 " + std::string(username));
  return *u;
}

// ---- throttling ------------------------------------------------------------------------------

// Why a sign-in is refused before the password is even looked at, if it is.
struct Refusal {
  std::string outcome;  // ip_locked | user_locked
  Status status;
};

Result<std::optional<Refusal>> LockedOut(Database& db, std::string_view username,
                                         std::string_view ip, Timestamp now) {
  ZJ_ASSIGN_OR_RETURN(storage::LoginLock by_ip, storage::GetLoginLock(db, "ip", ip));
  if (by_ip.locked_until && *by_ip.locked_until > now) {
    return std::optional<Refusal>(Refusal{
        "ip_locked",
        ResourceExhausted("本机登录失败次数过多，已暂停登录，请 " +
                          std::to_string(MinutesLeft(*by_ip.locked_until, now)) + " 分钟后再试")});
  }
  ZJ_ASSIGN_OR_RETURN(storage::LoginLock by_user, storage::GetLoginLock(db, "user", username));
  if (by_user.locked_until && *by_user.locked_until > now) {
    return std::optional<Refusal>(Refusal{
        "user_locked", ResourceExhausted("该账号连续登录失败次数过多，已暂时锁定，请 " +
                                         std::to_string(MinutesLeft(*by_user.locked_until, now)) +
                                         " 分钟后再试")});
  }
  return std::optional<Refusal>();
}

// Inside the write transaction: records a failed attempt, counts it against the username
// (bad credentials only) and the IP, audits it and commits. Returns `answer` once committed.
Status FailLogin(Database& db, Transaction& txn, const Options& opts, Timestamp now,
                 std::string_view username, const std::optional<UserRow>& user, std::string_view ip,
                 std::string_view request_id, std::string_view outcome, Status answer) {
  ZJ_RETURN_IF_ERROR(storage::RecordLoginAttempt(db, now, username, ip, outcome));
  if (outcome == "bad_credentials") {
    ZJ_ASSIGN_OR_RETURN(storage::LoginLock lock, storage::GetLoginLock(db, "user", username));
    if (++lock.failures >= opts.user_max_failures) {
      lock.failures = 0;
      lock.locked_until = now + opts.user_lock;
    }
    ZJ_RETURN_IF_ERROR(storage::PutLoginLock(db, "user", username, lock));
  }
  if (outcome == "bad_credentials" || outcome == "user_locked") {
    ZJ_ASSIGN_OR_RETURN(int64_t failures,
                        storage::CountFailedLogins(db, ip, now - opts.ip_window + 1));
    if (failures >= opts.ip_max_failures) {
      ZJ_RETURN_IF_ERROR(storage::PutLoginLock(db, "ip", ip, {0, now + opts.ip_lock}));
    }
  }
  AuditEntry e = Entry(now, "login_failed", ip, request_id);
  if (user) {
    e.object_type = "user";
    e.object_id = std::to_string(user->user_id);
  }
  e.detail = nlohmann::json{{"username", username}, {"reason", outcome}}.dump();
  ZJ_RETURN_IF_ERROR(storage::AppendAudit(db, e).status());
  ZJ_RETURN_IF_ERROR(txn.Commit());
  return answer;
}

Result<Principal> PrincipalOf(Database& db, const UserRow& u, Timestamp now) {
  std::optional<Role> role = ParseRole(u.role);
  if (!role) return Internal("用户 " + u.username + " 的角色代码无效：" + u.role);
  Principal p;
  p.user_id = u.user_id;
  p.username = u.username;
  p.display_name = u.display_name;
  p.role = *role;
  p.org_id = u.org_id;
  p.must_change_password = u.must_change_password;
  p.staff_id = u.staff_id;
  ZJ_ASSIGN_OR_RETURN(p.grant_org_ids, storage::ActiveGrantOrgs(db, u.user_id, now));
  return p;
}

Status CheckUsername(std::string_view username) {
  bool ok = username.size() >= 3 && username.size() <= 32;
  for (char c : username) {
    ok = ok &&
         ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-');
  }
  if (!ok) {
    return InvalidArgument("用户名应为 3 至 32 位的字母、数字或 . _ -：" + std::string(username));
  }
  return Status::Ok();
}

bool IsProcuratorate(std::string_view org_type) {
  for (std::string_view t :
       {"spp", "prov_proc", "city_proc", "county_proc", "dispatched_proc", "resident_office"}) {
    if (org_type == t) return true;
  }
  return false;
}

}  // namespace

// ---- sign-in and sessions ----------------------------------------------------------------

Result<NewSession> Login(Database& db, const Clock& clock, const Options& opts,
                         std::string_view username_in, std::string_view password,
                         std::string_view ip, std::string_view presented_token,
                         std::string_view request_id) {
  const std::string username = Lower(username_in);
  const Timestamp now = clock.Now();
  // Refused before the (slow) password check; checked again under the write lock.
  ZJ_ASSIGN_OR_RETURN(std::optional<Refusal> refusal, LockedOut(db, username, ip, now));
  ZJ_ASSIGN_OR_RETURN(std::optional<UserRow> user, storage::FindUser(db, username));
  bool match = false;
  std::string rehash;
  if (!refusal) {
    // An unknown username still costs one verification, against a dummy hash.
    match = VerifyPassword(user ? user->password_hash : DummyHash(opts.hash), password) &&
            user.has_value();
    if (match && NeedsRehash(user->password_hash, opts.hash)) {
      ZJ_ASSIGN_OR_RETURN(rehash, HashPassword(password, opts.hash));
    }
  }

  Transaction txn(db);
  ZJ_RETURN_IF_ERROR(txn.BeginWrite());
  if (!refusal) {
    ZJ_ASSIGN_OR_RETURN(refusal, LockedOut(db, username, ip, now));
  }
  if (refusal) {
    return FailLogin(db, txn, opts, now, username, user, ip, request_id, refusal->outcome,
                     refusal->status);
  }
  ZJ_ASSIGN_OR_RETURN(std::optional<UserRow> current, storage::FindUser(db, username));
  if (current.has_value() != user.has_value() ||
      (current && current->password_hash != user->password_hash)) {
    return Aborted("账号信息刚刚发生变化，请重新登录");
  }
  if (!match) {
    return FailLogin(db, txn, opts, now, username, user, ip, request_id, "bad_credentials",
                     Unauthenticated(std::string(kBadCredentials)));
  }
  if (user->disabled) {
    return FailLogin(db, txn, opts, now, username, user, ip, request_id, "disabled",
                     Unauthenticated(std::string(kDisabled)));
  }

  ZJ_RETURN_IF_ERROR(storage::ClearLoginLock(db, "user", username));
  ZJ_RETURN_IF_ERROR(storage::RecordLoginAttempt(db, now, username, ip, "ok"));
  if (!rehash.empty()) {
    ZJ_RETURN_IF_ERROR(storage::ReplacePasswordHash(db, user->user_id, rehash));
  }
  std::optional<int64_t> revoked;
  if (!presented_token.empty()) {
    ZJ_ASSIGN_OR_RETURN(std::optional<storage::SessionRow> old,
                        storage::FindSession(db, Sha256::Of(presented_token)));
    if (old) {
      ZJ_ASSIGN_OR_RETURN(bool changed, storage::RevokeSession(db, old->session_id, now, "login"));
      if (changed) revoked = old->session_id;
    }
  }
  NewSession out;
  out.token = RandomToken(32);
  out.csrf_token = RandomToken(32);
  out.expires_at = now + opts.absolute_lifetime;
  storage::SessionRow s{.token_hash = Sha256::Of(out.token),
                        .csrf_hash = Sha256::Of(out.csrf_token),
                        .user_id = user->user_id,
                        .ip = std::string(ip),
                        .created_at = now,
                        .last_seen_at = now,
                        .expires_at = out.expires_at};
  ZJ_ASSIGN_OR_RETURN(s.session_id, storage::InsertSession(db, s));
  ZJ_ASSIGN_OR_RETURN(out.principal, PrincipalOf(db, *user, now));
  out.principal.session_id = s.session_id;
  out.principal.csrf_hash = s.csrf_hash;

  AuditEntry e = Entry(now, "login", ip, request_id);
  e.user_id = user->user_id;
  e.username = user->username;
  e.object_type = "user";
  e.object_id = std::to_string(user->user_id);
  nlohmann::json detail = {{"session_id", s.session_id}, {"rehashed", !rehash.empty()}};
  if (revoked) detail["revoked_session_id"] = *revoked;
  e.detail = detail.dump();
  ZJ_RETURN_IF_ERROR(storage::AppendAudit(db, e).status());
  ZJ_RETURN_IF_ERROR(txn.Commit());
  return out;
}

Status Logout(Database& db, const Clock& clock, std::string_view token, std::string_view ip,
              std::string_view request_id) {
  if (token.empty()) return Status::Ok();
  const Timestamp now = clock.Now();
  Transaction txn(db);
  ZJ_RETURN_IF_ERROR(txn.BeginWrite());
  ZJ_ASSIGN_OR_RETURN(std::optional<storage::SessionRow> s,
                      storage::FindSession(db, Sha256::Of(token)));
  if (!s || s->revoked_at) return Status::Ok();
  ZJ_ASSIGN_OR_RETURN(std::optional<UserRow> user, storage::FindUserById(db, s->user_id));
  ZJ_RETURN_IF_ERROR(storage::RevokeSession(db, s->session_id, now, "logout").status());
  AuditEntry e = Entry(now, "logout", ip, request_id);
  e.user_id = s->user_id;
  if (user) e.username = user->username;
  e.object_type = "user";
  e.object_id = std::to_string(s->user_id);
  e.detail = nlohmann::json{{"session_id", s->session_id}}.dump();
  ZJ_RETURN_IF_ERROR(storage::AppendAudit(db, e).status());
  return txn.Commit();
}

Result<Principal> Authenticate(Database& db, const Clock& clock, const Options& opts,
                               std::string_view token) {
  if (token.empty()) return Unauthenticated("请先登录");
  const Timestamp now = clock.Now();
  ZJ_ASSIGN_OR_RETURN(std::optional<storage::SessionRow> s,
                      storage::FindSession(db, Sha256::Of(token)));
  if (!s || s->revoked_at) return Unauthenticated("登录已失效，请重新登录");
  if (now >= s->expires_at) {
    return Unauthenticated("登录已超过 " + std::to_string(opts.absolute_lifetime / 3600) +
                           " 小时，请重新登录");
  }
  if (now - s->last_seen_at >= opts.idle_timeout) {
    return Unauthenticated("超过 " + std::to_string(opts.idle_timeout / 60) +
                           " 分钟未操作，登录已失效，请重新登录");
  }
  ZJ_ASSIGN_OR_RETURN(std::optional<UserRow> user, storage::FindUserById(db, s->user_id));
  if (!user || user->disabled) return Unauthenticated(std::string(kDisabled));
  if (now - s->last_seen_at >= opts.touch_interval) {
    // A store kept busy by a long import (kAborted after the busy timeout) must not sign
    // everyone out: the session stays valid, its idle clock is moved at a later request.
    Status touched = storage::TouchSession(db, s->session_id, now);
    if (!touched.ok() && touched.code() != StatusCode::kAborted) return touched;
  }
  ZJ_ASSIGN_OR_RETURN(Principal p, PrincipalOf(db, *user, now));
  p.session_id = s->session_id;
  p.csrf_hash = s->csrf_hash;
  return p;
}

Status CheckCsrf(const Principal& principal, std::string_view header) {
  if (header.empty()) {
    return PermissionDenied("请求缺少防伪令牌（X-CSRF-Token），请刷新页面后重试");
  }
  const std::string h = Sha256::Of(header);
  if (principal.csrf_hash.size() != h.size() ||
      sodium_memcmp(h.data(), principal.csrf_hash.data(), h.size()) != 0) {
    return PermissionDenied("防伪令牌（X-CSRF-Token）与本次登录不符，请刷新页面后重试");
  }
  return Status::Ok();
}

Status ChangePassword(Database& db, const Clock& clock, const Options& opts,
                      const Principal& principal, std::string_view current_password,
                      std::string_view new_password, std::string_view ip,
                      std::string_view request_id) {
  ZJ_ASSIGN_OR_RETURN(std::optional<UserRow> user, storage::FindUserById(db, principal.user_id));
  if (!user) return NotFound("没有该用户");
  if (!VerifyPassword(user->password_hash, current_password)) {
    return InvalidArgument("原密码不正确");
  }
  if (new_password == current_password) return InvalidArgument("新密码不能与原密码相同");
  ZJ_RETURN_IF_ERROR(CheckPasswordPolicy(user->username, new_password));
  ZJ_ASSIGN_OR_RETURN(std::string hash, HashPassword(new_password, opts.hash));
  const Timestamp now = clock.Now();
  Transaction txn(db);
  ZJ_RETURN_IF_ERROR(txn.BeginWrite());
  ZJ_ASSIGN_OR_RETURN(std::optional<UserRow> current, storage::FindUserById(db, user->user_id));
  if (!current || current->password_hash != user->password_hash) {
    return Aborted("密码刚刚被修改过，请重新登录后再试");
  }
  ZJ_RETURN_IF_ERROR(storage::SetPassword(db, user->user_id, hash, false, now));
  ZJ_ASSIGN_OR_RETURN(int64_t revoked,
                      storage::RevokeUserSessions(db, user->user_id, now, "password"));
  AuditEntry e = Entry(now, "password_change", ip, request_id);
  e.user_id = user->user_id;
  e.username = user->username;
  e.object_type = "user";
  e.object_id = std::to_string(user->user_id);
  e.detail = nlohmann::json{{"sessions_revoked", revoked}}.dump();
  ZJ_RETURN_IF_ERROR(storage::AppendAudit(db, e).status());
  return txn.Commit();
}

// ---- administration ----------------------------------------------------------------------

Actor Actor::Cli() { return Actor{.username = "cli"}; }

Actor Actor::Of(const Principal& p, std::string ip, std::string request_id) {
  return Actor{.user_id = p.user_id,
               .username = p.username,
               .role = p.role,
               .ip = std::move(ip),
               .request_id = std::move(request_id)};
}

Result<CreatedUser> CreateUser(Database& db, const Clock& clock, const Options& opts,
                               const Actor& actor, const NewUser& in) {
  ZJ_RETURN_IF_ERROR(Authorize(actor));
  const std::string username = Lower(in.username);
  ZJ_RETURN_IF_ERROR(CheckUsername(username));
  if (in.display_name.empty()) return InvalidArgument("姓名不能为空");
  ZJ_ASSIGN_OR_RETURN(std::optional<storage::OrgRef> org, storage::FindOrg(db, in.org_id));
  if (!org) {
    return InvalidArgument("机构表中没有机构 " + in.org_id + "，请核对机构编号或先导入机构数据");
  }
  if (!IsProcuratorate(org->org_type)) {
    return InvalidArgument("机构 " + in.org_id + "（" + org->name +
                           "）不是检察机关：用户只能属于检察院或派驻检察室");
  }
  CreatedUser out;
  std::string password;
  if (in.password) {
    ZJ_RETURN_IF_ERROR(CheckPasswordPolicy(username, *in.password));
    password = *in.password;
  } else {
    password = out.password = GeneratePassword(username);
  }
  ZJ_ASSIGN_OR_RETURN(std::string hash, HashPassword(password, opts.hash));
  const Timestamp now = clock.Now();
  Transaction txn(db);
  ZJ_RETURN_IF_ERROR(txn.BeginWrite());
  storage::UserRow row{.username = username,
                       .display_name = in.display_name,
                       .org_id = in.org_id,
                       .role = std::string(RoleCode(in.role)),
                       .staff_id = in.staff_id,
                       .password_hash = hash,
                       .must_change_password = true,
                       .disabled = false,
                       .password_changed_at = now,
                       .created_at = now,
                       .updated_at = now};
  ZJ_ASSIGN_OR_RETURN(out.user_id, storage::InsertUser(db, row));
  AuditEntry e = EntryBy(actor, now, "user_create");
  e.object_type = "user";
  e.object_id = std::to_string(out.user_id);
  e.detail =
      nlohmann::json{{"username", username},    {"display_name", in.display_name},
                     {"org_id", in.org_id},     {"role", RoleCode(in.role)},
                     {"staff_id", in.staff_id}, {"password", in.password ? "set" : "generated"}}
          .dump();
  ZJ_RETURN_IF_ERROR(storage::AppendAudit(db, e).status());
  ZJ_RETURN_IF_ERROR(txn.Commit());
  return out;
}

Status SetUserDisabled(Database& db, const Clock& clock, const Actor& actor,
                       std::string_view username, bool disabled) {
  ZJ_RETURN_IF_ERROR(Authorize(actor));
  const Timestamp now = clock.Now();
  Transaction txn(db);
  ZJ_RETURN_IF_ERROR(txn.BeginWrite());
  ZJ_ASSIGN_OR_RETURN(UserRow user, RequireUser(db, username));
  if (disabled && actor.user_id == user.user_id) {
    return FailedPrecondition("不能停用自己的账号");
  }
  if (user.disabled == disabled) return Status::Ok();
  ZJ_RETURN_IF_ERROR(storage::SetDisabled(db, user.user_id, disabled, now));
  int64_t revoked = 0;
  if (disabled) {
    ZJ_ASSIGN_OR_RETURN(revoked, storage::RevokeUserSessions(db, user.user_id, now, "disabled"));
  }
  AuditEntry e = EntryBy(actor, now, disabled ? "user_disable" : "user_enable");
  e.object_type = "user";
  e.object_id = std::to_string(user.user_id);
  e.detail = nlohmann::json{{"username", user.username}, {"sessions_revoked", revoked}}.dump();
  ZJ_RETURN_IF_ERROR(storage::AppendAudit(db, e).status());
  return txn.Commit();
}

Result<std::string> ResetPassword(Database& db, const Clock& clock, const Options& opts,
                                  const Actor& actor, std::string_view username,
                                  std::optional<std::string> password) {
  ZJ_RETURN_IF_ERROR(Authorize(actor));
  ZJ_ASSIGN_OR_RETURN(UserRow user, RequireUser(db, username));
  std::string generated;
  if (password) {
    ZJ_RETURN_IF_ERROR(CheckPasswordPolicy(user.username, *password));
  } else {
    generated = GeneratePassword(user.username);
  }
  ZJ_ASSIGN_OR_RETURN(std::string hash, HashPassword(password ? *password : generated, opts.hash));
  const Timestamp now = clock.Now();
  Transaction txn(db);
  ZJ_RETURN_IF_ERROR(txn.BeginWrite());
  ZJ_RETURN_IF_ERROR(RequireUser(db, username).status());
  ZJ_RETURN_IF_ERROR(storage::SetPassword(db, user.user_id, hash, true, now));
  ZJ_ASSIGN_OR_RETURN(int64_t revoked, storage::RevokeUserSessions(db, user.user_id, now, "reset"));
  ZJ_RETURN_IF_ERROR(storage::ClearLoginLock(db, "user", user.username));
  AuditEntry e = EntryBy(actor, now, "password_reset");
  e.object_type = "user";
  e.object_id = std::to_string(user.user_id);
  e.detail = nlohmann::json{
      {"username", user.username},
      {"password", password ? "set" : "generated"},
      {"sessions_revoked",
       revoked}}.dump();
  ZJ_RETURN_IF_ERROR(storage::AppendAudit(db, e).status());
  ZJ_RETURN_IF_ERROR(txn.Commit());
  return generated;
}

Result<int64_t> AddGrant(Database& db, const Clock& clock, const Actor& actor,
                         const GrantRequest& g) {
  ZJ_RETURN_IF_ERROR(Authorize(actor));
  const Timestamp now = clock.Now();
  if (g.reason.empty()) return InvalidArgument("请写明授权事由（如巡回检察任务）");
  if (g.valid_until <= g.valid_from) return InvalidArgument("授权截止时间须晚于起始时间");
  if (g.valid_until <= now) return InvalidArgument("授权截止时间已过");
  Transaction txn(db);
  ZJ_RETURN_IF_ERROR(txn.BeginWrite());
  ZJ_ASSIGN_OR_RETURN(UserRow user, RequireUser(db, g.username));
  ZJ_ASSIGN_OR_RETURN(std::optional<storage::OrgRef> org, storage::FindOrg(db, g.org_id));
  if (!org) return InvalidArgument("机构表中没有机构 " + g.org_id + "，请核对机构编号");
  storage::GrantRow row{.user_id = user.user_id,
                        .org_id = g.org_id,
                        .valid_from = g.valid_from,
                        .valid_until = g.valid_until,
                        .reason = g.reason,
                        .granted_by = actor.username,
                        .granted_at = now};
  ZJ_ASSIGN_OR_RETURN(int64_t id, storage::InsertGrant(db, row));
  AuditEntry e = EntryBy(actor, now, "grant_add");
  e.object_type = "grant";
  e.object_id = std::to_string(id);
  e.detail = nlohmann::json{{"user_id", user.user_id},      {"username", user.username},
                            {"org_id", g.org_id},           {"valid_from", g.valid_from},
                            {"valid_until", g.valid_until}, {"reason", g.reason}}
                 .dump();
  ZJ_RETURN_IF_ERROR(storage::AppendAudit(db, e).status());
  ZJ_RETURN_IF_ERROR(txn.Commit());
  return id;
}

Status RevokeGrant(Database& db, const Clock& clock, const Actor& actor, int64_t grant_id) {
  ZJ_RETURN_IF_ERROR(Authorize(actor));
  const Timestamp now = clock.Now();
  Transaction txn(db);
  ZJ_RETURN_IF_ERROR(txn.BeginWrite());
  ZJ_ASSIGN_OR_RETURN(std::optional<storage::GrantRow> g, storage::FindGrant(db, grant_id));
  if (!g) return NotFound("没有授权 #" + std::to_string(grant_id));
  if (g->revoked_at) {
    return FailedPrecondition("授权 #" + std::to_string(grant_id) + " 已于 " +
                              FormatTimestamp(*g->revoked_at) + " 撤销");
  }
  ZJ_RETURN_IF_ERROR(storage::RevokeGrantRow(db, grant_id, now, actor.username).status());
  AuditEntry e = EntryBy(actor, now, "grant_revoke");
  e.object_type = "grant";
  e.object_id = std::to_string(grant_id);
  e.detail =
      nlohmann::json{{"user_id", g->user_id}, {"username", g->username}, {"org_id", g->org_id}}
          .dump();
  ZJ_RETURN_IF_ERROR(storage::AppendAudit(db, e).status());
  return txn.Commit();
}

}  // namespace zj::auth
