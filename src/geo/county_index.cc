#include "geo/county_index.h"

#include <algorithm>
#include <cmath>
#include <string>

// Why a mixed cell's answer is exact. Fix a cell [X0, X1) × [Y0, Y1) and a county; for p in
// the cell, parity(p) = XOR over all edges e of Crosses(e, p). Split the edges by their
// longitude range:
//   - west (max lon < X0): x_e ≤ max lon < p.lon, never counts;
//   - east (min lon ≥ X1): p.lon < X1 ≤ x_e, counts iff e straddles p.lat; the XOR of
//     straddles(e, y) = [a.lat > y] ^ [b.lat > y] over all east edges is the XOR of
//     [v.lat > y] over their endpoints, where a vertex shared by two east edges cancels.
//     What remains are "dangling" vertices, whose other edge is not an east edge; that
//     edge's longitude range then meets the column. [v.lat > y] is constant over the row
//     unless Y0 < v.lat < Y1, and then the other edge can straddle a latitude of the row;
//   - local (longitude range meets [X0, X1)): if the edge can straddle no latitude of the
//     row (not min lat < Y1 and max lat > Y0) it never counts; otherwise it is stored.
// So parity(p) = K ^ XOR over stored edges of Crosses(e, p) ^ XOR over the stored dangling
// latitudes h of [h > p.lat], where K is constant over the cell. K is found from the parity
// at the south-west corner (X0, Y0), which a sweep along each row's southern line computes
// for every cell at once. Nothing here is geometric approximation: every term uses the
// same integer predicate as the naive test, so the two agree on every point, boundary
// points included.

namespace zj::geo {
namespace {

// The crossing rule of the header: edge (a, b) counts for a ray from p towards +longitude
// iff it straddles p's latitude half-open and p lies strictly west of it there. Exact for
// coordinates within ±180e6 / ±90e6 (products stay below 2^63). Symmetric in a and b.
inline bool Straddles(Point a, Point b, Point p) {
  return (a.lat_e6 > p.lat_e6) != (b.lat_e6 > p.lat_e6);
}

// For an edge that straddles p's latitude: p lies strictly west of it there, i.e.
// det / dy > 0 with det = (p.lat − a.lat)(b.lon − a.lon) − (p.lon − a.lon)(b.lat − a.lat).
inline bool WestOf(Point a, Point b, Point p) {
  const int64_t dy = int64_t{b.lat_e6} - a.lat_e6;
  const int64_t det = (int64_t{p.lat_e6} - a.lat_e6) * (int64_t{b.lon_e6} - a.lon_e6) -
                      (int64_t{p.lon_e6} - a.lon_e6) * dy;
  return (det != 0) & ((det > 0) == (dy > 0));
}

// Branch-free: a mixed cell evaluates a handful of these per lookup, and which way each
// goes is unpredictable. (The naive loop branches on Straddles instead: most edges of a
// county do not straddle, predictably.)
inline bool Crosses(Point a, Point b, Point p) { return Straddles(a, b, p) & WestOf(a, b, p); }

// A mixed cell's entry (see CountyIndex::blob_): its parity at p.
inline bool EntryParity(const int32_t* e, Point p) {
  bool parity = e[0] & 1;
  const int32_t edges = e[1], heights = e[2];
  const int32_t* w = e + 3;
  for (int32_t k = 0; k < edges; ++k, w += 4) {
    parity ^= Crosses(Point{w[0], w[1]}, Point{w[2], w[3]}, p);
  }
  for (int32_t k = 0; k < heights; ++k) parity ^= w[k] > p.lat_e6;
  return parity;
}

inline const int32_t* NextEntry(const int32_t* e) { return e + 3 + 4 * e[1] + e[2]; }

// 512 MB of cells; Sichuan at cell_shift 10 needs 88 million.
constexpr int64_t kMaxCells = int64_t{1} << 27;

// An edge of one county met in one cell while building.
struct Touch {
  uint64_t cell;
  int32_t slot;
  uint32_t edge;  // index of the edge's first point in points_; the ring is rings[ring]
  uint32_t ring;
  bool operator<(const Touch& o) const {
    if (cell != o.cell) return cell < o.cell;
    if (slot != o.slot) return slot < o.slot;
    return edge < o.edge;
  }
};

// An edge that straddles a row's southern line, and how many cells of the row have their
// south-west corner west of it.
struct Crossing {
  int64_t west_cells;
  int32_t slot;
};

}  // namespace

Result<CountyIndex> CountyIndex::Build(const RegionSet& regions, CountyIndexOptions options) {
  if (options.cell_shift < 8 || options.cell_shift > 20) {
    return InvalidArgument("县区索引的网格参数 cell_shift 应在 8 到 20 之间，实为 " +
                           std::to_string(options.cell_shift));
  }
  const std::vector<CountyShape>& shapes = regions.counties();
  if (shapes.empty()) return InvalidArgument("没有可供索引的县级区划边界");
  if (shapes.size() > 32000) return InvalidArgument("县级区划过多，无法建立索引");

  CountyIndex ix;
  ix.shift_ = options.cell_shift;
  // ---- outlines, flattened ----
  Box all;
  int32_t max_code = 0;
  ix.min_code_ = shapes.front().code;
  for (const CountyShape& s : shapes) {
    County c;
    c.code = s.code;
    c.box = s.box;
    c.ring_begin = static_cast<uint32_t>(ix.rings_.size());
    for (const Polygon& polygon : s.polygons) {
      for (const geo::Ring& ring : polygon) {
        const uint32_t begin = static_cast<uint32_t>(ix.points_.size());
        ix.points_.insert(ix.points_.end(), ring.begin(), ring.end());
        ix.rings_.push_back({begin, static_cast<uint32_t>(ix.points_.size())});
      }
    }
    c.ring_end = static_cast<uint32_t>(ix.rings_.size());
    all.Extend(s.box);
    ix.counties_.push_back(c);
    ix.codes_.push_back(s.code);
    ix.min_code_ = std::min(ix.min_code_, s.code);
    max_code = std::max(max_code, s.code);
  }
  ix.slot_by_code_.assign(static_cast<size_t>(max_code - ix.min_code_) + 1, int16_t{-1});
  for (size_t slot = 0; slot < ix.codes_.size(); ++slot) {
    ix.slot_by_code_[static_cast<size_t>(ix.codes_[slot] - ix.min_code_)] =
        static_cast<int16_t>(slot);
  }
  if (all.empty()) return InvalidArgument("县级区划边界为空");

  // ---- grid ----
  const int s = ix.shift_;
  const int64_t cs = int64_t{1} << s;
  ix.origin_lon_ = all.min_lon_e6;
  ix.origin_lat_ = all.min_lat_e6;
  ix.columns_ = static_cast<uint64_t>(((all.max_lon_e6 - ix.origin_lon_) >> s) + 1);
  ix.rows_ = static_cast<uint64_t>(((all.max_lat_e6 - ix.origin_lat_) >> s) + 1);
  const int64_t columns = static_cast<int64_t>(ix.columns_);
  const int64_t rows = static_cast<int64_t>(ix.rows_);
  if (columns * rows > kMaxCells) {
    return InvalidArgument("县区索引网格过细（" + std::to_string(columns) + " × " +
                           std::to_string(rows) + " 个格子），请增大 cell_shift");
  }
  auto x0 = [&](int64_t col) { return ix.origin_lon_ + col * cs; };
  auto y0 = [&](int64_t row) { return ix.origin_lat_ + row * cs; };
  const std::vector<Point>& pts = ix.points_;
  auto next_of = [&](uint32_t i, const Ring& r) { return i + 1 < r.end ? i + 1 : r.begin; };
  auto prev_of = [&](uint32_t i, const Ring& r) { return i > r.begin ? i - 1 : r.end - 1; };

  // Every (cell, county, edge) where the edge's longitude range meets the cell's column and
  // it can straddle a latitude of the cell's row; and, per row, the edges that straddle the
  // row's southern line.
  std::vector<Touch> touches;
  std::vector<std::vector<std::pair<uint32_t, int32_t>>> row_edges(static_cast<size_t>(rows));
  for (size_t slot = 0; slot < ix.counties_.size(); ++slot) {
    const County& c = ix.counties_[slot];
    for (uint32_t r = c.ring_begin; r < c.ring_end; ++r) {
      const Ring& ring = ix.rings_[r];
      for (uint32_t i = ring.begin; i < ring.end; ++i) {
        const Point a = pts[i], b = pts[next_of(i, ring)];
        const int64_t min_x = std::min(a.lon_e6, b.lon_e6) - ix.origin_lon_;
        const int64_t max_x = std::max(a.lon_e6, b.lon_e6) - ix.origin_lon_;
        const int64_t min_y = std::min(a.lat_e6, b.lat_e6) - ix.origin_lat_;
        const int64_t max_y = std::max(a.lat_e6, b.lat_e6) - ix.origin_lat_;
        const int64_t col_lo = min_x >> s, col_hi = max_x >> s;
        const int64_t row_lo = min_y >> s, row_hi = (max_y - 1) >> s;
        for (int64_t row = row_lo; row <= row_hi; ++row) {
          for (int64_t col = col_lo; col <= col_hi; ++col) {
            touches.push_back(
                {static_cast<uint64_t>(row * columns + col), static_cast<int32_t>(slot), i, r});
          }
        }
        if (min_y == max_y) continue;
        // Rows whose southern line y0 satisfies min_y ≤ y0 < max_y.
        for (int64_t row = (min_y + cs - 1) >> s; row <= ((max_y + cs - 1) >> s) - 1; ++row) {
          row_edges[static_cast<size_t>(row)].push_back({i, static_cast<int32_t>(slot)});
        }
      }
    }
  }
  std::sort(touches.begin(), touches.end());

  // Which ring an edge's first point belongs to, for the row sweep.
  std::vector<uint32_t> ring_of(pts.size());
  for (uint32_t r = 0; r < ix.rings_.size(); ++r) {
    for (uint32_t i = ix.rings_[r].begin; i < ix.rings_[r].end; ++i) ring_of[i] = r;
  }

  ix.cells_.assign(static_cast<size_t>(columns * rows), 0);
  std::vector<Crossing> crossings;
  std::vector<int32_t> odd;  // slots with odd parity at the current corner, ascending
  std::vector<int32_t> corner(static_cast<size_t>(columns));  // see below
  constexpr int32_t kSeveral = -1;  // corner[] value: more than one county contains it
  size_t t = 0;                     // → touches
  std::vector<int32_t> odd_here;
  // One county's share of the mixed cell being built; its words are in part_words.
  struct Part {
    int32_t slot = 0;
    bool parity = false;
    uint32_t begin = 0, end = 0;
  };
  std::vector<Part> parts;
  std::vector<int32_t> part_words, edge_words, height_words;
  for (int64_t row = 0; row < rows; ++row) {
    const int64_t y = y0(row);
    // Parity of every county at each cell's south-west corner: sweep the crossings of the
    // row's southern line from east to west.
    crossings.clear();
    for (auto [i, slot] : row_edges[static_cast<size_t>(row)]) {
      const Point a = pts[i], b = pts[next_of(i, ix.rings_[ring_of[i]])];
      const double xe = a.lon_e6 + static_cast<double>(y - a.lat_e6) * (b.lon_e6 - a.lon_e6) /
                                       static_cast<double>(b.lat_e6 - a.lat_e6);
      int64_t k = std::clamp<int64_t>(
          static_cast<int64_t>(std::ceil((xe - static_cast<double>(ix.origin_lon_)) / cs)), 0,
          columns);
      const int32_t yy = static_cast<int32_t>(y);
      auto west = [&](int64_t col) {
        return Crosses(a, b, Point{static_cast<int32_t>(x0(col)), yy});
      };
      while (k > 0 && !west(k - 1)) --k;
      while (k < columns && west(k)) ++k;
      crossings.push_back({k, slot});
    }
    std::sort(crossings.begin(), crossings.end(),
              [](const Crossing& p, const Crossing& q) { return p.west_cells > q.west_cells; });
    odd.clear();
    size_t e = 0;
    for (int64_t col = columns - 1; col >= 0; --col) {
      for (; e < crossings.size() && crossings[e].west_cells > col; ++e) {
        auto it = std::lower_bound(odd.begin(), odd.end(), crossings[e].slot);
        if (it != odd.end() && *it == crossings[e].slot) {
          odd.erase(it);
        } else {
          odd.insert(it, crossings[e].slot);
        }
      }
      corner[static_cast<size_t>(col)] = odd.empty()       ? 0
                                         : odd.size() == 1 ? odd.front() + 1
                                                           : kSeveral;
    }
    // The counties containing the south-west corner of cell `col`, ascending.
    auto corner_set = [&](int64_t col, std::vector<int32_t>* out) {
      out->clear();
      const int32_t v = corner[static_cast<size_t>(col)];
      if (v > 0) out->push_back(v - 1);
      if (v != kSeveral) return;
      for (const Crossing& c : crossings) {
        if (c.west_cells <= col) continue;
        auto it = std::lower_bound(out->begin(), out->end(), c.slot);
        if (it != out->end() && *it == c.slot) {
          out->erase(it);
        } else {
          out->insert(it, c.slot);
        }
      }
    };
    auto corner_parity = [&](int64_t col, int32_t slot) {
      const int32_t v = corner[static_cast<size_t>(col)];
      if (v != kSeveral) return v == slot + 1;
      bool p = false;
      for (const Crossing& c : crossings) p ^= c.slot == slot && c.west_cells > col;
      return p;
    };

    for (int64_t col = 0; col < columns; ++col) {
      const uint64_t cell = static_cast<uint64_t>(row * columns + col);
      parts.clear();
      part_words.clear();
      corner_set(col, &odd_here);
      const int64_t x1 = x0(col) + cs, y1 = y + cs;
      const Point p0{static_cast<int32_t>(x0(col)), static_cast<int32_t>(y)};
      while (t < touches.size() && touches[t].cell == cell) {
        const int32_t slot = touches[t].slot;
        Part part{.slot = slot};
        edge_words.clear();
        height_words.clear();
        bool local = false;  // parity of the local terms at p0
        for (; t < touches.size() && touches[t].cell == cell && touches[t].slot == slot; ++t) {
          const Ring& ring = ix.rings_[touches[t].ring];
          const uint32_t i = touches[t].edge, j = next_of(i, ring);
          const Point a = pts[i], b = pts[j];
          if (a.lat_e6 != b.lat_e6) {
            edge_words.insert(edge_words.end(), {a.lon_e6, a.lat_e6, b.lon_e6, b.lat_e6});
            local ^= Crosses(a, b, p0);
          }
          // An endpoint whose other edge lies wholly east of the cell: as the latitude
          // passes it, that eastern edge starts or stops crossing every ray from the cell.
          auto dangling = [&](Point v, uint32_t other_first) {
            const Point u = pts[other_first], w = pts[next_of(other_first, ring)];
            if (std::min(u.lon_e6, w.lon_e6) >= x1 && v.lat_e6 > y && v.lat_e6 < y1) {
              height_words.push_back(v.lat_e6);
              local = !local;  // v.lat > p0.lat
            }
          };
          dangling(a, prev_of(i, ring));
          dangling(b, j);
        }
        // An entry without edges or heights is constant over the cell, and then equal to
        // its corner parity: it stays in (or out of) odd_here like an untouched county.
        if (edge_words.empty() && height_words.empty()) continue;
        odd_here.erase(std::remove(odd_here.begin(), odd_here.end(), slot), odd_here.end());
        part.parity = corner_parity(col, slot) ^ local;
        part.begin = static_cast<uint32_t>(part_words.size());
        part_words.push_back(static_cast<int32_t>(edge_words.size() / 4));
        part_words.push_back(static_cast<int32_t>(height_words.size()));
        part_words.insert(part_words.end(), edge_words.begin(), edge_words.end());
        part_words.insert(part_words.end(), height_words.begin(), height_words.end());
        part.end = static_cast<uint32_t>(part_words.size());
        parts.push_back(part);
      }
      // What is left in odd_here contains the whole cell.
      if (parts.empty() && odd_here.size() <= 1) {
        ix.cells_[cell] = odd_here.empty() ? 0 : odd_here.front() + 1;
        continue;
      }
      for (int32_t slot : odd_here) {
        parts.push_back({.slot = slot, .parity = true, .begin = 0, .end = 0});
      }
      std::sort(parts.begin(), parts.end(),
                [](const Part& p, const Part& q) { return p.slot < q.slot; });
      ix.cells_[cell] = -1 - static_cast<int32_t>(ix.blob_.size());
      ix.blob_.push_back(static_cast<int32_t>(parts.size()));
      for (const Part& part : parts) {
        ix.blob_.push_back(part.slot * 2 + part.parity);
        if (part.begin == part.end) {
          ix.blob_.insert(ix.blob_.end(), {0, 0});
        } else {
          ix.blob_.insert(ix.blob_.end(), part_words.begin() + part.begin,
                          part_words.begin() + part.end);
        }
      }
      ++ix.mixed_cells_;
      if (ix.blob_.size() > size_t{1} << 30)
        return InvalidArgument("县区索引过大，请增大 cell_shift");
    }
  }
  ix.blob_.shrink_to_fit();
  return ix;
}

int CountyIndex::Slot(int32_t code) const {
  const int64_t k = int64_t{code} - min_code_;
  if (k < 0 || k >= static_cast<int64_t>(slot_by_code_.size())) return -1;
  return slot_by_code_[static_cast<size_t>(k)];
}

bool CountyIndex::InSlot(int slot, Point p) const {
  const int64_t cell = CellOf(p);
  if (cell < 0) return false;
  const int32_t v = cells_[static_cast<size_t>(cell)];
  if (v >= 0) return v == slot + 1;
  const int32_t* e = &blob_[static_cast<size_t>(-1 - v)];
  for (int32_t n = *e++; n > 0; --n) {
    const int32_t entry_slot = e[0] >> 1;
    if (entry_slot == slot) return EntryParity(e, p);
    if (entry_slot > slot) break;
    e = NextEntry(e);
  }
  return false;
}

bool CountyIndex::InCounty(int32_t code, Point p) const {
  const int slot = Slot(code);
  return slot >= 0 && InSlot(slot, p);
}

int32_t CountyIndex::Locate(Point p) const {
  const int64_t cell = CellOf(p);
  if (cell < 0) return 0;
  const int32_t v = cells_[static_cast<size_t>(cell)];
  if (v >= 0) return v == 0 ? 0 : codes_[static_cast<size_t>(v - 1)];
  const int32_t* e = &blob_[static_cast<size_t>(-1 - v)];
  for (int32_t n = *e++; n > 0; --n) {
    if (EntryParity(e, p)) return codes_[static_cast<size_t>(e[0] >> 1)];
    e = NextEntry(e);
  }
  return 0;
}

bool CountyIndex::ContainsNaive(int32_t code, Point p) const {
  const int slot = Slot(code);
  if (slot < 0) return false;
  const County& c = counties_[static_cast<size_t>(slot)];
  if (!c.box.Contains(p)) return false;
  bool inside = false;
  for (uint32_t r = c.ring_begin; r < c.ring_end; ++r) {
    const Ring& ring = rings_[r];
    for (uint32_t i = ring.begin, j = ring.end - 1; i < ring.end; j = i++) {
      if (Straddles(points_[j], points_[i], p)) inside ^= WestOf(points_[j], points_[i], p);
    }
  }
  return inside;
}

int32_t CountyIndex::LocateNaive(Point p) const {
  for (int32_t code : codes_) {
    if (ContainsNaive(code, p)) return code;
  }
  return 0;
}

CountyIndexStats CountyIndex::stats() const {
  CountyIndexStats st;
  st.columns = static_cast<int64_t>(columns_);
  st.rows = static_cast<int64_t>(rows_);
  for (int32_t v : cells_) {
    if (v < 0) {
      const int32_t* e = &blob_[static_cast<size_t>(-1 - v)];
      for (int32_t n = *e++; n > 0; --n) {
        st.cell_edges += e[1];
        e = NextEntry(e);
      }
    } else {
      ++st.uniform_cells;
      st.uniform_inside_cells += v > 0;
    }
  }
  st.mixed_cells = mixed_cells_;
  st.bytes = static_cast<int64_t>((cells_.size() + blob_.size()) * sizeof(int32_t));
  return st;
}

}  // namespace zj::geo
