#include "engine/engine.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <mutex>

#include "ingest/importer.h"
#include "storage/migrations.h"
#include "tests/support/batch_builder.h"

namespace zj::engine {
namespace {

TEST(ParamOverridesFromToml, ReadsModelSectionsAndJurisdictions) {
  auto o = ParamOverridesFromToml(R"(
[db]
url = "sqlite://x.db"
[models.M14]
out_of_area_minutes = 180
[models.M14.jurisdiction."510100-PROC"]
out_of_area_minutes = 240
[models.M10]
restricted_categories = "gang;terrorism"
ratio = 0.2
)",
                                  "zhijian.toml");
  ASSERT_TRUE(o.ok()) << o.status().message();
  ASSERT_EQ(o->size(), 4u);
  auto find = [&](std::string model, std::string name, std::string org) {
    for (const auto& p : *o) {
      if (p.model == model && p.name == name && p.org_id == org) return p.value;
    }
    return std::string("<none>");
  };
  EXPECT_EQ(find("M14", "out_of_area_minutes", ""), "180");
  EXPECT_EQ(find("M14", "out_of_area_minutes", "510100-PROC"), "240");
  EXPECT_EQ(find("M10", "restricted_categories", ""), "gang;terrorism");
  EXPECT_EQ(find("M10", "ratio", ""), "0.2");
  EXPECT_EQ((*o)[0].source, "zhijian.toml");
}

TEST(ParamOverridesFromToml, LocatesSyntaxErrors) {
  auto o = ParamOverridesFromToml("[models.M14]\nout_of_area_minutes = = 3\n", "zhijian.toml");
  ASSERT_FALSE(o.ok());
  EXPECT_NE(o.status().message().find("第 2 行"), std::string::npos) << o.status().message();
  auto bad = ParamOverridesFromToml("[models.M14]\nx = [1, 2]\n", "zhijian.toml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("models.M14.x"), std::string::npos);
}

// A pass with nothing to do (no supervised person lives in a known county: the trajectory
// pass has zero parts) runs no part; progress goes from loading to the clue update, counted
// in models; the in-transaction hook sees the run being recorded.
TEST(RunModels, ReportsProgressAndRunsNoPartOfAnEmptyPass) {
  const std::string work = testing::TempDir("engine-progress");
  testing::BuildOptions b;
  ASSERT_TRUE(testing::BuildBatch(testing::SourceDir() + "/tests/badinput/base", work + "/batch", b)
                  .ok());
  const std::string url = "sqlite://" + work + "/store.db";
  {
    auto db = storage::Database::Open(url);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(storage::Migrate(**db).ok());
    auto r = ingest::ImportBatch(**db, work + "/batch");
    ASSERT_TRUE(r.ok() && r->outcome == ingest::ImportOutcome::kApplied);
  }
  std::mutex mu;
  std::vector<std::tuple<std::string, int, int>> seen;
  int64_t hooked_run = 0;
  RunOptions o;
  o.models = {"M14", "M15", "M13"};
  o.data_dir = testing::SourceDir() + "/data";
  o.update_clues = false;
  o.progress = [&](const std::string& stage, int done, int total) {
    std::lock_guard lock(mu);
    seen.emplace_back(stage, done, total);
  };
  o.in_transaction = [&](storage::Database& db, int64_t run_no) -> Status {
    EXPECT_TRUE(db.InTransaction());
    hooked_run = run_no;
    return Status::Ok();
  };
  auto r = RunModels(url, o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(hooked_run, r->run_no);
  ASSERT_GE(seen.size(), 3u);
  EXPECT_EQ(seen.front(), std::make_tuple(std::string("载入数据"), 0, 3));
  EXPECT_EQ(seen.back(), std::make_tuple(std::string("更新线索"), 3, 3));
  bool trajectory = false;
  for (size_t i = 1; i < seen.size(); ++i) {
    EXPECT_GE(std::get<1>(seen[i]), std::get<1>(seen[i - 1]));
    trajectory |= std::get<0>(seen[i]) == "运行 M14、M15";
  }
  EXPECT_TRUE(trajectory);

  // An error from the hook rolls the run back.
  o.in_transaction = [](storage::Database&, int64_t) { return Internal("hook failed"); };
  EXPECT_FALSE(RunModels(url, o).ok());
  {
    auto db = storage::Database::Open(url);
    EXPECT_EQ(*storage::QueryInt(**db, "SELECT COUNT(*) FROM model_runs"), 1);
  }
  std::filesystem::remove_all(work);
}

}  // namespace
}  // namespace zj::engine
