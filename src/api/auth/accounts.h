#pragma once
// Accounts and sessions (DESIGN.md §7): sign-in, sessions held in cookies with a CSRF token
// each, login throttling, password changes, and the administrator's operations on users and
// time-limited grants (临时授权, for 跨区域巡回检察组).
//
// Contract:
//  - Every state change and every login attempt, successful or not, writes its audit row
//    (storage/audit_store.h) in the same write transaction as the change. Actions written:
//    login, login_failed, logout, password_change, password_reset, user_create,
//    user_disable, user_enable, grant_add, grant_revoke (docs/accounts.md lists the details).
//  - Password hashing is slow on purpose and runs before the write transaction is taken;
//    what it was computed against is checked again inside the transaction.
//  - Sessions: the cookie `zj_session` (HttpOnly) holds a 32-byte random token, of which only
//    the SHA-256 is stored. Each session has its own CSRF token, returned by Login and meant
//    for the readable cookie `zj_csrf`; every unsafe request carries it in `X-CSRF-Token`
//    (CheckCsrf). A session ends on Logout, after `idle_timeout` without requests, after
//    `absolute_lifetime`, when its user is disabled, and when the password is changed or
//    reset (all the user's sessions end, the caller's too: sign in again).
//  - Status codes, for the HTTP layer:
//      kUnauthenticated    wrong credentials, no or expired session, disabled account → 401
//      kResourceExhausted  sign-in throttled (too many failures for the username or IP) → 429
//      kPermissionDenied   the role may not do this; CSRF token missing or wrong → 403
//      kInvalidArgument    bad input (password policy, unknown role or org) → 400
//      kNotFound           no such user or grant → 404
//      kAlreadyExists      username taken → 409
//      kFailedPrecondition grant already revoked, disabling oneself → 409
//      kAborted            the account changed during sign-in, or the store is busy: retry
//  - Usernames are case-insensitive: stored and looked up lower-cased.
//
// Thread-safety: the functions are safe to call from many threads, each with its own
// Database (storage/database.h).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/auth/password.h"
#include "api/auth/roles.h"
#include "common/clock.h"
#include "common/status.h"
#include "storage/database.h"

namespace zj::auth {

inline constexpr std::string_view kSessionCookie = "zj_session";
inline constexpr std::string_view kCsrfCookie = "zj_csrf";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

struct Options {
  HashParams hash;                        // argon2id cost; tests: HashParams::Min()
  int64_t idle_timeout = 30 * 60;         // seconds without a request
  int64_t absolute_lifetime = 12 * 3600;  // seconds from sign-in
  int64_t touch_interval = 60;            // last_seen is written at most this often
  int user_max_failures = 5;              // consecutive failures for one username …
  int64_t user_lock = 15 * 60;            // … lock it this long
  int ip_max_failures = 20;               // failures from one IP within ip_window …
  int64_t ip_window = 15 * 60;
  int64_t ip_lock = 15 * 60;  // … refuse it this long
};

// The signed-in user, as Authenticate and Login see it.
struct Principal {
  int64_t user_id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::kProsecutor;
  std::string org_id;                      // the procuratorate office the user works in
  std::vector<std::string> grant_org_ids;  // orgs of the grants active now, sorted
  bool must_change_password = false;       // the API allows only ChangePassword until done
  std::string staff_id;
  int64_t session_id = 0;
  std::string csrf_hash;  // hex SHA-256 of the session's CSRF token (for CheckCsrf)
};

struct NewSession {
  std::string token;       // value of the zj_session cookie
  std::string csrf_token;  // value of the zj_csrf cookie and the X-CSRF-Token header
  Timestamp expires_at = 0;
  Principal principal;
};

// Signs in. `presented_token` is the zj_session cookie sent with the login request, if any:
// its session is revoked and a new token is always issued (no session fixation).
// Unknown username and wrong password give the same kUnauthenticated message, and an
// unknown username costs one hash verification like a known one. A username with
// `user_max_failures` consecutive failures is locked for `user_lock`; an IP with
// `ip_max_failures` failures within `ip_window` is refused for `ip_lock` (kResourceExhausted;
// usernames that do not exist lock the same way, so a lock tells nothing). A correct password
// hashed with other parameters than opts.hash is re-hashed.
Result<NewSession> Login(storage::Database& db, const Clock& clock, const Options& opts,
                         std::string_view username, std::string_view password, std::string_view ip,
                         std::string_view presented_token, std::string_view request_id = {});

// Revokes the session of `token`. A token that is unknown or already revoked is not an error.
Status Logout(storage::Database& db, const Clock& clock, std::string_view token,
              std::string_view ip, std::string_view request_id = {});

// The principal of a live session; kUnauthenticated with the reason in Chinese otherwise.
// Moves the session's last_seen at most once per `opts.touch_interval` (one autocommit
// UPDATE; while another writer holds the store, e.g. a long import, it waits for the busy
// timeout and is then skipped, not failed).
Result<Principal> Authenticate(storage::Database& db, const Clock& clock, const Options& opts,
                               std::string_view token);

// OK when `header` (the X-CSRF-Token value) is the CSRF token of the principal's session,
// compared in constant time; kPermissionDenied otherwise.
Status CheckCsrf(const Principal& principal, std::string_view header);

// The user changes their own password: checks the current one (kInvalidArgument when
// wrong) and the policy, clears must_change_password and revokes every session of the user.
Status ChangePassword(storage::Database& db, const Clock& clock, const Options& opts,
                      const Principal& principal, std::string_view current_password,
                      std::string_view new_password, std::string_view ip,
                      std::string_view request_id = {});

// ---- administration ---------------------------------------------------------------------

// Who performs an administrative operation: a signed-in user (whose role must allow
// Action::kUserAdmin) or the command line (trusted: whoever can write the store file).
struct Actor {
  std::optional<int64_t> user_id;
  std::string username;      // "cli" for the command line
  std::optional<Role> role;  // nullopt for the command line
  std::string ip;
  std::string request_id;

  static Actor Cli();
  static Actor Of(const Principal& principal, std::string ip = {}, std::string request_id = {});
};

struct NewUser {
  std::string username;  // 3–32 of a-z 0-9 . _ - (lower-cased)
  std::string display_name;
  std::string org_id;  // a procuratorate org in the orgs table
  Role role = Role::kProsecutor;
  std::string staff_id;                 // optional
  std::optional<std::string> password;  // nullopt: generate one
};

struct CreatedUser {
  int64_t user_id = 0;
  std::string password;  // the generated password (shown once); empty when one was given
};

// Creates a user with must_change_password set (the administrator knows the password).
Result<CreatedUser> CreateUser(storage::Database& db, const Clock& clock, const Options& opts,
                               const Actor& actor, const NewUser& user);

// Disables (revoking every session) or enables a user. No change, no audit row.
Status SetUserDisabled(storage::Database& db, const Clock& clock, const Actor& actor,
                       std::string_view username, bool disabled);

// Sets a new password (`password`, or a generated one, which is returned; empty when given),
// sets must_change_password, revokes every session and clears the username's lock.
Result<std::string> ResetPassword(storage::Database& db, const Clock& clock, const Options& opts,
                                  const Actor& actor, std::string_view username,
                                  std::optional<std::string> password);

struct GrantRequest {
  std::string username;
  std::string org_id;  // any org in the orgs table
  Timestamp valid_from = 0;
  Timestamp valid_until = 0;  // exclusive; must be later than valid_from and than now
  std::string reason;         // required: the inspection it is for
};

// Grants the user the jurisdiction of `org_id` in [valid_from, valid_until). Returns the id.
Result<int64_t> AddGrant(storage::Database& db, const Clock& clock, const Actor& actor,
                         const GrantRequest& grant);
// Revokes a grant; kFailedPrecondition if it already was.
Status RevokeGrant(storage::Database& db, const Clock& clock, const Actor& actor, int64_t grant_id);

}  // namespace zj::auth
