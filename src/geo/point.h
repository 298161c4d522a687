#pragma once
// Points and boxes in integer microdegrees (1e-6 degree, about 0.1 m), the unit in which
// the engine keeps coordinates (DESIGN.md §5). Integer coordinates make every geometric
// predicate in this library exact: no epsilon, no platform-dependent rounding.
//
// Values; thread-safe.

#include <algorithm>
#include <cstdint>
#include <limits>

namespace zj::geo {

// Longitude and latitude (WGS-84 as given; no datum conversion) in microdegrees.
struct Point {
  int32_t lon_e6 = 0;
  int32_t lat_e6 = 0;
  friend constexpr bool operator==(Point, Point) = default;
};

// A closed axis-aligned box [min, max] in microdegrees; empty when min > max.
struct Box {
  int32_t min_lon_e6 = std::numeric_limits<int32_t>::max();
  int32_t min_lat_e6 = std::numeric_limits<int32_t>::max();
  int32_t max_lon_e6 = std::numeric_limits<int32_t>::min();
  int32_t max_lat_e6 = std::numeric_limits<int32_t>::min();

  bool empty() const { return min_lon_e6 > max_lon_e6; }
  bool Contains(Point p) const {
    return p.lon_e6 >= min_lon_e6 && p.lon_e6 <= max_lon_e6 && p.lat_e6 >= min_lat_e6 &&
           p.lat_e6 <= max_lat_e6;
  }
  void Extend(Point p) {
    min_lon_e6 = std::min(min_lon_e6, p.lon_e6);
    min_lat_e6 = std::min(min_lat_e6, p.lat_e6);
    max_lon_e6 = std::max(max_lon_e6, p.lon_e6);
    max_lat_e6 = std::max(max_lat_e6, p.lat_e6);
  }
  void Extend(const Box& b) {
    if (b.empty()) return;
    Extend(Point{b.min_lon_e6, b.min_lat_e6});
    Extend(Point{b.max_lon_e6, b.max_lat_e6});
  }
};

}  // namespace zj::geo
