#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "domain/exchange_docs.h"
#include "storage/exchange_store.h"
#include "storage/migrations.h"
#include "storage/schema_sql.h"

namespace zj::storage {
namespace {

std::string ReadSource(const std::string& rel) {
  std::ifstream in(std::string(ZJ_SOURCE_DIR_DEFAULT) + "/" + rel, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::unique_ptr<Database> Memory() {
  auto db = Database::Open("sqlite://:memory:");
  EXPECT_TRUE(db.ok());
  return std::move(*db);
}

TEST(Schema, CommittedMigrationMatchesTheDeclaration) {
  EXPECT_EQ(ReadSource("migrations/sqlite/0001_exchange_v1.sql"), ExchangeSchemaSql())
      << "run: zhijian schema sql > migrations/sqlite/0001_exchange_v1.sql";
}

TEST(Schema, CommittedTableReferenceMatchesTheDeclaration) {
  EXPECT_EQ(ReadSource("docs/exchange-tables.md"), domain::ExchangeTablesMarkdown())
      << "run: zhijian schema docs > docs/exchange-tables.md";
}

TEST(Migrations, ApplyOnceInOrderAndAreIdempotent) {
  auto db = Memory();
  auto v = Migrate(*db);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(*v, SqliteMigrations().back().version);
  EXPECT_EQ(*Migrate(*db), *v);
  EXPECT_EQ(*QueryInt(*db, "SELECT count(*) FROM schema_migrations"),
            static_cast<int64_t>(SqliteMigrations().size()));
  for (const domain::TableSpec* t : domain::AllTables()) {
    EXPECT_TRUE(QueryInt(*db, "SELECT count(*) FROM " + std::string(t->name)).ok()) << t->name;
  }
}

TEST(Migrations, RefuseAStoreFromANewerVersion) {
  auto db = Memory();
  ASSERT_TRUE(Migrate(*db).ok());
  ASSERT_TRUE(db->Exec("INSERT INTO schema_migrations VALUES (9999, 'future', 0)").ok());
  auto v = Migrate(*db);
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.status().message().find("升级"), std::string::npos);
}

TEST(Database, ParametersAreNumberedLikePostgres) {
  auto db = Memory();
  auto s = db->Prepare("SELECT $2 || '-' || $1 || '-' || $2");
  ASSERT_TRUE(s.ok());
  (*s)->BindText(1, "a");
  (*s)->BindText(2, "b");
  ASSERT_TRUE(*(*s)->Step());
  EXPECT_EQ((*s)->ColumnText(0), "b-a-b");
}

TEST(Database, UnsupportedUrlsFailClearly) {
  EXPECT_EQ(Database::Open("postgresql://localhost/zj").status().code(),
            StatusCode::kUnimplemented);
  EXPECT_EQ(Database::Open("mysql://x").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Database::Open("sqlite://").status().code(), StatusCode::kInvalidArgument);
}

TEST(ExchangeStore, UpsertDistinguishesInsertUpdateAndDuplicate) {
  auto db = Memory();
  ASSERT_TRUE(Migrate(*db).ok());
  ASSERT_TRUE(db->BeginWrite().ok());
  ExchangeStore store(*db);
  const domain::TableSpec& persons = *domain::FindTable("persons");
  std::vector<domain::Value> row(persons.columns.size());
  row[0] = domain::Value::Text("P-1");
  row[1] = domain::Value::Text("张某");
  ASSERT_TRUE(store.BeginBatch({0, "B1", "SRC", 1, 1, "strict", ""}).ok());
  EXPECT_EQ(*store.Upsert(persons, row, ""), WriteOutcome::kInserted);
  EXPECT_EQ(*store.Upsert(persons, row, ""), WriteOutcome::kDuplicateInBatch);
  ASSERT_TRUE(store.BeginBatch({0, "B2", "SRC", 2, 2, "strict", ""}).ok());
  row[1] = domain::Value::Text("张某某");
  EXPECT_EQ(*store.Upsert(persons, row, "{\"x_a\":\"1\"}"), WriteOutcome::kUpdated);
  EXPECT_EQ(*store.Upsert(persons, row, ""), WriteOutcome::kDuplicateInBatch);
  ASSERT_TRUE(store.BeginBatch({0, "B3", "SRC", 3, 3, "strict", ""}).ok());
  EXPECT_EQ(*store.Delete(persons, row), WriteOutcome::kDeleted);
  EXPECT_EQ(*store.Delete(persons, row), WriteOutcome::kMissing);
  ASSERT_TRUE(db->Commit().ok());
}

TEST(ExchangeStore, ChecksumSeesEveryChange) {
  auto db = Memory();
  ASSERT_TRUE(Migrate(*db).ok());
  std::string a = *StoreChecksum(*db);
  EXPECT_EQ(*StoreChecksum(*db), a);
  ASSERT_TRUE(
      db->Exec("INSERT INTO persons (person_id, name, batch_no) VALUES ('P', 'x', 1)").ok());
  std::string b = *StoreChecksum(*db);
  EXPECT_NE(a, b);
  ASSERT_TRUE(db->Exec("UPDATE persons SET name = NULL WHERE 0").ok());
  EXPECT_EQ(*StoreChecksum(*db), b);
  ASSERT_TRUE(db->Exec("UPDATE persons SET gender = 'M'").ok());
  EXPECT_NE(*StoreChecksum(*db), b);
}

}  // namespace
}  // namespace zj::storage
