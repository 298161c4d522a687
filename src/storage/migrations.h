#pragma once
// Numbered schema migrations, embedded in the binary from migrations/sqlite/*.sql.
//
// Migrate() applies, in order and each in its own transaction, every migration whose
// number is not yet recorded in `schema_migrations`. It refuses a store whose recorded
// version is newer than this binary knows. Idempotent.

#include <span>
#include <string_view>

#include "storage/database.h"

namespace zj::storage {

struct Migration {
  int version;
  std::string_view name;  // file name
  std::string_view sql;
};

std::span<const Migration> SqliteMigrations();

// Applies pending migrations. Returns the resulting version.
Result<int> Migrate(Database& db);
// The version the store is at (0 for a new store).
Result<int> SchemaVersion(Database& db);

}  // namespace zj::storage
