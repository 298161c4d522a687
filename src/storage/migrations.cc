#include "storage/migrations.h"

#include "common/clock.h"

namespace zj::storage {

Result<int> SchemaVersion(Database& db) {
  ZJ_ASSIGN_OR_RETURN(int64_t exists,
                      QueryInt(db,
                               "SELECT count(*) FROM sqlite_master WHERE type='table' AND "
                               "name='schema_migrations'"));
  if (!exists) return 0;
  auto v = QueryInt(db, "SELECT max(version) FROM schema_migrations");
  return v.ok() ? static_cast<int>(*v) : 0;
}

Result<int> Migrate(Database& db) {
  ZJ_RETURN_IF_ERROR(
      db.Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
              "name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT"));
  ZJ_ASSIGN_OR_RETURN(int current, SchemaVersion(db));
  auto all = SqliteMigrations();
  int latest = all.empty() ? 0 : all.back().version;
  if (current > latest) {
    return FailedPrecondition("数据库版本（" + std::to_string(current) +
                              "）高于本程序支持的版本（" + std::to_string(latest) +
                              "），请升级程序");
  }
  for (const Migration& m : all) {
    if (m.version <= current) continue;
    ZJ_RETURN_IF_ERROR(db.BeginWrite());
    Status s = db.Exec(m.sql);
    if (s.ok()) {
      ZJ_ASSIGN_OR_RETURN(auto ins,
                          db.Prepare("INSERT INTO schema_migrations VALUES ($1, $2, $3)"));
      ins->BindInt(1, m.version);
      ins->BindText(2, m.name);
      ins->BindInt(3, SystemClock::Get().Now());
      s = ins->Run();
    }
    if (!s.ok()) {
      (void)db.Rollback();
      return Status(s.code(), "迁移 " + std::string(m.name) + " 失败：" + s.message());
    }
    ZJ_RETURN_IF_ERROR(db.Commit());
    current = m.version;
  }
  return current;
}

}  // namespace zj::storage
