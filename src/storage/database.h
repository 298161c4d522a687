#pragma once
// Database and Statement: the thin layer over an SQL engine that the rest of
// `storage` is written against. SQLite (sqlite3 C API) is the embedded default;
// the interface keeps to what libpq offers too, so PostgreSQL can follow:
// parameters are written `$1, $2, …` in every dialect.
//
// Contract:
//  - Open(url): `sqlite://<path>` (relative or absolute path; `sqlite://:memory:`
//    for an in-memory store). Other schemes fail with kUnimplemented.
//  - A Database is used by one thread at a time (not thread-safe); open one per
//    thread. Exactly one writer at a time holds the store: BeginWrite() waits up
//    to `busy_timeout_ms` for other writers, then fails with kAborted.
//  - A Statement belongs to its Database and must be destroyed before it.
//  - Errors are Status values with the engine's message; never exceptions.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace zj::storage {

enum class Dialect { kSqlite, kPostgres };

class Statement {
 public:
  virtual ~Statement() = default;
  // Parameters are 1-based, matching `$1`, `$2`, … in the SQL text.
  virtual void BindNull(int index) = 0;
  virtual void BindInt(int index, int64_t value) = 0;
  virtual void BindReal(int index, double value) = 0;
  virtual void BindText(int index, std::string_view value) = 0;
  // Like BindText, without a copy: `value` must stay alive until the statement is
  // reset or bound again.
  virtual void BindTextView(int index, std::string_view value) = 0;
  // Runs one step. Returns true when a result row is available, false when done.
  virtual Result<bool> Step() = 0;
  // Runs to completion, ignoring result rows.
  Status Run();
  // Makes the statement ready to run again; bindings are kept.
  virtual void Reset() = 0;
  // Sets every parameter back to NULL.
  virtual void ClearBindings() = 0;

  // Result columns (0-based) of the current row.
  virtual int ColumnCount() const = 0;
  virtual std::string_view ColumnName(int col) const = 0;
  virtual bool IsNull(int col) const = 0;
  virtual int64_t ColumnInt(int col) const = 0;
  virtual double ColumnReal(int col) const = 0;
  // Valid until the next Step/Reset.
  virtual std::string_view ColumnText(int col) const = 0;
};

struct OpenOptions {
  bool create_if_missing = true;
  // How long BeginWrite waits for the store's writer: writers of this process queue on a
  // mutex per store file, writers of other processes on SQLite's busy handler.
  int busy_timeout_ms = 10000;
  bool read_only = false;
  int cache_kib = 65536;  // page cache of this connection
};

class Database {
 public:
  virtual ~Database() = default;
  static Result<std::unique_ptr<Database>> Open(std::string_view url,
                                                const OpenOptions& options = {});

  virtual Dialect dialect() const = 0;
  // Runs one or more statements without parameters.
  virtual Status Exec(std::string_view sql) = 0;
  virtual Result<std::unique_ptr<Statement>> Prepare(std::string_view sql) = 0;
  // Rows changed by the last INSERT/UPDATE/DELETE.
  virtual int64_t Changes() const = 0;

  // Transactions. BeginWrite takes the single writer lock for the whole transaction.
  virtual Status BeginWrite() = 0;
  virtual Status BeginRead() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;
  // True between Begin… and Commit/Rollback: lets a function that must run inside the
  // caller's transaction (storage/audit_store.h AppendAudit) check that it does.
  virtual bool InTransaction() const = 0;

  // The folder beside the store where imported files (attachments) are kept.
  virtual std::string FilesDir() const = 0;
};

// A transaction that ends however the scope is left: rolled back unless committed.
//   Transaction txn(db);
//   ZJ_RETURN_IF_ERROR(txn.BeginWrite());   // or BeginRead()
//   …
//   ZJ_RETURN_IF_ERROR(txn.Commit());
class Transaction {
 public:
  explicit Transaction(Database& db) : db_(db) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    if (open_) (void)db_.Rollback();
  }
  Status BeginRead() { return Begin(db_.BeginRead()); }
  Status BeginWrite() { return Begin(db_.BeginWrite()); }
  Status Commit() {
    open_ = false;
    return db_.Commit();
  }

 private:
  Status Begin(Status s) {
    open_ = s.ok();
    return s;
  }
  Database& db_;
  bool open_ = false;
};

// Convenience: prepares, binds nothing, and returns the first column of the first row.
Result<int64_t> QueryInt(Database& db, std::string_view sql);

}  // namespace zj::storage
