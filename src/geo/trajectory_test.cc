// Golden tracks for the trajectory pass: hand-written positions on a toy province with
// one-degree square counties, and the exact findings they must (or must not) produce.

#include "geo/trajectory.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "geo/test_data.h"

namespace zj::geo {
namespace {

using testing::E6;

constexpr int32_t kA = 510101;  // residence, lon 100–101, lat 30–31
constexpr int32_t kB = 510102;  // east of A, same city
constexpr int32_t kC = 510201;  // north of A, another city
constexpr int64_t kMin = 60, kHour = 3600, kDay = 86400;
constexpr int64_t kT0 = 1'781'000'000;  // window start (2026-06-09)
constexpr int64_t kAsOf = kT0 + 10 * kDay;

Point P(double lon, double lat) { return {E6(lon), E6(lat)}; }
const Point kHome = P(100.5, 30.5), kInB = P(101.5, 30.5), kInC = P(100.5, 31.5);
const Point kBorderIn = P(100.99999, 30.5), kBorderOut = P(101.00001, 30.5);
const Point kBeijing = P(116.4, 39.9);

const RegionSet& Toy() {
  static const RegionSet* set = [] {
    const std::string csv =
        "region_code,name,level,parent_code\n510000,省,province,\n510100,甲市,city,510000\n"
        "510200,乙市,city,510000\n510101,甲县,county,510100\n510102,乙县,county,510100\n"
        "510201,丙县,county,510200\n";
    auto square = [](int32_t code, int x, int y) {
      const std::string x0 = std::to_string(x), x1 = std::to_string(x + 1), y0 = std::to_string(y),
                        y1 = std::to_string(y + 1);
      return R"({"type":"Feature","properties":{"code":")" + std::to_string(code) +
             R"("},"geometry":{"type":"Polygon","coordinates":[[[)" + x0 + "," + y0 + "],[" + x1 +
             "," + y0 + "],[" + x1 + "," + y1 + "],[" + x0 + "," + y1 + "],[" + x0 + "," + y0 +
             "]]]}}";
    };
    const std::string geojson = R"({"type":"FeatureCollection","features":[)" +
                                square(kA, 100, 30) + "," + square(kB, 101, 30) + "," +
                                square(kC, 100, 31) + "]}";
    Result<RegionSet> r = RegionSet::Parse(csv, geojson);
    if (!r.ok()) std::abort();
    return new RegionSet(std::move(r).value());
  }();
  return *set;
}

const CountyIndex& ToyIndex() {
  static const CountyIndex* ix = new CountyIndex(std::move(CountyIndex::Build(Toy())).value());
  return *ix;
}

// A track written as stays: positions every `step` seconds from `from` through `to`.
class Track {
 public:
  Track& Stay(int64_t from, int64_t to, Point p, int64_t step = 10 * kMin) {
    for (int64_t t = from; t <= to; t += step) positions_.push_back({t, p.lon_e6, p.lat_e6});
    return *this;
  }
  Track& At(int64_t t, Point p) {
    positions_.push_back({t, p.lon_e6, p.lat_e6});
    return *this;
  }
  std::vector<Position>& positions() { return positions_; }

 private:
  std::vector<Position> positions_;
};

class TrajectoryTest : public ::testing::Test {
 protected:
  TrackResult Run(const std::vector<Position>& positions, const std::vector<Leave>& leaves = {},
                  int64_t window_from = kT0, int64_t as_of = kAsOf, TrackParams params = {}) {
    TrackAnalyzer analyzer(Toy(), ToyIndex(), params);
    TrackResult out;
    const Status s = analyzer.Analyze({.positions = positions,
                                       .residence = kA,
                                       .leaves = leaves,
                                       .window_from = window_from,
                                       .as_of = as_of},
                                      &out);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  }
  // A subject at home all window, every 10 minutes, except [from, to] which `fill` writes.
  static Track HomeExcept(int64_t from, int64_t to) {
    Track t;
    t.Stay(kT0, from - 10 * kMin, kHome);
    t.Stay(to + 10 * kMin, kAsOf, kHome);
    return t;
  }
};

const int64_t kOut = kT0 + 3 * kDay;  // where the interesting part of a track starts

// ---- out of area (M14) ----

TEST_F(TrajectoryTest, HomeAllWindowFindsNothing) {
  Track t;
  t.Stay(kT0, kAsOf, kHome);
  const TrackResult r = Run(t.positions());
  EXPECT_TRUE(r.out_of_area.empty());
  EXPECT_TRUE(r.lost_contact.empty());
  EXPECT_TRUE(r.overdue_abroad.empty());
  EXPECT_EQ(r.positions_used, 10 * 144 + 1);
}

TEST_F(TrajectoryTest, PlantedStyleEpisode) {
  // Like synth's M14: 36 positions in another county, home before and after.
  const int64_t last = kOut + 35 * 10 * kMin;
  Track t = HomeExcept(kOut, last);
  t.Stay(kOut, last, kInB);
  const TrackResult r = Run(t.positions());
  ASSERT_EQ(r.out_of_area.size(), 1u);
  EXPECT_EQ(r.out_of_area[0], (OutOfAreaEpisode{.from = kOut,
                                                .last_outside = last,
                                                .minutes = 350,
                                                .positions = 36,
                                                .destination = kB,
                                                .ongoing = false}));
}

TEST_F(TrajectoryTest, ThresholdIsStrictlyLongerThan120Minutes) {
  for (int64_t minutes : {119, 120, 121}) {
    SCOPED_TRACE(minutes);
    const int64_t last = kOut + minutes * kMin;
    Track t = HomeExcept(kOut, last);
    t.Stay(kOut, kOut + 110 * kMin, kInB).At(last, kInB);
    const TrackResult r = Run(t.positions());
    if (minutes <= 120) {
      EXPECT_TRUE(r.out_of_area.empty());
    } else {
      ASSERT_EQ(r.out_of_area.size(), 1u);
      EXPECT_EQ(r.out_of_area[0].minutes, 121);
      EXPECT_EQ(r.out_of_area[0].positions, 13);
    }
  }
}

TEST_F(TrajectoryTest, SingleOutsideFixIsJitter) {
  Track t;
  t.Stay(kT0, kAsOf, kHome);
  t.positions()[500] = {t.positions()[500].ts, kInB.lon_e6, kInB.lat_e6};
  t.positions()[900] = {t.positions()[900].ts, kBeijing.lon_e6, kBeijing.lat_e6};
  EXPECT_TRUE(Run(t.positions()).out_of_area.empty());
}

TEST_F(TrajectoryTest, BorderZigZagIsJitter) {
  const int64_t end = kOut + 8 * kHour;
  {  // in, out, in, out … every 10 minutes for 8 hours
    Track t = HomeExcept(kOut, end);
    for (int64_t ts = kOut, k = 0; ts <= end; ts += 10 * kMin, ++k) {
      t.At(ts, k % 2 ? kBorderIn : kBorderOut);
    }
    EXPECT_TRUE(Run(t.positions()).out_of_area.empty());
  }
  {  // three out (20 minutes), one in: never confirmed outside
    Track t = HomeExcept(kOut, end);
    for (int64_t ts = kOut, k = 0; ts <= end; ts += 10 * kMin, ++k) {
      t.At(ts, k % 4 == 3 ? kBorderIn : kBorderOut);
    }
    EXPECT_TRUE(Run(t.positions()).out_of_area.empty());
  }
  {  // four out (30 minutes), one in: outside most of the time, one episode
    Track t = HomeExcept(kOut, end);
    int64_t last_out = 0;
    int outs = 0;
    for (int64_t ts = kOut, k = 0; ts <= end; ts += 10 * kMin, ++k) {
      const bool out = k % 5 != 4;
      t.At(ts, out ? kBorderOut : kBorderIn);
      if (out) last_out = ts, ++outs;
    }
    const TrackResult r = Run(t.positions());
    ASSERT_EQ(r.out_of_area.size(), 1u);
    EXPECT_EQ(r.out_of_area[0].from, kOut);
    EXPECT_EQ(r.out_of_area[0].last_outside, last_out);
    EXPECT_EQ(r.out_of_area[0].positions, outs);
  }
}

TEST_F(TrajectoryTest, BriefReturnDoesNotSplitAnEpisode) {
  const int64_t back = kOut + 3 * kHour, again = back + 20 * kMin, end = again + 3 * kHour;
  Track t = HomeExcept(kOut, end);
  t.Stay(kOut, back - 10 * kMin, kInB).Stay(back, back + 10 * kMin, kHome).Stay(again, end, kInB);
  const TrackResult r = Run(t.positions());
  ASSERT_EQ(r.out_of_area.size(), 1u);
  EXPECT_EQ(r.out_of_area[0].from, kOut);
  EXPECT_EQ(r.out_of_area[0].last_outside, end);
  EXPECT_EQ(r.out_of_area[0].positions, 18 + 19);  // the two home fixes are not counted
  EXPECT_EQ(r.out_of_area[0].minutes, (end - kOut) / 60);
}

TEST_F(TrajectoryTest, ConfirmedReturnSplitsEpisodes) {
  const int64_t back = kOut + 3 * kHour, again = back + 40 * kMin, end = again + 3 * kHour;
  Track t = HomeExcept(kOut, end);
  t.Stay(kOut, back - 10 * kMin, kInB).Stay(back, back + 30 * kMin, kHome).Stay(again, end, kInC);
  const TrackResult r = Run(t.positions());
  ASSERT_EQ(r.out_of_area.size(), 2u);
  EXPECT_EQ(r.out_of_area[0].last_outside, back - 10 * kMin);
  EXPECT_EQ(r.out_of_area[0].destination, kB);
  EXPECT_EQ(r.out_of_area[1].from, again);
  EXPECT_EQ(r.out_of_area[1].destination, kC);
}

TEST_F(TrajectoryTest, SilenceDoesNotSplitAnEpisode) {
  const int64_t end = kOut + 7 * kHour;
  Track t = HomeExcept(kOut, end);
  t.Stay(kOut, kOut + kHour, kInB).Stay(end - kHour, end, kInB);
  const TrackResult r = Run(t.positions());
  ASSERT_EQ(r.out_of_area.size(), 1u);
  EXPECT_EQ(r.out_of_area[0].minutes, 420);
  EXPECT_EQ(r.out_of_area[0].positions, 14);
  EXPECT_TRUE(r.lost_contact.empty());
}

TEST_F(TrajectoryTest, DestinationIsWhereMostPositionsAreTiesToTheFirst) {
  const int64_t mid = kOut + 2 * kHour, end = mid + 2 * kHour - 10 * kMin;
  Track t = HomeExcept(kOut, end);
  t.Stay(kOut, mid - 10 * kMin, kInC).Stay(mid, end, kInB);  // 12 and 12
  EXPECT_EQ(Run(t.positions()).out_of_area.at(0).destination, kC);
  t.At(end + 5 * kMin, kInB);  // 12 and 13
  EXPECT_EQ(Run(t.positions()).out_of_area.at(0).destination, kB);
}

TEST_F(TrajectoryTest, OngoingAtAsOf) {
  Track t;
  t.Stay(kT0, kAsOf - 5 * kHour - 10 * kMin, kHome).Stay(kAsOf - 5 * kHour, kAsOf, kInB);
  const TrackResult r = Run(t.positions());
  ASSERT_EQ(r.out_of_area.size(), 1u);
  EXPECT_TRUE(r.out_of_area[0].ongoing);
  EXPECT_EQ(r.out_of_area[0].last_outside, kAsOf);
  EXPECT_EQ(r.out_of_area[0].minutes, 300);
}

TEST_F(TrajectoryTest, OnlyEpisodesReachingIntoTheWindow) {
  const int64_t window_from = kOut + 10 * kHour;
  Track t = HomeExcept(kOut, kOut + 12 * kHour);
  t.Stay(kOut, kOut + 4 * kHour, kInB)  // ends before the window
      .Stay(kOut + 5 * kHour, kOut + 6 * kHour, kHome)
      .Stay(kOut + 7 * kHour, kOut + 12 * kHour, kInC);  // reaches into it
  const TrackResult r = Run(t.positions(), {}, window_from);
  ASSERT_EQ(r.out_of_area.size(), 1u);
  EXPECT_EQ(r.out_of_area[0].from, kOut + 7 * kHour);  // before window_from: still its start
  EXPECT_EQ(r.out_of_area[0].destination, kC);
}

// ---- leaves ----

Leave Approved(int32_t destination, int64_t start, int64_t end,
               std::optional<int64_t> returned = std::nullopt, int32_t row = 7) {
  return {.row = row,
          .start_ts = start,
          .end_ts = end,
          .destination = destination,
          .approved = true,
          .returned_ts = returned};
}

TEST_F(TrajectoryTest, ApprovedLeaveCoversItsDestination) {
  const int64_t start = kOut, end = kOut + 2 * kDay, back = end - 3 * kHour;
  Track t = HomeExcept(start + kHour, back - kHour);
  t.Stay(start + kHour, back - kHour, kInB);
  for (int32_t destination : {kB, 510100, 510000, 0}) {
    SCOPED_TRACE(destination);
    const TrackResult r = Run(t.positions(), {Approved(destination, start, end, back)});
    EXPECT_TRUE(r.out_of_area.empty());
    EXPECT_TRUE(r.overdue_abroad.empty());
  }
  // To another county or city, or not approved: the stay is an episode.
  for (Leave l : {Approved(kC, start, end, back), Approved(510200, start, end, back),
                  Leave{.row = 1,
                  .start_ts = start,
                  .end_ts = end,
                  .destination = kB,
                  .approved = false,
                  .returned_ts = std::nullopt}}) {
    const TrackResult r = Run(t.positions(), {l});
    ASSERT_EQ(r.out_of_area.size(), 1u);
    EXPECT_EQ(r.out_of_area[0].from, start + kHour);
    EXPECT_EQ(r.out_of_area[0].destination, kB);
  }
}

TEST_F(TrajectoryTest, LeaveOutsideTheProvince) {
  const int64_t start = kOut, end = kOut + 2 * kDay;
  Track t = HomeExcept(start + kHour, end - kHour);
  t.Stay(start + kHour, start + 5 * kHour, kInB)  // on the way, 4 hours in another county
      .Stay(start + 6 * kHour, end - kHour, kBeijing);
  const TrackResult r = Run(t.positions(), {Approved(110105, start, end, end)});
  ASSERT_EQ(r.out_of_area.size(), 1u);
  EXPECT_EQ(r.out_of_area[0].destination, kB);
  EXPECT_EQ(r.out_of_area[0].last_outside, start + 5 * kHour);
  // Unless any county is accepted.
  TrackParams lenient;
  lenient.leave_covers_any_county = true;
  EXPECT_TRUE(Run(t.positions(), {Approved(110105, start, end, end)}, kT0, kAsOf, lenient)
                  .out_of_area.empty());
}

TEST_F(TrajectoryTest, LeavingBeforeTheLeaveStarts) {
  const int64_t start = kOut + 3 * kHour, end = kOut + 2 * kDay;
  Track t = HomeExcept(kOut, end - kHour);
  t.Stay(kOut, end - kHour, kInB);
  const TrackResult r = Run(t.positions(), {Approved(kB, start, end, end)});
  ASSERT_EQ(r.out_of_area.size(), 1u);
  EXPECT_EQ(r.out_of_area[0].from, kOut);
  EXPECT_EQ(r.out_of_area[0].last_outside, start - 10 * kMin);
  EXPECT_EQ(r.out_of_area[0].positions, 18);
}

TEST_F(TrajectoryTest, OutsideAfterTheRecordedReturn) {
  const int64_t start = kOut, end = kOut + 3 * kDay, back = kOut + kDay;
  const int64_t again = back + 6 * kHour;
  Track t = HomeExcept(start + kHour, again + 4 * kHour);
  t.Stay(start + kHour, back - kHour, kInB)
      .Stay(back, again - 10 * kMin, kHome)
      .Stay(again, again + 4 * kHour, kInB);  // within the leave's dates, after 销假
  const TrackResult r = Run(t.positions(), {Approved(kB, start, end, back)});
  ASSERT_EQ(r.out_of_area.size(), 1u);
  EXPECT_EQ(r.out_of_area[0].from, again);
  EXPECT_TRUE(r.overdue_abroad.empty());
}

TEST_F(TrajectoryTest, NewTripAfterTheLeaveEndedIsAnEpisode) {
  const int64_t start = kOut, end = kOut + kDay, again = end + kDay;
  Track t = HomeExcept(start + kHour, again + 4 * kHour);
  t.Stay(start + kHour, end - kHour, kInB)
      .Stay(end, again - 10 * kMin, kHome)
      .Stay(again, again + 4 * kHour, kInB);
  const TrackResult r = Run(t.positions(), {Approved(kB, start, end)});  // no 销假 recorded
  ASSERT_EQ(r.out_of_area.size(), 1u);
  EXPECT_EQ(r.out_of_area[0].from, again);
  EXPECT_TRUE(r.overdue_abroad.empty());
}

TEST_F(TrajectoryTest, OverstayIsOverdueNotOutOfArea) {
  const int64_t start = kOut - kDay, end = kOut + kDay;  // on the 10-minute grid
  const int64_t home_again = end + 60 * kHour;
  Track t = HomeExcept(start + kHour, home_again - 10 * kMin);
  t.Stay(start + kHour, home_again - 10 * kMin, kInB);
  for (std::optional<int64_t> returned : {std::optional<int64_t>(), std::optional(home_again)}) {
    const TrackResult r = Run(t.positions(), {Approved(kB, start, end, returned, 42)});
    EXPECT_TRUE(r.out_of_area.empty());
    ASSERT_EQ(r.overdue_abroad.size(), 1u);
    // Exactly 48 hours after the end is not yet overdue; the next fix is.
    EXPECT_EQ(r.overdue_abroad[0], (OverdueAbroad{.leave_row = 42,
                                                  .first_ts = end + 48 * kHour + 10 * kMin,
                                                  .hours_after_end = 48,
                                                  .last_outside = home_again - 10 * kMin,
                                                  .ongoing = false}));
  }
  // Back after 47 hours: lawful.
  Track early = HomeExcept(start + kHour, end + 47 * kHour);
  early.Stay(start + kHour, end + 47 * kHour, kInB);
  const TrackResult r = Run(early.positions(), {Approved(kB, start, end)});
  EXPECT_TRUE(r.out_of_area.empty());
  EXPECT_TRUE(r.overdue_abroad.empty());
}

TEST_F(TrajectoryTest, OverstayStillAwayAtAsOf) {
  const int64_t start = kAsOf - 5 * kDay, end = kAsOf - 3 * kDay;
  Track t;
  t.Stay(kT0, start, kHome).Stay(start + 10 * kMin, kAsOf, kInB);
  const TrackResult r = Run(t.positions(), {Approved(kB, start, end)});
  EXPECT_TRUE(r.out_of_area.empty());
  ASSERT_EQ(r.overdue_abroad.size(), 1u);
  EXPECT_TRUE(r.overdue_abroad[0].ongoing);
  EXPECT_EQ(r.overdue_abroad[0].last_outside, kAsOf);
}

TEST_F(TrajectoryTest, OverstayElsewhereIsBoth) {
  // After the leave ends the subject moves on to a county the leave does not cover.
  const int64_t start = kOut - kDay, end = kOut + kDay, moved = end + 2 * kHour;
  const int64_t home_again = end + 3 * kDay;
  Track t = HomeExcept(start + kHour, home_again - 10 * kMin);
  t.Stay(start + kHour, moved - 10 * kMin, kInB).Stay(moved, home_again - 10 * kMin, kInC);
  const TrackResult r = Run(t.positions(), {Approved(kB, start, end)});
  ASSERT_EQ(r.out_of_area.size(), 1u);
  EXPECT_EQ(r.out_of_area[0].from, moved);
  EXPECT_EQ(r.out_of_area[0].destination, kC);
  ASSERT_EQ(r.overdue_abroad.size(), 1u);
  EXPECT_EQ(r.overdue_abroad[0].first_ts, end + 48 * kHour + 10 * kMin);
}

TEST_F(TrajectoryTest, LeaveEndingAtAsOf) {
  const int64_t start = kAsOf - 2 * kDay;
  Track t;
  t.Stay(kT0, start, kHome).Stay(start + kHour, kAsOf, kInB);
  const TrackResult r = Run(t.positions(), {Approved(kB, start, kAsOf)});
  EXPECT_TRUE(r.out_of_area.empty());
  EXPECT_TRUE(r.overdue_abroad.empty());
  EXPECT_TRUE(r.lost_contact.empty());
}

// ---- lost contact (M15) ----

TEST_F(TrajectoryTest, GapThresholdIsStrictlyMoreThan48Hours) {
  const int64_t last = kOut;
  for (int64_t silence : {47 * kHour + 59 * kMin, 48 * kHour, 48 * kHour + 1}) {
    SCOPED_TRACE(silence);
    Track t;
    t.Stay(kT0, last, kHome).Stay(last + silence, kAsOf, kHome);
    const TrackResult r = Run(t.positions());
    if (silence <= 48 * kHour) {
      EXPECT_TRUE(r.lost_contact.empty());
    } else {
      ASSERT_EQ(r.lost_contact.size(), 1u);
      EXPECT_EQ(r.lost_contact[0],
                (LostContactGap{.from = last, .to = last + silence, .hours = 48}));
    }
  }
}

TEST_F(TrajectoryTest, SilentUntilAsOf) {
  const int64_t last = kAsOf - 60 * kHour - 30 * kMin;
  Track t;
  t.Stay(kT0, last, kHome);
  const TrackResult r = Run(t.positions());
  ASSERT_EQ(r.lost_contact.size(), 1u);
  EXPECT_EQ(r.lost_contact[0], (LostContactGap{.from = last, .to = std::nullopt, .hours = 60}));
}

TEST_F(TrajectoryTest, NoPositionAtAll) {
  const TrackResult r = Run({});
  ASSERT_EQ(r.lost_contact.size(), 1u);
  EXPECT_EQ(
      r.lost_contact[0],
      (LostContactGap{.from = kT0, .to = std::nullopt, .hours = 240, .from_window_start = true}));
  EXPECT_TRUE(Run({}, {}, kAsOf - 48 * kHour).lost_contact.empty());  // 48 h is not more
}

TEST_F(TrajectoryTest, SilenceFromTheWindowStart) {
  Track t;
  t.Stay(kT0 + 50 * kHour, kAsOf, kHome);
  const TrackResult r = Run(t.positions());
  ASSERT_EQ(r.lost_contact.size(), 1u);
  EXPECT_EQ(r.lost_contact[0],
            (LostContactGap{
                .from = kT0, .to = kT0 + 50 * kHour, .hours = 50, .from_window_start = true}));
  // A position before the window start is the real last position.
  t.At(kT0 - 10 * kHour, kHome);
  const TrackResult r2 = Run(t.positions());
  ASSERT_EQ(r2.lost_contact.size(), 1u);
  EXPECT_EQ(r2.lost_contact[0],
            (LostContactGap{.from = kT0 - 10 * kHour, .to = kT0 + 50 * kHour, .hours = 60}));
}

TEST_F(TrajectoryTest, GapsBeforeTheWindowAreNotReported) {
  const int64_t window_from = kOut;
  Track t;
  t.Stay(kT0, kT0 + kHour, kHome)
      .Stay(kT0 + 60 * kHour, kOut - 10 * kMin, kHome)  // a 59-hour silence before the window
      .Stay(kOut + 70 * kHour, kAsOf, kHome);           // a 70-hour one inside it
  const TrackResult r = Run(t.positions(), {}, window_from);
  ASSERT_EQ(r.lost_contact.size(), 1u);
  EXPECT_EQ(r.lost_contact[0].from, kOut - 10 * kMin);
  EXPECT_EQ(r.lost_contact[0].hours, 70);
}

// ---- input order ----

Track Busy() {
  // Home, an episode, a leave stay, an overstay, a silence: most of the rules at once.
  Track t;
  t.Stay(kT0, kT0 + kDay, kHome)
      .Stay(kT0 + kDay + 10 * kMin, kT0 + kDay + 5 * kHour, kInC)
      .Stay(kT0 + kDay + 5 * kHour + 10 * kMin, kT0 + 2 * kDay, kHome)
      .Stay(kT0 + 2 * kDay + 10 * kMin, kT0 + 6 * kDay, kInB)  // leave until day 3
      .Stay(kT0 + 6 * kDay + 10 * kMin, kT0 + 7 * kDay, kHome)
      .Stay(kT0 + 9 * kDay + 12 * kHour, kAsOf - 5 * kHour, kHome);
  for (int k = 0; k < 40; ++k) t.At(kT0 + 7 * kDay + 17 * kMin * k + 7, k % 2 ? kBorderOut : kHome);
  return t;
}
const std::vector<Leave> kBusyLeaves = {Approved(kB, kT0 + 2 * kDay, kT0 + 3 * kDay)};

TEST_F(TrajectoryTest, BusyTrackFindings) {
  const TrackResult r = Run(Busy().positions(), kBusyLeaves);
  ASSERT_EQ(r.out_of_area.size(), 1u);
  EXPECT_EQ(r.out_of_area[0].destination, kC);
  ASSERT_EQ(r.overdue_abroad.size(), 1u);
  EXPECT_EQ(r.overdue_abroad[0].hours_after_end, 48);
  ASSERT_EQ(r.lost_contact.size(), 1u);
  // From the last zig-zag fix (day 7, 11:03:07) to day 9, 12:00.
  EXPECT_EQ(r.lost_contact[0].from, kT0 + 7 * kDay + 39 * 17 * kMin + 7);
  EXPECT_EQ(r.lost_contact[0].hours, 48);
}

TEST_F(TrajectoryTest, ShuffledInputGivesIdenticalOutput) {
  Track t = Busy();
  const TrackResult want = Run(t.positions(), kBusyLeaves);
  std::mt19937_64 rng(1);
  for (int round = 0; round < 5; ++round) {
    std::vector<Position> shuffled = t.positions();
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    EXPECT_EQ(Run(shuffled, kBusyLeaves), want);
  }
}

TEST_F(TrajectoryTest, DuplicatesAreDropped) {
  Track t = Busy();
  const TrackResult want = Run(t.positions(), kBusyLeaves);
  std::vector<Position> doubled = t.positions();
  doubled.insert(doubled.end(), t.positions().begin(), t.positions().end());
  std::mt19937_64 rng(2);
  std::shuffle(doubled.begin(), doubled.end(), rng);
  TrackResult got = Run(doubled, kBusyLeaves);
  EXPECT_EQ(got.positions_dropped, static_cast<int64_t>(t.positions().size()));
  got.positions_dropped = 0;
  EXPECT_EQ(got, want);
  // Sorted input with a repeat takes the copying path and gives the same.
  std::vector<Position> sorted = t.positions();
  sorted.insert(sorted.begin() + 100, sorted[100]);
  got = Run(sorted, kBusyLeaves);
  got.positions_dropped = 0;
  EXPECT_EQ(got, want);
}

TEST_F(TrajectoryTest, SameSecondDifferentPlacesKeepsTheWesternmost) {
  // At each second of a 5-hour stay in B, a second fix at home (further west): home wins,
  // whatever the input order, so there is no episode.
  const int64_t end = kOut + 5 * kHour;
  Track t = HomeExcept(kOut, end);
  t.Stay(kOut, end, kInB).Stay(kOut, end, kHome);
  EXPECT_TRUE(Run(t.positions()).out_of_area.empty());
  std::reverse(t.positions().begin(), t.positions().end());
  EXPECT_TRUE(Run(t.positions()).out_of_area.empty());
}

TEST_F(TrajectoryTest, PositionsAfterAsOfAreIgnored) {
  Track t;
  t.Stay(kT0, kAsOf - 10 * kMin, kHome).Stay(kAsOf + 10 * kMin, kAsOf + 10 * kHour, kInB);
  const TrackResult r = Run(t.positions());
  EXPECT_TRUE(r.out_of_area.empty());
  EXPECT_EQ(r.positions_dropped, 60);
}

TEST_F(TrajectoryTest, RejectsBadInput) {
  TrackAnalyzer analyzer(Toy(), ToyIndex());
  TrackResult out;
  Status s = analyzer.Analyze(
      {.positions = {}, .residence = 510100, .leaves = {}, .window_from = kT0, .as_of = kAsOf},
      &out);
  EXPECT_EQ(s.message(), "执行地区划代码 510100 不是已知的县级区划");
  s = analyzer.Analyze(
      {.positions = {}, .residence = kA, .leaves = {}, .window_from = kAsOf, .as_of = kT0}, &out);
  EXPECT_EQ(s.message(), "轨迹分析区间的起点晚于截止时间");
  TrackParams p;
  p.confirm_minutes = 150;
  EXPECT_EQ(TrackAnalyzer::Validate(p).message(),
            "轨迹分析参数 confirm_minutes 应在 0 与 out_of_area_minutes 之间，实为 150");
  p = {};
  p.lost_contact_hours = 0;
  EXPECT_EQ(TrackAnalyzer::Validate(p).message(),
            "轨迹分析参数 lost_contact_hours 应大于 0，实为 0");
}

}  // namespace
}  // namespace zj::geo
