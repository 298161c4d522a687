#include "engine/engine.h"

#include <gtest/gtest.h>

namespace zj::engine {
namespace {

TEST(ParamOverridesFromToml, ReadsModelSectionsAndJurisdictions) {
  auto o = ParamOverridesFromToml(R"(
[db]
url = "sqlite://x.db"
[models.M14]
out_of_area_minutes = 180
[models.M14.jurisdiction."510100-PROC"]
out_of_area_minutes = 240
[models.M10]
restricted_categories = "gang;terrorism"
ratio = 0.2
)",
                                  "zhijian.toml");
  ASSERT_TRUE(o.ok()) << o.status().message();
  ASSERT_EQ(o->size(), 4u);
  auto find = [&](std::string model, std::string name, std::string org) {
    for (const auto& p : *o) {
      if (p.model == model && p.name == name && p.org_id == org) return p.value;
    }
    return std::string("<none>");
  };
  EXPECT_EQ(find("M14", "out_of_area_minutes", ""), "180");
  EXPECT_EQ(find("M14", "out_of_area_minutes", "510100-PROC"), "240");
  EXPECT_EQ(find("M10", "restricted_categories", ""), "gang;terrorism");
  EXPECT_EQ(find("M10", "ratio", ""), "0.2");
  EXPECT_EQ((*o)[0].source, "zhijian.toml");
}

TEST(ParamOverridesFromToml, LocatesSyntaxErrors) {
  auto o = ParamOverridesFromToml("[models.M14]\nout_of_area_minutes = = 3\n", "zhijian.toml");
  ASSERT_FALSE(o.ok());
  EXPECT_NE(o.status().message().find("第 2 行"), std::string::npos) << o.status().message();
  auto bad = ParamOverridesFromToml("[models.M14]\nx = [1, 2]\n", "zhijian.toml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("models.M14.x"), std::string::npos);
}

}  // namespace
}  // namespace zj::engine
