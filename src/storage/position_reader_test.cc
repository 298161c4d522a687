#include "storage/position_reader.h"

#include <gtest/gtest.h>

#include <vector>

#include "storage/migrations.h"
#include "storage/schema_sql.h"

namespace zj::storage {
namespace {

constexpr int64_t kT0 = 1782486000;  // 2026-06-26T23:00:00+08:00

class PositionScanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open("sqlite://:memory:");
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    ASSERT_TRUE(Migrate(*db_).ok());
    auto insert = db_->Prepare(
        "INSERT INTO positions (pos_key, lon, lat, source, batch_no) VALUES ($1, $2, $3, NULL, 1)");
    ASSERT_TRUE(insert.ok());
    // Rows 3, 4 and 7; row 4 has positions out of time order on input.
    for (auto [row, dt, lon, lat] : std::vector<std::tuple<int64_t, int64_t, int32_t, int32_t>>{
             {3, 0, 104000000, 30000000},
             {3, 600, 104000001, 30000001},
             {3, 1200, -1, -2},
             {4, 1800, 105000000, 31000000},
             {4, 0, 105000001, 31000001},
             {4, 600, 105000002, 31000002},
             {7, 60, 106000000, 29000000}}) {
      (*insert)->Reset();
      (*insert)->BindInt(1, PositionKey(row, kT0 + dt));
      (*insert)->BindInt(2, lon);
      (*insert)->BindInt(3, lat);
      ASSERT_TRUE((*insert)->Run().ok());
    }
  }

  std::vector<StoredPosition> All(PositionScan& scan, const PositionRange& r) {
    std::vector<StoredPosition> out;
    EXPECT_TRUE(scan.Scan(r).ok());
    StoredPosition p;
    while (true) {
      auto more = scan.Next(&p);
      EXPECT_TRUE(more.ok()) << more.status().ToString();
      if (!more.ok() || !*more) break;
      out.push_back(p);
    }
    return out;
  }

  std::unique_ptr<Database> db_;
};

TEST_F(PositionScanTest, KeyPacksRowAndSecondsSince2000) {
  EXPECT_EQ(PositionKey(1, kSeriesEpoch), int64_t{1} << 32);
  EXPECT_EQ(PositionKey(2, kSeriesEpoch + 5), (int64_t{2} << 32) | 5);
  // Clamped to the series range.
  EXPECT_EQ(PositionKey(2, 0), int64_t{2} << 32);
  EXPECT_EQ(PositionKey(2, kSeriesEpoch + (int64_t{1} << 33)), (int64_t{3} << 32) - 1);
}

TEST_F(PositionScanTest, OneRowInTimeOrderWithinTheRange) {
  auto scan = PositionScan::Open(*db_);
  ASSERT_TRUE(scan.ok());
  auto got = All(**scan, {3, 3, kT0, kT0 + 1200});
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].row_no, 3);
  EXPECT_EQ(got[0].ts, kT0);
  EXPECT_EQ(got[0].lon_e6, 104000000);
  EXPECT_EQ(got[0].lat_e6, 30000000);
  EXPECT_EQ(got[2].lon_e6, -1);  // negative coordinates survive
  EXPECT_EQ(got[2].lat_e6, -2);
  // Both ends inclusive; a narrower range cuts both sides.
  got = All(**scan, {3, 3, kT0 + 1, kT0 + 600});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].ts, kT0 + 600);
  got = All(**scan, {4, 4, kT0, kT0 + 5000});
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].ts, kT0);
  EXPECT_EQ(got[1].ts, kT0 + 600);
  EXPECT_EQ(got[2].ts, kT0 + 1800);
}

TEST_F(PositionScanTest, SeveralRowsSkipPositionsOutsideTheTimeRange) {
  auto scan = PositionScan::Open(*db_);
  ASSERT_TRUE(scan.ok());
  auto got = All(**scan, {3, 7, kT0 + 60, kT0 + 1200});
  // Row 3: 600, 1200; row 4: 600 (0 and 1800 skipped); row 7: 60.
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[0].row_no, 3);
  EXPECT_EQ(got[1].row_no, 3);
  EXPECT_EQ(got[2].row_no, 4);
  EXPECT_EQ(got[2].ts, kT0 + 600);
  EXPECT_EQ(got[3].row_no, 7);
  EXPECT_EQ((*scan)->rows_read(), 6);  // read: 3@600, 3@1200, 4@0, 4@600, 4@1800, 7@60

  EXPECT_TRUE(All(**scan, {5, 6, kT0, kT0 + 9999}).empty());
  EXPECT_TRUE(All(**scan, {7, 3, kT0, kT0 + 9999}).empty());  // empty range
  EXPECT_TRUE(All(**scan, {3, 3, kT0 + 10, kT0}).empty());
}

TEST_F(PositionScanTest, ANewScanReplacesOneUnderWay) {
  auto scan = PositionScan::Open(*db_);
  ASSERT_TRUE(scan.ok());
  ASSERT_TRUE((*scan)->Scan({3, 3, kT0, kT0 + 9999}).ok());
  StoredPosition p;
  ASSERT_TRUE(*(*scan)->Next(&p));
  auto got = All(**scan, {7, 7, kT0, kT0 + 9999});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].row_no, 7);
}

TEST_F(PositionScanTest, LastBefore) {
  auto scan = PositionScan::Open(*db_);
  ASSERT_TRUE(scan.ok());
  auto p = (*scan)->LastBefore(4, kT0 + 1800);  // strictly before
  ASSERT_TRUE(p.ok());
  ASSERT_TRUE(p->has_value());
  EXPECT_EQ((*p)->row_no, 4);
  EXPECT_EQ((*p)->ts, kT0 + 600);
  EXPECT_EQ((*p)->lon_e6, 105000002);
  p = (*scan)->LastBefore(4, kT0);
  ASSERT_TRUE(p.ok());
  EXPECT_FALSE(p->has_value());  // nothing earlier, and row 3's positions are not row 4's
  p = (*scan)->LastBefore(5, kT0 + 99999);
  ASSERT_TRUE(p.ok());
  EXPECT_FALSE(p->has_value());
  p = (*scan)->LastBefore(7, kT0 + 99999);
  ASSERT_TRUE(p.ok());
  ASSERT_TRUE(p->has_value());
  EXPECT_EQ((*p)->ts, kT0 + 60);

  // A seek in the middle of a scan leaves the scan where it was.
  ASSERT_TRUE((*scan)->Scan({3, 3, kT0, kT0 + 9999}).ok());
  StoredPosition q;
  ASSERT_TRUE(*(*scan)->Next(&q));
  EXPECT_TRUE((*scan)->LastBefore(4, kT0 + 9999).ok());
  ASSERT_TRUE(*(*scan)->Next(&q));
  EXPECT_EQ(q.ts, kT0 + 600);
}

}  // namespace
}  // namespace zj::storage
