#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

#include "storage/database.h"

namespace zj::storage {
namespace {

Status SqliteError(sqlite3* db, std::string_view what) {
  std::string msg = std::string(what) + "：" + (db ? sqlite3_errmsg(db) : "无法打开数据库");
  int code = db ? sqlite3_errcode(db) : SQLITE_CANTOPEN;
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    return Aborted(msg + "（数据库正被其他进程写入）");
  if (code == SQLITE_CONSTRAINT) return FailedPrecondition(msg);
  return IoError(msg);
}

// Prepared statements a connection keeps for reuse, by SQL text: a request that runs the same
// queries as the last one (the API's session check, list pages) skips the SQL compiler.
class StatementCache {
 public:
  struct Entry {
    sqlite3_stmt* stmt;
    std::vector<int> slots;
  };
  ~StatementCache() {
    for (auto& [sql, entries] : idle_) {
      for (Entry& e : entries) sqlite3_finalize(e.stmt);
    }
  }
  std::optional<Entry> Take(const std::string& sql) {
    auto it = idle_.find(sql);
    if (it == idle_.end() || it->second.empty()) return std::nullopt;
    Entry e = std::move(it->second.back());
    it->second.pop_back();
    --size_;
    return e;
  }
  // Keeps `e` (reset, bindings cleared) for reuse, or finalizes it when the cache is full.
  void Give(const std::string& sql, Entry e) {
    sqlite3_reset(e.stmt);
    sqlite3_clear_bindings(e.stmt);
    if (size_ >= kMax) {
      sqlite3_finalize(e.stmt);
      return;
    }
    idle_[sql].push_back(std::move(e));
    ++size_;
  }

 private:
  static constexpr size_t kMax = 128;
  std::unordered_map<std::string, std::vector<Entry>> idle_;
  size_t size_ = 0;
};

class SqliteStatement final : public Statement {
 public:
  // A fresh statement: maps `$N` to SQLite's parameter slots, whatever order they appear in.
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt, StatementCache* cache, std::string sql)
      : db_(db), stmt_(stmt), cache_(cache), sql_(std::move(sql)) {
    int n = sqlite3_bind_parameter_count(stmt_);
    for (int i = 1; i <= n; ++i) {
      const char* name = sqlite3_bind_parameter_name(stmt_, i);
      int number = name && name[0] == '$' ? std::atoi(name + 1) : i;
      if (number >= static_cast<int>(slots_.size())) slots_.resize(number + 1, 0);
      slots_[number] = i;
    }
  }
  // A statement from the cache.
  SqliteStatement(sqlite3* db, StatementCache::Entry e, StatementCache* cache, std::string sql)
      : db_(db), stmt_(e.stmt), slots_(std::move(e.slots)), cache_(cache), sql_(std::move(sql)) {}
  ~SqliteStatement() override { cache_->Give(sql_, {stmt_, std::move(slots_)}); }

  void BindNull(int i) override { sqlite3_bind_null(stmt_, Slot(i)); }
  void BindInt(int i, int64_t v) override { sqlite3_bind_int64(stmt_, Slot(i), v); }
  void BindReal(int i, double v) override { sqlite3_bind_double(stmt_, Slot(i), v); }
  void BindText(int i, std::string_view v) override {
    sqlite3_bind_text(stmt_, Slot(i), v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void BindTextView(int i, std::string_view v) override {
    sqlite3_bind_text(stmt_, Slot(i), v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  }
  Result<bool> Step() override {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    Status s = SqliteError(db_, "执行 SQL 失败");
    sqlite3_reset(stmt_);
    return s;
  }
  void Reset() override { sqlite3_reset(stmt_); }
  void ClearBindings() override { sqlite3_clear_bindings(stmt_); }
  int ColumnCount() const override { return sqlite3_column_count(stmt_); }
  std::string_view ColumnName(int c) const override { return sqlite3_column_name(stmt_, c); }
  bool IsNull(int c) const override { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }
  int64_t ColumnInt(int c) const override { return sqlite3_column_int64(stmt_, c); }
  double ColumnReal(int c) const override { return sqlite3_column_double(stmt_, c); }
  std::string_view ColumnText(int c) const override {
    const unsigned char* p = sqlite3_column_text(stmt_, c);
    return p ? std::string_view(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, c))
             : std::string_view();
  }

 private:
  int Slot(int i) const { return i < static_cast<int>(slots_.size()) ? slots_[i] : 0; }
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  std::vector<int> slots_;
  StatementCache* cache_;
  std::string sql_;
};

// Writers of one store file in this process queue on one mutex before BEGIN IMMEDIATE, so
// they wait in the kernel rather than in SQLite's busy handler, which polls with sleeps of up
// to 100 ms and gives long tails under many concurrent writers (the API audits every read of
// a record with a write). Writers in other processes still meet the busy timeout.
std::shared_ptr<std::timed_mutex> WriterQueue(const std::string& path) {
  static std::mutex mu;
  static std::map<std::string, std::weak_ptr<std::timed_mutex>> queues;
  std::error_code ec;
  std::string key = std::filesystem::weakly_canonical(path, ec).string();
  if (ec || key.empty()) key = path;
  std::lock_guard<std::mutex> lock(mu);
  std::shared_ptr<std::timed_mutex> q = queues[key].lock();
  if (!q) {
    q = std::make_shared<std::timed_mutex>();
    queues[key] = q;
  }
  return q;
}

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(sqlite3* db, std::string path, int busy_timeout_ms)
      : db_(db),
        path_(std::move(path)),
        busy_timeout_ms_(busy_timeout_ms),
        writers_(path_ == ":memory:" ? nullptr : WriterQueue(path_)) {}
  ~SqliteDatabase() override {
    if (holds_writer_) writers_->unlock();
    // close_v2 defers the close until cache_ (destroyed after this body) finalizes its
    // statements.
    sqlite3_close_v2(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }
  Status Exec(std::string_view sql) override {
    char* err = nullptr;
    std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      Status s = SqliteError(db_, "执行 SQL 失败");
      sqlite3_free(err);
      return s;
    }
    return Status::Ok();
  }
  Result<std::unique_ptr<Statement>> Prepare(std::string_view sql) override {
    std::string text(sql);
    if (auto cached = cache_.Take(text)) {
      return std::unique_ptr<Statement>(
          new SqliteStatement(db_, std::move(*cached), &cache_, std::move(text)));
    }
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &stmt, nullptr) != SQLITE_OK) {
      return SqliteError(db_, "准备 SQL 失败：" + std::string(sql.substr(0, 120)));
    }
    return std::unique_ptr<Statement>(new SqliteStatement(db_, stmt, &cache_, std::move(text)));
  }
  int64_t Changes() const override { return sqlite3_changes64(db_); }
  Status BeginWrite() override {
    // Nested: let SQLite refuse it at once (never wait on our own lock).
    if (!sqlite3_get_autocommit(db_) || !writers_) return Exec("BEGIN IMMEDIATE");
    if (!writers_->try_lock_for(std::chrono::milliseconds(busy_timeout_ms_))) {
      return Aborted("数据库正忙（另一写入操作未完成），请稍后重试");
    }
    holds_writer_ = true;
    Status s = Exec("BEGIN IMMEDIATE");
    if (!s.ok()) ReleaseWriter();
    return s;
  }
  Status BeginRead() override { return Exec("BEGIN"); }
  Status Commit() override {
    Status s = Exec("COMMIT");
    if (!s.ok() && !sqlite3_get_autocommit(db_)) (void)Exec("ROLLBACK");  // never keep the lock
    ReleaseWriter();
    return s;
  }
  Status Rollback() override {
    if (sqlite3_get_autocommit(db_)) {
      ReleaseWriter();
      return Status::Ok();
    }
    Status s = Exec("ROLLBACK");
    ReleaseWriter();
    return s;
  }
  bool InTransaction() const override { return !sqlite3_get_autocommit(db_); }
  std::string FilesDir() const override {
    if (path_ == ":memory:") return std::filesystem::temp_directory_path() / "zhijian-memory-files";
    return path_ + ".files";
  }

 private:
  sqlite3* db_;
  std::string path_;
  void ReleaseWriter() {
    if (holds_writer_) {
      holds_writer_ = false;
      writers_->unlock();
    }
  }
  int busy_timeout_ms_;
  std::shared_ptr<std::timed_mutex> writers_;  // null for :memory:
  bool holds_writer_ = false;
  StatementCache cache_;
};

}  // namespace

Status Statement::Run() {
  while (true) {
    ZJ_ASSIGN_OR_RETURN(bool row, Step());
    if (!row) return Status::Ok();
  }
}

Result<int64_t> QueryInt(Database& db, std::string_view sql) {
  ZJ_ASSIGN_OR_RETURN(auto stmt, db.Prepare(sql));
  ZJ_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row || stmt->IsNull(0)) return NotFound("查询无结果");
  return stmt->ColumnInt(0);
}

Result<std::unique_ptr<Database>> Database::Open(std::string_view url, const OpenOptions& options) {
  constexpr std::string_view kSqlite = "sqlite://";
  if (url.substr(0, kSqlite.size()) != kSqlite) {
    if (url.substr(0, 13) == "postgresql://" || url.substr(0, 11) == "postgres://") {
      return Status(StatusCode::kUnimplemented, "本版本尚不支持 PostgreSQL 存储，请使用 sqlite://");
    }
    return InvalidArgument("数据库地址应以 sqlite:// 开头：" + std::string(url));
  }
  std::string path(url.substr(kSqlite.size()));
  if (path.empty()) return InvalidArgument("数据库地址缺少文件路径：" + std::string(url));
  int flags = options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (options.create_if_missing && !options.read_only) flags |= SQLITE_OPEN_CREATE;
  if (path != ":memory:") {
    std::filesystem::path parent = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty() && !options.read_only) std::filesystem::create_directories(parent, ec);
  }
  // Memory statistics take a global mutex on every allocation; we do not use them.
  static const bool configured = [] {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
  }();
  (void)configured;
  const bool is_new = path == ":memory:" || !std::filesystem::exists(path);
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    Status s = SqliteError(db, "打开数据库失败（" + path + "）");
    sqlite3_close_v2(db);
    return s;
  }
  auto database = std::make_unique<SqliteDatabase>(db, path, options.busy_timeout_ms);
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  // WAL: readers never block the single writer; a crash mid-transaction leaves
  // the last committed state. NORMAL sync is durable at checkpoints and safe
  // against corruption in WAL mode.
  // 8 KiB pages: fewer page splits for the large series tables (set before WAL).
  if (is_new && !options.read_only) ZJ_RETURN_IF_ERROR(database->Exec("PRAGMA page_size=8192"));
  ZJ_RETURN_IF_ERROR(
      database->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF;"
                     "PRAGMA cache_size=-" + std::to_string(options.cache_kib) +
                     "; PRAGMA temp_store=MEMORY;"));
  return std::unique_ptr<Database>(std::move(database));
}

}  // namespace zj::storage
