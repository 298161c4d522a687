#include "models/frame.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/support/batch_builder.h"
#include "tests/support/test_store.h"

namespace zj::models {
namespace {

TEST(SnapshotBuilder, ParsesLikeTheImporterAndSharesIds) {
  SnapshotBuilder b;
  b.Table("persons", {"person_id", "birth_date"});
  b.Table("term_changes",
          {"change_id", "person_id", "change_type", "proposal_date", "reduction_months"});
  b.Table("sentences", {"sentence_id", "categories", "fine"});
  ASSERT_TRUE(b.Row("persons", {{"person_id", "P-2"}, {"birth_date", "1990-02-28"}}).ok());
  ASSERT_TRUE(b.Row("persons", {{"person_id", "P-1"}}).ok());
  ASSERT_TRUE(b.Row("term_changes", {{"change_id", "C-1"},
                                     {"person_id", "P-1"},
                                     {"change_type", "parole"},
                                     {"proposal_date", "2025-03-01"}})
                  .ok());
  ASSERT_TRUE(b.Row("sentences",
                    {{"sentence_id", "S-1"}, {"categories", "recidivist;minor"}, {"fine", "12.50"}})
                  .ok());
  // A bad value is refused and adds nothing.
  Status bad = b.Row("term_changes", {{"change_id", "C-2"}, {"proposal_date", "2025-02-30"}});
  EXPECT_EQ(bad.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.message().find("term_changes.proposal_date"), std::string::npos);
  auto s = b.Finish();

  const Frame& persons = s->Table("persons");
  const Frame& changes = s->Table("term_changes");
  ASSERT_EQ(changes.rows(), 1);
  // The same person is the same dense id in both frames, and the key index finds the row.
  const int32_t p1 = changes.I32("person_id")[0];
  EXPECT_EQ(persons.I32("person_id")[1], p1);
  EXPECT_EQ(persons.RowOfKey()[p1], 1);
  EXPECT_EQ(changes.IdText("person_id", 0), "P-1");
  EXPECT_EQ(changes.I32("proposal_date")[0], Date::Parse("2025-03-01")->days());
  EXPECT_EQ(changes.I32("reduction_months")[0], kNull32);
  EXPECT_EQ(changes.Codes("change_type").codes[changes.I32("change_type")[0]].code, "parole");
  EXPECT_EQ(persons.I32("birth_date")[1], kNull32);
  const Frame& sentences = s->Table("sentences");
  const auto& cats = sentences.Codes("categories");
  EXPECT_EQ(sentences.I32("categories")[0],
            (1 << cats.IndexOf("recidivist")) | (1 << cats.IndexOf("minor")));
  EXPECT_EQ(sentences.I64("fine")[0], 1250);
  EXPECT_THROW(sentences.I32("fine"), std::logic_error);
  EXPECT_THROW(s->Table("points"), std::logic_error);
}

TEST(Groups, CountingSortKeepsRowOrderAndSkipsNulls) {
  const std::vector<int32_t> keys = {2, 0, kNull32, 2, 1, 0};
  Groups g(keys, 3);
  EXPECT_EQ(std::vector<int32_t>(g.rows(0).begin(), g.rows(0).end()), (std::vector<int32_t>{1, 5}));
  EXPECT_EQ(std::vector<int32_t>(g.rows(1).begin(), g.rows(1).end()), (std::vector<int32_t>{4}));
  EXPECT_EQ(std::vector<int32_t>(g.rows(2).begin(), g.rows(2).end()), (std::vector<int32_t>{0, 3}));
  EXPECT_TRUE(g.rows(3).empty());
  EXPECT_TRUE(g.rows(kNull32).empty());
}

TEST(LoadSnapshot, ReadsTheStoreInParallelWithOneIdSpace) {
  const std::string work = testing::TempDir("frame-load");
  const std::string url = "sqlite://" + work + "/store.db";
  std::filesystem::create_directories(work + "/src");
  testing::WriteFile(work + "/src/orgs.csv",
                     "org_id,name,org_type,parent_id,region_code\n"
                     "510000-PROC,四川省人民检察院,prov_proc,,510000\n"
                     "510000-PRISON-01,某监狱,prison,510000-PROC,510100\n");
  testing::WriteFile(work + "/src/persons.csv", "person_id,name,gender\nP-1,张三,M\nP-2,李四,F\n");
  testing::WriteFile(work + "/src/custody_events.csv",
                     "event_id,person_id,facility_org_id,event,date\n"
                     "E-1,P-2,510000-PRISON-01,admitted,2024-01-02\n");
  ASSERT_TRUE(testing::ImportCsvFolder(work + "/src", work).ok());
  Snapshot snap;
  const TableNeed needs[] = {{"custody_events", {"person_id", "facility_org_id", "date"}},
                             {"persons", {"person_id", "gender"}},
                             {"custody_events", {"event"}},
                             {"persons", {"name"}, /*streamed=*/true},
                             {"sentences", {"sentence_id"}, /*streamed=*/true}};
  DatabaseOpener open = [&] { return storage::Database::Open(url); };
  ASSERT_TRUE(LoadSnapshot(open, needs, 2, &snap).ok());
  const Frame& ev = snap.Table("custody_events");
  ASSERT_EQ(ev.rows(), 1);
  EXPECT_EQ(snap.Table("persons").RowOfKey()[ev.I32("person_id")[0]], 1);
  EXPECT_EQ(ev.IdText("facility_org_id", 0), "510000-PRISON-01");
  EXPECT_EQ(ev.I32("date")[0], Date::Parse("2024-01-02")->days());
  EXPECT_TRUE(ev.Has("event"));
  EXPECT_FALSE(ev.Has("note"));
  // Streamed needs are the pass's own reading: not loaded.
  EXPECT_FALSE(snap.Table("persons").Has("name"));
  EXPECT_FALSE(snap.HasTable("sentences"));

  const TableNeed bad[] = {{"persons", {"nickname"}}};
  Snapshot other;
  EXPECT_EQ(LoadSnapshot(open, bad, 1, &other).code(), StatusCode::kInvalidArgument);
  const TableNeed bad_streamed[] = {{"positions", {"altitude"}, true}};
  EXPECT_EQ(LoadSnapshot(open, bad_streamed, 1, &other).code(), StatusCode::kInvalidArgument);
  std::filesystem::remove_all(work);
}

}  // namespace
}  // namespace zj::models
