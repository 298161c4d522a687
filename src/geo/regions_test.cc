#include "geo/regions.h"

#include <gtest/gtest.h>

#include <string>

#include "geo/test_data.h"

namespace zj::geo {
namespace {

using testing::Sichuan;

constexpr std::string_view kCsv =
    "region_code,name,level,parent_code\n"
    "510000,四川省,province,\n"
    "510100,成都市,city,510000\n"
    "510104,锦江区,county,510100\n"
    "510105,青羊区,county,510100\n";

constexpr std::string_view kSquare = "[[[104,30],[104.1,30],[104.1,30.1],[104,30.1],[104,30]]]";

std::string Feature(const std::string& code, std::string_view coords,
                    const std::string& type = "Polygon", const std::string& extra_props = "") {
  return R"({"type":"Feature","properties":{"code":")" + code + "\"" + extra_props +
         R"(},"geometry":{"type":")" + type + R"(","coordinates":)" + std::string(coords) + "}}";
}

std::string Square(const std::string& code, const std::string& extra_props = "") {
  return Feature(code, kSquare, "Polygon", extra_props);
}

std::string Collection(const std::string& features) {
  return R"({"type":"FeatureCollection","features":[)" + features + "]}";
}

std::string ErrorOf(std::string_view csv, const std::string& geojson) {
  Result<RegionSet> r = RegionSet::Parse(csv, geojson);
  EXPECT_FALSE(r.ok());
  if (r.ok()) return "";
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  return r.status().message();
}

TEST(RegionSet, ParsesTheShippedFiles) {
  const RegionSet& s = Sichuan();
  int provinces = 0, cities = 0, counties = 0;
  for (const Region& r : s.regions()) {
    provinces += r.level == RegionLevel::kProvince;
    cities += r.level == RegionLevel::kCity;
    counties += r.level == RegionLevel::kCounty;
  }
  EXPECT_EQ(provinces, 1);
  EXPECT_EQ(cities, 21);
  EXPECT_EQ(counties, 183);
  ASSERT_EQ(s.counties().size(), 183u);

  const Region* jinjiang = s.Find(510104);
  ASSERT_NE(jinjiang, nullptr);
  EXPECT_EQ(jinjiang->name, "锦江区");
  EXPECT_EQ(jinjiang->level, RegionLevel::kCounty);
  EXPECT_EQ(s.CityOf(510104), 510100);
  EXPECT_EQ(s.CityOf(510100), 0);  // not a county
  EXPECT_TRUE(s.Within(510104, 510104));
  EXPECT_TRUE(s.Within(510104, 510100));
  EXPECT_TRUE(s.Within(510104, 510000));
  EXPECT_FALSE(s.Within(510104, 510300));
  EXPECT_FALSE(s.Within(110105, 110000));  // unknown
  EXPECT_EQ(s.Find(999999), nullptr);

  const auto shizhong = s.FindByName("市中区");
  ASSERT_EQ(shizhong.size(), 2u);
  EXPECT_NE(shizhong[0]->parent, shizhong[1]->parent);

  size_t points = 0;
  for (const CountyShape& c : s.counties()) {
    EXPECT_FALSE(c.polygons.empty()) << c.code;
    EXPECT_FALSE(c.box.empty()) << c.code;
    EXPECT_EQ(s.Shape(c.code), &c);
    // Inside Sichuan's box, and normalised: no closing repeat, no immediate repeat.
    EXPECT_GE(c.box.min_lon_e6, 97'000'000);
    EXPECT_LE(c.box.max_lon_e6, 109'000'000);
    for (const Polygon& p : c.polygons) {
      for (const Ring& ring : p) {
        ASSERT_GE(ring.size(), 3u);
        EXPECT_NE(ring.front(), ring.back()) << c.code;
        for (size_t i = 1; i < ring.size(); ++i) ASSERT_NE(ring[i], ring[i - 1]) << c.code;
      }
    }
    points += c.point_count;
  }
  EXPECT_GT(points, 230'000u);
  // The first feature's first point, 102.210938,31.680664 (马尔康市), to the microdegree.
  const CountyShape* barkam = s.Shape(513201);
  ASSERT_NE(barkam, nullptr);
  EXPECT_EQ(barkam->polygons[0][0][0], (Point{102'210'938, 31'680'664}));
}

TEST(RegionSet, NormalisesRings) {
  const std::string fa =
      Feature("510104",
              "[[[104,30],[104,30],[104.1,30],[104.1,30.1],[104,30.1],[104,30.1],[104,30]],"
              "[[104.05,30.05],[104.06,30.05],[104.05,30.05],[104.05,30.05]]]");  // a sliver
  const std::string fb = Feature("510105",
                                 "[[[[104.2,30],[104.3,30],[104.3,30.1],[104.2,30]]],"
                                 "[[[105,30],[105.1,30],[105.1,30.1],[105,30]],"
                                 "[[105.01,30.01],[105.02,30.01],[105.02,30.02],[105.01,30.01]]]]",
                                 "MultiPolygon");
  Result<RegionSet> r = RegionSet::Parse(kCsv, Collection(fa + "," + fb));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const CountyShape* a = r->Shape(510104);
  ASSERT_EQ(a->polygons.size(), 1u);
  EXPECT_EQ(a->polygons[0][0], (Ring{{104'000'000, 30'000'000},
                                     {104'100'000, 30'000'000},
                                     {104'100'000, 30'100'000},
                                     {104'000'000, 30'100'000}}));
  const CountyShape* b = r->Shape(510105);
  ASSERT_EQ(b->polygons.size(), 2u);
  EXPECT_EQ(b->polygons[1].size(), 2u);  // shell and hole
  EXPECT_EQ(b->box.min_lon_e6, 104'200'000);
  EXPECT_EQ(b->box.max_lon_e6, 105'100'000);
  EXPECT_EQ(b->point_count, 9u);
}

TEST(RegionSet, CsvErrorsAreLocated) {
  const std::string ok = Collection(Square("510104") + "," + Square("510105"));
  EXPECT_EQ(ErrorOf("code,name\n", ok),
            "sichuan-regions.csv 第1行：表头应为 region_code,name,level,parent_code");
  EXPECT_EQ(ErrorOf("", ok), "sichuan-regions.csv 第1行：文件为空");
  EXPECT_EQ(ErrorOf(std::string(kCsv) + "51010X,某区,county,510100\n", ok),
            "sichuan-regions.csv 第6行：区划代码“51010X”不是 6 位数字");
  EXPECT_EQ(ErrorOf(std::string(kCsv) + "510106,金牛区,county\n", ok),
            "sichuan-regions.csv 第6行：应有 4 列，实有 3 列");
  EXPECT_EQ(ErrorOf(std::string(kCsv) + "510106,金牛区,district,510100\n", ok),
            "sichuan-regions.csv 第6行：级别“district”应为 province、city 或 county");
  EXPECT_EQ(ErrorOf(std::string(kCsv) + "510104,锦江区,county,510100\n", ok),
            "sichuan-regions.csv 第6行：区划代码 510104 重复（第4行已有）");
  EXPECT_EQ(ErrorOf(std::string(kCsv) + "510106,金牛区,county,510200\n", ok),
            "sichuan-regions.csv 第6行：上级区划 510200 不存在");
  EXPECT_EQ(ErrorOf(std::string(kCsv) + "510106,金牛区,county,510000\n", ok),
            "sichuan-regions.csv 第6行：county 级区划 金牛区 的上级应为 city 级区划，实为 四川省");
  EXPECT_EQ(ErrorOf(std::string(kCsv) + "510106,\"金牛区,county,510100\n", ok),
            "sichuan-regions.csv 第6行：引号不配对");
  EXPECT_EQ(ErrorOf("region_code,name,level,parent_code\n510000,四川省,province,\n", ok),
            "sichuan-regions.csv：没有县级区划");
  // A BOM, CRLF line ends, quoted fields and blank lines are fine.
  std::string crlf =
      "\xEF\xBB\xBFregion_code,name,level,parent_code\r\n510000,四川省,province,\r\n"
      "\r\n510100,\"成都市\",city,510000\r\n510104,锦江区,county,510100\r\n"
      "510105,青羊区,county,510100";
  Result<RegionSet> r = RegionSet::Parse(crlf, ok);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->Find(510100)->name, "成都市");
}

TEST(RegionSet, GeoJsonErrorsAreLocated) {
  const std::string a = Square("510104"), b = Square("510105");
  EXPECT_EQ(ErrorOf(kCsv, Collection(a + "," + b + R"(,{"type":"Feature","properties":{}})")),
            "sichuan-counties.geojson 第3个要素：缺少 code 属性");
  EXPECT_EQ(ErrorOf(kCsv, R"({"type":"FeatureCollection","features":[)" + a + ",\n{\"x\":}]}"),
            "sichuan-counties.geojson 第2行第6列：不是有效的 JSON");
  EXPECT_EQ(ErrorOf(kCsv, R"({"type":"Feature"})"),
            "sichuan-counties.geojson：顶层应为带 features 数组的 FeatureCollection");
  EXPECT_EQ(ErrorOf(kCsv, Collection(a + R"(,{"type":"Feature"})")),
            "sichuan-counties.geojson 第2个要素：缺少 properties");
  EXPECT_EQ(ErrorOf(kCsv, Collection(a + "," + Square("5101"))),
            "sichuan-counties.geojson 第2个要素：code 属性 \"5101\" 不是 6 位区划代码");
  EXPECT_EQ(ErrorOf(kCsv, Collection(a + "," + Square("510199"))),
            "sichuan-counties.geojson 第2个要素：区划代码 510199 不在 sichuan-regions.csv 中");
  EXPECT_EQ(ErrorOf(kCsv, Collection(a + "," + Square("510100"))),
            "sichuan-counties.geojson 第2个要素：区划代码 510100（成都市）不是县级区划");
  EXPECT_EQ(ErrorOf(kCsv, Collection(a + "," + a)),
            "sichuan-counties.geojson 第2个要素（510104 锦江区）：边界重复（第1个要素已有）");
  EXPECT_EQ(ErrorOf(kCsv, Collection(a)),
            "sichuan-counties.geojson：缺少区县 510105（青羊区）的边界");
  EXPECT_EQ(ErrorOf(kCsv, Collection(a + "," + Square("510105", R"(,"name":"金牛区")"))),
            "sichuan-counties.geojson 第2个要素（510105 青羊区）：name 属性 \"金牛区\" 与 "
            "sichuan-regions.csv 中的名称不一致");
  EXPECT_EQ(ErrorOf(kCsv, Collection(a + "," + Square("510105", R"(,"city_code":"510300")"))),
            "sichuan-counties.geojson 第2个要素（510105 青羊区）：city_code 属性 \"510300\" 与 "
            "sichuan-regions.csv 中的上级区划 510100 不一致");
  EXPECT_EQ(ErrorOf(kCsv, Collection(a + R"(,{"type":"Feature","properties":{"code":"510105"},)"
                                         R"("geometry":{"type":"Point","coordinates":[104,30]}})")),
            "sichuan-counties.geojson 第2个要素（510105 青羊区）：几何类型“Point”不受支持，应为 "
            "Polygon 或 MultiPolygon");
  EXPECT_EQ(ErrorOf(kCsv, Collection(a + "," +
                                     Feature("510105", "[[[104,30],[104.1,30],[104.1,30.1]]]"))),
            "sichuan-counties.geojson 第2个要素（510105 青羊区）：第1个环少于 4 个点");
  EXPECT_EQ(ErrorOf(kCsv, Collection(a + "," +
                                     Feature("510105",
                                             "[[[104,30],[104.1,30],[104.1,30.1],[104,30.1]]]"))),
            "sichuan-counties.geojson 第2个要素（510105 青羊区）：第1个环未闭合（首尾两点不同）");
  EXPECT_EQ(ErrorOf(kCsv, Collection(a + "," + Feature("510105", "[[[1,2],[3,4],[1,2],[1,2]]]"))),
            "sichuan-counties.geojson 第2个要素（510105 青羊区）：边界没有面积（每个环都退化）");
  EXPECT_EQ(
      ErrorOf(kCsv, Collection(a + "," +
                               Feature("510105", "[[[104,30],[104.1,30],[204.1,30.1],[104,30]]]"))),
      "sichuan-counties.geojson 第2个要素（510105 青羊区）：第1个环第3个点坐标超出经纬度范围");
  EXPECT_EQ(ErrorOf(kCsv, Collection(
                              a + "," +
                              Feature("510105", R"([[[104,30],[104.1,30],["x",30.1],[104,30]]])"))),
            "sichuan-counties.geojson 第2个要素（510105 青羊区）：第1个环第3个点不是 [经度, 纬度]");
  const std::string multi =
      Feature("510105", "[[[[104,30],[104.1,30],[104.1,30.1],[104,30]]],[]]", "MultiPolygon");
  EXPECT_EQ(ErrorOf(kCsv, Collection(a + "," + multi)),
            "sichuan-counties.geojson 第2个要素（510105 青羊区）：第2个多边形没有环");
  // The file names in messages can be the caller's.
  Result<RegionSet> r =
      RegionSet::Parse(kCsv, Collection(a), {.regions = "r.csv", .counties = "c.json"});
  EXPECT_EQ(r.status().message(), "c.json：缺少区县 510105（青羊区）的边界");
}

}  // namespace
}  // namespace zj::geo
