#pragma once
// Sichuan regions and county outlines for the generator (data/geo/).
//
// Regions: the province, 21 cities and 183 counties of sichuan-regions.csv, in file order.
// CountyShape: one county's polygon rings from sichuan-counties.geojson with an even-odd
// point-in-polygon test and the distance (metres) from a point to the nearest edge.
// Anchors: points well inside a county (large clearance). A trajectory that stays within
// half the clearance of its anchor never leaves the county, which is how the generator
// keeps lawful positions inside the residence county without testing every point.
//
// Geo is immutable after Load() except for the lazily computed anchors (not thread-safe).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/status.h"

namespace zj::synth {

struct LonLat {
  double lon = 0;
  double lat = 0;
};

struct Region {
  std::string code;    // GB/T 2260
  std::string name;    // 成都市, 锦江区
  std::string level;   // province | city | county
  std::string parent;  // parent code
};

class CountyShape {
 public:
  CountyShape() = default;
  explicit CountyShape(std::vector<std::vector<LonLat>> rings);
  bool Contains(LonLat p) const;
  // Distance in metres from `p` to the nearest edge (local equirectangular projection).
  double ClearanceMeters(LonLat p) const;
  double min_lon() const { return min_lon_; }
  double max_lon() const { return max_lon_; }
  double min_lat() const { return min_lat_; }
  double max_lat() const { return max_lat_; }

 private:
  std::vector<std::vector<LonLat>> rings_;
  double min_lon_ = 0, max_lon_ = 0, min_lat_ = 0, max_lat_ = 0;
};

struct Anchor {
  LonLat point;
  double clearance_m = 0;  // distance to the county's outline
};

// Metres per degree at latitude `lat`.
double MetersPerDegreeLon(double lat);
inline constexpr double kMetersPerDegreeLat = 110574.0;
// `p` moved by (east, north) metres.
LonLat Offset(LonLat p, double east_m, double north_m);

class Geo {
 public:
  // Reads `dir`/sichuan-regions.csv and `dir`/sichuan-counties.geojson.
  static Result<std::unique_ptr<Geo>> Load(const std::string& dir);

  const Region& province() const { return province_; }
  const std::vector<Region>& cities() const { return cities_; }
  const std::vector<Region>& counties() const { return counties_; }
  // Index into counties() / cities(), or -1.
  int CountyIndex(const std::string& code) const;
  int CityIndex(const std::string& code) const;
  // City index of county `county`.
  int CityOf(int county) const { return county_city_[county]; }
  const CountyShape& Shape(int county) const { return shapes_[county]; }

  // Up to 24 points inside county `county`, each with clearance ≥ min(1200 m, 60% of the
  // best clearance found). Deterministic (seeded by the county code), computed on first use.
  const std::vector<Anchor>& Anchors(int county) const;

 private:
  Geo() = default;
  Region province_;
  std::vector<Region> cities_;
  std::vector<Region> counties_;
  std::vector<int> county_city_;
  std::map<std::string, int> county_index_;
  std::map<std::string, int> city_index_;
  std::vector<CountyShape> shapes_;
  mutable std::vector<std::vector<Anchor>> anchors_;
  mutable std::vector<bool> anchors_ready_;
};

}  // namespace zj::synth
