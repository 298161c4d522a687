#include "storage/exchange_store.h"

#include "storage/schema_sql.h"

namespace zj::storage {
namespace {

using domain::ColumnSpec;
using domain::Layout;
using domain::TableSpec;
using domain::Value;

std::string KeyWhere(const TableSpec& t, int first_param) {
  std::string w;
  int p = first_param;
  for (const ColumnSpec& c : t.columns) {
    if (!c.key) continue;
    if (!w.empty()) w += " AND ";
    w += std::string(c.name) + " = $" + std::to_string(p++);
  }
  return w;
}

void BindValue(Statement& s, int i, const Value& v) {
  switch (v.kind) {
    case Value::Kind::kNull:
      s.BindNull(i);
      break;
    case Value::Kind::kInt:
      s.BindInt(i, v.i);
      break;
    case Value::Kind::kReal:
      s.BindReal(i, v.r);
      break;
    case Value::Kind::kText:
      s.BindTextView(i, v.text);
      break;  // rows outlive the statement run
  }
}

}  // namespace

Result<ExchangeStore::TableStatements*> ExchangeStore::StatementsFor(const TableSpec& t) {
  auto it = statements_.find(&t);
  if (it != statements_.end()) return &it->second;
  TableStatements st;
  const std::string name(t.name);
  const bool packed = t.layout == Layout::kPackedSeries;
  // Columns as stored: packed series replace the two key columns by pos_key.
  std::vector<std::string> cols;
  if (packed) cols.push_back("pos_key");
  for (size_t i = packed ? 2 : 0; i < t.columns.size(); ++i) cols.emplace_back(t.columns[i].name);
  cols.push_back("x_extra");
  cols.push_back("batch_no");
  std::string names, params, sets;
  for (size_t i = 0; i < cols.size(); ++i) {
    std::string p = "$" + std::to_string(i + 1);
    names += (i ? ", " : "") + cols[i];
    params += (i ? ", " : "") + p;
    if (cols[i] != "pos_key") sets += (sets.empty() ? "" : ", ") + cols[i] + " = " + p;
  }
  const std::string batch_param = "$" + std::to_string(cols.size());
  std::string where = packed ? "pos_key = $1" : "";
  if (!packed) {
    // Key columns bound at their positions in `cols`.
    for (size_t i = 0; i < t.columns.size(); ++i) {
      if (!t.columns[i].key) continue;
      if (!where.empty()) where += " AND ";
      where += std::string(t.columns[i].name) + " = $" + std::to_string(i + 1);
    }
  }
  ZJ_ASSIGN_OR_RETURN(st.insert, db_.Prepare("INSERT INTO " + name + " (" + names + ") VALUES (" +
                                             params + ") ON CONFLICT DO NOTHING"));
  // Plain INSERT of kInsertGroup rows: a key conflict aborts the whole statement.
  std::string group_values;
  for (size_t g = 0; g < kInsertGroup; ++g) {
    group_values += g ? ", (" : "(";
    for (size_t i = 0; i < cols.size(); ++i) {
      group_values += (i ? ", $" : "$") + std::to_string(g * cols.size() + i + 1);
    }
    group_values += ")";
  }
  ZJ_ASSIGN_OR_RETURN(st.insert_group, db_.Prepare("INSERT INTO " + name + " (" + names +
                                                   ") VALUES " + group_values));
  ZJ_ASSIGN_OR_RETURN(st.update, db_.Prepare("UPDATE " + name + " SET " + sets + " WHERE " + where +
                                             " AND batch_no <> " + batch_param));
  std::string key_where = packed ? "pos_key = $1" : KeyWhere(t, 1);
  int nkeys = packed ? 1 : static_cast<int>(t.KeyIndexes().size());
  std::string cur = "$" + std::to_string(nkeys + 1);
  ZJ_ASSIGN_OR_RETURN(st.remove, db_.Prepare("DELETE FROM " + name + " WHERE " + key_where +
                                             " AND batch_no <> " + cur));
  ZJ_ASSIGN_OR_RETURN(st.exists,
                      db_.Prepare("SELECT batch_no FROM " + name + " WHERE " + key_where));
  return &statements_.emplace(&t, std::move(st)).first->second;
}

Result<int64_t> ExchangeStore::PackedKey(const TableSpec& t, std::span<const Value> values) {
  if (last_parent_row_ < 0 || values[0].text != last_parent_key_) {
    const TableSpec* parent = domain::FindTable(t.columns[0].ref);
    ZJ_ASSIGN_OR_RETURN(std::optional<int64_t> parent_row, RowNo(*parent, values[0].text));
    if (!parent_row) {
      return InvalidArgument(std::string(t.columns[0].label) + "不存在：" +
                             std::string(values[0].text));
    }
    last_parent_key_.assign(values[0].text);
    last_parent_row_ = *parent_row;
  }
  const int64_t parent_row = last_parent_row_;
  int64_t offset = values[1].i - kSeriesEpoch;
  if (offset < 0 || offset >= (int64_t{1} << 32)) {
    return InvalidArgument("时间超出可存储范围（2000-01-01 至 2136-02-07）");
  }
  return (parent_row << 32) | offset;
}

Result<int> ExchangeStore::BindRow(const TableSpec& t, Statement& s, std::span<const Value> values,
                                   std::string_view x_extra, int first_param) {
  int p = first_param;
  size_t first = 0;
  if (t.layout == Layout::kPackedSeries) {
    ZJ_ASSIGN_OR_RETURN(int64_t key, PackedKey(t, values));
    s.BindInt(p++, key);
    first = 2;
  }
  for (size_t i = first; i < values.size(); ++i) BindValue(s, p++, values[i]);
  if (x_extra.empty()) {
    s.BindNull(p++);
  } else {
    s.BindTextView(p++, x_extra);
  }
  s.BindInt(p++, batch_no_);
  return p;
}

Result<bool> ExchangeStore::InsertAllNew(const TableSpec& t, std::span<const NewRow> rows) {
  if (rows.size() != kInsertGroup) return Internal("InsertAllNew 需要整组数据行");
  ZJ_ASSIGN_OR_RETURN(TableStatements * st, StatementsFor(t));
  int p = 1;
  for (const NewRow& r : rows) {
    ZJ_ASSIGN_OR_RETURN(p, BindRow(t, *st->insert_group, r.values, r.x_extra, p));
  }
  Status s = st->insert_group->Run();
  st->insert_group->Reset();
  if (s.ok()) return true;
  if (s.code() == StatusCode::kFailedPrecondition) return false;  // a key conflict
  return s;
}

Result<WriteOutcome> ExchangeStore::Upsert(const TableSpec& t, std::span<const Value> values,
                                           std::string_view x_extra) {
  ZJ_ASSIGN_OR_RETURN(TableStatements * st, StatementsFor(t));
  ZJ_RETURN_IF_ERROR(BindRow(t, *st->insert, values, x_extra).status());
  Status s = st->insert->Run();
  st->insert->Reset();
  ZJ_RETURN_IF_ERROR(s);
  if (db_.Changes() == 1) return WriteOutcome::kInserted;
  ZJ_RETURN_IF_ERROR(BindRow(t, *st->update, values, x_extra).status());
  s = st->update->Run();
  st->update->Reset();
  ZJ_RETURN_IF_ERROR(s);
  return db_.Changes() == 1 ? WriteOutcome::kUpdated : WriteOutcome::kDuplicateInBatch;
}

Result<WriteOutcome> ExchangeStore::Delete(const TableSpec& t, std::span<const Value> values) {
  ZJ_ASSIGN_OR_RETURN(TableStatements * st, StatementsFor(t));
  auto bind_key = [&](Statement& s) -> Status {
    if (t.layout == Layout::kPackedSeries) {
      auto key = PackedKey(t, values);
      if (!key.ok()) return key.status();
      s.BindInt(1, *key);
      return Status::Ok();
    }
    int p = 1;
    for (int i : t.KeyIndexes()) BindValue(s, p++, values[i]);
    return Status::Ok();
  };
  int nkeys = t.layout == Layout::kPackedSeries ? 1 : static_cast<int>(t.KeyIndexes().size());
  ZJ_RETURN_IF_ERROR(bind_key(*st->remove));
  st->remove->BindInt(nkeys + 1, batch_no_);
  Status s = st->remove->Run();
  st->remove->Reset();
  ZJ_RETURN_IF_ERROR(s);
  if (db_.Changes() == 1) return WriteOutcome::kDeleted;
  ZJ_RETURN_IF_ERROR(bind_key(*st->exists));
  auto row = st->exists->Step();
  st->exists->Reset();
  if (!row.ok()) return row.status();
  return *row ? WriteOutcome::kDuplicateInBatch : WriteOutcome::kMissing;
}

Result<std::optional<int64_t>> ExchangeStore::RowNo(const TableSpec& t, std::string_view key) {
  KeyIndex& index = keys_[&t];
  if (!index.valid) {
    index.rows.clear();
    auto keys = t.KeyIndexes();
    if (keys.size() != 1) return Internal("RowNo 仅适用于单列主键的表");
    ZJ_ASSIGN_OR_RETURN(auto q, db_.Prepare("SELECT " + std::string(t.columns[keys[0]].name) +
                                            ", row_no FROM " + std::string(t.name)));
    while (true) {
      ZJ_ASSIGN_OR_RETURN(bool row, q->Step());
      if (!row) break;
      index.rows.emplace(std::string(q->ColumnText(0)), q->ColumnInt(1));
    }
    index.valid = true;
  }
  auto it = index.rows.find(std::string(key));
  if (it == index.rows.end()) return std::optional<int64_t>();
  return std::optional<int64_t>(it->second);
}

Result<std::optional<int64_t>> ExchangeStore::LookupRowNo(const TableSpec& t,
                                                          std::string_view key) {
  auto& q = ref_queries_["#rowno." + std::string(t.name)];
  if (!q) {
    auto keys = t.KeyIndexes();
    if (keys.size() != 1) return Internal("LookupRowNo 仅适用于单列主键的表");
    ZJ_ASSIGN_OR_RETURN(q, db_.Prepare("SELECT row_no FROM " + std::string(t.name) + " WHERE " +
                                       std::string(t.columns[keys[0]].name) + " = $1"));
  }
  q->Reset();
  q->BindText(1, key);
  ZJ_ASSIGN_OR_RETURN(bool row, q->Step());
  std::optional<int64_t> out;
  if (row) out = q->ColumnInt(0);
  q->Reset();
  return out;
}

Result<std::optional<std::string>> ExchangeStore::TextOf(const TableSpec& t, std::string_view key,
                                                         std::string_view column) {
  auto& q = ref_queries_["#text." + std::string(t.name) + "." + std::string(column)];
  if (!q) {
    auto keys = t.KeyIndexes();
    if (keys.size() != 1) return Internal("TextOf 仅适用于单列主键的表");
    ZJ_ASSIGN_OR_RETURN(
        q, db_.Prepare("SELECT " + std::string(column) + " FROM " + std::string(t.name) +
                       " WHERE " + std::string(t.columns[keys[0]].name) + " = $1"));
  }
  q->Reset();
  q->BindText(1, key);
  ZJ_ASSIGN_OR_RETURN(bool row, q->Step());
  std::optional<std::string> out;
  if (row && !q->IsNull(0)) out = std::string(q->ColumnText(0));
  q->Reset();
  return out;
}

Result<bool> ExchangeStore::IsReferenced(const TableSpec& t, const ColumnSpec& column,
                                         const TableSpec& parent, std::string_view key,
                                         int64_t parent_row_no) {
  std::string id = std::string(t.name) + "." + std::string(column.name);
  auto& q = ref_queries_[id];
  if (!q) {
    std::string sql;
    if (t.layout == Layout::kPackedSeries && &column == &t.columns[0]) {
      sql = "SELECT 1 FROM " + std::string(t.name) +
            " WHERE pos_key >= ($2 << 32) AND pos_key < (($2 + 1) << 32) LIMIT 1";
    } else if (column.ref.size() > 0 && column.ref[0] == '@') {
      // Polymorphic owner (attachments): owner column names the table.
      sql = "SELECT 1 FROM " + std::string(t.name) + " WHERE " + std::string(column.name) +
            " = $1 AND " + std::string(column.ref.substr(1)) + " = $3 LIMIT 1";
    } else {
      sql = "SELECT 1 FROM " + std::string(t.name) + " WHERE " + std::string(column.name) +
            " = $1 LIMIT 1";
    }
    ZJ_ASSIGN_OR_RETURN(q, db_.Prepare(sql));
  }
  q->Reset();
  q->BindText(1, key);
  q->BindInt(2, parent_row_no);
  q->BindText(3, parent.name);
  ZJ_ASSIGN_OR_RETURN(bool row, q->Step());
  q->Reset();
  return row;
}

Result<std::optional<BatchRecord>> ExchangeStore::FindBatch(std::string_view batch_id) {
  ZJ_ASSIGN_OR_RETURN(auto q,
                      db_.Prepare("SELECT batch_no, batch_id, source_org_id, exported_at, "
                                  "applied_at, mode, report FROM batches WHERE batch_id = $1"));
  q->BindText(1, batch_id);
  ZJ_ASSIGN_OR_RETURN(bool row, q->Step());
  if (!row) return std::optional<BatchRecord>();
  BatchRecord b{q->ColumnInt(0),
                std::string(q->ColumnText(1)),
                std::string(q->ColumnText(2)),
                q->ColumnInt(3),
                q->ColumnInt(4),
                std::string(q->ColumnText(5)),
                std::string(q->ColumnText(6))};
  return std::optional<BatchRecord>(std::move(b));
}

Result<std::optional<int64_t>> ExchangeStore::LatestExport(std::string_view source) {
  ZJ_ASSIGN_OR_RETURN(auto q,
                      db_.Prepare("SELECT max(exported_at) FROM batches WHERE source_org_id = $1"));
  q->BindText(1, source);
  ZJ_ASSIGN_OR_RETURN(bool row, q->Step());
  if (!row || q->IsNull(0)) return std::optional<int64_t>();
  return std::optional<int64_t>(q->ColumnInt(0));
}

Result<int64_t> ExchangeStore::BeginBatch(const BatchRecord& b) {
  ZJ_ASSIGN_OR_RETURN(auto q,
                      db_.Prepare("INSERT INTO batches (batch_id, source_org_id, exported_at, "
                                  "applied_at, mode, report) VALUES ($1,$2,$3,$4,$5,'{}') "
                                  "RETURNING batch_no"));
  q->BindText(1, b.batch_id);
  q->BindText(2, b.source_org_id);
  q->BindInt(3, b.exported_at);
  q->BindInt(4, b.applied_at);
  q->BindText(5, b.mode);
  ZJ_ASSIGN_OR_RETURN(bool row, q->Step());
  if (!row) return Internal("登记数据包失败");
  batch_no_ = q->ColumnInt(0);
  ZJ_RETURN_IF_ERROR(q->Run());
  return batch_no_;
}

Status ExchangeStore::FinishBatch(int64_t batch_no, std::string_view report) {
  ZJ_ASSIGN_OR_RETURN(auto q, db_.Prepare("UPDATE batches SET report = $1 WHERE batch_no = $2"));
  q->BindText(1, report);
  q->BindInt(2, batch_no);
  return q->Run();
}

Status ExchangeStore::AddQuarantine(int64_t batch_no, const QuarantinedRow& r) {
  auto& q = ref_queries_["#quarantine"];
  if (!q) {
    ZJ_ASSIGN_OR_RETURN(q, db_.Prepare("INSERT INTO quarantine (batch_no, table_name, file, line, "
                                       "record, reasons) VALUES ($1,$2,$3,$4,$5,$6)"));
  }
  q->Reset();
  q->BindInt(1, batch_no);
  q->BindText(2, r.table);
  q->BindText(3, r.file);
  q->BindInt(4, r.line);
  q->BindText(5, r.record);
  q->BindText(6, r.reasons);
  Status s = q->Run();
  q->Reset();
  return s;
}

Result<std::vector<std::pair<std::string, int64_t>>> TableRowCounts(Database& db) {
  std::vector<std::pair<std::string, int64_t>> out;
  for (const TableSpec* t : domain::AllTables()) {
    ZJ_ASSIGN_OR_RETURN(int64_t n, QueryInt(db, "SELECT count(*) FROM " + std::string(t->name)));
    out.emplace_back(std::string(t->name), n);
  }
  return out;
}

std::string AttachmentFilePath(Database& db, std::string_view sha256) {
  return db.FilesDir() + "/attachments/" + std::string(sha256.substr(0, 2)) + "/" +
         std::string(sha256);
}

}  // namespace zj::storage

namespace zj::storage {
namespace {

// Batches an OrgScope may see; $1 is the scope's JSON array (unused for the whole store).
std::string BatchScopeWhere(const OrgScope& scope) {
  return scope.all() ? " WHERE 1"
                     : " WHERE b.source_org_id IN (SELECT value FROM json_each($1))";
}

constexpr std::string_view kBatchSelect =
    "SELECT b.batch_no, b.batch_id, b.source_org_id, b.exported_at, b.applied_at, b.mode, "
    "b.report, (SELECT a.username FROM audit_log a WHERE a.action = 'batch_import' AND "
    "a.object_type = 'batch' AND a.object_id = b.batch_id ORDER BY a.seq LIMIT 1) "
    "FROM batches b";

BatchListRow ReadBatchRow(Statement& q) {
  BatchListRow r;
  r.batch = BatchRecord{q.ColumnInt(0),
                        std::string(q.ColumnText(1)),
                        std::string(q.ColumnText(2)),
                        q.ColumnInt(3),
                        q.ColumnInt(4),
                        std::string(q.ColumnText(5)),
                        std::string(q.ColumnText(6))};
  if (!q.IsNull(7)) r.imported_by = q.ColumnText(7);
  return r;
}

}  // namespace

Result<std::vector<BatchListRow>> ListBatches(Database& db, const OrgScope& scope, int64_t limit,
                                              int64_t offset) {
  ZJ_ASSIGN_OR_RETURN(auto q, db.Prepare(std::string(kBatchSelect) + BatchScopeWhere(scope) +
                                         " ORDER BY b.batch_no DESC LIMIT $2 OFFSET $3"));
  q->BindText(1, scope.all() ? "[]" : scope.json());
  q->BindInt(2, limit);
  q->BindInt(3, offset);
  std::vector<BatchListRow> out;
  while (true) {
    ZJ_ASSIGN_OR_RETURN(bool row, q->Step());
    if (!row) break;
    out.push_back(ReadBatchRow(*q));
  }
  return out;
}

Result<int64_t> CountBatches(Database& db, const OrgScope& scope) {
  ZJ_ASSIGN_OR_RETURN(auto q, db.Prepare("SELECT COUNT(*) FROM batches b" + BatchScopeWhere(scope)));
  q->BindText(1, scope.all() ? "[]" : scope.json());
  ZJ_ASSIGN_OR_RETURN(bool row, q->Step());
  return row ? q->ColumnInt(0) : 0;
}

Result<std::optional<BatchListRow>> FindBatchInScope(Database& db, const OrgScope& scope,
                                                     std::string_view batch_id) {
  ZJ_ASSIGN_OR_RETURN(auto q, db.Prepare(std::string(kBatchSelect) + BatchScopeWhere(scope) +
                                         " AND b.batch_id = $2"));
  q->BindText(1, scope.all() ? "[]" : scope.json());
  q->BindText(2, batch_id);
  ZJ_ASSIGN_OR_RETURN(bool row, q->Step());
  if (!row) return std::optional<BatchListRow>();
  return std::optional<BatchListRow>(ReadBatchRow(*q));
}

Result<std::vector<QuarantineListRow>> ListQuarantine(Database& db, int64_t batch_no,
                                                      int64_t limit, int64_t offset) {
  ZJ_ASSIGN_OR_RETURN(auto q, db.Prepare(
      "SELECT id, table_name, file, line, record, reasons FROM quarantine WHERE batch_no = $1 "
      "ORDER BY id LIMIT $2 OFFSET $3"));
  q->BindInt(1, batch_no);
  q->BindInt(2, limit);
  q->BindInt(3, offset);
  std::vector<QuarantineListRow> out;
  while (true) {
    ZJ_ASSIGN_OR_RETURN(bool row, q->Step());
    if (!row) break;
    QuarantineListRow r;
    r.id = q->ColumnInt(0);
    r.row.table = q->ColumnText(1);
    r.row.file = q->ColumnText(2);
    r.row.line = q->ColumnInt(3);
    r.row.record = q->ColumnText(4);
    r.row.reasons = q->ColumnText(5);
    out.push_back(std::move(r));
  }
  return out;
}

Result<int64_t> CountQuarantine(Database& db, int64_t batch_no) {
  ZJ_ASSIGN_OR_RETURN(auto q, db.Prepare("SELECT COUNT(*) FROM quarantine WHERE batch_no = $1"));
  q->BindInt(1, batch_no);
  ZJ_ASSIGN_OR_RETURN(bool row, q->Step());
  return row ? q->ColumnInt(0) : 0;
}

}  // namespace zj::storage
