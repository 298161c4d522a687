#include "geo/regions.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

namespace zj::geo {
namespace {

using Json = nlohmann::json;

std::string Str(std::string_view s) { return std::string(s); }

// A six-digit GB/T 2260 code, or 0.
int32_t ParseCode(std::string_view s) {
  if (s.size() != 6) return 0;
  int32_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  return v >= 100000 ? v : 0;
}

// Splits one CSV record (RFC 4180 quoting, no embedded line breaks). False on a stray quote.
bool SplitRecord(std::string_view line, std::vector<std::string>* fields) {
  fields->clear();
  std::string cur;
  size_t i = 0;
  while (true) {
    cur.clear();
    if (i < line.size() && line[i] == '"') {
      ++i;
      while (true) {
        if (i >= line.size()) return false;
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            cur.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        cur.push_back(line[i++]);
      }
      if (i < line.size() && line[i] != ',') return false;
    } else {
      while (i < line.size() && line[i] != ',') {
        if (line[i] == '"') return false;
        cur.push_back(line[i++]);
      }
    }
    fields->push_back(cur);
    if (i >= line.size()) return true;
    ++i;  // the comma
  }
}

struct CsvRow {
  Region region;
  int line = 0;
};

Result<std::vector<CsvRow>> ParseRegionsCsv(std::string_view text, std::string_view file) {
  const std::string at = Str(file) + " ";
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<CsvRow> rows;
  std::vector<std::string> f;
  int line_no = 0;
  bool header_seen = false;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string where = at + "第" + std::to_string(line_no) + "行：";
    if (!header_seen) {
      if (line != "region_code,name,level,parent_code") {
        return InvalidArgument(where + "表头应为 region_code,name,level,parent_code");
      }
      header_seen = true;
      continue;
    }
    if (line.empty()) continue;
    if (!SplitRecord(line, &f)) return InvalidArgument(where + "引号不配对");
    if (f.size() != 4) {
      return InvalidArgument(where + "应有 4 列，实有 " + std::to_string(f.size()) + " 列");
    }
    CsvRow row;
    row.line = line_no;
    Region& r = row.region;
    r.code = ParseCode(f[0]);
    if (r.code == 0) return InvalidArgument(where + "区划代码“" + f[0] + "”不是 6 位数字");
    r.name = f[1];
    if (r.name.empty()) return InvalidArgument(where + "名称为空");
    if (f[2] == "province") {
      r.level = RegionLevel::kProvince;
    } else if (f[2] == "city") {
      r.level = RegionLevel::kCity;
    } else if (f[2] == "county") {
      r.level = RegionLevel::kCounty;
    } else {
      return InvalidArgument(where + "级别“" + f[2] + "”应为 province、city 或 county");
    }
    if (r.level == RegionLevel::kProvince) {
      if (!f[3].empty()) return InvalidArgument(where + "省级区划不应有上级区划");
    } else {
      r.parent = ParseCode(f[3]);
      if (r.parent == 0) {
        return InvalidArgument(where + "上级区划代码“" + f[3] + "”不是 6 位数字");
      }
    }
    rows.push_back(std::move(row));
  }
  if (!header_seen) return InvalidArgument(at + "第1行：文件为空");
  return rows;
}

// " 第p个多边形第r个环" — only as precise as the geometry needs.
std::string RingName(bool multi, size_t polygon, size_t ring) {
  std::string s;
  if (multi) s += "第" + std::to_string(polygon + 1) + "个多边形";
  return s + "第" + std::to_string(ring + 1) + "个环";
}

Result<Ring> ParseRing(const Json& ring, const std::string& where) {
  if (!ring.is_array()) return InvalidArgument(where + "不是坐标数组");
  if (ring.size() < 4) return InvalidArgument(where + "少于 4 个点");
  Ring out;
  out.reserve(ring.size());
  for (size_t k = 0; k < ring.size(); ++k) {
    const Json& c = ring[k];
    const std::string point = where + "第" + std::to_string(k + 1) + "个点";
    if (!c.is_array() || c.size() < 2 || !c[0].is_number() || !c[1].is_number()) {
      return InvalidArgument(point + "不是 [经度, 纬度]");
    }
    const double lon = c[0].get<double>(), lat = c[1].get<double>();
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
      return InvalidArgument(point + "坐标超出经纬度范围");
    }
    const Point p{static_cast<int32_t>(std::llround(lon * 1e6)),
                  static_cast<int32_t>(std::llround(lat * 1e6))};
    if (k + 1 == ring.size()) {
      if (p != out.front()) return InvalidArgument(where + "未闭合（首尾两点不同）");
      break;  // the closing repeat
    }
    if (out.empty() || out.back() != p) out.push_back(p);
  }
  while (out.size() > 1 && out.back() == out.front()) out.pop_back();
  if (out.size() < 3) out.clear();  // no area: the caller drops it
  return out;
}

Result<Polygon> ParsePolygon(const Json& rings, const std::string& where, bool multi,
                             size_t index) {
  if (!rings.is_array() || rings.empty()) {
    return InvalidArgument(where + (multi ? "第" + std::to_string(index + 1) + "个多边形" : "") +
                           "没有环");
  }
  Polygon polygon;
  for (size_t r = 0; r < rings.size(); ++r) {
    ZJ_ASSIGN_OR_RETURN(Ring ring, ParseRing(rings[r], where + RingName(multi, index, r)));
    if (!ring.empty()) polygon.push_back(std::move(ring));
  }
  return polygon;
}

// The property as a code: a six-digit string (or number). 0 if malformed.
int32_t CodeProperty(const Json& v) {
  if (v.is_string()) return ParseCode(v.get_ref<const std::string&>());
  if (v.is_number_unsigned()) {
    const uint64_t n = v.get<uint64_t>();
    return n >= 100000 && n <= 999999 ? static_cast<int32_t>(n) : 0;
  }
  return 0;
}

std::string ParseErrorLocation(std::string_view text, size_t byte) {
  byte = std::min(byte, text.size());
  size_t line = 1, col = 1;
  for (size_t i = 0; i + 1 < byte; ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++col;  // count characters, not UTF-8 continuation bytes
    }
  }
  return "第" + std::to_string(line) + "行第" + std::to_string(col) + "列";
}

}  // namespace

std::string_view RegionLevelName(RegionLevel level) {
  switch (level) {
    case RegionLevel::kProvince:
      return "province";
    case RegionLevel::kCity:
      return "city";
    case RegionLevel::kCounty:
      return "county";
  }
  return "county";
}

Result<RegionSet> RegionSet::Parse(std::string_view regions_csv, std::string_view counties_geojson,
                                   const RegionSourceNames& names) {
  RegionSet set;
  // ---- regions ----
  ZJ_ASSIGN_OR_RETURN(std::vector<CsvRow> rows, ParseRegionsCsv(regions_csv, names.regions));
  std::unordered_map<int32_t, int> line_of;
  for (CsvRow& row : rows) {
    const std::string where = Str(names.regions) + " 第" + std::to_string(row.line) + "行：";
    auto [it, fresh] = line_of.emplace(row.region.code, row.line);
    if (!fresh) {
      return InvalidArgument(where + "区划代码 " + std::to_string(row.region.code) + " 重复（第" +
                             std::to_string(it->second) + "行已有）");
    }
    set.by_code_[row.region.code] = set.regions_.size();
    set.regions_.push_back(std::move(row.region));
  }
  size_t counties = 0;
  for (size_t i = 0; i < set.regions_.size(); ++i) {
    const Region& r = set.regions_[i];
    if (r.level == RegionLevel::kCounty) ++counties;
    if (r.level == RegionLevel::kProvince) continue;
    const std::string where = Str(names.regions) + " 第" + std::to_string(rows[i].line) + "行：";
    const Region* parent = set.Find(r.parent);
    if (parent == nullptr) {
      return InvalidArgument(where + "上级区划 " + std::to_string(r.parent) + " 不存在");
    }
    const RegionLevel want =
        r.level == RegionLevel::kCity ? RegionLevel::kProvince : RegionLevel::kCity;
    if (parent->level != want) {
      return InvalidArgument(where + Str(RegionLevelName(r.level)) + " 级区划 " + r.name +
                             " 的上级应为 " + Str(RegionLevelName(want)) + " 级区划，实为 " +
                             parent->name);
    }
  }
  if (counties == 0) return InvalidArgument(Str(names.regions) + "：没有县级区划");

  // ---- county outlines ----
  const std::string file = Str(names.counties);
  Json doc;
  try {
    doc = Json::parse(counties_geojson.begin(), counties_geojson.end());
  } catch (const Json::parse_error& e) {
    return InvalidArgument(file + " " + ParseErrorLocation(counties_geojson, e.byte) +
                           "：不是有效的 JSON");
  }
  if (!doc.is_object() || !doc.contains("type") || doc["type"] != "FeatureCollection" ||
      !doc.contains("features") || !doc["features"].is_array()) {
    return InvalidArgument(file + "：顶层应为带 features 数组的 FeatureCollection");
  }
  // Shapes in CSV order of the counties; a feature fills its slot.
  std::vector<CountyShape> shapes;
  std::unordered_map<int32_t, size_t> slot_of;
  for (const Region& r : set.regions_) {
    if (r.level != RegionLevel::kCounty) continue;
    slot_of[r.code] = shapes.size();
    CountyShape shape;
    shape.code = r.code;
    shapes.push_back(std::move(shape));
  }
  std::vector<size_t> feature_of(shapes.size(), 0);  // 1-based feature number, 0 = none yet
  const Json& features = doc["features"];
  for (size_t i = 0; i < features.size(); ++i) {
    const Json& f = features[i];
    std::string where = file + " 第" + std::to_string(i + 1) + "个要素";
    if (!f.is_object() || !f.contains("properties") || !f["properties"].is_object()) {
      return InvalidArgument(where + "：缺少 properties");
    }
    const Json& props = f["properties"];
    if (!props.contains("code")) return InvalidArgument(where + "：缺少 code 属性");
    const int32_t code = CodeProperty(props["code"]);
    if (code == 0) {
      return InvalidArgument(where + "：code 属性 " + props["code"].dump() + " 不是 6 位区划代码");
    }
    const Region* region = set.Find(code);
    if (region == nullptr) {
      return InvalidArgument(where + "：区划代码 " + std::to_string(code) + " 不在 " +
                             Str(names.regions) + " 中");
    }
    if (region->level != RegionLevel::kCounty) {
      return InvalidArgument(where + "：区划代码 " + std::to_string(code) + "（" + region->name +
                             "）不是县级区划");
    }
    where += "（" + std::to_string(code) + " " + region->name + "）";
    if (props.contains("name") && !props["name"].is_null() &&
        (!props["name"].is_string() ||
         props["name"].get_ref<const std::string&>() != region->name)) {
      return InvalidArgument(where + "：name 属性 " + props["name"].dump() + " 与 " +
                             Str(names.regions) + " 中的名称不一致");
    }
    if (props.contains("city_code") && !props["city_code"].is_null() &&
        CodeProperty(props["city_code"]) != region->parent) {
      return InvalidArgument(where + "：city_code 属性 " + props["city_code"].dump() + " 与 " +
                             Str(names.regions) + " 中的上级区划 " +
                             std::to_string(region->parent) + " 不一致");
    }
    const size_t slot = slot_of.at(code);
    if (feature_of[slot] != 0) {
      return InvalidArgument(where + "：边界重复（第" + std::to_string(feature_of[slot]) +
                             "个要素已有）");
    }
    feature_of[slot] = i + 1;
    if (!f.contains("geometry") || !f["geometry"].is_object()) {
      return InvalidArgument(where + "：缺少 geometry");
    }
    const Json& g = f["geometry"];
    const std::string type =
        g.contains("type") && g["type"].is_string() ? g["type"].get<std::string>() : std::string();
    if (type != "Polygon" && type != "MultiPolygon") {
      return InvalidArgument(where + "：几何类型“" + type +
                             "”不受支持，应为 Polygon 或 MultiPolygon");
    }
    if (!g.contains("coordinates") || !g["coordinates"].is_array() || g["coordinates"].empty()) {
      return InvalidArgument(where + "：缺少 coordinates");
    }
    CountyShape& shape = shapes[slot];
    where += "：";
    if (type == "Polygon") {
      ZJ_ASSIGN_OR_RETURN(Polygon p, ParsePolygon(g["coordinates"], where, false, 0));
      if (!p.empty()) shape.polygons.push_back(std::move(p));
    } else {
      const Json& polygons = g["coordinates"];
      for (size_t k = 0; k < polygons.size(); ++k) {
        ZJ_ASSIGN_OR_RETURN(Polygon p, ParsePolygon(polygons[k], where, true, k));
        if (!p.empty()) shape.polygons.push_back(std::move(p));
      }
    }
    if (shape.polygons.empty()) return InvalidArgument(where + "边界没有面积（每个环都退化）");
    for (const Polygon& polygon : shape.polygons) {
      for (const Ring& ring : polygon) {
        for (Point p : ring) shape.box.Extend(p);
        shape.point_count += ring.size();
      }
    }
  }
  for (size_t slot = 0; slot < shapes.size(); ++slot) {
    if (feature_of[slot] == 0) {
      const Region* r = set.Find(shapes[slot].code);
      return InvalidArgument(file + "：缺少区县 " + std::to_string(r->code) + "（" + r->name +
                             "）的边界");
    }
  }
  set.shapes_ = std::move(shapes);
  set.shape_by_code_ = std::move(slot_of);
  return set;
}

const Region* RegionSet::Find(int32_t code) const {
  auto it = by_code_.find(code);
  return it == by_code_.end() ? nullptr : &regions_[it->second];
}

std::vector<const Region*> RegionSet::FindByName(std::string_view name) const {
  std::vector<const Region*> out;
  for (const Region& r : regions_) {
    if (r.name == name) out.push_back(&r);
  }
  return out;
}

const CountyShape* RegionSet::Shape(int32_t code) const {
  auto it = shape_by_code_.find(code);
  return it == shape_by_code_.end() ? nullptr : &shapes_[it->second];
}

int32_t RegionSet::CityOf(int32_t county) const {
  const Region* r = Find(county);
  return r != nullptr && r->level == RegionLevel::kCounty ? r->parent : 0;
}

bool RegionSet::Within(int32_t code, int32_t ancestor) const {
  for (const Region* r = Find(code); r != nullptr; r = Find(r->parent)) {
    if (r->code == ancestor) return true;
    if (r->level == RegionLevel::kProvince) break;
  }
  return false;
}

}  // namespace zj::geo
