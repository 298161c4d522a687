// Unit tests of the law engine that do not fit a golden case: table integrity, the code
// lists the JSON reader maps onto enums, and explanation rendering.

#include <gtest/gtest.h>

#include <set>

#include "domain/codes.h"
#include "law/case_json.h"
#include "law/explain.h"
#include "law/judge.h"
#include "law/rulebook.h"

namespace zj::law {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

TEST(Rulebook, EveryNumberCitesAKnownRule) {
  for (const LawNumber& n : AllNumbers()) {
    EXPECT_NE(FindRule(n.rule), nullptr) << n.note;
    EXPECT_EQ(&Number(n.name), &n);
  }
}

TEST(Rulebook, RuleIdsAreUniqueAndGapsExplained) {
  std::set<std::string_view> ids;
  for (const Rule& r : AllRules()) {
    EXPECT_TRUE(ids.insert(r.id).second) << r.id;
    if (r.model.empty()) {
      // Decided by the engine: a gap text exactly when something is not decided.
      EXPECT_EQ(r.coverage == Coverage::kDecided, r.gap.empty()) << r.id;
    } else {
      // Decided by a supervision model: the gap text says which and how.
      EXPECT_FALSE(r.gap.empty()) << r.id;
    }
  }
}

TEST(Rulebook, RegimeSwitchDates) {
  EXPECT_EQ(RegimeOn(D("2016-12-31")), Regime::k2012);
  EXPECT_EQ(RegimeOn(D("2017-01-01")), Regime::k2016);
  EXPECT_EQ(RegimeOn(D("2012-06-30")), Regime::k1997);
  EXPECT_EQ(RegimeOn(D("2012-07-01")), Regime::k2012);
}

// The JSON reader maps code-list indexes onto the law enums; the orders must agree.
TEST(Codes, EnumOrderFollowsExchangeCodeLists) {
  EXPECT_EQ(domain::kPenalty.IndexOf("death_reprieve_restricted"),
            static_cast<int>(Penalty::kDeathReprieveRestricted));
  EXPECT_EQ(domain::kPenalty.IndexOf("surveillance"), static_cast<int>(Penalty::kSurveillance));
  EXPECT_EQ(domain::kCategory.IndexOf("elderly_sick_disabled"),
            static_cast<int>(Category::kElderlySickDisabled));
  EXPECT_EQ(domain::kCategory.IndexOf("unpaid_property"), static_cast<int>(Category::kUnpaidProperty));
  EXPECT_EQ(domain::kChangeType.IndexOf("reprieve_to_fixed"),
            static_cast<int>(ChangeType::kReprieveToFixed));
  EXPECT_EQ(domain::kCommutationBasis.IndexOf("repentance_major_merit") + 1,
            static_cast<int>(Basis::kRepentanceMajorMerit));
  EXPECT_EQ(domain::kCustodyEvent.IndexOf("recaptured"), static_cast<int>(CustodyEventKind::kRecaptured));
  EXPECT_EQ(domain::kMedicalConclusion.IndexOf("unknown"), static_cast<int>(MedicalConclusion::kUnknown));
  EXPECT_EQ(domain::kProcuratorateOpinion.IndexOf("disagree"), 1);  // case_json maps by index
  EXPECT_EQ(domain::kProcuratorateOpinion.IndexOf("none"), 2);
}

Case Ordinary() {
  Case c;
  c.as_of = D("2026-06-30");
  c.sentence.id = "S1";
  c.sentence.penalty = Penalty::kFixedTerm;
  c.sentence.term_months = 84;
  c.sentence.effective_date = D("2019-01-02");
  c.sentence.judgment_date = D("2018-12-20");
  c.sentence.term_start = D("2018-06-01");
  c.sentence.term_end = D("2025-05-31");
  c.custody.push_back({D("2019-01-20"), CustodyEventKind::kAdmitted, FacilityKind::kPrison});
  return c;
}

TEST(Explain, StartTooEarlyNamesTheDates) {
  Case c = Ordinary();
  c.as_of = D("2020-12-31");
  Change ch;
  ch.id = "C1";
  ch.type = ChangeType::kCommutation;
  ch.basis = Basis::kRepentance;
  ch.proposal_date = D("2020-06-01");
  ch.reduction_months = 6;
  c.changes.push_back(ch);
  Judgment j = Judge(c);
  ASSERT_EQ(j.changes.size(), 1u);
  EXPECT_EQ(j.changes[0].verdict, Verdict::kViolation);
  ASSERT_EQ(j.changes[0].findings.size(), 1u);
  const std::string text = Explain(j.changes[0].findings[0]);
  EXPECT_NE(text.find("JX-START-01"), std::string::npos) << text;
  EXPECT_NE(text.find("2020年7月20日"), std::string::npos) << text;  // delivery + 1y6m
  EXPECT_NE(text.find("法释〔2016〕23号 第6条第1款"), std::string::npos) << text;
}

TEST(CaseJson, UnknownKeyIsALocatedChineseError) {
  const char* text = R"({"name":"x","as_of":"2026-06-30","sentence":{"penalty":"fixed_term",
    "term_months":12,"effective_date":"2020-01-01","term_strat":"2020-01-01"}})";
  Result<CaseFile> r = ParseCaseFile(text, "x.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("term_strat"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("不认识的字段"), std::string::npos);
}

}  // namespace
}  // namespace zj::law
