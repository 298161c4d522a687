#pragma once
// CountyIndex: which county contains a point, answered mostly by one array load.
//
// Containment is the even-odd rule over all rings of a county (holes and islands alike),
// evaluated exactly in integer arithmetic with the half-open crossing convention:
//
//   a point p is inside iff a ray from p towards +longitude crosses the county's edges an
//   odd number of times, where edge (a, b) counts iff (a.lat > p.lat) != (b.lat > p.lat)
//   and p lies strictly west of the edge at p's latitude.
//
// Boundary convention. That rule decides points on an outline as if they were moved by
// (+ε, +ε²) for an infinitesimal ε: a point on a north–south or sloping border belongs to
// the county to its east, a point on an east–west border to the county to its north, and a
// vertex to the county that contains the points just east-north-east of it. Where two
// counties share an edge (the shipped outlines share almost all internal borders exactly),
// a point on that edge is therefore in exactly one of them, never in both; a point on the
// province's western or southern outline is in the county, on its eastern or northern
// outline outside every county. Slivers where the source outlines overlap or leave gaps
// stay as they are: Locate returns the first county in RegionSet::counties() order.
//
// The grid. The box of all outlines is cut into square cells of 2^cell_shift microdegrees
// (default 2^13 = 8192, about 0.008°, 0.9 km north–south and 0.8 km east–west in Sichuan).
// A cell is either
//   - uniform: no edge comes near it, so every point of it is in the same county (or in
//     none); the cell stores that county, and a lookup is one load; or
//   - mixed: for each county whose parity can change inside the cell the cell keeps the
//     edges that can cross a ray from a point of the cell within the cell's column, the
//     heights at which edges further east start or stop crossing such a ray, and the
//     county's parity at the cell's south-west corner. A lookup evaluates the parity
//     function of the few counties present, in the same integer arithmetic as the naive
//     test, so the result is bit-for-bit the naive result (tested on ~1 million points).
// Memory: 4 bytes a cell plus the mixed-cell records (about 16 bytes an edge). Sichuan at
// the default: 1,367 × 1,010 cells (5.5 MB), 51,627 of them mixed (3.7%) holding 271,000
// edge copies (5.9 MB): 11.4 MB in all, built in about 0.2 s. cell_shift 12: 34.7 MB, 2.2%
// mixed; 14: 6.2 MB, 6.7% mixed. Lookups that stay near each other (a person's track) hit
// the cache and cost a few nanoseconds; uniformly random ones are bound by memory latency.
//
// Thread-safety: immutable after Build; every method is const and safe to call from any
// number of threads.

#include <cstdint>
#include <vector>

#include "common/status.h"
#include "geo/point.h"
#include "geo/regions.h"

namespace zj::geo {

struct CountyIndexOptions {
  // Cells are 2^cell_shift microdegrees square; 8 ≤ cell_shift ≤ 20, and at most 2^27
  // cells in all (Build fails otherwise).
  int cell_shift = 13;
};

struct CountyIndexStats {
  int64_t columns = 0, rows = 0;
  int64_t uniform_cells = 0, uniform_inside_cells = 0, mixed_cells = 0;
  int64_t cell_edges = 0;  // edge copies held by mixed cells
  int64_t bytes = 0;       // memory held by the grid (cells, mixed-cell records, edges)
};

class CountyIndex {
 public:
  CountyIndex() = default;

  // Indexes every county of `regions` (which need not outlive the index).
  static Result<CountyIndex> Build(const RegionSet& regions, CountyIndexOptions options = {});

  // The code of the first county (in RegionSet::counties() order) that contains `p`, or 0
  // if none does. Equals the first county for which ContainsNaive is true.
  int32_t Locate(Point p) const;
  // True if county `code` contains `p`; false for an unknown code. Equals ContainsNaive.
  bool InCounty(int32_t code, Point p) const;

  // The reference: the even-odd test over every edge of the county (after a box check).
  bool ContainsNaive(int32_t code, Point p) const;
  // The first county, in order, whose ContainsNaive is true, or 0.
  int32_t LocateNaive(Point p) const;

  // For hot loops: a county's slot (its position in RegionSet::counties()), or -1 for an
  // unknown code, and the test by slot. InSlot(Slot(c), p) == InCounty(c, p).
  int Slot(int32_t code) const;
  bool InSlot(int slot, Point p) const;
  int32_t CodeOfSlot(int slot) const { return codes_[static_cast<size_t>(slot)]; }
  int county_count() const { return static_cast<int>(codes_.size()); }

  CountyIndexStats stats() const;

 private:
  struct Ring {
    uint32_t begin = 0, end = 0;  // → points_
  };
  struct County {
    int32_t code = 0;
    Box box;
    uint32_t ring_begin = 0, ring_end = 0;  // → rings_
  };

  // The cell holding p, or -1 outside the grid.
  int64_t CellOf(Point p) const {
    const uint64_t cx = static_cast<uint64_t>((int64_t{p.lon_e6} - origin_lon_) >> shift_);
    const uint64_t cy = static_cast<uint64_t>((int64_t{p.lat_e6} - origin_lat_) >> shift_);
    if (cx >= columns_ || cy >= rows_) return -1;
    return static_cast<int64_t>(cy * columns_ + cx);
  }

  std::vector<County> counties_;
  std::vector<int32_t> codes_;  // by slot
  std::vector<Ring> rings_;
  std::vector<Point> points_;
  std::vector<int16_t> slot_by_code_;  // code − min_code_ → slot, or −1
  int32_t min_code_ = 0;

  int shift_ = 13;
  int64_t origin_lon_ = 0, origin_lat_ = 0;
  uint64_t columns_ = 0, rows_ = 0;
  // ≥ 0: a uniform cell, slot + 1 of its county or 0 for none; < 0: a mixed cell whose
  // record starts at blob_[−1 − value].
  std::vector<int32_t> cells_;
  // Mixed-cell records, each contiguous so that a lookup reads one or two cache lines: the
  // number of entries, then per county by ascending slot: slot × 2 + parity at the cell's
  // south-west corner (less the local terms), edge count E, height count H, E edges as
  // (a.lon, a.lat, b.lon, b.lat), H heights (latitudes).
  std::vector<int32_t> blob_;
  int64_t mixed_cells_ = 0;
};

}  // namespace zj::geo
