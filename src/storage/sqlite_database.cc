#include <sqlite3.h>

#include <filesystem>
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

class SqliteStatement final : public Statement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {
    // Map `$N` to SQLite's parameter slots, whatever order they appear in.
    int n = sqlite3_bind_parameter_count(stmt_);
    for (int i = 1; i <= n; ++i) {
      const char* name = sqlite3_bind_parameter_name(stmt_, i);
      int number = name && name[0] == '$' ? std::atoi(name + 1) : i;
      if (number >= static_cast<int>(slots_.size())) slots_.resize(number + 1, 0);
      slots_[number] = i;
    }
  }
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }

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
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~SqliteDatabase() override { sqlite3_close_v2(db_); }

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
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &stmt, nullptr) != SQLITE_OK) {
      return SqliteError(db_, "准备 SQL 失败：" + std::string(sql.substr(0, 120)));
    }
    return std::unique_ptr<Statement>(new SqliteStatement(db_, stmt));
  }
  int64_t Changes() const override { return sqlite3_changes64(db_); }
  Status BeginWrite() override { return Exec("BEGIN IMMEDIATE"); }
  Status BeginRead() override { return Exec("BEGIN"); }
  Status Commit() override { return Exec("COMMIT"); }
  Status Rollback() override {
    if (sqlite3_get_autocommit(db_)) return Status::Ok();
    return Exec("ROLLBACK");
  }
  bool InTransaction() const override { return !sqlite3_get_autocommit(db_); }
  std::string FilesDir() const override {
    if (path_ == ":memory:") return std::filesystem::temp_directory_path() / "zhijian-memory-files";
    return path_ + ".files";
  }

 private:
  sqlite3* db_;
  std::string path_;
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
  auto database = std::make_unique<SqliteDatabase>(db, path);
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  // WAL: readers never block the single writer; a crash mid-transaction leaves
  // the last committed state. NORMAL sync is durable at checkpoints and safe
  // against corruption in WAL mode.
  // 8 KiB pages: fewer page splits for the large series tables (set before WAL).
  if (is_new && !options.read_only) ZJ_RETURN_IF_ERROR(database->Exec("PRAGMA page_size=8192"));
  ZJ_RETURN_IF_ERROR(
      database->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF;"
                     "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;"));
  return std::unique_ptr<Database>(std::move(database));
}

}  // namespace zj::storage
