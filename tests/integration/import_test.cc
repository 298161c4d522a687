// Importing valid batches: counts, upsert and delete semantics, idempotence,
// ordering by export time, quarantine mode, archives and attachments.

#include <gtest/gtest.h>

#include <filesystem>

#include "common/sha256.h"
#include "ingest/importer.h"
#include "storage/exchange_store.h"
#include "storage/migrations.h"
#include "tests/support/batch_builder.h"

namespace zj {
namespace {
namespace fs = std::filesystem;
using ingest::ImportOutcome;

fs::path Base() { return fs::path(testing::SourceDir()) / "tests/badinput/base"; }

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    work_ = testing::TempDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    auto db = storage::Database::Open("sqlite://" + work_ + "/store.db");
    ASSERT_TRUE(db.ok());
    db_ = std::move(*db);
    ASSERT_TRUE(storage::Migrate(*db_).ok());
  }
  void TearDown() override {
    db_.reset();
    fs::remove_all(work_);
  }
  std::string Build(const std::string& src, const std::string& id, const std::string& at,
                    std::set<std::string> gz = {"positions"}) {
    testing::BuildOptions o;
    o.batch_id = id;
    o.exported_at = at;
    o.gzip = std::move(gz);
    std::string dst = work_ + "/" + id;
    EXPECT_TRUE(testing::BuildBatch(src, dst, o).ok());
    return dst;
  }
  ingest::ImportReport Import(const std::string& batch, bool quarantine = false) {
    ingest::ImportOptions o;
    o.quarantine = quarantine;
    auto r = ingest::ImportBatch(*db_, batch, o);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : ingest::ImportReport{};
  }
  int64_t Count(const std::string& sql) {
    auto v = storage::QueryInt(*db_, sql);
    EXPECT_TRUE(v.ok()) << sql;
    return v.ok() ? *v : -1;
  }
  std::string Checksum() { return *storage::StoreChecksum(*db_); }
  std::string work_;
  std::unique_ptr<storage::Database> db_;
};

TEST_F(ImportTest, BaseBatchLoadsEveryRowTyped) {
  auto r = Import(Build(Base().string(), "B#1", "2025-06-30T23:00:00+08:00"));
  ASSERT_EQ(r.outcome, ImportOutcome::kApplied) << r.ToChinese();
  EXPECT_EQ(Count("SELECT count(*) FROM orgs"), 9);
  EXPECT_EQ(Count("SELECT count(*) FROM persons"), 4);
  EXPECT_EQ(Count("SELECT count(*) FROM positions"), 4);
  EXPECT_EQ(Count("SELECT count(*) FROM positions_v WHERE correction_id = 'K-0001'"), 4);
  // Dates are days since 1970-01-01, money is fen, coordinates microdegrees.
  EXPECT_EQ(Count("SELECT judgment_date FROM sentences WHERE sentence_id = 'S-0001'"),
            Date::Parse("2019-03-01")->days());
  EXPECT_EQ(Count("SELECT fine FROM sentences WHERE sentence_id = 'S-0001'"), 500000);
  EXPECT_EQ(Count("SELECT confiscation FROM sentences WHERE sentence_id = 'S-0003'"), -1);
  EXPECT_EQ(Count("SELECT min(lon) FROM positions"), 104083000);
  EXPECT_EQ(Count("SELECT ts FROM positions_v ORDER BY ts LIMIT 1"),
            *ParseTimestamp("2023-06-01T08:00:00+08:00"));
  // The quoted newline survives.
  EXPECT_EQ(
      Count("SELECT instr(reason_text, char(10)) > 0 FROM term_changes WHERE change_id='C-0001'"),
      1);
  // The attachment was checked and kept by content.
  auto sha = Sha256::OfFile((Base() / "attachments/C-0002-proposal.txt").string());
  EXPECT_TRUE(fs::exists(db_->FilesDir() + "/attachments/" + sha->substr(0, 2) + "/" + *sha));
  const auto& persons =
      *std::find_if(r.tables.begin(), r.tables.end(), [](auto& t) { return t.table == "persons"; });
  EXPECT_EQ(persons.read, 4);
  EXPECT_EQ(persons.inserted, 4);
}

TEST_F(ImportTest, SameBatchTwiceIsANoOp) {
  std::string b = Build(Base().string(), "B#1", "2025-06-30T23:00:00+08:00");
  ASSERT_EQ(Import(b).outcome, ImportOutcome::kApplied);
  std::string sum = Checksum();
  auto again = Import(b);
  EXPECT_EQ(again.outcome, ImportOutcome::kAlreadyApplied);
  EXPECT_EQ(Checksum(), sum);
}

TEST_F(ImportTest, LaterBatchUpsertsAndDeletes) {
  ASSERT_EQ(Import(Build(Base().string(), "B#1", "2025-06-30T23:00:00+08:00")).outcome,
            ImportOutcome::kApplied);
  std::string src = work_ + "/second";
  testing::WriteFile(src + "/persons.csv",
                     "person_id,name,deleted,x_source_note\n"
                     "P-0002,李某某,,改名\n"
                     "P-0004,,1,\n"
                     "P-0005,钱某,,\n");
  auto r = Import(Build(src, "B#2", "2025-07-31T23:00:00+08:00"));
  ASSERT_EQ(r.outcome, ImportOutcome::kApplied) << r.ToChinese();
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].updated, 1);
  EXPECT_EQ(r.tables[0].deleted, 1);
  EXPECT_EQ(r.tables[0].inserted, 1);
  EXPECT_EQ(Count("SELECT count(*) FROM persons WHERE person_id='P-0004'"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM persons WHERE name='李某某' AND "
                  "json_extract(x_extra,'$.x_source_note')='改名'"),
            1);
  EXPECT_EQ(Count("SELECT batch_no FROM persons WHERE person_id='P-0002'"), r.batch_no);
}

TEST_F(ImportTest, KeyTwiceInOneBatchIsRejectedWhateverTheOrder) {
  ASSERT_EQ(Import(Build(Base().string(), "B#1", "2025-06-30T23:00:00+08:00")).outcome,
            ImportOutcome::kApplied);
  const std::string cases[] = {
      "person_id,name,deleted\nP-0004,,1\nP-0004,,1\n",      // deleted twice
      "person_id,name,deleted\nP-0004,赵某,\nP-0004,,1\n",   // upserted, then deleted
      "person_id,name,deleted\nP-0004,,1\nP-0004,赵某,\n",   // deleted, then upserted
      "person_id,name,deleted\nP-0009,,1\nP-0009,,1\n",      // absent key deleted twice
  };
  int n = 0;
  for (const std::string& csv : cases) {
    std::string src = work_ + "/dup" + std::to_string(n);
    testing::WriteFile(src + "/persons.csv", csv);
    std::string sum = Checksum();
    auto r = Import(Build(src, "D#" + std::to_string(n++), "2025-07-31T23:00:00+08:00"));
    EXPECT_EQ(r.outcome, ImportOutcome::kRejected) << csv;
    ASSERT_EQ(r.issues.size(), 1u) << r.ToChinese();
    EXPECT_EQ(r.issues[0].rule, "duplicate_key");
    EXPECT_EQ(r.issues[0].line, 3);
    EXPECT_EQ(r.issues[0].column, "person_id");
    EXPECT_EQ(Checksum(), sum);
  }
}

TEST_F(ImportTest, OlderExportFromSameSourceIsRejected) {
  ASSERT_EQ(Import(Build(Base().string(), "B#2", "2025-07-31T23:00:00+08:00")).outcome,
            ImportOutcome::kApplied);
  std::string sum = Checksum();
  auto r = Import(Build(Base().string(), "B#1", "2025-06-30T23:00:00+08:00"));
  EXPECT_EQ(r.outcome, ImportOutcome::kRejected);
  EXPECT_NE(r.fatal.find("导出时间"), std::string::npos) << r.fatal;
  EXPECT_EQ(Checksum(), sum);
}

TEST_F(ImportTest, QuarantineKeepsBadRowsVerbatimAndAppliesTheRest) {
  std::string src = work_ + "/q";
  fs::copy(Base(), src, fs::copy_options::recursive);
  std::string persons = testing::ReadFile(src + "/persons.csv");
  persons += "P-0006,孙某,510104199001011234,M,1990-01-01,510104\n";  // bad check digit
  testing::WriteFile(src + "/persons.csv", persons);
  // A custody event of the quarantined person must follow it into quarantine.
  std::string events = testing::ReadFile(src + "/custody_events.csv");
  events += "E-0003,P-0006,510000-PRISON-01,admitted,2020-01-01,\n";
  testing::WriteFile(src + "/custody_events.csv", events);
  auto r = Import(Build(src, "Q#1", "2025-06-30T23:00:00+08:00"), /*quarantine=*/true);
  ASSERT_EQ(r.outcome, ImportOutcome::kApplied) << r.ToChinese();
  EXPECT_EQ(r.quarantined, 2);
  EXPECT_EQ(Count("SELECT count(*) FROM persons"), 4);
  EXPECT_EQ(Count("SELECT count(*) FROM quarantine WHERE table_name='persons' AND line=6 AND "
                  "record='P-0006,孙某,510104199001011234,M,1990-01-01,510104'"),
            1);
  EXPECT_EQ(Count("SELECT count(*) FROM quarantine WHERE table_name='custody_events' AND "
                  "json_extract(reasons,'$[0].rule')='reference'"),
            1);
}

TEST_F(ImportTest, StrictModeRejectsWholeBatchForOneBadRow) {
  std::string src = work_ + "/s";
  fs::copy(Base(), src, fs::copy_options::recursive);
  testing::WriteFile(src + "/persons.csv",
                     testing::ReadFile(src + "/persons.csv") +
                         "P-0006,孙某,510104199001011234,M,1990-01-01,510104\n");
  std::string sum = Checksum();
  auto r = Import(Build(src, "S#1", "2025-06-30T23:00:00+08:00"));
  EXPECT_EQ(r.outcome, ImportOutcome::kRejected);
  EXPECT_EQ(r.issue_count, 1);
  EXPECT_EQ(Checksum(), sum);
  EXPECT_EQ(Count("SELECT count(*) FROM batches"), 0);
}

TEST_F(ImportTest, TarGzAndZipArchivesImport) {
  std::string b = Build(Base().string(), "A#1", "2025-06-30T23:00:00+08:00");
  std::string tgz = work_ + "/batch.tar.gz";
  ASSERT_EQ(std::system(("tar -czf " + tgz + " -C " + work_ + " A#1").c_str()), 0);
  EXPECT_EQ(Import(tgz).outcome, ImportOutcome::kApplied);
  std::string b2 = Build(Base().string(), "A#2", "2025-07-30T23:00:00+08:00");
  std::string zip = work_ + "/batch.zip";
  ASSERT_EQ(std::system(("cd " + b2 + " && zip -qr " + zip + " .").c_str()), 0);
  auto r = Import(zip);
  EXPECT_EQ(r.outcome, ImportOutcome::kApplied) << r.ToChinese();
  auto persons =
      std::find_if(r.tables.begin(), r.tables.end(), [](auto& t) { return t.table == "persons"; });
  EXPECT_EQ(persons->updated, 4);  // persons re-sent unchanged: updates, no duplicates
}

TEST_F(ImportTest, UnlistedFileRejectsBatch) {
  std::string b = Build(Base().string(), "U#1", "2025-06-30T23:00:00+08:00");
  testing::WriteFile(b + "/rewards.csv", "reward_id,person_id,date,kind\n");
  auto r = Import(b);
  EXPECT_EQ(r.outcome, ImportOutcome::kRejected);
  EXPECT_NE(r.fatal.find("rewards.csv"), std::string::npos);
}

}  // namespace
}  // namespace zj
