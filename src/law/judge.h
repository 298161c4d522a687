#pragma once
// The law engine: recomputes a sentence's term from the judgment and every later change,
// and judges each change under the rule set in force on the day it was made.
//
//   Judgment j = Judge(c, options);
//   for (const ChangeJudgment& cj : j.changes) ... cj.verdict, cj.findings ...
//
// A verdict is `lawful`, `violation` (a rule says "must / may not" and the facts break it)
// or `needs_review` (a fact the rule needs is missing, or the rule is discretionary —
// "一般", "从严掌握" — and the facts sit where a prosecutor has to weigh them).
// Every finding names its RULEBOOK rule and carries the computed values behind it;
// explain.h renders them as Chinese a prosecutor can paste into an opinion.
//
// Pure and deterministic: no I/O, no clock (the case carries `as_of`). Thread-safe.

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/period.h"
#include "law/facts.h"
#include "law/rulebook.h"

namespace zj::law {

enum class Verdict : uint8_t { kLawful, kViolation, kNeedsReview };
std::string_view VerdictCode(Verdict v);   // "lawful" | "violation" | "needs_review"
std::string_view VerdictLabel(Verdict v);  // "合法" | "违法" | "需人工审查"

enum class Severity : uint8_t {
  kInfo,       // noted, changes nothing (e.g. "第16条 may shorten the start time")
  kMissing,    // a fact the rule needs is absent → needs_review
  kWarning,    // discretionary rule not met → needs_review
  kViolation,  // mandatory rule broken → violation
};
std::string_view SeverityCode(Severity s);

// What a finding says; each has one Chinese template in explain.cc.
enum class Msg : uint8_t {
  kTermEndMismatch,         // stated term end ≠ computed
  kCreditMismatch,          // stated credit ≠ recomputed from pre-trial facts
  kCreditOddRsdl,           // odd RSDL days: rounding unconfirmed
  kTermOutOfRange,          // term outside the penalty's range
  kProbationOutOfRange,     // probation outside [term, max] or below minimum
  kProbationForRecidivist,  // 缓刑 for 累犯
  kDeliveryLate,            // delivered after effective + 10 days + 1 month
  kNotDelivered,            // not delivered at all by the data's date
  kServeInCentreTooLong,    // kept in the detention centre with > 3 months remaining
  kServeInCentreBoundary,   // exactly 3 months (conflicting texts)
  kNotReleased,             // still in custody after end + 1
  kReleasedEarly,           // released before end with no legal basis
  kStartTooEarly,           // proposed before the start time
  kStartShortened,          // start time not met but the rule allows shortening (INFO)
  kStartRelaxed,            // met only under the 1/3 relaxation (INFO)
  kIntervalTooShort,        // interval below the fixed minimum
  kIntervalBelowPrevious,   // interval below the previous reduction
  kCapExceeded,             // reduction above the cap
  kCapNotStricter,          // special category cut at the ordinary cap (从严掌握)
  kTenYearBoundary,         // exactly-10-year term, stricter paragraph applied (INFO)
  kFloorBroken,             // executed term after the change below the statutory floor
  kNoCommutationAllowed,    // 终身监禁 / probationer without 重大立功
  kNewCrimeWait,            // within the no-commutation period after a new crime
  kPropertyUnpaidCommuted,  // ability but not paying, commuted (2024: 一般不予减刑)
  kPropertyAbilityInferred, // ability inferred from spending (facts)
  kConversionTerm,          // life/reprieve → fixed term outside the lawful range
  kConversionEndMismatch,   // stated end of the converted term ≠ computed
  kReprieveReducedEarly,    // 死缓 reduced before the 2-year period ran out
  kReprieveToFixedNoMerit,  // 死缓 → 25 years without 重大立功
  kNewEndMismatch,          // stated new end after a commutation ≠ computed
  kParoleTooEarly,          // time condition not met
  kParoleBarred,            // 累犯 / violent ≥ 10y
  kParoleNotForPenalty,     // parole of 拘役 / 管制
  kParolePropertyUnpaid,    // ability but not paying
  kParoleAfterCommutation,  // too soon after the last commutation
  kParoleAfterRevocation,   // re-parole after revocation (generally not)
  kParoleDutyStrict,        // 贪污贿赂 parole: 从严
  kParoleProbationEnd,      // probation end ≠ remaining term
  kTempReleaseIneligible,   // 死缓 / 无期 without pregnancy-nursing ground
  kTempReleaseMinServed,    // recidivist/violent below the minimum executed time
  kTempReleaseStrict,       // 职务/金融/黑社会 保外就医 从严 (INFO)
  kReviewOverdue,           // no medical review within 3 months
  kNotRecommitted,          // no_longer_eligible review not followed by 收监
  kRulingLate,              // court ruled after the deadline
  kRulingServedLate,        // ruling took effect > 7 days after it was made
  kOpinionLate,             // procuratorate opinion after 10 (+10) days
  kMissingFact,             // a fact the rule needs is absent
  kUnconfirmedRegime,       // 1997 regime: only statutory floors checked
  kCount
};

// A computed value behind a finding: a date, a span, a count or money.
struct Value {
  enum class Kind : uint8_t { kDate, kDays, kMonths, kPeriod, kFen, kCount, kText };
  std::string_view name;  // snake_case key, stable (JSON facts, golden expectations)
  Kind kind = Kind::kCount;
  int64_t v = 0;           // date: days since epoch; period: months * 1000 + days
  std::string_view text;  // kText only (static strings: codes, regime names)

  static Value OfDate(std::string_view n, Date d) { return {n, Kind::kDate, d.days(), {}}; }
  static Value OfDays(std::string_view n, int64_t d) { return {n, Kind::kDays, d, {}}; }
  static Value OfMonths(std::string_view n, int64_t m) { return {n, Kind::kMonths, m, {}}; }
  static Value OfPeriod(std::string_view n, Period p) {
    return {n, Kind::kPeriod, p.total_months() * 1000LL + p.days, {}};
  }
  static Value OfFen(std::string_view n, int64_t f) { return {n, Kind::kFen, f, {}}; }
  static Value OfCount(std::string_view n, int64_t c) { return {n, Kind::kCount, c, {}}; }
  static Value OfText(std::string_view n, std::string_view t) { return {n, Kind::kText, 0, t}; }
};

struct Finding {
  std::string_view rule;  // RULEBOOK ID, e.g. "JX-START-01"
  Severity severity = Severity::kInfo;
  Msg msg = Msg::kMissingFact;
  uint8_t value_count = 0;
  std::array<Value, 8> values{};

  Finding& Add(Value v) {
    if (value_count < values.size()) values[value_count++] = v;
    return *this;
  }
  const Value* Find(std::string_view name) const;
};

// What a verdict is about: the sentence itself (term, delivery, release) or one change.
struct ChangeJudgment {
  int change = -1;  // index into Case::changes
  Verdict verdict = Verdict::kLawful;
  Regime regime = Regime::k2016;
  bool embezzlement_2019 = false;       // 法释〔2019〕6号 applied
  std::optional<Date> term_end_before;  // computed, before this change
  std::optional<Date> term_end_after;   // computed, after it (decided changes)
  std::vector<Finding> findings;
};

// Earliest lawful dates for the next proposal (应报未报 lists).
struct Eligibility {
  enum class Status : uint8_t {
    kEligible,     // from `from` (may already be past)
    kBarred,       // by `rule`
    kNotApplicable // not in custody, life/reprieve not yet convertible, term over …
  };
  Status commutation = Status::kNotApplicable;
  std::optional<Date> commutation_from;
  std::optional<Period> commutation_cap;  // largest single reduction for 悔改 alone
  std::string_view commutation_rule;      // rule that fixes `commutation_from` or the bar
  Status parole = Status::kNotApplicable;
  std::optional<Date> parole_from;
  std::string_view parole_rule;
  bool pending_proposal = false;  // a proposal without decision exists
};
std::string_view EligibilityStatusCode(Eligibility::Status s);  // "eligible" | "barred" | …

struct Judgment {
  Verdict verdict = Verdict::kLawful;  // worst over everything below
  Verdict sentence_verdict = Verdict::kLawful;
  std::vector<Finding> sentence_findings;  // term, credit, delivery, release, reviews
  std::vector<ChangeJudgment> changes;     // in the order the changes were made
  std::optional<Date> delivery;            // 交付执行 (first admission)
  std::optional<Date> credited_start;      // term start minus credited custody
  std::optional<Date> computed_term_end;   // from the judgment alone
  std::optional<Date> current_term_end;    // after every decided change
  int uncounted_days = 0;                  // escapes (JX-TERM-08)
  std::optional<Date> release_due;         // current end + uncounted days
  Eligibility eligibility;                 // as of Case::as_of
};

// Judges one case. Never fails: missing facts become `needs_review` findings.
Judgment Judge(const Case& c, const Options& options = {});

// Verdict from findings: violation if any violation, needs_review if any warning or
// missing fact, else lawful.
Verdict VerdictOf(const std::vector<Finding>& findings);

}  // namespace zj::law
