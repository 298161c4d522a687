// The synthetic province passes the strict importer whole: every row of every
// table is accepted, and a second run of the same seed is the same batch.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "ingest/importer.h"
#include "storage/exchange_store.h"
#include "storage/migrations.h"
#include "synth/synth.h"
#include "tests/support/batch_builder.h"
#include "tests/support/test_store.h"

namespace zj {
namespace {
namespace fs = std::filesystem;

TEST(SynthImport, TinyProvinceImportsStrictlyAndCompletely) {
  auto store = testing::MakeSynthStore(synth::Scale::kTiny, 11, "synth-import");
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  const std::string work = store->dir;
  const synth::Report* gen = &store->synth;
  const ingest::ImportReport* report = &store->import;
  auto db = storage::Database::Open(store->url);
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(report->issue_count, 0);
  for (const auto& [table, rows] : gen->rows) {
    auto n = storage::QueryInt(**db, "SELECT count(*) FROM " + table);
    ASSERT_TRUE(n.ok()) << table;
    EXPECT_EQ(*n, rows) << table;
  }
  // The org tree is the whole province at every scale (seeds: 161 resident offices …).
  EXPECT_EQ(*storage::QueryInt(**db, "SELECT count(*) FROM orgs WHERE org_type='county_proc'"),
            183);
  EXPECT_EQ(*storage::QueryInt(**db, "SELECT count(*) FROM orgs WHERE org_type='city_proc'"), 21);
  EXPECT_EQ(*storage::QueryInt(**db, "SELECT count(*) FROM orgs WHERE org_type='prison'"), 32);
  EXPECT_EQ(*storage::QueryInt(**db, "SELECT count(*) FROM orgs WHERE org_type='detention_center'"),
            147);
  EXPECT_EQ(
      *storage::QueryInt(**db, "SELECT count(*) FROM orgs WHERE org_type='correction_office'"),
      183);
  EXPECT_EQ(*storage::QueryInt(**db, "SELECT count(*) FROM orgs WHERE org_type='resident_office'"),
            161);

  // Labels: MODELS.md format, every model planted, keys the model names.
  std::ifstream labels(gen->labels_path);
  std::set<std::string> models;
  std::string line;
  int n = 0;
  while (std::getline(labels, line)) {
    auto j = nlohmann::json::parse(line);
    for (const char* k : {"model", "key", "person_id", "org_id", "severity", "title", "summary",
                          "facts", "basis"}) {
      EXPECT_TRUE(j.contains(k)) << k << " missing in " << line;
    }
    models.insert(j["model"].get<std::string>());
    ++n;
  }
  EXPECT_EQ(models.size(), 25u) << n << " labels";
  db->reset();
  fs::remove_all(work);
}

}  // namespace
}  // namespace zj
