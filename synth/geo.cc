#include "synth/geo.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "synth/rng.h"

namespace zj::synth {
namespace {

constexpr double kPi = 3.14159265358979323846;

Result<std::string> ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError("无法读取地理数据文件：" + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> SplitCsvLine(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : line) {
    if (c == ',') {
      out.push_back(cur);
      cur.clear();
    } else if (c != '\r') {
      cur.push_back(c);
    }
  }
  out.push_back(cur);
  return out;
}

}  // namespace

double MetersPerDegreeLon(double lat) { return 111320.0 * std::cos(lat * kPi / 180.0); }

LonLat Offset(LonLat p, double east_m, double north_m) {
  return {p.lon + east_m / MetersPerDegreeLon(p.lat), p.lat + north_m / kMetersPerDegreeLat};
}

CountyShape::CountyShape(std::vector<std::vector<LonLat>> rings) : rings_(std::move(rings)) {
  min_lon_ = min_lat_ = std::numeric_limits<double>::max();
  max_lon_ = max_lat_ = std::numeric_limits<double>::lowest();
  for (const auto& ring : rings_) {
    for (const LonLat& p : ring) {
      min_lon_ = std::min(min_lon_, p.lon);
      max_lon_ = std::max(max_lon_, p.lon);
      min_lat_ = std::min(min_lat_, p.lat);
      max_lat_ = std::max(max_lat_, p.lat);
    }
  }
}

bool CountyShape::Contains(LonLat p) const {
  if (p.lon < min_lon_ || p.lon > max_lon_ || p.lat < min_lat_ || p.lat > max_lat_) return false;
  bool inside = false;
  for (const auto& ring : rings_) {
    const size_t n = ring.size();
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
      const LonLat& a = ring[i];
      const LonLat& b = ring[j];
      if ((a.lat > p.lat) != (b.lat > p.lat)) {
        double x = a.lon + (p.lat - a.lat) * (b.lon - a.lon) / (b.lat - a.lat);
        if (p.lon < x) inside = !inside;
      }
    }
  }
  return inside;
}

double CountyShape::ClearanceMeters(LonLat p) const {
  const double kx = MetersPerDegreeLon(p.lat);
  const double ky = kMetersPerDegreeLat;
  double best = std::numeric_limits<double>::max();
  for (const auto& ring : rings_) {
    const size_t n = ring.size();
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
      const double ax = (ring[j].lon - p.lon) * kx, ay = (ring[j].lat - p.lat) * ky;
      const double bx = (ring[i].lon - p.lon) * kx, by = (ring[i].lat - p.lat) * ky;
      const double dx = bx - ax, dy = by - ay;
      const double len2 = dx * dx + dy * dy;
      double t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
      t = std::clamp(t, 0.0, 1.0);
      const double px = ax + t * dx, py = ay + t * dy;
      best = std::min(best, px * px + py * py);
    }
  }
  return std::sqrt(best);
}

Result<std::unique_ptr<Geo>> Geo::Load(const std::string& dir) {
  std::unique_ptr<Geo> geo(new Geo());
  ZJ_ASSIGN_OR_RETURN(std::string csv, ReadAll(dir + "/sichuan-regions.csv"));
  std::istringstream lines(csv);
  std::string line;
  bool header = true;
  while (std::getline(lines, line)) {
    if (header) {
      header = false;
      continue;
    }
    if (line.empty() || line == "\r") continue;
    auto f = SplitCsvLine(line);
    if (f.size() < 4) return InvalidArgument("区划文件格式错误：" + line);
    Region r{f[0], f[1], f[2], f[3]};
    if (r.level == "province") {
      geo->province_ = r;
    } else if (r.level == "city") {
      geo->city_index_[r.code] = static_cast<int>(geo->cities_.size());
      geo->cities_.push_back(r);
    } else if (r.level == "county") {
      geo->county_index_[r.code] = static_cast<int>(geo->counties_.size());
      geo->counties_.push_back(r);
    }
  }
  if (geo->province_.code.empty() || geo->cities_.empty() || geo->counties_.empty()) {
    return InvalidArgument("区划文件缺少省、市或县级区划：" + dir);
  }
  for (const Region& c : geo->counties_) {
    int city = geo->CityIndex(c.parent);
    if (city < 0) return InvalidArgument("区县 " + c.code + " 的上级市不存在");
    geo->county_city_.push_back(city);
  }

  ZJ_ASSIGN_OR_RETURN(std::string text, ReadAll(dir + "/sichuan-counties.geojson"));
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.contains("features")) {
    return InvalidArgument("区县边界文件不是有效的 GeoJSON：" + dir);
  }
  geo->shapes_.resize(geo->counties_.size());
  std::vector<bool> seen(geo->counties_.size(), false);
  for (const auto& feature : doc["features"]) {
    std::string code = feature["properties"]["code"].get<std::string>();
    int county = geo->CountyIndex(code);
    if (county < 0) continue;
    const auto& g = feature["geometry"];
    std::string type = g["type"].get<std::string>();
    std::vector<std::vector<LonLat>> rings;
    auto add_polygon = [&rings](const nlohmann::json& polygon) {
      for (const auto& ring : polygon) {
        std::vector<LonLat> pts;
        pts.reserve(ring.size());
        for (const auto& c : ring) pts.push_back({c[0].get<double>(), c[1].get<double>()});
        if (pts.size() >= 3) rings.push_back(std::move(pts));
      }
    };
    if (type == "Polygon") {
      add_polygon(g["coordinates"]);
    } else if (type == "MultiPolygon") {
      for (const auto& polygon : g["coordinates"]) add_polygon(polygon);
    }
    geo->shapes_[county] = CountyShape(std::move(rings));
    seen[county] = true;
  }
  for (size_t i = 0; i < seen.size(); ++i) {
    if (!seen[i]) return InvalidArgument("区县边界文件缺少 " + geo->counties_[i].code);
  }
  geo->anchors_.resize(geo->counties_.size());
  geo->anchors_ready_.assign(geo->counties_.size(), false);
  return geo;
}

int Geo::CountyIndex(const std::string& code) const {
  auto it = county_index_.find(code);
  return it == county_index_.end() ? -1 : it->second;
}

int Geo::CityIndex(const std::string& code) const {
  auto it = city_index_.find(code);
  return it == city_index_.end() ? -1 : it->second;
}

const std::vector<Anchor>& Geo::Anchors(int county) const {
  if (anchors_ready_[county]) return anchors_[county];
  const CountyShape& shape = shapes_[county];
  Rng rng(HashString(counties_[county].code), Stream::kAnchors);
  std::vector<Anchor> found;
  for (int i = 0; i < 400; ++i) {
    LonLat p{rng.Uniform(shape.min_lon(), shape.max_lon()),
             rng.Uniform(shape.min_lat(), shape.max_lat())};
    if (!shape.Contains(p)) continue;
    found.push_back({p, shape.ClearanceMeters(p)});
  }
  double best = 0;
  for (const Anchor& a : found) best = std::max(best, a.clearance_m);
  const double threshold = std::min(1200.0, 0.6 * best);
  std::vector<Anchor> keep;
  for (const Anchor& a : found) {
    if (a.clearance_m >= threshold && keep.size() < 24) keep.push_back(a);
  }
  anchors_[county] = std::move(keep);
  anchors_ready_[county] = true;
  return anchors_[county];
}

}  // namespace zj::synth
