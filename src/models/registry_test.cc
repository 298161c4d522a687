// The catalogue as declared: exactly M01–M25 (spec/MODELS.md), each in one pass, with keys,
// inputs and parameters that the engine can use.

#include "models/registry.h"

#include <gtest/gtest.h>

#include <set>

namespace zj::models {
namespace {

TEST(Registry, ExactlyTheTwentyFiveModelsOfTheCatalogue) {
  const std::vector<const ModelSpec*> all = AllModels();
  ASSERT_EQ(all.size(), 25u);
  for (int i = 0; i < 25; ++i) {
    char id[4];
    std::snprintf(id, sizeof id, "M%02d", i + 1);
    EXPECT_EQ(all[static_cast<size_t>(i)]->id, id);
    EXPECT_EQ(FindModel(id), all[static_cast<size_t>(i)]);
    EXPECT_NE(PassOf(id), nullptr);
  }
  EXPECT_EQ(FindModel("M26"), nullptr);
  std::set<std::string_view> in_passes;
  for (const Pass* p : AllPasses()) {
    for (const ModelSpec* m : p->models()) EXPECT_TRUE(in_passes.insert(m->id).second) << m->id;
  }
}

TEST(Registry, EveryModelDeclaresAUsableKeyInputsAndParameters) {
  std::vector<ModelParams> declared;
  for (const ModelSpec* m : AllModels()) {
    SCOPED_TRACE(std::string(m->id));
    EXPECT_FALSE(m->name.empty());
    EXPECT_FALSE(m->summary.empty());
    EXPECT_GE(m->version, 1);
    ASSERT_FALSE(m->key.empty());
    if (m->key_one_of) EXPECT_GE(m->key.size(), 2u);
    EXPECT_FALSE(m->inputs.empty());
    for (const TableNeed& need : m->inputs) {
      const domain::TableSpec* t = domain::FindTable(need.table);
      ASSERT_NE(t, nullptr) << need.table;
      for (std::string_view c : need.columns) EXPECT_NE(t->Find(c), nullptr) << need.table << "." << c;
    }
    std::set<std::string_view> names;
    for (const ParamSpec& p : m->params) {
      EXPECT_TRUE(names.insert(p.name).second) << p.name;
      EXPECT_FALSE(p.description.empty()) << p.name;
      if (p.type == ParamType::kCodes) EXPECT_NE(p.codes, nullptr) << p.name;
    }
    for (std::string_view rule : m->basis) {
      EXPECT_TRUE(rule.rfind("PARAM:", 0) == 0 || law::FindRule(rule) != nullptr)
          << rule << " is not a RULEBOOK rule";
    }
    declared.push_back({m->id, m->params});
  }
  // Every declared default parses and lies in its range (Build throws on a bad default).
  auto set = ParamSet::Build(declared, {}, 0, [](std::string_view) {
    return Result<std::vector<bool>>(std::vector<bool>{});
  });
  EXPECT_TRUE(set.ok());
}

}  // namespace
}  // namespace zj::models
