// Runs the golden corpus: every tests/golden/law/<RULE-ID>.json case is judged and compared
// with its "expect" block. Also checks the corpus itself: file named after its rule, every
// case has an expectation, every rule the engine decides has at least three cases, and the
// corpus has at least 200 cases in all.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "law/case_json.h"
#include "law/judge.h"
#include "law/rulebook.h"
#include "tests/support/batch_builder.h"

namespace zj::law {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> GoldenFiles() {
  std::vector<fs::path> out;
  const fs::path dir = fs::path(zj::testing::SourceDir()) / "tests/golden/law";
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".json") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class GoldenFile : public ::testing::TestWithParam<fs::path> {};

TEST_P(GoldenFile, EveryCaseAsExpected) {
  const fs::path path = GetParam();
  Result<CaseFile> file = ParseCaseFile(Slurp(path), path.filename().string());
  ASSERT_TRUE(file.ok()) << file.status().message();
  EXPECT_EQ(file->rule + ".json", path.filename().string()) << "a golden file is named after its rule";
  for (const CaseSpec& spec : file->cases) {
    ASSERT_TRUE(spec.expect.has_value()) << spec.name << ": a golden case needs \"expect\"";
    const Judgment j = Judge(spec.facts, spec.options);
    for (const std::string& problem : CheckExpectation(spec, j)) {
      ADD_FAILURE() << path.filename().string() << " 「" << spec.name << "」 " << problem;
    }
  }
}

std::string FileName(const ::testing::TestParamInfo<fs::path>& info) {
  std::string name = info.param.stem().string();
  for (char& ch : name) {
    if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Law, GoldenFile, ::testing::ValuesIn(GoldenFiles()), FileName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenFile);

TEST(GoldenCorpus, CoversEveryDecidedRuleThreeTimesAndHas200Cases) {
  std::map<std::string, int> per_rule;
  int total = 0;
  for (const fs::path& path : GoldenFiles()) {
    Result<CaseFile> file = ParseCaseFile(Slurp(path), path.filename().string());
    ASSERT_TRUE(file.ok()) << file.status().message();
    per_rule[file->rule] += static_cast<int>(file->cases.size());
    total += static_cast<int>(file->cases.size());
  }
  for (const Rule& r : AllRules()) {
    if (r.coverage == Coverage::kNotYet) continue;
    // Rules only a supervision model decides (RULEBOOK §7–§12, JX-ZJ-11) have their boundary
    // cases in src/law/supervision_test.cc and the model's own tests, not here.
    if (!r.model.empty() && !per_rule.count(std::string(r.id))) continue;
    EXPECT_GE(per_rule[std::string(r.id)], 3) << r.id << " is implemented and needs ≥ 3 golden cases";
  }
  EXPECT_GE(total, 200);
}

}  // namespace
}  // namespace zj::law
