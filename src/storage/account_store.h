#pragma once
// Accounts in the store (migrations/sqlite/0004_accounts_audit.sql): users, sessions, login
// attempts and lockouts, time-limited grants.
//
// SQL only: password hashing, the password policy, session lifetimes, throttling and who may
// do what are src/api/auth's business, which also holds the write transaction and writes the
// audit row (storage/audit_store.h) beside every change. Each function here is one or two
// statements; the caller decides the transaction. Values are always bound as parameters.
//
// Not thread-safe: uses one Database.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "storage/database.h"
#include "storage/scope.h"

namespace zj::storage {

// ---- users ---------------------------------------------------------------------------------

struct UserRow {
  int64_t user_id = 0;
  std::string username;
  std::string display_name;
  std::string org_id;
  std::string role;      // api/auth/roles.h code
  std::string staff_id;  // empty = null
  std::string password_hash;
  bool must_change_password = false;
  bool disabled = false;
  Timestamp password_changed_at = 0;
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
};

// Inserts `user` (user_id is assigned and returned). A taken username → kAlreadyExists.
Result<int64_t> InsertUser(Database& db, const UserRow& user);
// nullopt when there is no such user.
Result<std::optional<UserRow>> FindUser(Database& db, std::string_view username);
Result<std::optional<UserRow>> FindUserById(Database& db, int64_t user_id);
// Every user, by username.
Result<std::vector<UserRow>> ListUsers(Database& db);
// Sets the password hash and must_change_password; password_changed_at = updated_at = at.
Status SetPassword(Database& db, int64_t user_id, std::string_view password_hash, bool must_change,
                   Timestamp at);
// Replaces the hash only (rehash with new parameters: the password did not change).
Status ReplacePasswordHash(Database& db, int64_t user_id, std::string_view password_hash);
Status SetDisabled(Database& db, int64_t user_id, bool disabled, Timestamp at);

// ---- assignees (承办人) -----------------------------------------------------------------

// A user a clue may be assigned to, with the name of the user's org.
struct AssigneeRow {
  int64_t user_id = 0;
  std::string username;
  std::string display_name;
  std::string role;
  std::string org_id;
  std::string org_name;  // orgs.name, "" when the orgs table has no such org
};

struct AssigneeFilter {
  std::vector<std::string> roles;  // role codes that may handle casework; empty = none
  std::string text;                // display_name or username contains it; empty = all
  std::string org_id;              // only users of this org; empty = every org in scope
  int64_t limit = 100;
};

// Users who are not disabled, whose org is inside `scope` and whose role is one of
// `filter.roles`, by org_id, display name and user_id. `filter.text` is matched literally
// (LIKE wildcards escaped).
Result<std::vector<AssigneeRow>> ListAssignees(Database& db, const OrgScope& scope,
                                               const AssigneeFilter& filter);

// ---- orgs (the exchange table, read for validation) ----------------------------------------

struct OrgRef {
  std::string org_id;
  std::string name;
  std::string org_type;
};
// nullopt when the orgs table has no such org.
Result<std::optional<OrgRef>> FindOrg(Database& db, std::string_view org_id);

// What a cached view of the orgs table depends on: the batches applied (the orgs table only
// changes by importing a batch, and batches are never removed). Two equal stamps mean the
// same orgs; one cheap indexed query.
struct BatchStamp {
  int64_t count = 0;
  int64_t last_batch_no = 0;
  bool operator==(const BatchStamp&) const = default;
};
Result<BatchStamp> AppliedBatchStamp(Database& db);

// ---- sessions ------------------------------------------------------------------------------

struct SessionRow {
  int64_t session_id = 0;
  std::string token_hash;  // hex SHA-256 of the cookie value
  std::string csrf_hash;   // hex SHA-256 of the CSRF token
  int64_t user_id = 0;
  std::string ip;
  Timestamp created_at = 0;
  Timestamp last_seen_at = 0;
  Timestamp expires_at = 0;
  std::optional<Timestamp> revoked_at;
  std::string revoked_why;
};

// Inserts `session` (session_id is assigned and returned).
Result<int64_t> InsertSession(Database& db, const SessionRow& session);
// The session with this token hash, revoked or not; nullopt when none.
Result<std::optional<SessionRow>> FindSession(Database& db, std::string_view token_hash);
Status TouchSession(Database& db, int64_t session_id, Timestamp at);
// Revokes one session unless already revoked. Returns whether it changed.
Result<bool> RevokeSession(Database& db, int64_t session_id, Timestamp at, std::string_view why);
// Revokes every unrevoked session of the user. Returns how many.
Result<int64_t> RevokeUserSessions(Database& db, int64_t user_id, Timestamp at,
                                   std::string_view why);

// ---- login attempts and lockouts ------------------------------------------------------------

Status RecordLoginAttempt(Database& db, Timestamp at, std::string_view username,
                          std::string_view ip, std::string_view outcome);
// Failed attempts from `ip` with at >= since: outcome bad_credentials (wrong password or
// unknown username) or user_locked (tried a locked username).
Result<int64_t> CountFailedLogins(Database& db, std::string_view ip, Timestamp since);

struct LoginLock {
  int64_t failures = 0;
  std::optional<Timestamp> locked_until;
};
// kind: "user" or "ip". No row = no failures, not locked.
Result<LoginLock> GetLoginLock(Database& db, std::string_view kind, std::string_view key);
Status PutLoginLock(Database& db, std::string_view kind, std::string_view key,
                    const LoginLock& lock);
Status ClearLoginLock(Database& db, std::string_view kind, std::string_view key);

// ---- grants (临时授权) -----------------------------------------------------------------------

struct GrantRow {
  int64_t grant_id = 0;
  int64_t user_id = 0;
  std::string username;  // filled by ListGrants
  std::string org_id;
  Timestamp valid_from = 0;
  Timestamp valid_until = 0;  // exclusive
  std::string reason;
  std::string granted_by;
  Timestamp granted_at = 0;
  std::optional<Timestamp> revoked_at;
  std::string revoked_by;
};

// Inserts `grant` (grant_id is assigned and returned).
Result<int64_t> InsertGrant(Database& db, const GrantRow& grant);
Result<std::optional<GrantRow>> FindGrant(Database& db, int64_t grant_id);
// Revokes an unrevoked grant. Returns whether it changed.
Result<bool> RevokeGrantRow(Database& db, int64_t grant_id, Timestamp at, std::string_view by);
// Grants of `user_id` (nullopt = every user), newest first.
Result<std::vector<GrantRow>> ListGrants(Database& db, std::optional<int64_t> user_id);
// The org ids of the user's grants active at `at`: not revoked, valid_from <= at < valid_until.
Result<std::vector<std::string>> ActiveGrantOrgs(Database& db, int64_t user_id, Timestamp at);

}  // namespace zj::storage
