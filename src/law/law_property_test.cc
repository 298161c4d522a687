// Property tests: invariants that must hold for every history, checked over thousands of
// random ones. The generator builds lawful histories of ordinary fixed-term prisoners (the
// most common case) with a wide margin from every limit; each property then perturbs them.

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "law/judge.h"

namespace zj::law {
namespace {

class Gen {
 public:
  explicit Gen(uint32_t seed) : rng_(seed) {}
  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  // An ordinary prisoner delivered between 2017 and 2021 with 0–3 lawful commutations.
  Case Lawful() {
    Case c;
    c.as_of = *Date::Parse("2026-06-30");
    Sentence& s = c.sentence;
    s.id = "S";
    s.penalty = Penalty::kFixedTerm;
    s.term_months = Int(36, 180);
    const Date start = *Date::Parse("2016-06-01") + Int(0, 1500);
    s.term_start = start;
    s.custody_credit_days = Int(0, 3) == 0 ? Int(1, 60) : 0;
    s.term_end = TermEnd(start, Period::Months(s.term_months)) - s.custody_credit_days;
    s.effective_date = start + Int(60, 200);
    s.judgment_date = s.effective_date - 15;
    const Date delivery = s.effective_date + Int(5, 25);
    c.custody.push_back({delivery, CustodyEventKind::kAdmitted, FacilityKind::kPrison});
    Date p = CorrespondingDay(delivery, Period::YearsMonths(2, 3)) + Int(0, 120);
    int total = 0;
    Date end = *s.term_end;
    const int n = Int(0, 3);
    for (int i = 0; i < n; ++i) {
      const int cut = Int(3, 8);
      if ((total + cut) * 10 > s.term_months * 3) break;
      const Date new_end = AddMonths(end, -cut);
      if (new_end < p + 400 || p > c.as_of - 60) break;
      Change ch;
      ch.id = "C" + std::to_string(i + 1);
      ch.type = ChangeType::kCommutation;
      ch.basis = Basis::kRepentance;
      ch.proposal_date = p;
      ch.decision_date = p + Int(10, 25);
      ch.effective_date = *ch.decision_date + Int(1, 5);
      ch.reduction_months = cut;
      ch.new_term_end = new_end;
      ch.opinion = Opinion::kAgree;
      ch.opinion_date = p + Int(2, 8);
      c.changes.push_back(ch);
      end = new_end;
      total += cut;
      p = CorrespondingDay(*ch.effective_date, Period::YearsMonths(2, 3)) + Int(0, 200);
    }
    if (end < c.as_of) {
      c.custody.push_back({end + Int(0, 1), CustodyEventKind::kReleasedExpiry, FacilityKind::kPrison});
    }
    return c;
  }

 private:
  std::mt19937 rng_;
};

bool AllLawful(const Judgment& j) { return j.verdict == Verdict::kLawful; }

std::string Dump(const Case& c, const Judgment& j) {
  std::string out = "term " + std::to_string(c.sentence.term_months) + " start " +
                    c.sentence.term_start->ToString() + "\n";
  for (const Finding& f : j.sentence_findings) out += std::string(f.rule) + "\n";
  for (const ChangeJudgment& cj : j.changes) {
    for (const Finding& f : cj.findings) out += c.changes[cj.change].id + " " + std::string(f.rule) + "\n";
  }
  return out;
}

TEST(LawProperty, GeneratedHistoriesAreLawful) {
  Gen g(1);
  for (int i = 0; i < 3000; ++i) {
    const Case c = g.Lawful();
    const Judgment j = Judge(c);
    ASSERT_TRUE(AllLawful(j)) << Dump(c, j);
  }
}

// A lawful history stays lawful, with the same verdicts, when an unrelated later fact
// arrives: a transfer, a small account month, a medical review of someone not released.
TEST(LawProperty, UnrelatedLaterFactChangesNothing) {
  Gen g(2);
  for (int i = 0; i < 2000; ++i) {
    Case c = g.Lawful();
    const Judgment before = Judge(c);
    const Date later = c.as_of - g.Int(1, 20);
    const bool in_custody = c.custody.back().kind == CustodyEventKind::kAdmitted;
    switch (in_custody ? i % 3 : 1 + i % 2) {
      case 0:
        c.custody.push_back({later, CustodyEventKind::kTransferredOut, FacilityKind::kPrison});
        c.custody.push_back({later, CustodyEventKind::kTransferredIn, FacilityKind::kPrison});
        break;
      case 1:
        c.accounts.push_back({2026 * 12 + 5, 10000, 5000, 20000});
        break;
      case 2:
        c.reviews.push_back({later, MedicalConclusion::kStillEligible});
        break;
    }
    const Judgment after = Judge(c);
    ASSERT_EQ(after.verdict, before.verdict) << Dump(c, after);
    ASSERT_EQ(after.changes.size(), before.changes.size());
    for (size_t k = 0; k < after.changes.size(); ++k) {
      EXPECT_EQ(after.changes[k].verdict, before.changes[k].verdict);
    }
    EXPECT_EQ(after.current_term_end, before.current_term_end);
  }
}

// A commutation never moves the term end later, and each one moves it by exactly its cut.
TEST(LawProperty, TermEndNeverMovesLaterAfterACommutation) {
  Gen g(3);
  for (int i = 0; i < 3000; ++i) {
    const Case c = g.Lawful();
    const Judgment j = Judge(c);
    for (const ChangeJudgment& cj : j.changes) {
      ASSERT_TRUE(cj.term_end_before && cj.term_end_after);
      EXPECT_LT(*cj.term_end_after, *cj.term_end_before);
      EXPECT_EQ(*cj.term_end_after,
                AddMonths(*cj.term_end_before, -*c.changes[cj.change].reduction_months));
    }
    if (!j.changes.empty()) EXPECT_LT(*j.current_term_end, *j.computed_term_end);
  }
}

// The order changes are listed in does not matter.
TEST(LawProperty, ChangeOrderInInputDoesNotMatter) {
  Gen g(4);
  for (int i = 0; i < 1000; ++i) {
    Case c = g.Lawful();
    if (c.changes.size() < 2) continue;
    // Make the last one a violation to have something to compare.
    c.changes.back().reduction_months = 20;
    const Judgment a = Judge(c);
    std::reverse(c.changes.begin(), c.changes.end());
    const Judgment b = Judge(c);
    ASSERT_EQ(a.changes.size(), b.changes.size());
    for (size_t k = 0; k < a.changes.size(); ++k) {
      // Both list changes in the order they were made.
      EXPECT_EQ(a.changes[k].verdict, b.changes[k].verdict);
      EXPECT_EQ(a.changes[k].findings.size(), b.changes[k].findings.size());
    }
    EXPECT_EQ(a.current_term_end, b.current_term_end);
  }
}

// Moving a proposal later never makes its start time or interval unlawful; moving it
// earlier than the computed earliest date always does.
TEST(LawProperty, EarliestDateIsExactForTheFirstCommutation) {
  Gen g(5);
  for (int i = 0; i < 2000; ++i) {
    Case c = g.Lawful();
    c.changes.clear();
    c.custody.resize(1);
    c.as_of = c.custody[0].date + 10;  // in custody, term running
    const Judgment base = Judge(c);
    ASSERT_EQ(base.eligibility.commutation, Eligibility::Status::kEligible) << Dump(c, base);
    const Date earliest = *base.eligibility.commutation_from;
    Change ch;
    ch.id = "C1";
    ch.type = ChangeType::kCommutation;
    ch.basis = Basis::kRepentance;
    ch.reduction_months = 1;
    ch.proposal_date = earliest + g.Int(0, 400);
    c.changes.push_back(ch);
    EXPECT_EQ(Judge(c).changes[0].verdict, Verdict::kLawful) << Dump(c, Judge(c));
    c.changes[0].proposal_date = earliest - g.Int(1, 300);
    const Judgment late = Judge(c);
    // Less than two years left when the judgment took effect: the start time "may be
    // shortened" (JX-SHORT-01), noted but not unlawful.
    if (late.changes[0].findings.size() == 1 && late.changes[0].findings[0].rule == "JX-SHORT-01") {
      EXPECT_EQ(late.changes[0].verdict, Verdict::kLawful);
      continue;
    }
    ASSERT_EQ(late.changes[0].verdict, Verdict::kViolation) << Dump(c, late);
    EXPECT_EQ(late.changes[0].findings[0].rule, "JX-START-01");
  }
}

// JX-FLOOR-01 fires exactly when the reductions exceed half the original term.
TEST(LawProperty, FloorFiresExactlyAboveHalf) {
  Gen g(6);
  for (int i = 0; i < 2000; ++i) {
    Case c = g.Lawful();
    c.changes.clear();
    c.custody.resize(1);
    const int t = c.sentence.term_months;
    Change ch;
    ch.id = "C1";
    ch.type = ChangeType::kCommutation;
    ch.basis = Basis::kRepentanceMajorMerit;  // lifts start time; cap 24 months
    ch.proposal_date = c.custody[0].date + 30;
    ch.reduction_months = g.Int(1, 24);
    c.changes.push_back(ch);
    const Judgment j = Judge(c);
    bool floor = false;
    for (const Finding& f : j.changes[0].findings) floor |= f.rule == "JX-FLOOR-01";
    EXPECT_EQ(floor, *ch.reduction_months * 2 > t) << t << " " << *ch.reduction_months;
  }
}

// A larger cut never turns a cap violation into a lawful one.
TEST(LawProperty, CapIsMonotonic) {
  Gen g(7);
  for (int i = 0; i < 500; ++i) {
    Case c = g.Lawful();
    c.changes.clear();
    c.custody.resize(1);
    c.sentence.term_months = 180;
    c.sentence.term_end = TermEnd(*c.sentence.term_start, Period::Months(180)) - c.sentence.custody_credit_days;
    Change ch;
    ch.id = "C1";
    ch.type = ChangeType::kCommutation;
    ch.basis = static_cast<Basis>(g.Int(1, 5));
    ch.proposal_date = CorrespondingDay(c.custody[0].date, Period::Years(3));
    bool seen_violation = false;
    for (int cut = 1; cut <= 30; ++cut) {
      ch.reduction_months = cut;
      c.changes.assign(1, ch);
      const bool v = Judge(c).changes[0].verdict == Verdict::kViolation;
      if (seen_violation) EXPECT_TRUE(v) << cut;
      seen_violation |= v;
    }
    EXPECT_TRUE(seen_violation);
  }
}

}  // namespace
}  // namespace zj::law
