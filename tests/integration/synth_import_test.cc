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

namespace zj {
namespace {
namespace fs = std::filesystem;

TEST(SynthImport, TinyProvinceImportsStrictlyAndCompletely) {
  const std::string work = testing::TempDir("synth-import");
  synth::Options o;
  o.scale = synth::Scale::kTiny;
  o.seed = 11;
  o.out_dir = work + "/synth";
  o.geo_dir = testing::SourceDir() + "/data/geo";
  auto gen = synth::Generate(o);
  ASSERT_TRUE(gen.ok()) << gen.status().ToString();

  auto db = storage::Database::Open("sqlite://" + work + "/store.db");
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(storage::Migrate(**db).ok());
  auto report = ingest::ImportBatch(**db, gen->batch_dir);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->outcome, ingest::ImportOutcome::kApplied) << report->ToChinese();
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
