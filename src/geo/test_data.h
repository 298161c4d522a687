#pragma once
// Test helpers: the shipped data/geo files, and a small hand-made region set.
// Tests only; the library itself never reads files.

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "geo/regions.h"

namespace zj::geo::testing {

inline std::string SourceDir() {
  const char* s = std::getenv("ZJ_SOURCE_DIR");
  return s ? s : ZJ_SOURCE_DIR_DEFAULT;
}

inline std::string ReadSourceFile(const std::string& rel) {
  std::ifstream in(SourceDir() + "/" + rel, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// data/geo/sichuan-*.{csv,geojson}, parsed once per test binary.
inline const RegionSet& Sichuan() {
  static const RegionSet* set = [] {
    Result<RegionSet> r = RegionSet::Parse(ReadSourceFile("data/geo/sichuan-regions.csv"),
                                           ReadSourceFile("data/geo/sichuan-counties.geojson"));
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
      std::abort();
    }
    return new RegionSet(std::move(r).value());
  }();
  return *set;
}

// Microdegrees from degrees (exact for the literals used in tests).
constexpr int32_t E6(double degrees) {
  return static_cast<int32_t>(degrees * 1e6 + (degrees >= 0 ? 0.5 : -0.5));
}

}  // namespace zj::geo::testing
