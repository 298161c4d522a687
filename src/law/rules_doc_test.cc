// docs/law-rules.md must be what RulesMarkdown() renders, and the rule table must name
// every rule of RULEBOOK §0–§12 and the two legacy regimes of §14.
//
// Regenerate the committed file after editing rulebook.cc:
//   ZJ_REGENERATE_DOCS=1 ctest --test-dir build/release -R RulesDoc
// The RULEBOOK is looked for at <source>/../shared/rules/RULEBOOK.md, or under
// $ZJ_SHARED_DIR/rules/; the coverage test is skipped when it is not there.

#include "law/rules_doc.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "law/case_json.h"
#include "law/judge.h"
#include "law/rulebook.h"
#include "law/supervision.h"

namespace zj::law {
namespace {

namespace fs = std::filesystem;

fs::path SourceDir() {
  const char* s = std::getenv("ZJ_SOURCE_DIR");
  return s ? s : ZJ_SOURCE_DIR_DEFAULT;
}

fs::path SharedDir() {
  const char* s = std::getenv("ZJ_SHARED_DIR");
  return s ? fs::path(s) : SourceDir() / ".." / "shared";
}

bool Slurp(const fs::path& p, std::string* out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

TEST(RulesDoc, CommittedFileMatchesTheRuleTable) {
  const fs::path path = SourceDir() / "docs" / "law-rules.md";
  const std::string want = RulesMarkdown();
  const char* regen = std::getenv("ZJ_REGENERATE_DOCS");
  if (regen && std::string(regen) == "1") {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << want;
    ASSERT_TRUE(out.good()) << "cannot write " << path;
  }
  std::string got;
  ASSERT_TRUE(Slurp(path, &got))
      << "missing " << path
      << "; run: ZJ_REGENERATE_DOCS=1 ctest --test-dir build/release -R RulesDoc";
  EXPECT_EQ(got, want) << path
                       << " is out of date; run: ZJ_REGENERATE_DOCS=1 ctest --test-dir "
                          "build/release -R RulesDoc";
}

TEST(RulesDoc, EveryRuleAndNumberIsListed) {
  const std::string md = RulesMarkdown();
  for (const Rule& r : AllRules()) {
    EXPECT_NE(md.find("| " + std::string(r.id) + " | " + std::string(r.title) + " |"),
              std::string::npos)
        << r.id;
  }
  for (const LawNumber& n : AllNumbers()) {
    EXPECT_NE(md.find(std::string(n.note)), std::string::npos) << n.rule << " " << n.note;
  }
}

// A rule's text lists exactly the numbers and quantities the tables give it, in table order.
TEST(RulesDoc, RuleNumbersTextListsTheRulesNumbers) {
  EXPECT_EQ(RuleNumbersText("JX-START-01"),
            "原判不满五年：" + P(N::kStart16Under5y).ToChinese() + "；原判五年以上不满十年：" +
                P(N::kStart16From5y).ToChinese() + "；原判十年以上：" +
                P(N::kStart16From10y).ToChinese() + "。");
  EXPECT_EQ(RuleNumbersText("JX-FLOOR-05"), "");  // 终身监禁: no number
  EXPECT_EQ(RuleNumbersText("JX-NO-SUCH"), "");
  for (const LawNumber& n : AllNumbers()) {
    const std::string text = RuleNumbersText(n.rule);
    EXPECT_NE(text.find(std::string(n.note) + "："), std::string::npos) << n.rule << " " << n.note;
    EXPECT_EQ(text.substr(text.size() - 3), "。") << n.rule;
  }
  for (const LawQuantity& q : AllQuantities()) {
    EXPECT_NE(RuleNumbersText(q.rule).find(std::string(q.note) + "："), std::string::npos)
        << q.rule << " " << q.note;
  }
}

// The complete worked example of docs/law.md §12.7 (its last ```json block) parses and
// the engine reaches exactly what its "expect" says, so the prose cannot drift from the code.
TEST(RulesDoc, LawMdWorkedExampleMeetsItsExpectation) {
  std::string md;
  ASSERT_TRUE(Slurp(SourceDir() / "docs" / "law.md", &md));
  const std::string open = "```json\n";
  const size_t start = md.rfind(open);
  ASSERT_NE(start, std::string::npos) << "no ```json block in docs/law.md";
  const size_t end = md.find("```", start + open.size());
  ASSERT_NE(end, std::string::npos);
  Result<CaseFile> file =
      ParseCaseFile(md.substr(start + open.size(), end - start - open.size()), "docs/law.md");
  ASSERT_TRUE(file.ok()) << file.status().message();
  ASSERT_EQ(file->cases.size(), 1u);
  const CaseSpec& spec = file->cases[0];
  ASSERT_TRUE(spec.expect.has_value());
  for (const std::string& problem : CheckExpectation(spec, Judge(spec.facts, spec.options))) {
    ADD_FAILURE() << "docs/law.md §12.7: " << problem;
  }
}

// The rule IDs ("JX-XXX-NN", ranges "JX-XXX-01..05" expanded) that RULEBOOK mentions from
// its start (or from the line starting `from_heading`) up to the line starting `to_heading`.
// False when the RULEBOOK is not there; fails the test when a heading is missing.
bool RulebookIds(const std::string& from_heading, const std::string& to_heading,
                 std::set<std::string>* ids) {
  std::string text;
  if (!Slurp(SharedDir() / "rules" / "RULEBOOK.md", &text)) return false;
  std::string part;
  std::istringstream lines(text);
  bool in = from_heading.empty(), stopped = false;
  for (std::string line; std::getline(lines, line);) {
    if (!in && line.rfind(from_heading, 0) == 0) in = true;
    if (in && line.rfind(to_heading, 0) == 0) {
      stopped = true;
      break;
    }
    if (in) part += line + "\n";
  }
  EXPECT_TRUE(in) << "no line starting \"" << from_heading << "\" in RULEBOOK";
  EXPECT_TRUE(stopped) << "no line starting \"" << to_heading << "\" in RULEBOOK";
  const std::regex id_re(R"(JX-([A-Z]+)-([0-9]{2})(\.\.([0-9]{2}))?)");
  for (auto it = std::sregex_iterator(part.begin(), part.end(), id_re);
       it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    const int first = std::stoi(m[2].str());
    const int last = m[4].matched ? std::stoi(m[4].str()) : first;
    for (int n = first; n <= last; ++n) {
      char num[8];
      std::snprintf(num, sizeof num, "%02d", n);
      ids->insert("JX-" + m[1].str() + "-" + num);
    }
  }
  return true;
}

// Every rule ID RULEBOOK §0–§6 mentions, plus the legacy regimes, has a row in AllRules().
TEST(RulesDoc, RuleTableCoversRulebookSections0To6) {
  std::set<std::string> ids = {"JX-LEG2012", "JX-LEG1997"};
  if (!RulebookIds("", "## 7.", &ids)) {
    GTEST_SKIP() << "RULEBOOK not found under " << SharedDir() << " (set ZJ_SHARED_DIR)";
  }
  EXPECT_GT(ids.size(), 50u) << "suspiciously few rule IDs read from RULEBOOK §0–§6";
  for (const std::string& id : ids) {
    EXPECT_NE(FindRule(id), nullptr) << id << " is in RULEBOOK §0–§6 but not in AllRules()";
  }
}

// Every rule ID RULEBOOK §7–§12 mentions has a row in AllRules(), and every §7–§12 rule the
// engine cannot decide itself either names the model that decides it or says why not.
TEST(RulesDoc, RuleTableCoversRulebookSections7To12) {
  std::set<std::string> ids, engine_ids;
  if (!RulebookIds("## 7.", "## 13.", &ids) || !RulebookIds("", "## 7.", &engine_ids)) {
    GTEST_SKIP() << "RULEBOOK not found under " << SharedDir() << " (set ZJ_SHARED_DIR)";
  }
  EXPECT_GT(ids.size(), 45u) << "suspiciously few rule IDs read from RULEBOOK §7–§12";
  for (const std::string& id : ids) {
    const Rule* r = FindRule(id);
    EXPECT_NE(r, nullptr) << id << " is in RULEBOOK §7–§12 but not in AllRules()";
    if (r == nullptr || engine_ids.count(id)) continue;  // §0–§6 rules cited in §7–§12
    EXPECT_FALSE(r->gap.empty()) << id << ": says which model decides it, or why none does";
    if (r->coverage != Coverage::kNotYet) {
      EXPECT_FALSE(r->model.empty()) << id;
    }
  }
}

}  // namespace
}  // namespace zj::law
