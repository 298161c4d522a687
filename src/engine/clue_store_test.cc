// Clue reconciliation across runs (storage/clue_store.h): the same finding stays one clue,
// a changed finding updates it with history, a vanished one is resolved by data and comes
// back as reopened; trial runs and out-of-scope clues are left alone.

#include "storage/clue_store.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "storage/migrations.h"
#include "tests/support/batch_builder.h"

namespace zj::storage {
namespace {

ClueContent C(std::string model, std::string key, std::string org, std::string summary) {
  return {.model = std::move(model),
          .key = std::move(key),
          .person_id = "P-1",
          .org_id = std::move(org),
          .severity = "high",
          .title = "t",
          .summary = std::move(summary),
          .facts = "{\"a\":1}",
          .basis = "[\"JX-INTV-01\"]",
          .window = "null"};
}

class ClueStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    work_ = testing::TempDir("clue-store");
    auto db = Database::Open("sqlite://" + work_ + "/store.db");
    ASSERT_TRUE(db.ok());
    db_ = std::move(*db);
    ASSERT_TRUE(Migrate(*db_).ok());
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(work_);
  }
  RecordedRun Run(std::vector<ClueContent> findings, std::vector<std::string> models = {"M02"},
                  bool update = true, std::function<bool(std::string_view)> scope = nullptr) {
    RunRecord r{.started_at = 100, .finished_at = 200 + ++runs_, .as_of = 50, .models = "[]",
                .versions = "{}", .params = "{}", .batches = "[]", .stats = "{}",
                .clues_updated = update};
    auto out = RecordRun(*db_, r, models, findings,
                         scope ? scope : [](std::string_view) { return true; });
    EXPECT_TRUE(out.ok()) << out.status().message();
    return out.ok() ? *out : RecordedRun{};
  }
  ClueRow Only(const std::string& key) {
    auto rows = ListClues(*db_, {});
    EXPECT_TRUE(rows.ok());
    for (const ClueRow& r : *rows) {
      if (r.content.key == key) return r;
    }
    ADD_FAILURE() << "no clue " << key;
    return {};
  }
  std::string work_;
  std::unique_ptr<Database> db_;
  int runs_ = 0;
};

TEST_F(ClueStoreTest, SameFindingsTwiceMakeNoNewClueAndNoHistory) {
  RecordedRun a = Run({C("M02", "{\"change_id\":\"C-1\"}", "O1", "s"),
                       C("M02", "{\"change_id\":\"C-2\"}", "O1", "s")});
  EXPECT_EQ(a.total.created, 2);
  RecordedRun b = Run({C("M02", "{\"change_id\":\"C-1\"}", "O1", "s"),
                       C("M02", "{\"change_id\":\"C-2\"}", "O1", "s")});
  EXPECT_EQ(b.total.created, 0);
  EXPECT_EQ(b.total.unchanged, 2);
  EXPECT_GT(b.run_no, a.run_no);
  ClueRow c1 = Only("{\"change_id\":\"C-1\"}");
  EXPECT_EQ(c1.first_run, a.run_no);
  EXPECT_EQ(c1.last_run, b.run_no);
  EXPECT_EQ(c1.status, "open");
  auto h = ClueHistory(*db_, c1.clue_no);
  ASSERT_TRUE(h.ok());
  ASSERT_EQ(h->size(), 1u);
  EXPECT_EQ((*h)[0].event, "created");
  EXPECT_EQ(*CountClues(*db_, {}), 2);
}

TEST_F(ClueStoreTest, ChangedVanishedAndReturningFindings) {
  RecordedRun a = Run({C("M02", "{\"change_id\":\"C-1\"}", "O1", "old"),
                       C("M02", "{\"change_id\":\"C-2\"}", "O1", "s")});
  // C-1 changes its summary; C-2 disappears (corrected data).
  RecordedRun b = Run({C("M02", "{\"change_id\":\"C-1\"}", "O1", "new")});
  EXPECT_EQ(b.total.updated, 1);
  EXPECT_EQ(b.total.resolved, 1);
  ClueRow c2 = Only("{\"change_id\":\"C-2\"}");
  EXPECT_EQ(c2.status, "resolved_by_data");
  EXPECT_EQ(c2.resolved_run, b.run_no);
  ClueRow c1 = Only("{\"change_id\":\"C-1\"}");
  EXPECT_EQ(c1.content.summary, "new");
  auto h1 = ClueHistory(*db_, c1.clue_no);
  ASSERT_EQ(h1->size(), 2u);
  EXPECT_EQ((*h1)[1].event, "updated");
  EXPECT_NE((*h1)[1].detail.find("\"previous_summary\":\"old\""), std::string::npos);
  // Resolved again is not resolved twice; then it comes back.
  RecordedRun c = Run({C("M02", "{\"change_id\":\"C-1\"}", "O1", "new")});
  EXPECT_EQ(c.total.resolved, 0);
  RecordedRun d = Run({C("M02", "{\"change_id\":\"C-1\"}", "O1", "new"),
                       C("M02", "{\"change_id\":\"C-2\"}", "O1", "s")});
  EXPECT_EQ(d.total.reopened, 1);
  c2 = Only("{\"change_id\":\"C-2\"}");
  EXPECT_EQ(c2.status, "open");
  EXPECT_FALSE(c2.resolved_run);
  auto h2 = ClueHistory(*db_, c2.clue_no);
  ASSERT_EQ(h2->size(), 3u);
  EXPECT_EQ((*h2)[1].event, "resolved_by_data");
  EXPECT_EQ((*h2)[1].run_no, b.run_no);
  EXPECT_EQ((*h2)[2].event, "reopened");
  EXPECT_EQ(*CountClues(*db_, {}), 2);  // nothing deleted, nothing duplicated
  (void)a;
}

TEST_F(ClueStoreTest, OnlyModelsThatRanAndOnlyInScopeAreResolved) {
  Run({C("M02", "{\"change_id\":\"C-1\"}", "O1", "s"),
       C("M03", "{\"change_id\":\"C-1\"}", "O1", "s"),
       C("M02", "{\"change_id\":\"C-9\"}", "O2", "s")},
      {"M02", "M03"});
  // A run of M02 limited to org O1 finds nothing: only M02's clue at O1 is resolved.
  RecordedRun r = Run({}, {"M02"}, true, [](std::string_view org) { return org == "O1"; });
  EXPECT_EQ(r.total.resolved, 1);
  auto open = ListClues(*db_, {.status = "open"});
  ASSERT_EQ(open->size(), 2u);
  EXPECT_EQ(*CountClues(*db_, {.models = {"M02"}, .org_ids = std::vector<std::string>{"O2"}}), 1);
}

TEST_F(ClueStoreTest, TrialRunTouchesNoClueAndDuplicatesAreRefused) {
  Run({C("M02", "{\"change_id\":\"C-1\"}", "O1", "s")});
  RecordedRun t = Run({}, {"M02"}, false);
  EXPECT_EQ(t.total.resolved, 0);
  EXPECT_EQ(Only("{\"change_id\":\"C-1\"}").status, "open");
  auto runs = ListRuns(*db_, 10);
  ASSERT_EQ(runs->size(), 2u);
  EXPECT_FALSE((*runs)[0].record.clues_updated);

  RunRecord r{.models = "[]", .versions = "{}", .params = "{}", .batches = "[]", .stats = "{}"};
  const std::vector<std::string> models = {"M02"};
  const std::vector<ClueContent> dup = {C("M02", "{\"change_id\":\"C-5\"}", "O1", "a"),
                                        C("M02", "{\"change_id\":\"C-5\"}", "O1", "b")};
  auto bad = RecordRun(*db_, r, models, dup, [](std::string_view) { return true; });
  EXPECT_EQ(bad.status().code(), StatusCode::kInternal);
  EXPECT_EQ(ListRuns(*db_, 10)->size(), 2u);  // nothing written
}

TEST_F(ClueStoreTest, FilterValuesAreBoundNotSpliced) {
  Run({C("M02", "{\"change_id\":\"C-1\"}", "O1", "s")});
  EXPECT_EQ(*CountClues(*db_, {.models = {"M02' OR '1'='1"}}), 0);
  EXPECT_EQ(*CountClues(*db_, {.status = "open' OR 1=1 --"}), 0);
  EXPECT_EQ(*CountClues(*db_, {.org_ids = std::vector<std::string>{"\"]) OR 1=1 --"}}), 0);
  EXPECT_EQ(*CountClues(*db_, {.models = {"M02"}}), 1);
}

}  // namespace
}  // namespace zj::storage
