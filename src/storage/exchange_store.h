#pragma once
// ExchangeStore: writes exchange rows and batch records; the only code that knows
// the SQL of the exchange tables (see schema_sql.h for the layout).
//
// Used by ingest inside one write transaction per batch:
//   store.Upsert(table, values, x_extra) → inserted / updated / duplicate-in-batch
//   store.Delete(table, key values)      → deleted / missing / duplicate-in-batch
// A row written by the current batch carries its batch_no, which is how a second
// row with the same key in the same batch is recognised without holding keys in
// memory (a batch may hold hundreds of millions of positions).
//
// Not thread-safe: one ExchangeStore per Database, used by one thread.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>

#include "domain/exchange_tables.h"
#include "storage/database.h"
#include "storage/scope.h"

namespace zj::storage {

enum class WriteOutcome { kInserted, kUpdated, kDeleted, kMissing, kDuplicateInBatch };

struct BatchRecord {
  int64_t batch_no = 0;
  std::string batch_id;
  std::string source_org_id;
  int64_t exported_at = 0;
  int64_t applied_at = 0;
  std::string mode;    // "strict" | "quarantine"
  std::string report;  // JSON
};

struct QuarantinedRow {
  std::string table;
  std::string file;
  int64_t line = 0;
  std::string record;   // the CSV record exactly as it appeared
  std::string reasons;  // JSON array of {column, value, rule, message}
};

class ExchangeStore {
 public:
  explicit ExchangeStore(Database& db) : db_(db) {}
  ExchangeStore(const ExchangeStore&) = delete;
  ExchangeStore& operator=(const ExchangeStore&) = delete;

  // Batches.
  Result<std::optional<BatchRecord>> FindBatch(std::string_view batch_id);
  // Latest exported_at applied from `source_org_id`, if any.
  Result<std::optional<int64_t>> LatestExport(std::string_view source_org_id);
  // Inserts the batch row (report filled in later) and remembers its number for writes.
  Result<int64_t> BeginBatch(const BatchRecord& batch);
  Status FinishBatch(int64_t batch_no, std::string_view report_json);
  Status AddQuarantine(int64_t batch_no, const QuarantinedRow& row);

  // Rows. `values` are in the table's declared column order; for packed series the
  // parent reference must already exist (see RowNo) and the timestamp lie in range.
  Result<WriteOutcome> Upsert(const domain::TableSpec& table, std::span<const domain::Value> values,
                              std::string_view x_extra);
  // Inserts rows whose keys are all expected to be new, in one statement. Returns true
  // if every row was inserted; false (and nothing written) if any key exists already,
  // in the store or twice among `rows` — the caller then upserts them one by one.
  // At most kInsertGroup rows.
  static constexpr size_t kInsertGroup = 32;
  struct NewRow {
    std::span<const domain::Value> values;
    std::string_view x_extra;
  };
  Result<bool> InsertAllNew(const domain::TableSpec& table, std::span<const NewRow> rows);
  Result<WriteOutcome> Delete(const domain::TableSpec& table,
                              std::span<const domain::Value> values);

  // row_no of the row of `table` (single-column key) whose key is `key`, or nullopt.
  // Served from an in-memory index of the whole table, built on first use and
  // dropped by TableDone(); use LookupRowNo while the table is still being written.
  Result<std::optional<int64_t>> RowNo(const domain::TableSpec& table, std::string_view key);
  Result<std::optional<int64_t>> LookupRowNo(const domain::TableSpec& table, std::string_view key);
  // The text of `column` in the row of `table` whose single-column key is `key`,
  // or nullopt if there is no such row or the value is null.
  Result<std::optional<std::string>> TextOf(const domain::TableSpec& table, std::string_view key,
                                            std::string_view column);
  // Call when a table's writes for this batch are finished.
  void TableDone(const domain::TableSpec& table) {
    keys_[&table].valid = false;
    last_parent_row_ = -1;
  }
  // Does any row of `child` reference the row of `parent` (key `key`, row `parent_row_no`)
  // through `column`? (restrict on delete)
  Result<bool> IsReferenced(const domain::TableSpec& child, const domain::ColumnSpec& column,
                            const domain::TableSpec& parent, std::string_view key,
                            int64_t parent_row_no);

 private:
  struct TableStatements {
    std::unique_ptr<Statement> insert, update, remove, exists, insert_group;
  };
  Result<TableStatements*> StatementsFor(const domain::TableSpec& table);
  // Binds one row's stored columns from parameter `first` on; returns the next parameter.
  Result<int> BindRow(const domain::TableSpec& table, Statement& stmt,
                      std::span<const domain::Value> values, std::string_view x_extra,
                      int first = 1);
  Result<int64_t> PackedKey(const domain::TableSpec& table, std::span<const domain::Value> values);

  Database& db_;
  int64_t batch_no_ = 0;
  std::unordered_map<const domain::TableSpec*, TableStatements> statements_;
  struct KeyIndex {
    bool valid = false;
    std::unordered_map<std::string, int64_t> rows;
  };
  std::unordered_map<const domain::TableSpec*, KeyIndex> keys_;
  // Series rows come grouped by parent: remember the last parent resolved.
  std::string last_parent_key_;
  int64_t last_parent_row_ = -1;
  std::unordered_map<std::string, std::unique_ptr<Statement>> ref_queries_;
};

// An applied batch as the data pages list it: the batch record and who imported it (the
// username of its `batch_import` audit row; empty when imported from the command line).
struct BatchListRow {
  BatchRecord batch;
  std::string imported_by;
};
// Applied batches whose source org is in `scope`, newest first.
Result<std::vector<BatchListRow>> ListBatches(Database& db, const OrgScope& scope, int64_t limit,
                                              int64_t offset);
Result<int64_t> CountBatches(Database& db, const OrgScope& scope);
// The batch `batch_id` if applied and its source org is in `scope` (else nullopt, as if
// it did not exist).
Result<std::optional<BatchListRow>> FindBatchInScope(Database& db, const OrgScope& scope,
                                                     std::string_view batch_id);

// Rows of batch `batch_no` kept in quarantine, in table and line order.
struct QuarantineListRow {
  int64_t id = 0;
  QuarantinedRow row;
};
Result<std::vector<QuarantineListRow>> ListQuarantine(Database& db, int64_t batch_no,
                                                      int64_t limit, int64_t offset);
Result<int64_t> CountQuarantine(Database& db, int64_t batch_no);

// SHA-256 over every row of every table of the store, in a fixed order: equal
// checksums mean equal contents. Used to prove that rejected input changed nothing.
Result<std::string> StoreChecksum(Database& db);

// Row count of every exchange table.
Result<std::vector<std::pair<std::string, int64_t>>> TableRowCounts(Database& db);

// Where an imported attachment's file is kept (content-addressed, shared by every batch that
// carries it): <files dir>/attachments/<sha[0:2]>/<sha>.
std::string AttachmentFilePath(Database& db, std::string_view sha256);

}  // namespace zj::storage
