#include "storage/audit_store.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <variant>

#include "common/sha256.h"

namespace zj::storage {
namespace {

const std::string kZeroHash(64, '0');

constexpr std::string_view kColumns =
    "seq, at, user_id, username, action, object_type, object_id, detail, request_id, ip, "
    "prev_hash, hash";

// The triggers of 0004 that keep the log append-only.
constexpr std::array<std::string_view, 6> kTriggers = {
    "audit_log_no_update",    "audit_log_no_delete",  "audit_log_append",
    "audit_log_advance_head", "audit_head_no_delete", "audit_head_forward_only"};

void BindOptText(Statement& st, int i, const std::string& s) {
  if (s.empty()) {
    st.BindNull(i);
  } else {
    st.BindText(i, s);
  }
}

std::string Text(const Statement& st, int col) { return std::string(st.ColumnText(col)); }
std::string N(int64_t v) { return std::to_string(v); }

// The ten hashed columns (seq … ip) of one row, NULL kept apart from the empty string:
// Verify hashes what is stored, and a tamperer may write '' where NULL was.
using Cells = std::array<std::optional<std::string>, 10>;

std::string ChainHash(std::string_view prev_hash, const Cells& cells) {
  Sha256 h;
  h.Update("zj-audit-v1\n");
  h.Update(prev_hash);
  h.Update("\n");
  for (const std::optional<std::string>& c : cells) {
    if (!c) {
      h.Update("-\n");
      continue;
    }
    h.Update(N(static_cast<int64_t>(c->size())));
    h.Update(":");
    h.Update(*c);
    h.Update("\n");
  }
  return h.HexDigest();
}

std::optional<std::string> OrNull(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

// As AppendAudit stores `e`: empty strings become NULL, an empty detail "{}".
Cells CellsOf(int64_t seq, const AuditEntry& e) {
  return {N(seq),
          N(e.at),
          e.user_id ? std::optional<std::string>(N(*e.user_id)) : std::nullopt,
          OrNull(e.username),
          OrNull(e.action),
          OrNull(e.object_type),
          OrNull(e.object_id),
          e.detail.empty() ? std::string("{}") : e.detail,
          OrNull(e.request_id),
          OrNull(e.ip)};
}

// Columns 0–9 of a row selected with kColumns, as stored.
Cells CellsOf(const Statement& st) {
  Cells c;
  for (int i = 0; i < 10; ++i) {
    if (st.IsNull(i)) continue;
    c[static_cast<size_t>(i)] = i < 3 ? N(st.ColumnInt(i)) : Text(st, i);
  }
  return c;
}

AuditRow ReadRow(const Statement& st) {
  AuditRow r;
  r.seq = st.ColumnInt(0);
  AuditEntry& e = r.entry;
  e.at = st.ColumnInt(1);
  if (!st.IsNull(2)) e.user_id = st.ColumnInt(2);
  e.username = Text(st, 3);
  e.action = Text(st, 4);
  e.object_type = Text(st, 5);
  e.object_id = Text(st, 6);
  e.detail = Text(st, 7);
  e.request_id = Text(st, 8);
  e.ip = Text(st, 9);
  r.prev_hash = Text(st, 10);
  r.hash = Text(st, 11);
  return r;
}

}  // namespace

std::string AuditHash(std::string_view prev_hash, int64_t seq, const AuditEntry& entry) {
  return ChainHash(prev_hash, CellsOf(seq, entry));
}

Result<int64_t> AppendAudit(Database& db, const AuditEntry& entry) {
  if (!db.InTransaction()) {
    return Internal("写审计记录须在所记录操作的写事务之内（程序错误）");
  }
  if (entry.action.empty()) return InvalidArgument("审计记录缺少操作类型");
  const std::string detail = entry.detail.empty() ? "{}" : entry.detail;
  if (!nlohmann::json::accept(detail)) {
    return InvalidArgument("审计记录的详情不是合法的 JSON");
  }
  ZJ_ASSIGN_OR_RETURN(auto head, db.Prepare("SELECT seq, hash FROM audit_head WHERE id = 1"));
  ZJ_ASSIGN_OR_RETURN(bool found, head->Step());
  if (!found) {
    return DataLoss("审计链头（audit_head）缺失，审计日志已被破坏，请运行 zhijian audit verify");
  }
  const int64_t seq = head->ColumnInt(0) + 1;
  const std::string prev = Text(*head, 1);
  head.reset();
  AuditEntry e = entry;
  e.detail = detail;
  const std::string hash = AuditHash(prev, seq, e);
  ZJ_ASSIGN_OR_RETURN(auto ins, db.Prepare("INSERT INTO audit_log (" + std::string(kColumns) +
                                           ") VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)"));
  ins->BindInt(1, seq);
  ins->BindInt(2, e.at);
  if (e.user_id) {
    ins->BindInt(3, *e.user_id);
  } else {
    ins->BindNull(3);
  }
  BindOptText(*ins, 4, e.username);
  ins->BindText(5, e.action);
  BindOptText(*ins, 6, e.object_type);
  BindOptText(*ins, 7, e.object_id);
  ins->BindText(8, e.detail);
  BindOptText(*ins, 9, e.request_id);
  BindOptText(*ins, 10, e.ip);
  ins->BindText(11, prev);
  ins->BindText(12, hash);
  ZJ_RETURN_IF_ERROR(ins->Run());
  return seq;
}

Result<AuditReport> VerifyAudit(Database& db, std::string_view expect_hash) {
  std::string expect(expect_hash);
  std::transform(expect.begin(), expect.end(), expect.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  Transaction txn(db);
  ZJ_RETURN_IF_ERROR(txn.BeginRead());
  AuditReport r;
  bool has_head = false;
  {
    ZJ_ASSIGN_OR_RETURN(auto head, db.Prepare("SELECT seq, hash FROM audit_head WHERE id = 1"));
    ZJ_ASSIGN_OR_RETURN(has_head, head->Step());
    if (has_head) {
      r.head_seq = head->ColumnInt(0);
      r.head_hash = Text(*head, 1);
    }
  }
  auto fail = [&r](int64_t seq, std::string problem) {
    if (!r.problem.empty()) return;
    r.first_bad_seq = seq;
    r.problem = std::move(problem);
  };
  int64_t last_seq = 0;
  std::string last_hash = kZeroHash;
  {
    ZJ_ASSIGN_OR_RETURN(
        auto rows, db.Prepare("SELECT " + std::string(kColumns) + " FROM audit_log ORDER BY seq"));
    while (true) {
      ZJ_ASSIGN_OR_RETURN(bool more, rows->Step());
      if (!more) break;
      ++r.rows;
      if (!r.problem.empty()) continue;  // only count the rest
      const AuditRow row = ReadRow(*rows);
      const int64_t expected = last_seq + 1;
      if (row.seq != expected) {
        fail(expected, "第 " + N(expected) + " 条审计记录缺失（第 " + N(last_seq) +
                           " 条之后紧接着第 " + N(row.seq) + " 条）：有记录被删除");
        continue;
      }
      if (ChainHash(row.prev_hash, CellsOf(*rows)) != row.hash) {
        fail(row.seq, "第 " + N(row.seq) + " 条审计记录的内容与其哈希不符：记录被改动");
        continue;
      }
      if (row.prev_hash != last_hash) {
        fail(row.seq, "第 " + N(row.seq) + " 条审计记录的“前一哈希”与" +
                          (last_seq ? "第 " + N(last_seq) + " 条记录的哈希" : std::string("链首")) +
                          "不符：记录被删除、插入或调换了位置");
        continue;
      }
      if (!expect.empty() && row.hash == expect) r.expected_seq = row.seq;
      last_seq = row.seq;
      last_hash = row.hash;
    }
  }
  if (!has_head) {
    fail(0, "审计链头（audit_head）缺失：无法确认日志末尾是否被删除");
  } else if (r.head_seq > last_seq) {
    fail(last_seq + 1, "审计链头指向第 " + N(r.head_seq) + " 条，而日志只到第 " + N(last_seq) +
                           " 条：末尾的记录被删除");
  } else if (r.head_seq < last_seq) {
    fail(r.head_seq + 1, "审计链头停在第 " + N(r.head_seq) + " 条，而日志已有第 " + N(last_seq) +
                             " 条：链头被改动，或有记录绕过触发器写入");
  } else if (r.head_hash != last_hash) {
    fail(last_seq, "审计链头的哈希与第 " + N(last_seq) + " 条记录不符：链头或该记录被改动");
  }
  if (!expect.empty() && r.problem.empty() && r.expected_seq == 0 && expect != kZeroHash) {
    fail(0, "审计链中没有预期的哈希 " + expect + "：审计日志可能被整体改写");
  }
  {
    std::string names;
    for (std::string_view t : kTriggers)
      names += (names.empty() ? "'" : ",'") + std::string(t) + "'";
    ZJ_ASSIGN_OR_RETURN(
        int64_t present,
        QueryInt(db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN (" +
                         names + ")"));
    if (present != static_cast<int64_t>(kTriggers.size())) {
      fail(0, "审计日志的防篡改触发器被删除（应有 " + N(kTriggers.size()) + " 个，现有 " +
                  N(present) + " 个）：日志不再受保护，请恢复并核查");
    }
  }
  return r;
}

Result<std::vector<AuditRow>> ListAudit(Database& db, const AuditFilter& f) {
  std::string sql = "SELECT " + std::string(kColumns) + " FROM audit_log";
  std::vector<std::variant<int64_t, std::string>> binds;
  auto add = [&](std::string_view condition, std::variant<int64_t, std::string> value) {
    binds.push_back(std::move(value));
    sql += (binds.size() == 1 ? " WHERE " : " AND ") + std::string(condition) + " $" +
           N(static_cast<int64_t>(binds.size()));
  };
  if (!f.object_type.empty()) add("object_type =", f.object_type);
  if (!f.object_id.empty()) add("object_id =", f.object_id);
  if (f.user_id) add("user_id =", *f.user_id);
  if (!f.username.empty()) add("username =", f.username);
  if (!f.action.empty()) add("action =", f.action);
  if (f.since) add("at >=", f.since);
  sql += " ORDER BY seq DESC LIMIT " + N(std::max<int64_t>(0, f.limit));
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare(sql));
  for (size_t i = 0; i < binds.size(); ++i) {
    const int index = static_cast<int>(i + 1);
    if (const int64_t* v = std::get_if<int64_t>(&binds[i])) {
      st->BindInt(index, *v);
    } else {
      st->BindText(index, std::get<std::string>(binds[i]));
    }
  }
  std::vector<AuditRow> out;
  while (true) {
    ZJ_ASSIGN_OR_RETURN(bool more, st->Step());
    if (!more) break;
    out.push_back(ReadRow(*st));
  }
  return out;
}

}  // namespace zj::storage
