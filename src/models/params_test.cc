#include "models/params.h"

#include <gtest/gtest.h>

namespace zj::models {
namespace {

const ParamSpec kM14[] = {
    {.name = "out_of_area_minutes", .type = ParamType::kInt, .default_value = "120",
     .unit = "分钟", .description = "越界持续超过该时长", .min = 1, .max = 10080},
    {.name = "lost_contact_hours", .type = ParamType::kNumber, .default_value = "",
     .unit = "小时", .description = "失联时长（默认依法）", .rule = "JX-CC-14", .min = 1},
};
const ParamSpec kM10[] = {
    {.name = "restricted_categories", .type = ParamType::kCodes, .default_value = "gang;terrorism",
     .description = "不得担任辅助岗位的类别", .codes = domain::FindCodeList("category")},
};
const ModelParams kModels[] = {{"M14", kM14}, {"M10", kM10}};

// Orgs 0 (province), 1 (city), 2 (county in the city), 3 (another county).
Result<std::vector<bool>> Covers(std::string_view org) {
  if (org == "PROV") return std::vector<bool>{true, true, true, true};
  if (org == "CITY") return std::vector<bool>{false, true, true, false};
  if (org == "COUNTY") return std::vector<bool>{false, false, true, false};
  return InvalidArgument("没有机构 " + std::string(org));
}

TEST(ParamSet, DefaultsConfigurationJurisdictionAndCommandLine) {
  auto args = ParseParamArg("M14.lost_contact_hours=72");
  ASSERT_TRUE(args.ok());
  const ParamOverride overrides[] = {
      {.model = "M14", .name = "out_of_area_minutes", .value = "150", .source = "zhijian.toml"},
      {.model = "M14", .name = "out_of_area_minutes", .value = "240", .org_id = "COUNTY",
       .source = "zhijian.toml"},
      {.model = "M14", .name = "out_of_area_minutes", .value = "180", .org_id = "CITY",
       .source = "zhijian.toml"},
      *args,
  };
  auto set = ParamSet::Build(kModels, overrides, 4, Covers);
  ASSERT_TRUE(set.ok()) << set.status().message();
  EXPECT_EQ(set->Int("M14", "out_of_area_minutes"), 150);
  EXPECT_EQ(set->Int("M14", "out_of_area_minutes", 0), 150);
  EXPECT_EQ(set->Int("M14", "out_of_area_minutes", 1), 180);
  // The narrower jurisdiction wins whatever order the settings came in.
  EXPECT_EQ(set->Int("M14", "out_of_area_minutes", 2), 240);
  EXPECT_EQ(set->Int("M14", "out_of_area_minutes", 3), 150);
  EXPECT_TRUE(set->IsSet("M14", "lost_contact_hours"));
  EXPECT_DOUBLE_EQ(set->Num("M14", "lost_contact_hours", 2), 72);
  const auto* cats = domain::FindCodeList("category");
  EXPECT_EQ(set->Codes("M10", "restricted_categories"),
            (uint64_t{1} << cats->IndexOf("gang")) | (uint64_t{1} << cats->IndexOf("terrorism")));
  EXPECT_FALSE(set->IsSet("M10", "restricted_categories"));
  nlohmann::json j = set->ToJson();
  EXPECT_EQ(j["M14"]["out_of_area_minutes"]["jurisdictions"]["CITY"], 180);
  EXPECT_EQ(j["M10"]["restricted_categories"]["value"], "gang;terrorism");
}

TEST(ParamSet, LawDefaultIsUnsetUntilAUserSetsIt) {
  auto set = ParamSet::Build(kModels, {}, 4, Covers);
  ASSERT_TRUE(set.ok());
  EXPECT_FALSE(set->IsSet("M14", "lost_contact_hours", 2));
  EXPECT_TRUE(set->ToJson()["M14"]["lost_contact_hours"]["value"].is_null());
}

TEST(ParamSet, BadSettingsAreLocatedChineseErrors) {
  auto fail = [](ParamOverride o) {
    const ParamOverride list[] = {o};
    auto set = ParamSet::Build(kModels, list, 4, Covers);
    EXPECT_FALSE(set.ok());
    return set.ok() ? std::string() : set.status().message();
  };
  EXPECT_NE(fail({.model = "M99", .name = "x", .value = "1", .source = "命令行"}).find("没有模型 M99"),
            std::string::npos);
  EXPECT_NE(fail({.model = "M14", .name = "minutes", .value = "1"}).find("out_of_area_minutes"),
            std::string::npos);
  EXPECT_NE(fail({.model = "M14", .name = "out_of_area_minutes", .value = "abc"}).find("不是数"),
            std::string::npos);
  EXPECT_NE(fail({.model = "M14", .name = "out_of_area_minutes", .value = "1.5"}).find("整数"),
            std::string::npos);
  EXPECT_NE(fail({.model = "M14", .name = "out_of_area_minutes", .value = "0"}).find("超出"),
            std::string::npos);
  EXPECT_NE(fail({.model = "M10", .name = "restricted_categories", .value = "gang;pirates"})
                .find("pirates"),
            std::string::npos);
  EXPECT_NE(fail({.model = "M14", .name = "out_of_area_minutes", .value = "60", .org_id = "MARS",
                  .source = "zhijian.toml"})
                .find("zhijian.toml"),
            std::string::npos);
  EXPECT_FALSE(ParseParamArg("M14out=3").ok());
  EXPECT_FALSE(ParseParamArg("M14.=3").ok());
}

}  // namespace
}  // namespace zj::models
