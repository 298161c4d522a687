#pragma once
// The audit trail (审计日志, DESIGN.md §3 and §7): who saw or changed what, as data.
//
// Tables audit_log and audit_head (migrations/sqlite/0004_accounts_audit.sql). The log is
// append-only and hash-chained:
//  - seq runs 1, 2, 3 … without gaps; prev_hash of row 1 is 64 zeros ("0"×64), of row n the
//    hash of row n−1.
//  - hash = lowercase hex SHA-256 of these bytes (an outside tool can re-verify a copy):
//        "zj-audit-v1\n"
//        prev_hash "\n"                         (64 lowercase hex characters)
//        then, for each of seq, at, user_id, username, action, object_type, object_id,
//        detail, request_id, ip, in that order, one line:
//          NULL        →  "-\n"
//          otherwise   →  <byte length in decimal> ":" <value bytes> "\n"
//        where an integer's value bytes are its decimal text (no sign for ≥ 0, no leading
//        zeros) and a text's are its UTF-8 bytes exactly as stored (detail is JSON text, not
//        re-serialised). Example: action "login" → "5:login\n".
//  - audit_head holds the last seq and hash; a trigger moves it in the same statement that
//    inserts a row, so a tail removed with raw SQL leaves a head pointing past the last row.
//  - Triggers refuse UPDATE and DELETE ('审计记录只能追加，不得修改或删除') and an insert that
//    does not continue the chain. Raw SQL can still drop the triggers; VerifyAudit finds what
//    was done then. A whole chain rewritten with fresh hashes is consistent by construction
//    (there is no secret key): record the head hash outside the store (zhijian audit verify
//    prints it) and pass it back as `expect_hash` to detect that.
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

namespace zj::storage {

// One audit record as the caller states it. Empty strings are stored as NULL.
//
// Actions written by this code base (a free string otherwise, chosen by callers):
//   api/auth:  login, login_failed, logout, password_change, password_reset, user_create,
//              user_disable, user_enable, grant_add, grant_revoke
//   callers:   read_person, read_case, clue_assign, … (see docs/accounts.md)
struct AuditEntry {
  Timestamp at = 0;
  std::optional<int64_t> user_id;  // actor; nullopt for the system and the command line
  std::string username;            // actor's username; "cli" for the command line
  std::string action;              // required
  std::string object_type;
  std::string object_id;
  std::string detail = "{}";  // JSON text; empty = "{}"
  std::string request_id;
  std::string ip;
};

struct AuditRow {
  int64_t seq = 0;
  AuditEntry entry;
  std::string prev_hash;
  std::string hash;
};

// The hash of a row with `seq` and `entry` following `prev_hash` (the bytes above).
std::string AuditHash(std::string_view prev_hash, int64_t seq, const AuditEntry& entry);

// Appends `entry` at the tail of the chain and returns its seq. The caller holds the write
// transaction of the change being recorded (storage/database.h Transaction), so the change
// and its audit row commit or roll back together; called outside a transaction it fails
// with kInternal and writes nothing (checked with Database::InTransaction). An empty action
// or a detail that is not JSON → kInvalidArgument.
Result<int64_t> AppendAudit(Database& db, const AuditEntry& entry);

struct AuditReport {
  int64_t rows = 0;      // rows read
  int64_t head_seq = 0;  // audit_head as stored
  std::string head_hash;
  int64_t first_bad_seq = 0;  // 0 = none (or the problem is not at one row)
  std::string problem;        // Chinese; empty = intact
  // With an expected hash: the seq of the row that has it (0 = not found).
  int64_t expected_seq = 0;
  bool ok() const { return problem.empty(); }
};

// Re-reads the whole log in seq order (streaming, in one read transaction) and reports the
// first problem: a row whose content does not match its hash (altered column), a gap in
// seq (removed row), a prev_hash that is not the previous row's hash (removed, inserted,
// reordered or swapped rows), a head that does not match the last row (removed tail, head
// altered), a missing protective trigger. A non-empty `expect_hash` (a head recorded
// earlier) must be the hash of some row in the chain, else the chain was rewritten. A
// Status is returned only when the store cannot be read.
Result<AuditReport> VerifyAudit(Database& db, std::string_view expect_hash = {});

struct AuditFilter {
  std::string object_type;         // empty = any
  std::string object_id;           // empty = any
  std::optional<int64_t> user_id;  // actor
  std::string username;            // actor's username; empty = any
  std::string action;              // empty = any
  Timestamp since = 0;             // at >= since
  int64_t limit = 100;
};

// Matching rows, newest first ("who viewed this person"). Values are bound as parameters.
Result<std::vector<AuditRow>> ListAudit(Database& db, const AuditFilter& filter);

}  // namespace zj::storage
