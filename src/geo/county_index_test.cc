#include "geo/county_index.h"

#include <gtest/gtest.h>

#include <map>
#include <numeric>
#include <random>
#include <string>
#include <unordered_set>

#include "geo/test_data.h"

namespace zj::geo {
namespace {

using testing::E6;
using testing::Sichuan;

// ---- a hand-made province: shared edges, a hole with an island, an overlap ----

std::string Rect(double x0, double y0, double x1, double y1) {
  auto pt = [](double x, double y) {
    return "[" + std::to_string(x) + "," + std::to_string(y) + "]";
  };
  return "[" + pt(x0, y0) + "," + pt(x1, y0) + "," + pt(x1, y1) + "," + pt(x0, y1) + "," +
         pt(x0, y0) + "]";
}

std::string Feature(int code, const std::string& rings) {
  return R"({"type":"Feature","properties":{"code":")" + std::to_string(code) +
         R"("},"geometry":{"type":"Polygon","coordinates":[)" + rings + "]}}";
}

constexpr int32_t kW = 510101, kE = 510102, kN = 510103, kH = 510104, kI = 510105, kO1 = 510106,
                  kO2 = 510107, kT = 510108;

const RegionSet& Toy() {
  static const RegionSet* set = [] {
    std::string csv =
        "region_code,name,level,parent_code\n510000,省,province,\n510100,市,city,510000\n";
    for (int32_t c : {kW, kE, kN, kH, kI, kO1, kO2, kT}) {
      csv += std::to_string(c) + ",县" + std::to_string(c % 100) + ",county,510100\n";
    }
    const std::string features[] = {
        Feature(kW, Rect(100.000, 30.000, 100.010, 30.010)),
        Feature(kE, Rect(100.010, 30.000, 100.020, 30.010)),
        Feature(kN, Rect(100.000, 30.010, 100.020, 30.020)),
        Feature(kH, Rect(100.030, 30.000, 100.060, 30.030) + "," +
                        Rect(100.040, 30.010, 100.050, 30.020)),
        Feature(kI, Rect(100.042, 30.012, 100.048, 30.018)),
        Feature(kO1, Rect(100.070, 30.000, 100.080, 30.010)),
        Feature(kO2, Rect(100.075, 30.000, 100.085, 30.010)),
        // A slanted, non-convex outline with a long edge crossing many cells.
        Feature(kT,
                "[[100.000,30.030],[100.025,30.0305],[100.003,30.034],[100.020,30.047],"
                "[100.0011,30.0433],[100.000,30.030]]"),
    };
    std::string geojson = R"({"type":"FeatureCollection","features":[)";
    for (size_t i = 0; i < std::size(features); ++i) {
      geojson += (i ? "," : "") + features[i];
    }
    geojson += "]}";
    Result<RegionSet> r = RegionSet::Parse(csv, geojson);
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
      std::abort();
    }
    return new RegionSet(std::move(r).value());
  }();
  return *set;
}

Point P(double lon, double lat) { return {E6(lon), E6(lat)}; }

CountyIndex MustBuild(const RegionSet& set, int shift) {
  Result<CountyIndex> ix = CountyIndex::Build(set, {.cell_shift = shift});
  EXPECT_TRUE(ix.ok()) << ix.status().ToString();
  return std::move(ix).value();
}

// Locate and every InCounty agree with the naive test at p.
void ExpectSameAsNaive(const CountyIndex& ix, Point p) {
  ASSERT_EQ(ix.Locate(p), ix.LocateNaive(p)) << p.lon_e6 << "," << p.lat_e6;
  for (int slot = 0; slot < ix.county_count(); ++slot) {
    const int32_t code = ix.CodeOfSlot(slot);
    ASSERT_EQ(ix.InCounty(code, p), ix.ContainsNaive(code, p))
        << code << " at " << p.lon_e6 << "," << p.lat_e6;
  }
}

TEST(CountyIndex, BoundaryConvention) {
  for (int shift : {8, 13}) {
    SCOPED_TRACE(shift);
    const CountyIndex ix = MustBuild(Toy(), shift);
    EXPECT_EQ(ix.Locate(P(100.005, 30.005)), kW);
    EXPECT_EQ(ix.Locate(P(100.015, 30.005)), kE);
    // A shared north–south edge belongs to the county east of it.
    EXPECT_EQ(ix.Locate(P(100.010, 30.005)), kE);
    EXPECT_FALSE(ix.InCounty(kW, P(100.010, 30.005)));
    // A shared east–west edge belongs to the county north of it.
    EXPECT_EQ(ix.Locate(P(100.005, 30.010)), kN);
    EXPECT_FALSE(ix.InCounty(kW, P(100.005, 30.010)));
    // A vertex belongs to the county east-north-east of it.
    EXPECT_EQ(ix.Locate(P(100.010, 30.010)), kN);
    EXPECT_EQ(ix.Locate(P(100.010, 30.000)), kE);
    EXPECT_EQ(ix.Locate(P(100.000, 30.000)), kW);
    // Outer outline: west and south edges in, east and north edges out.
    EXPECT_EQ(ix.Locate(P(100.000, 30.005)), kW);
    EXPECT_EQ(ix.Locate(P(100.005, 30.000)), kW);
    EXPECT_EQ(ix.Locate(P(100.020, 30.005)), 0);
    EXPECT_EQ(ix.Locate(P(100.005, 30.020)), 0);
    // Even-odd: a hole, an island in it, and their edges.
    EXPECT_EQ(ix.Locate(P(100.035, 30.015)), kH);
    EXPECT_EQ(ix.Locate(P(100.041, 30.015)), 0);
    EXPECT_EQ(ix.Locate(P(100.045, 30.015)), kI);
    EXPECT_EQ(ix.Locate(P(100.040, 30.015)), 0);   // the hole's west edge: east of it is hole
    EXPECT_EQ(ix.Locate(P(100.050, 30.015)), kH);  // its east edge: east of it is H
    // Overlap: the first county in order wins Locate; both contain the point.
    EXPECT_EQ(ix.Locate(P(100.078, 30.005)), kO1);
    EXPECT_TRUE(ix.InCounty(kO2, P(100.078, 30.005)));
    EXPECT_EQ(ix.Locate(P(100.083, 30.005)), kO2);
    // Outside the grid and unknown codes.
    EXPECT_EQ(ix.Locate(P(99.0, 30.0)), 0);
    EXPECT_EQ(ix.Locate(P(-179.0, -89.0)), 0);
    EXPECT_EQ(ix.Locate(P(179.0, 89.0)), 0);
    EXPECT_FALSE(ix.InCounty(999999, P(100.005, 30.005)));
    EXPECT_FALSE(ix.ContainsNaive(999999, P(100.005, 30.005)));
    EXPECT_EQ(ix.Slot(kW), 0);
    EXPECT_EQ(ix.Slot(510199), -1);
  }
}

TEST(CountyIndex, ToyEqualsNaiveEverywhere) {
  std::mt19937_64 rng(7);
  for (int shift = 8; shift <= 14; ++shift) {
    SCOPED_TRACE(shift);
    const CountyIndex ix = MustBuild(Toy(), shift);
    const CountyIndexStats st = ix.stats();
    EXPECT_GT(st.mixed_cells, 0);
    if (shift <= 10) {
      EXPECT_GT(st.uniform_inside_cells, 0);
    }
    std::uniform_int_distribution<int32_t> x(E6(99.995), E6(100.090)), y(E6(29.995), E6(30.050));
    for (int i = 0; i < 20000; ++i) ExpectSameAsNaive(ix, {x(rng), y(rng)});
    // Every vertex, and its eight neighbours one microdegree away.
    for (const CountyShape& c : Toy().counties()) {
      for (const Polygon& polygon : c.polygons) {
        for (const Ring& ring : polygon) {
          for (Point v : ring) {
            for (int dx = -1; dx <= 1; ++dx) {
              for (int dy = -1; dy <= 1; ++dy) {
                ExpectSameAsNaive(ix, {v.lon_e6 + dx, v.lat_e6 + dy});
              }
            }
          }
        }
      }
    }
    // Points on the cell lines, where off-by-one errors would hide.
    const int32_t cs = 1 << shift;
    for (int i = 0; i < 5000; ++i) {
      const int32_t lon = E6(100.0) + (x(rng) - E6(100.0)) / cs * cs;
      ExpectSameAsNaive(ix, {lon, y(rng)});
      ExpectSameAsNaive(ix, {lon - 1, y(rng)});
    }
  }
}

TEST(CountyIndex, RejectsBadOptions) {
  Result<CountyIndex> ix = CountyIndex::Build(Toy(), {.cell_shift = 4});
  ASSERT_FALSE(ix.ok());
  EXPECT_EQ(ix.status().message(), "县区索引的网格参数 cell_shift 应在 8 到 20 之间，实为 4");
  ix = CountyIndex::Build(Sichuan(), {.cell_shift = 8});
  ASSERT_FALSE(ix.ok());
  EXPECT_EQ(ix.status().message(), "县区索引网格过细（43744 × 32296 个格子），请增大 cell_shift");
}

// ---- Sichuan ----

class SichuanIndex : public ::testing::Test {
 protected:
  static const CountyIndex& Index() {
    static const CountyIndex* ix = new CountyIndex(MustBuild(Sichuan(), 13));
    return *ix;
  }
};

TEST_F(SichuanIndex, Stats) {
  const CountyIndexStats st = Index().stats();
  EXPECT_EQ(st.columns * st.rows, st.uniform_cells + st.mixed_cells);
  EXPECT_GT(st.uniform_inside_cells, st.mixed_cells);
  std::printf("grid %lld x %lld, uniform %lld (inside %lld), mixed %lld, edges %lld, %.1f MB\n",
              static_cast<long long>(st.columns), static_cast<long long>(st.rows),
              static_cast<long long>(st.uniform_cells),
              static_cast<long long>(st.uniform_inside_cells),
              static_cast<long long>(st.mixed_cells), static_cast<long long>(st.cell_edges),
              static_cast<double>(st.bytes) / 1e6);
}

// Hundreds of thousands of random points over Sichuan's box and around it.
TEST_F(SichuanIndex, RandomPointsEqualNaive) {
  const CountyIndex& ix = Index();
  std::mt19937_64 rng(20251);
  std::uniform_int_distribution<int32_t> x(E6(97.2), E6(108.7)), y(E6(25.9), E6(34.5));
  int located = 0;
  for (int i = 0; i < 300000; ++i) {
    const Point p{x(rng), y(rng)};
    const int32_t naive = ix.LocateNaive(p);
    ASSERT_EQ(ix.Locate(p), naive) << p.lon_e6 << "," << p.lat_e6;
    located += naive != 0;
    if (naive != 0) {
      ASSERT_TRUE(ix.InCounty(naive, p));
    }
    if (i % 20 == 0) ExpectSameAsNaive(ix, p);
  }
  EXPECT_GT(located, 130000);  // Sichuan fills about 46% of this box
}

// Near borders: every vertex, a point exactly on every edge that has one, and 1-µdeg and
// random neighbours. Shared vertices and edges are tested once.
TEST_F(SichuanIndex, BorderPointsEqualNaive) {
  const CountyIndex& ix = Index();
  std::mt19937_64 rng(3);
  std::uniform_int_distribution<int32_t> jitter(-3000, 3000);
  std::unordered_set<uint64_t> seen;
  auto first_time = [&seen](Point p) {
    return seen
        .insert((uint64_t{static_cast<uint32_t>(p.lon_e6)} << 32) | static_cast<uint32_t>(p.lat_e6))
        .second;
  };
  auto check = [&](Point p) {
    if (!first_time(p)) return;
    ASSERT_EQ(ix.Locate(p), ix.LocateNaive(p)) << p.lon_e6 << "," << p.lat_e6;
  };
  int64_t checked = 0;
  for (const CountyShape& c : Sichuan().counties()) {
    for (const Polygon& polygon : c.polygons) {
      for (const Ring& ring : polygon) {
        for (size_t i = 0; i < ring.size(); ++i) {
          const Point a = ring[i], b = ring[(i + 1) % ring.size()];
          ASSERT_EQ(ix.InCounty(c.code, a), ix.ContainsNaive(c.code, a));
          check(a);
          // A lattice point strictly inside the edge, if there is one.
          const int32_t dx = b.lon_e6 - a.lon_e6, dy = b.lat_e6 - a.lat_e6;
          const int32_t g = std::gcd(dx, dy);
          if (g > 1) {
            const Point m{a.lon_e6 + dx / g * (g / 2), a.lat_e6 + dy / g * (g / 2)};
            ASSERT_EQ(ix.InCounty(c.code, m), ix.ContainsNaive(c.code, m));
            check(m);
          }
          if (i % 8 == 0) {
            for (Point q : {Point{a.lon_e6 + 1, a.lat_e6}, Point{a.lon_e6 - 1, a.lat_e6},
                            Point{a.lon_e6, a.lat_e6 + 1}, Point{a.lon_e6, a.lat_e6 - 1},
                            Point{a.lon_e6 + jitter(rng), a.lat_e6 + jitter(rng)}}) {
              check(q);
            }
          }
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, 230000);
}

// Where two counties share an edge, a point on it is never in both; it is in one of them
// unless a third county's outline overlaps the edge there (a few spots in the source).
TEST_F(SichuanIndex, SharedEdgesBelongToOneCounty) {
  const CountyIndex& ix = Index();
  std::map<std::pair<int64_t, int64_t>, std::vector<int32_t>> owners;
  auto key = [](Point a, Point b) {
    int64_t ka = (int64_t{a.lon_e6} << 32) | static_cast<uint32_t>(a.lat_e6);
    int64_t kb = (int64_t{b.lon_e6} << 32) | static_cast<uint32_t>(b.lat_e6);
    return ka < kb ? std::pair{ka, kb} : std::pair{kb, ka};
  };
  for (const CountyShape& c : Sichuan().counties()) {
    for (const Polygon& polygon : c.polygons) {
      for (const Ring& ring : polygon) {
        for (size_t i = 0; i < ring.size(); ++i) {
          owners[key(ring[i], ring[(i + 1) % ring.size()])].push_back(c.code);
        }
      }
    }
  }
  int64_t shared = 0, tested = 0, third = 0;
  for (const CountyShape& c : Sichuan().counties()) {
    for (const Polygon& polygon : c.polygons) {
      for (const Ring& ring : polygon) {
        for (size_t i = 0; i < ring.size(); ++i) {
          const Point a = ring[i], b = ring[(i + 1) % ring.size()];
          const auto& o = owners[key(a, b)];
          if (o.size() != 2 || o[0] == o[1] || o[0] != c.code) continue;
          ++shared;
          const int32_t dx = b.lon_e6 - a.lon_e6, dy = b.lat_e6 - a.lat_e6;
          const int32_t g = std::gcd(dx, dy);
          for (int32_t k = 1; k < g; k += std::max(1, g / 4)) {
            const Point m{a.lon_e6 + dx / g * k, a.lat_e6 + dy / g * k};
            const bool first = ix.InCounty(o[0], m), second = ix.InCounty(o[1], m);
            EXPECT_FALSE(first && second)
                << o[0] << "/" << o[1] << " at " << m.lon_e6 << "," << m.lat_e6;
            if (!first && !second) {
              EXPECT_NE(ix.Locate(m), 0)
                  << o[0] << "/" << o[1] << " at " << m.lon_e6 << "," << m.lat_e6;
              ++third;
            }
            ++tested;
          }
        }
      }
    }
  }
  EXPECT_GT(shared, 90000);
  EXPECT_GT(tested, 20000);
  EXPECT_LT(third * 1000, tested);
}

TEST_F(SichuanIndex, OtherCellSizesEqualNaive) {
  std::mt19937_64 rng(11);
  std::uniform_int_distribution<int32_t> x(E6(97.2), E6(108.7)), y(E6(25.9), E6(34.5));
  for (int shift : {10, 16, 20}) {
    SCOPED_TRACE(shift);
    const CountyIndex ix = MustBuild(Sichuan(), shift);
    for (int i = 0; i < 30000; ++i) {
      const Point p{x(rng), y(rng)};
      ASSERT_EQ(ix.Locate(p), ix.LocateNaive(p)) << p.lon_e6 << "," << p.lat_e6;
    }
  }
}

}  // namespace
}  // namespace zj::geo
