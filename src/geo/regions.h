#pragma once
// Administrative regions (行政区划) and county outlines, parsed from the text of the two
// files shipped in data/geo/ (see data/geo/SOURCE.md):
//
//   sichuan-regions.csv       region_code,name,level,parent_code — one province, its
//                             cities (市、州) and counties (县、区、县级市), GB/T 2260 codes
//   sichuan-counties.geojson  a FeatureCollection with one Polygon or MultiPolygon per
//                             county; properties `code` (required), `name` and `city_code`
//                             (checked against the CSV when present)
//
// The caller reads the files; RegionSet::Parse takes their contents. Bad input gives a
// kInvalidArgument Status with a located Chinese message, e.g.
// "sichuan-counties.geojson 第3个要素：缺少 code 属性". Every county of the CSV must have
// exactly one feature, and every feature must be a county of the CSV.
//
// Outlines are kept as given except for normalisation that does not change which points
// they contain under the even-odd rule: coordinates are rounded to whole microdegrees;
// each ring loses its closing repeat of the first point and any immediate repeat of a
// point; a ring left with fewer than three points (a zero-area sliver — the shipped file
// has 49, left by simplification) is dropped, and so is a polygon left with no ring.
// Rings are not reoriented and holes are not checked against shells: containment is the
// even-odd rule over all rings of a county (county_index.h).
//
// Thread-safety: immutable after Parse; safe to share between threads.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "geo/point.h"

namespace zj::geo {

enum class RegionLevel { kProvince, kCity, kCounty };

// "province" | "city" | "county", as in the CSV.
std::string_view RegionLevelName(RegionLevel level);

struct Region {
  int32_t code = 0;  // GB/T 2260, e.g. 510104
  std::string name;  // 锦江区
  RegionLevel level = RegionLevel::kCounty;
  int32_t parent = 0;  // code of the parent region; 0 for a province
};

// A ring of at least three points, no two consecutive ones equal, without the closing
// repeat: edges join each point to the next and the last to the first.
using Ring = std::vector<Point>;
// The rings of one GeoJSON polygon: the shell first, then its holes.
using Polygon = std::vector<Ring>;

struct CountyShape {
  int32_t code = 0;
  std::vector<Polygon> polygons;  // one for a Polygon, several for a MultiPolygon
  Box box;                        // of every point
  size_t point_count = 0;
};

// Names used in error messages (the files' names; the defaults are the shipped files).
struct RegionSourceNames {
  std::string_view regions = "sichuan-regions.csv";
  std::string_view counties = "sichuan-counties.geojson";
};

class RegionSet {
 public:
  RegionSet() = default;

  static Result<RegionSet> Parse(std::string_view regions_csv, std::string_view counties_geojson,
                                 const RegionSourceNames& names = {});

  // Every region, in CSV order.
  const std::vector<Region>& regions() const { return regions_; }
  // The county shapes, in the CSV order of the counties (the order CountyIndex uses).
  const std::vector<CountyShape>& counties() const { return shapes_; }

  // The region with `code`, or nullptr.
  const Region* Find(int32_t code) const;
  // The regions named exactly `name`, in CSV order (names repeat: 乐山市 and 内江市 both
  // have a 市中区).
  std::vector<const Region*> FindByName(std::string_view name) const;
  // The county's shape, or nullptr if `code` is not a county.
  const CountyShape* Shape(int32_t code) const;
  // The city (市、州) that county `code` belongs to; 0 if `code` is not a county.
  int32_t CityOf(int32_t county) const;
  // True if `code` is `ancestor` or lies under it (county → city → province).
  bool Within(int32_t code, int32_t ancestor) const;

 private:
  std::vector<Region> regions_;
  std::unordered_map<int32_t, size_t> by_code_;  // → regions_
  std::vector<CountyShape> shapes_;
  std::unordered_map<int32_t, size_t> shape_by_code_;  // → shapes_
};

}  // namespace zj::geo
