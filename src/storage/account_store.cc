#include "storage/account_store.h"

#include <nlohmann/json.hpp>

#include "storage/sql_internal.h"

namespace zj::storage {
namespace {

void BindOptText(Statement& st, int i, std::string_view s) {
  if (s.empty()) {
    st.BindNull(i);
  } else {
    st.BindText(i, s);
  }
}

void BindOptInt(Statement& st, int i, const std::optional<int64_t>& v) {
  if (v) {
    st.BindInt(i, *v);
  } else {
    st.BindNull(i);
  }
}

std::string Text(const Statement& st, int col) { return std::string(st.ColumnText(col)); }

std::optional<int64_t> OptInt(const Statement& st, int col) {
  return st.IsNull(col) ? std::nullopt : std::optional<int64_t>(st.ColumnInt(col));
}

// Runs `st` to the end and returns the rows `read` makes of it.
template <typename T, typename F>
Result<std::vector<T>> Rows(Statement& st, F read) {
  std::vector<T> out;
  while (true) {
    ZJ_ASSIGN_OR_RETURN(bool more, st.Step());
    if (!more) return out;
    out.push_back(read(st));
  }
}

template <typename T, typename F>
Result<std::optional<T>> OneRow(Statement& st, F read) {
  ZJ_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) return std::optional<T>();
  return std::optional<T>(read(st));
}

constexpr std::string_view kUserColumns =
    "user_id, username, display_name, org_id, role, staff_id, password_hash, "
    "must_change_password, disabled, password_changed_at, created_at, updated_at";

UserRow ReadUser(const Statement& st) {
  UserRow u;
  u.user_id = st.ColumnInt(0);
  u.username = Text(st, 1);
  u.display_name = Text(st, 2);
  u.org_id = Text(st, 3);
  u.role = Text(st, 4);
  u.staff_id = Text(st, 5);
  u.password_hash = Text(st, 6);
  u.must_change_password = st.ColumnInt(7) != 0;
  u.disabled = st.ColumnInt(8) != 0;
  u.password_changed_at = st.ColumnInt(9);
  u.created_at = st.ColumnInt(10);
  u.updated_at = st.ColumnInt(11);
  return u;
}

constexpr std::string_view kSessionColumns =
    "session_id, token_hash, csrf_hash, user_id, ip, created_at, last_seen_at, expires_at, "
    "revoked_at, revoked_why";

SessionRow ReadSession(const Statement& st) {
  SessionRow s;
  s.session_id = st.ColumnInt(0);
  s.token_hash = Text(st, 1);
  s.csrf_hash = Text(st, 2);
  s.user_id = st.ColumnInt(3);
  s.ip = Text(st, 4);
  s.created_at = st.ColumnInt(5);
  s.last_seen_at = st.ColumnInt(6);
  s.expires_at = st.ColumnInt(7);
  s.revoked_at = OptInt(st, 8);
  s.revoked_why = Text(st, 9);
  return s;
}

constexpr std::string_view kGrantColumns =
    "g.grant_id, g.user_id, u.username, g.org_id, g.valid_from, g.valid_until, g.reason, "
    "g.granted_by, g.granted_at, g.revoked_at, g.revoked_by";

GrantRow ReadGrant(const Statement& st) {
  GrantRow g;
  g.grant_id = st.ColumnInt(0);
  g.user_id = st.ColumnInt(1);
  g.username = Text(st, 2);
  g.org_id = Text(st, 3);
  g.valid_from = st.ColumnInt(4);
  g.valid_until = st.ColumnInt(5);
  g.reason = Text(st, 6);
  g.granted_by = Text(st, 7);
  g.granted_at = st.ColumnInt(8);
  g.revoked_at = OptInt(st, 9);
  g.revoked_by = Text(st, 10);
  return g;
}

std::string Sql(std::string_view a, std::string_view b, std::string_view c = {}) {
  return std::string(a) + std::string(b) + std::string(c);
}

}  // namespace

// ---- users ---------------------------------------------------------------------------------

Result<int64_t> InsertUser(Database& db, const UserRow& u) {
  ZJ_ASSIGN_OR_RETURN(std::optional<UserRow> existing, FindUser(db, u.username));
  if (existing) return AlreadyExists("用户名 " + u.username + " 已被使用");
  ZJ_ASSIGN_OR_RETURN(
      auto st, db.Prepare("INSERT INTO users (username, display_name, org_id, role, staff_id, "
                          "password_hash, must_change_password, disabled, password_changed_at, "
                          "created_at, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) "
                          "RETURNING user_id"));
  st->BindText(1, u.username);
  st->BindText(2, u.display_name);
  st->BindText(3, u.org_id);
  st->BindText(4, u.role);
  BindOptText(*st, 5, u.staff_id);
  st->BindText(6, u.password_hash);
  st->BindInt(7, u.must_change_password);
  st->BindInt(8, u.disabled);
  st->BindInt(9, u.password_changed_at);
  st->BindInt(10, u.created_at);
  st->BindInt(11, u.updated_at);
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Internal("新增用户未返回编号");
  const int64_t id = st->ColumnInt(0);
  ZJ_RETURN_IF_ERROR(st->Run());
  return id;
}

Result<std::optional<UserRow>> FindUser(Database& db, std::string_view username) {
  ZJ_ASSIGN_OR_RETURN(auto st,
                      db.Prepare(Sql("SELECT ", kUserColumns, " FROM users WHERE username = $1")));
  st->BindText(1, username);
  return OneRow<UserRow>(*st, ReadUser);
}

Result<std::optional<UserRow>> FindUserById(Database& db, int64_t user_id) {
  ZJ_ASSIGN_OR_RETURN(auto st,
                      db.Prepare(Sql("SELECT ", kUserColumns, " FROM users WHERE user_id = $1")));
  st->BindInt(1, user_id);
  return OneRow<UserRow>(*st, ReadUser);
}

Result<std::vector<UserRow>> ListUsers(Database& db) {
  ZJ_ASSIGN_OR_RETURN(auto st,
                      db.Prepare(Sql("SELECT ", kUserColumns, " FROM users ORDER BY username")));
  return Rows<UserRow>(*st, ReadUser);
}

Result<std::vector<AssigneeRow>> ListAssignees(Database& db, const OrgScope& scope,
                                               const AssigneeFilter& filter) {
  using internal::Binder;
  using internal::Reader;
  std::string sql =
      "SELECT u.user_id, u.username, u.display_name, u.role, u.org_id, o.name "
      "FROM users u LEFT JOIN orgs o ON o.org_id = u.org_id "
      "WHERE u.disabled = 0 AND u.role IN (SELECT value FROM json_each($1)) AND " +
      internal::ScopeSql(scope, {"u.org_id"}, 2);
  int next = scope.all() ? 2 : 3;
  if (!filter.org_id.empty()) sql += " AND u.org_id = $" + std::to_string(next++);
  if (!filter.text.empty()) {
    const std::string p = "$" + std::to_string(next++);
    sql += " AND (u.display_name LIKE " + p + " ESCAPE '\\' OR u.username LIKE " + p +
           " ESCAPE '\\')";
  }
  sql += " ORDER BY u.org_id, u.display_name, u.user_id LIMIT $" + std::to_string(next);
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare(sql));
  Binder b(*st);
  b.Text(nlohmann::json(filter.roles).dump()).Scope(scope);
  if (!filter.org_id.empty()) b.Text(filter.org_id);
  if (!filter.text.empty()) b.Text(internal::LikePattern(filter.text));
  b.Int(filter.limit);
  return internal::ReadAll<AssigneeRow>(*st, [](Reader& r) {
    AssigneeRow a;
    a.user_id = r.Int();
    a.username = r.Text();
    a.display_name = r.Text();
    a.role = r.Text();
    a.org_id = r.Text();
    a.org_name = r.Text();
    return a;
  });
}

Status SetPassword(Database& db, int64_t user_id, std::string_view password_hash, bool must_change,
                   Timestamp at) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE users SET password_hash = $2, "
                                          "must_change_password = $3, password_changed_at = $4, "
                                          "updated_at = $4 WHERE user_id = $1"));
  st->BindInt(1, user_id);
  st->BindText(2, password_hash);
  st->BindInt(3, must_change);
  st->BindInt(4, at);
  return st->Run();
}

Status ReplacePasswordHash(Database& db, int64_t user_id, std::string_view password_hash) {
  ZJ_ASSIGN_OR_RETURN(auto st,
                      db.Prepare("UPDATE users SET password_hash = $2 WHERE user_id = $1"));
  st->BindInt(1, user_id);
  st->BindText(2, password_hash);
  return st->Run();
}

Status SetDisabled(Database& db, int64_t user_id, bool disabled, Timestamp at) {
  ZJ_ASSIGN_OR_RETURN(
      auto st, db.Prepare("UPDATE users SET disabled = $2, updated_at = $3 WHERE user_id = $1"));
  st->BindInt(1, user_id);
  st->BindInt(2, disabled);
  st->BindInt(3, at);
  return st->Run();
}

// ---- orgs ----------------------------------------------------------------------------------

Result<std::optional<OrgRef>> FindOrg(Database& db, std::string_view org_id) {
  ZJ_ASSIGN_OR_RETURN(auto st,
                      db.Prepare("SELECT org_id, name, org_type FROM orgs WHERE org_id = $1"));
  st->BindText(1, org_id);
  return OneRow<OrgRef>(*st, [](const Statement& s) {
    return OrgRef{Text(s, 0), Text(s, 1), Text(s, 2)};
  });
}

Result<BatchStamp> AppliedBatchStamp(Database& db) {
  ZJ_ASSIGN_OR_RETURN(auto st,
                      db.Prepare("SELECT count(*), coalesce(max(batch_no), 0) FROM batches"));
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Internal("查询数据包失败");
  return BatchStamp{st->ColumnInt(0), st->ColumnInt(1)};
}

// ---- sessions ------------------------------------------------------------------------------

Result<int64_t> InsertSession(Database& db, const SessionRow& s) {
  ZJ_ASSIGN_OR_RETURN(
      auto st, db.Prepare("INSERT INTO sessions (token_hash, csrf_hash, user_id, ip, created_at, "
                          "last_seen_at, expires_at) VALUES ($1,$2,$3,$4,$5,$6,$7) "
                          "RETURNING session_id"));
  st->BindText(1, s.token_hash);
  st->BindText(2, s.csrf_hash);
  st->BindInt(3, s.user_id);
  st->BindText(4, s.ip);
  st->BindInt(5, s.created_at);
  st->BindInt(6, s.last_seen_at);
  st->BindInt(7, s.expires_at);
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Internal("新建会话未返回编号");
  const int64_t id = st->ColumnInt(0);
  ZJ_RETURN_IF_ERROR(st->Run());
  return id;
}

Result<std::optional<SessionRow>> FindSession(Database& db, std::string_view token_hash) {
  ZJ_ASSIGN_OR_RETURN(
      auto st, db.Prepare(Sql("SELECT ", kSessionColumns, " FROM sessions WHERE token_hash = $1")));
  st->BindText(1, token_hash);
  return OneRow<SessionRow>(*st, ReadSession);
}

Status TouchSession(Database& db, int64_t session_id, Timestamp at) {
  ZJ_ASSIGN_OR_RETURN(auto st,
                      db.Prepare("UPDATE sessions SET last_seen_at = $2 WHERE session_id = $1"));
  st->BindInt(1, session_id);
  st->BindInt(2, at);
  return st->Run();
}

Result<bool> RevokeSession(Database& db, int64_t session_id, Timestamp at, std::string_view why) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE sessions SET revoked_at = $2, revoked_why = $3 "
                                          "WHERE session_id = $1 AND revoked_at IS NULL"));
  st->BindInt(1, session_id);
  st->BindInt(2, at);
  st->BindText(3, why);
  ZJ_RETURN_IF_ERROR(st->Run());
  return db.Changes() > 0;
}

Result<int64_t> RevokeUserSessions(Database& db, int64_t user_id, Timestamp at,
                                   std::string_view why) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE sessions SET revoked_at = $2, revoked_why = $3 "
                                          "WHERE user_id = $1 AND revoked_at IS NULL"));
  st->BindInt(1, user_id);
  st->BindInt(2, at);
  st->BindText(3, why);
  ZJ_RETURN_IF_ERROR(st->Run());
  return db.Changes();
}

// ---- login attempts and lockouts ------------------------------------------------------------

Status RecordLoginAttempt(Database& db, Timestamp at, std::string_view username,
                          std::string_view ip, std::string_view outcome) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO login_attempts (at, username, ip, outcome) "
                                          "VALUES ($1, $2, $3, $4)"));
  st->BindInt(1, at);
  st->BindText(2, username);
  st->BindText(3, ip);
  st->BindText(4, outcome);
  return st->Run();
}

Result<int64_t> CountFailedLogins(Database& db, std::string_view ip, Timestamp since) {
  // The condition of the partial index login_attempts_ip, word for word, so SQLite uses it.
  ZJ_ASSIGN_OR_RETURN(auto st,
                      db.Prepare("SELECT count(*) FROM login_attempts WHERE ip = $1 AND at >= $2 "
                                 "AND outcome IN ('bad_credentials', 'user_locked')"));
  st->BindText(1, ip);
  st->BindInt(2, since);
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  return row ? st->ColumnInt(0) : 0;
}

Result<LoginLock> GetLoginLock(Database& db, std::string_view kind, std::string_view key) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT failures, locked_until FROM login_locks "
                                          "WHERE kind = $1 AND key = $2"));
  st->BindText(1, kind);
  st->BindText(2, key);
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return LoginLock{};
  return LoginLock{st->ColumnInt(0), OptInt(*st, 1)};
}

Status PutLoginLock(Database& db, std::string_view kind, std::string_view key,
                    const LoginLock& lock) {
  ZJ_ASSIGN_OR_RETURN(
      auto st, db.Prepare("INSERT INTO login_locks (kind, key, failures, locked_until) "
                          "VALUES ($1, $2, $3, $4) ON CONFLICT (kind, key) DO UPDATE SET "
                          "failures = excluded.failures, locked_until = excluded.locked_until"));
  st->BindText(1, kind);
  st->BindText(2, key);
  st->BindInt(3, lock.failures);
  BindOptInt(*st, 4, lock.locked_until);
  return st->Run();
}

Status ClearLoginLock(Database& db, std::string_view kind, std::string_view key) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("DELETE FROM login_locks WHERE kind = $1 AND key = $2"));
  st->BindText(1, kind);
  st->BindText(2, key);
  return st->Run();
}

// ---- grants --------------------------------------------------------------------------------

Result<int64_t> InsertGrant(Database& db, const GrantRow& g) {
  ZJ_ASSIGN_OR_RETURN(
      auto st, db.Prepare("INSERT INTO grants (user_id, org_id, valid_from, valid_until, reason, "
                          "granted_by, granted_at) VALUES ($1,$2,$3,$4,$5,$6,$7) "
                          "RETURNING grant_id"));
  st->BindInt(1, g.user_id);
  st->BindText(2, g.org_id);
  st->BindInt(3, g.valid_from);
  st->BindInt(4, g.valid_until);
  st->BindText(5, g.reason);
  st->BindText(6, g.granted_by);
  st->BindInt(7, g.granted_at);
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Internal("新增授权未返回编号");
  const int64_t id = st->ColumnInt(0);
  ZJ_RETURN_IF_ERROR(st->Run());
  return id;
}

Result<std::optional<GrantRow>> FindGrant(Database& db, int64_t grant_id) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare(Sql("SELECT ", kGrantColumns,
                                              " FROM grants g JOIN users u USING (user_id) "
                                              "WHERE g.grant_id = $1")));
  st->BindInt(1, grant_id);
  return OneRow<GrantRow>(*st, ReadGrant);
}

Result<bool> RevokeGrantRow(Database& db, int64_t grant_id, Timestamp at, std::string_view by) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("UPDATE grants SET revoked_at = $2, revoked_by = $3 "
                                          "WHERE grant_id = $1 AND revoked_at IS NULL"));
  st->BindInt(1, grant_id);
  st->BindInt(2, at);
  st->BindText(3, by);
  ZJ_RETURN_IF_ERROR(st->Run());
  return db.Changes() > 0;
}

Result<std::vector<GrantRow>> ListGrants(Database& db, std::optional<int64_t> user_id) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare(Sql("SELECT ", kGrantColumns,
                                              " FROM grants g JOIN users u USING (user_id) "
                                              "WHERE $1 IS NULL OR g.user_id = $1 "
                                              "ORDER BY g.grant_id DESC")));
  BindOptInt(*st, 1, user_id);
  return Rows<GrantRow>(*st, ReadGrant);
}

Result<std::vector<std::string>> ActiveGrantOrgs(Database& db, int64_t user_id, Timestamp at) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT DISTINCT org_id FROM grants WHERE user_id = $1 "
                                          "AND revoked_at IS NULL AND valid_from <= $2 "
                                          "AND valid_until > $2 ORDER BY org_id"));
  st->BindInt(1, user_id);
  st->BindInt(2, at);
  return Rows<std::string>(*st, [](const Statement& s) { return Text(s, 0); });
}

}  // namespace zj::storage
