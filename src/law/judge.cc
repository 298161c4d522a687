// The checks. Reading order: Judge() at the bottom walks the changes in the order they
// were made, keeping `State` (current penalty, computed and stated term ends, the last
// reduction); each Check* function judges one change against that state.

#include "law/judge.h"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace zj::law {
namespace {

// ---------------------------------------------------------------------------------------
// Small arithmetic on periods (JX-CONV-01 rule 4: half a month is 15 days).

Period MonthsPeriod(int months) { return Period::Months(months); }
Period Half(int months) { return {0, months / 2, months % 2 ? 15 : 0}; }
Period Third(int months) { return {0, months / 3, (months % 3) * 10}; }
// The 1/3 relaxation of 第19条/第20条: a span may shrink to 2/3, a cap grow to 4/3.
Period TwoThirds(Period p) {
  const int m = p.total_months() * 2;
  return {0, m / 3, (m % 3) * 10 + p.days * 2 / 3};
}
Period FourThirds(Period p) {
  const int m = p.total_months() * 4;
  return {0, m / 3, (m % 3) * 10 + p.days * 4 / 3};
}
int64_t Key(Period p) { return p.total_months() * 1000LL + p.days; }
bool Shorter(Period a, Period b) { return Key(a) < Key(b); }

// The day a ruling reached the prisoner (its effective date, else the decision date):
// intervals run from it (JX-INTV-01, JX-PAROLE-06).
std::optional<Date> ServedDate(const Change& ch) {
  return ch.effective_date ? ch.effective_date : ch.decision_date;
}
Period CutOf(const Change& ch) {
  return {0, ch.reduction_months.value_or(0), ch.reduction_days.value_or(0)};
}

// A period the law requires and the rule that sets it.
struct Requirement {
  Period period;
  std::string_view rule;
};

bool IsReduction(ChangeType t) {
  return t == ChangeType::kCommutation || t == ChangeType::kLifeToFixed ||
         t == ChangeType::kReprieveToLife || t == ChangeType::kReprieveToFixed;
}
bool HasMajorMerit(Basis b) {
  return b == Basis::kMajorMerit || b == Basis::kRepentanceMajorMerit;
}
bool Contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

// What the sentence is now, as conversions and revocations change it.
enum class Phase : uint8_t {
  kFixed,               // 管制/拘役/有期徒刑 as judged
  kReprieve,            // 死缓, within or after the 2-year period
  kLife,                // 无期 as judged
  kLifeFromReprieve,    // 死缓减为无期
  kFixedFromLife,       // 无期减为有期
  kFixedFromReprieve,   // 死缓 → (无期 →) 有期
};

struct State {
  Phase phase = Phase::kFixed;
  int term_months = 0;          // tier term: original, or the converted fixed term
  std::optional<Date> law_end;  // recomputed end (JX-CONV-01)
  std::optional<Date> stated_end;
  std::optional<Date> phase_start;  // base for start times after a conversion
  std::optional<Date> restart;      // re-imprisonment after revoked parole (JX-START-07)
  int cut_months = 0, cut_days = 0;   // reductions of the original fixed term
  bool cuts_in_days = false;
  const Change* last_reduction = nullptr;  // decided
  const Change* last_commutation = nullptr;
  bool parole_revoked = false;
  bool probation_revoked = false;
  bool via_life_to_fixed_from_restricted_life = false;
  bool restricted_direct_fixed = false;  // restricted 死缓 → 25 years (重大立功)
};

class Engine {
 public:
  Engine(const Case& c, const Options& o) : c_(c), s_(c.sentence), o_(o) {}

  Judgment Run();

 private:
  // ---- derived facts ----
  void DeriveCategories();
  void FindDelivery();
  bool Has(Category k) const { return cats_.Has(k); }
  bool Original(Penalty p) const { return s_.penalty == p; }
  bool OriginalReprieve() const {
    return s_.penalty == Penalty::kDeathReprieve ||
           s_.penalty == Penalty::kDeathReprieveRestricted;
  }
  bool Restricted() const { return s_.penalty == Penalty::kDeathReprieveRestricted; }
  Date ReprieveExpiry() const { return CorrespondingDay(s_.effective_date, P(N::kReprieve)); }
  bool Relaxable(Date act) const;
  // 第20条 applies to 老病残 only; every other relaxation is 第19条 (minors).
  std::string_view RelaxRule() const {
    return Has(Category::kElderlySickDisabled) && !Has(Category::kMinor) ? "JX-ELDER-01"
                                                                         : "JX-MINOR-01";
  }
  // 法释〔2016〕23号 第7条: ¶1 categories, and ¶2 (¶1 or violent crimes with ≥ 10 years).
  struct Special {
    bool para1 = false;
    bool para2 = false;
    bool boundary10 = false;  // exactly 10 years: both paragraphs read on it (JX-CONV-03)
    bool any() const { return para1 || para2; }
  };
  Special Classify(Date act, int term_months);
  bool Para1(Date act);
  // No reduction yet in this phase, or none since re-imprisonment after revoked parole.
  bool FirstOfPhase() const {
    return st_.last_reduction == nullptr ||
           (st_.restart && st_.last_reduction->decision_date &&
            *st_.last_reduction->decision_date < *st_.restart);
  }
  // 法释〔2016〕23号 (and the 2019 overlay): start time of a fixed term's first reduction,
  // and the interval after a reduction of a term of `t` months (`derived`: from life/死缓).
  static Requirement Start2016(int t, bool special, bool duty);
  static Requirement Interval2016(int t, const Special& sp, bool duty, bool derived,
                                  bool restricted_fixed);
  bool Embezzlement2019(Date regime_date) const;
  bool AbleAndUnpaid(Date act, int64_t* unpaid, int64_t* spending, bool* inferred) const;

  // ---- sentence-level ----
  void CheckSentence(std::vector<Finding>& out);
  void CheckDelivery(std::vector<Finding>& out);
  void CheckRelease(std::vector<Finding>& out);

  // ---- change-level ----
  void CheckCommutation(const Change& ch, ChangeJudgment& j);
  void CheckFixedCommutation(const Change& ch, Date act, ChangeJudgment& j);
  void CheckConversion(const Change& ch, Date act, ChangeJudgment& j);
  void CheckFloor(const Change& ch, ChangeJudgment& j, std::optional<Date> end_after);
  void CheckNewEnd(const Change& ch, ChangeJudgment& j, std::optional<Date> computed,
                   std::optional<Date> stated_expected);
  void CheckParole(const Change& ch, ChangeJudgment& j);
  void CheckTempRelease(const Change& ch, ChangeJudgment& j);
  void CheckProcedure(const Change& ch, ChangeJudgment& j);
  // Ability to pay is judged on the act (提请) date; which rule applies on the regime date.
  void CheckProperty(Date act, Date regime_date, ChangeJudgment& j, bool parole);
  void Apply(const Change& ch);  // a decided change moves the state
  void ComputeEligibility(Judgment& out);

  Finding& Add(std::vector<Finding>& out, std::string_view rule, Severity s, Msg m) {
    out.push_back(Finding{rule, s, m});
    return out.back();
  }
  Finding& Add(ChangeJudgment& j, std::string_view rule, Severity s, Msg m) {
    return Add(j.findings, rule, s, m);
  }

  const Case& c_;
  const Sentence& s_;
  const Options& o_;
  Categories cats_;
  std::vector<CustodyEvent> events_;  // sorted by date
  std::optional<Date> delivery_;
  FacilityKind delivery_facility_ = FacilityKind::kPrison;
  std::optional<Date> credited_start_;
  std::optional<Date> judged_end_;  // computed from the judgment alone
  State st_;
  int uncounted_days_ = 0;
  std::vector<std::pair<Date, Date>> escapes_;  // [escaped, recaptured)
  // Days escaped before `d` (JX-TERM-08): a "served at least" date moves by them.
  int UncountedBefore(Date d) const {
    int n = 0;
    for (const auto& [from, to] : escapes_) {
      if (from < d) n += std::min(to, d) - from;
    }
    return n;
  }
  // The day `p` has actually been executed from `start`: escaped days push it back.
  Date ExecutedOn(Date start, Period p) const {
    Date d = CorrespondingDay(start, p);
    for (int moved = 0, n; (n = UncountedBefore(d)) != moved; moved = n) d = d + (n - moved);
    return d;
  }
};

// ---------------------------------------------------------------------------------------
// Derived facts

void Engine::DeriveCategories() {
  cats_ = s_.categories;
  for (const std::string& crime : s_.crimes) {
    for (std::string_view e : EmbezzlementBriberyCrimes()) {
      if (crime == e) cats_.Set(Category::kEmbezzlementBribery);
    }
    for (std::string_view v : ViolentCrimes()) {
      if (crime == v) cats_.Set(Category::kViolentCrime);
    }
  }
}

void Engine::FindDelivery() {
  events_ = c_.custody;
  std::stable_sort(events_.begin(), events_.end(),
                   [](const CustodyEvent& a, const CustodyEvent& b) { return a.date < b.date; });
  std::optional<Date> escaped;
  for (const CustodyEvent& e : events_) {
    // Delivery to execution (EXCHANGE custody_events): the first admission at a prison, or
    // at a detention centre on or after the judgment took effect (serving the term there);
    // an earlier admission to a detention centre is pre-trial custody.
    if (e.kind == CustodyEventKind::kAdmitted && !delivery_ &&
        (e.facility == FacilityKind::kPrison || e.date >= s_.effective_date)) {
      delivery_ = e.date;
      delivery_facility_ = e.facility;
    }
    // JX-TERM-08: days between an escape and the recapture are not served.
    if (e.kind == CustodyEventKind::kEscaped) escaped = e.date;
    if (e.kind == CustodyEventKind::kRecaptured && escaped) {
      uncounted_days_ += e.date - *escaped;
      escapes_.push_back({*escaped, e.date});
      escaped.reset();
    }
  }
}

// 第19条 / 第20条: under 18 at some time of service, or an elderly/sick/disabled prisoner.
bool Engine::Relaxable(Date act) const {
  if (Has(Category::kElderlySickDisabled)) return true;
  // 第19条 excludes minors within 刑法 第81条第2款 (累犯, violent crimes ≥ 10 years).
  const bool barred = Has(Category::kRecidivist) || Has(Category::kViolent10y) ||
                      (Has(Category::kViolentCrime) &&
                       (s_.penalty != Penalty::kFixedTerm || s_.term_months >= 120) &&
                       s_.penalty != Penalty::kCriminalDetention &&
                       s_.penalty != Penalty::kSurveillance);
  if (barred) return false;
  if (Has(Category::kMinor)) return true;
  if (c_.person.birth_date && delivery_) {
    return CorrespondingDay(*c_.person.birth_date, Period::Years(18)) > *delivery_ &&
           *delivery_ <= act;
  }
  return false;
}

bool Engine::AbleAndUnpaid(Date act, int64_t* unpaid, int64_t* spending, bool* inferred) const {
  *unpaid = 0;
  *spending = 0;
  *inferred = false;
  if (Has(Category::kUnpaidProperty)) return true;  // the court or prison already says so
  if (!c_.property || c_.property->due_fen <= 0) return false;
  const Property& p = *c_.property;
  int64_t paid = 0;
  for (const Payment& pay : p.payments) {
    if (pay.date < act) paid += pay.fen;
  }
  *unpaid = p.due_fen - paid;
  if (*unpaid <= 0) return false;
  if (p.able_to_pay) return *p.able_to_pay;
  // JX-PROP-03: spending in the window before the act shows the means to pay.
  int y, m, d;
  act.ToCivil(&y, &m, &d);
  const int32_t act_month = y * 12 + (m - 1);
  for (const AccountMonth& a : c_.accounts) {
    if (a.month >= act_month - o_.ability_window_months && a.month < act_month) {
      *spending += a.spending_fen;
    }
  }
  *inferred = *spending >= o_.ability_spending_fen || (*spending > 0 && *spending >= *unpaid);
  return *inferred;
}

bool Engine::Para1(Date act) {
  static constexpr Category kPara1[] = {
      Category::kDutyCrime,      Category::kFinancial,      Category::kGang,
      Category::kStateSecurity,  Category::kTerrorism,      Category::kDrugRingleader,
      Category::kDrugRecidivist, Category::kRecidivist};
  for (Category k : kPara1) {
    if (Has(k)) return true;
  }
  int64_t unpaid, spending;
  bool inferred;
  return AbleAndUnpaid(act, &unpaid, &spending, &inferred);
}

Engine::Special Engine::Classify(Date act, int term_months) {
  Special sp;
  sp.para1 = Para1(act);
  const bool long_term = s_.penalty == Penalty::kLife || OriginalReprieve() || term_months >= 120;
  sp.para2 = Has(Category::kViolent10y) ||
             ((sp.para1 || Has(Category::kViolentCrime)) && long_term);
  // "十年以下" (¶1) and "十年以上" (¶2) both include exactly ten years.
  sp.boundary10 = sp.para1 && s_.penalty == Penalty::kFixedTerm && term_months == 120;
  return sp;
}

Requirement Engine::Start2016(int t, bool special, bool duty) {
  if (duty) return {P(t >= 120 ? N::kStart19From10y : N::kStart19Under10y), "JX-START-03"};
  if (special) return {P(N::kStart16Special), "JX-START-02"};
  return {P(t < 60 ? N::kStart16Under5y : t < 120 ? N::kStart16From5y : N::kStart16From10y),
          "JX-START-01"};
}

Requirement Engine::Interval2016(int t, const Special& sp, bool duty, bool derived,
                                 bool restricted_fixed) {
  if (duty) {
    return {P((t >= 120 || derived) ? N::kIntv19From10y : N::kIntv19Under10y), "JX-INTV-05"};
  }
  if (derived) return {P(N::kIntv16Life), restricted_fixed ? "JX-CAP-07" : "JX-INTV-04"};
  if (sp.any()) return {P(sp.para2 ? N::kIntv16SpecialFrom10y : N::kIntv16Special), "JX-INTV-03"};
  return {P(t < 120 ? N::kIntv16Under10y : N::kIntv16From10y), "JX-INTV-01"};
}

bool Engine::Embezzlement2019(Date regime_date) const {
  return Has(Category::kEmbezzlementBribery) && Has(Category::kDutyCrime) &&
         regime_date >= kDuty2019From && s_.judgment_date >= kAmendment9From;
}

// ---------------------------------------------------------------------------------------
// Sentence-level checks

void Engine::CheckSentence(std::vector<Finding>& out) {
  const bool termed = s_.penalty == Penalty::kSurveillance ||
                      s_.penalty == Penalty::kCriminalDetention ||
                      s_.penalty == Penalty::kFixedTerm;
  if (!termed) return;
  const int t = s_.term_months;
  // Ranges (JX-TERM-02/03).
  auto range = [&](N lo, N hi, std::string_view rule) {
    if (t < P(lo).total_months() || t > P(hi).total_months()) {
      Add(out, rule, Severity::kViolation, Msg::kTermOutOfRange)
          .Add(Value::OfMonths("term_months", t))
          .Add(Value::OfPeriod("min", P(lo)))
          .Add(Value::OfPeriod("max", P(hi)));
    }
  };
  if (s_.penalty == Penalty::kSurveillance) range(N::kSurveillanceMin, N::kSurveillanceMax, "JX-TERM-03");
  if (s_.penalty == Penalty::kCriminalDetention) range(N::kDetentionMin, N::kDetentionMax, "JX-TERM-02");

  // Probation (JX-TERM-06).
  if (s_.probation_months) {
    const int pm = *s_.probation_months;
    if (Has(Category::kRecidivist)) {
      Add(out, "JX-TERM-06", Severity::kViolation, Msg::kProbationForRecidivist);
    }
    int lo = 0, hi = 0;
    bool eligible = true;
    if (s_.penalty == Penalty::kCriminalDetention) {
      lo = std::max(t, P(N::kProbationDetentionMin).total_months());
      hi = P(N::kProbationDetentionMax).total_months();
    } else if (s_.penalty == Penalty::kFixedTerm && t <= P(N::kProbationMaxTerm).total_months()) {
      lo = std::max(t, P(N::kProbationFixedMin).total_months());
      hi = P(N::kProbationFixedMax).total_months();
    } else {
      eligible = false;
    }
    if (!eligible || pm < lo || pm > hi) {
      Finding& f = Add(out, "JX-TERM-06", Severity::kViolation, Msg::kProbationOutOfRange)
                       .Add(Value::OfMonths("term_months", t))
                       .Add(Value::OfMonths("probation_months", pm));
      if (eligible) {
        f.Add(Value::OfMonths("min_months", lo)).Add(Value::OfMonths("max_months", hi));
      }
    }
  }

  // Credit recomputed from the pre-trial facts (JX-TERM-01/03/04).
  if (s_.pretrial) {
    const Pretrial& pt = *s_.pretrial;
    const bool surveillance = s_.penalty == Penalty::kSurveillance;
    const int custody = (pt.custody_days + pt.detention_days_liuzhi) * (surveillance ? 2 : 1);
    const int rsdl = surveillance ? pt.rsdl_days : pt.rsdl_days / 2;
    const int expected = custody + rsdl;
    const std::string_view rule = pt.rsdl_days      ? "JX-TERM-04"
                                  : surveillance    ? "JX-TERM-03"
                                  : s_.penalty == Penalty::kCriminalDetention ? "JX-TERM-02"
                                                    : "JX-TERM-01";
    if (!surveillance && pt.rsdl_days % 2 == 1) {
      Add(out, "JX-TERM-04", Severity::kWarning, Msg::kCreditOddRsdl)
          .Add(Value::OfDays("rsdl_days", pt.rsdl_days))
          .Add(Value::OfDays("credit_days_low", expected))
          .Add(Value::OfDays("credit_days_high", expected + 1));
    }
    const bool odd_ok = !surveillance && pt.rsdl_days % 2 == 1 &&
                        s_.custody_credit_days == expected + 1;
    // The court's total covers all pre-trial days; term_start may already cover the last
    // unbroken custody, so only an excess is certain to be wrong.
    if (s_.custody_credit_days > expected && !odd_ok) {
      Add(out, rule, Severity::kViolation, Msg::kCreditMismatch)
          .Add(Value::OfDays("stated_credit_days", s_.custody_credit_days))
          .Add(Value::OfDays("computed_credit_days", expected))
          .Add(Value::OfDays("custody_days", pt.custody_days + pt.detention_days_liuzhi))
          .Add(Value::OfDays("rsdl_days", pt.rsdl_days));
    }
  }

  // Term end (JX-CONV-01, JX-TERM-01).
  if (s_.term_start && !s_.probation_months) {
    judged_end_ = TermEnd(*s_.term_start, MonthsPeriod(t)) - s_.custody_credit_days;
    credited_start_ = *s_.term_start - s_.custody_credit_days;
    if (s_.term_end && *s_.term_end != *judged_end_) {
      Add(out, "JX-CONV-01", Severity::kViolation, Msg::kTermEndMismatch)
          .Add(Value::OfDate("term_start", *s_.term_start))
          .Add(Value::OfMonths("term_months", t))
          .Add(Value::OfDays("custody_credit_days", s_.custody_credit_days))
          .Add(Value::OfDate("stated_term_end", *s_.term_end))
          .Add(Value::OfDate("computed_term_end", *judged_end_))
          .Add(Value::OfDays("difference_days", *s_.term_end - *judged_end_));
    }
  } else if (!s_.probation_months && s_.penalty != Penalty::kSurveillance) {
    Add(out, "JX-TERM-01", Severity::kMissing, Msg::kMissingFact)
        .Add(Value::OfText("fact", "term_start"));
  }
}

void Engine::CheckDelivery(std::vector<Finding>& out) {
  const bool custodial = s_.penalty != Penalty::kSurveillance && !s_.probation_months;
  if (!custodial) return;
  const Date deadline =
      CorrespondingDay(s_.effective_date + P(N::kDocumentsDays).days, P(N::kDeliveryPeriod));
  if (!delivery_) {
    // A later temporary release decided by the court before delivery is lawful (JX-ZJ-07).
    for (const Change& ch : c_.changes) {
      if (ch.type == ChangeType::kTempRelease && ch.decided()) return;
    }
    if (c_.as_of > deadline) {
      Add(out, "JX-DELIV-02", Severity::kViolation, Msg::kNotDelivered)
          .Add(Value::OfDate("effective_date", s_.effective_date))
          .Add(Value::OfDate("deadline", deadline))
          .Add(Value::OfDays("days_late", c_.as_of - deadline));
    }
    return;
  }
  if (*delivery_ > deadline) {
    Add(out, "JX-DELIV-02", Severity::kViolation, Msg::kDeliveryLate)
        .Add(Value::OfDate("effective_date", s_.effective_date))
        .Add(Value::OfDate("delivery_date", *delivery_))
        .Add(Value::OfDate("deadline", deadline))
        .Add(Value::OfDays("days_late", *delivery_ - deadline));
  }
  // JX-DELIV-03: a detention centre keeps only a remainder of at most 3 months.
  // 拘役 is always executed by the public-security organ (刑事诉讼法 第264条第2款).
  if (delivery_facility_ == FacilityKind::kDetentionCenter && judged_end_ &&
      s_.penalty == Penalty::kFixedTerm) {
    const Date limit = CorrespondingDay(*delivery_, P(N::kServeInCentreMax));
    const Date released_by = *judged_end_ + 1;
    if (released_by > limit) {
      Add(out, "JX-DELIV-03", Severity::kViolation, Msg::kServeInCentreTooLong)
          .Add(Value::OfDate("delivery_date", *delivery_))
          .Add(Value::OfDate("term_end", *judged_end_))
          .Add(Value::OfDays("remaining_days", released_by - *delivery_))
          .Add(Value::OfPeriod("max_remaining", P(N::kServeInCentreMax)));
    } else if (released_by == limit) {
      Add(out, "JX-DELIV-03", Severity::kWarning, Msg::kServeInCentreBoundary)
          .Add(Value::OfDate("delivery_date", *delivery_))
          .Add(Value::OfDate("term_end", *judged_end_));
    }
  }
}

// Custody status as of the data, and JX-TERM-10.
void Engine::CheckRelease(std::vector<Finding>& out) {
  if (!st_.law_end || s_.probation_months) return;
  bool in = false;
  const CustodyEvent* release = nullptr;  // the last release, unless custody resumed after it
  for (const CustodyEvent& e : events_) {
    switch (e.kind) {
      case CustodyEventKind::kAdmitted:
      case CustodyEventKind::kTransferredIn:
        in = true;
        release = nullptr;
        break;
      case CustodyEventKind::kRecaptured:
        in = true;
        break;
      case CustodyEventKind::kEscaped:
        in = false;
        break;
      case CustodyEventKind::kReleasedExpiry:
      case CustodyEventKind::kReleasedOther:
        release = &e;
        in = false;
        break;
      case CustodyEventKind::kReleasedParole:
      case CustodyEventKind::kReleasedTemp:
      case CustodyEventKind::kDied:
        in = false;
        release = nullptr;
        break;
      case CustodyEventKind::kTransferredOut:
        break;
    }
  }
  const Date end = *st_.law_end + uncounted_days_;
  if (in && c_.as_of >= end + P(N::kReleaseGraceDays).days + 1) {
    Add(out, "JX-TERM-10", Severity::kViolation, Msg::kNotReleased)
        .Add(Value::OfDate("computed_term_end", end))
        .Add(Value::OfDate("latest_release_date", end + P(N::kReleaseGraceDays).days))
        .Add(Value::OfDays("days_overdue", c_.as_of - (end + P(N::kReleaseGraceDays).days)))
        .Add(Value::OfDays("uncounted_days", uncounted_days_));
  }
  if (release) {
    if (release->date < end) {
      const bool other = release->kind == CustodyEventKind::kReleasedOther;
      Add(out, "JX-TERM-10", other ? Severity::kWarning : Severity::kViolation,
          Msg::kReleasedEarly)
          .Add(Value::OfDate("computed_term_end", end))
          .Add(Value::OfDate("release_date", release->date))
          .Add(Value::OfDays("days_early", end - release->date));
    } else if (release->date > end + P(N::kReleaseGraceDays).days) {
      Add(out, "JX-TERM-10", Severity::kViolation, Msg::kNotReleased)
          .Add(Value::OfDate("computed_term_end", end))
          .Add(Value::OfDate("latest_release_date", end + P(N::kReleaseGraceDays).days))
          .Add(Value::OfDate("release_date", release->date))
          .Add(Value::OfDays("days_overdue", release->date - (end + P(N::kReleaseGraceDays).days)));
    }
  }
}

// ---------------------------------------------------------------------------------------
// Commutation

void Engine::CheckProperty(Date act, Date regime_date, ChangeJudgment& j, bool parole) {
  int64_t unpaid, spending;
  bool inferred;
  if (!AbleAndUnpaid(act, &unpaid, &spending, &inferred)) return;
  if (inferred) {
    Add(j, "JX-PROP-03", Severity::kInfo, Msg::kPropertyAbilityInferred)
        .Add(Value::OfFen("unpaid", unpaid))
        .Add(Value::OfFen("spending", spending))
        .Add(Value::OfCount("window_months", o_.ability_window_months))
        .Add(Value::OfFen("threshold", o_.ability_spending_fen));
  }
  if (parole) {
    if (j.regime == Regime::k2016) {  // 法释〔2016〕23号 第27条
      Add(j, "JX-PAROLE-05", Severity::kViolation, Msg::kParolePropertyUnpaid)
          .Add(Value::OfFen("unpaid", unpaid));
    }
  } else if (regime_date >= kProperty2024From) {
    Add(j, "JX-PROP-02", Severity::kWarning, Msg::kPropertyUnpaidCommuted)
        .Add(Value::OfFen("unpaid", unpaid));
  }
}

void Engine::CheckCommutation(const Change& ch, ChangeJudgment& j) {
  const std::optional<Date> act_opt = ch.ActDate();
  if (!act_opt) {
    Add(j, "JX-CONV-04", Severity::kMissing, Msg::kMissingFact)
        .Add(Value::OfText("fact", "proposal_date"));
    return;
  }
  const Date act = *act_opt;
  // 终身监禁: the ruling that turns the 死缓 into life at expiry is mandatory (第15条);
  // every reduction after it is barred.
  const bool to_life = ch.type == ChangeType::kReprieveToLife ||
                       (ch.type == ChangeType::kCommutation && st_.phase == Phase::kReprieve);
  if (s_.life_without_parole && !to_life) {
    Add(j, "JX-FLOOR-05", Severity::kViolation, Msg::kNoCommutationAllowed)
        .Add(Value::OfText("reason", "life_without_parole"));
    return;
  }
  if (s_.probation_months && !st_.probation_revoked) {
    if (!HasMajorMerit(ch.basis)) {
      Add(j, "JX-PROB-01", Severity::kViolation, Msg::kNoCommutationAllowed)
          .Add(Value::OfText("reason", "probation"))
          .Add(Value::OfMonths("probation_months", *s_.probation_months));
    }
    return;
  }
  // New intentional crime during execution (JX-NEWCRIME-01).
  for (const NewCrime& nc : c_.new_crimes) {
    if (nc.effective_date > act) continue;
    const bool life = nc.penalty == Penalty::kLife;
    const Date until = CorrespondingDay(
        nc.effective_date, P(life ? N::kNewCrimeLifeWait : N::kNewCrimeFixedWait));
    if (act < until) {
      Add(j, "JX-NEWCRIME-01", Severity::kViolation, Msg::kNewCrimeWait)
          .Add(Value::OfDate("new_judgment_effective", nc.effective_date))
          .Add(Value::OfPeriod("wait", P(life ? N::kNewCrimeLifeWait : N::kNewCrimeFixedWait)))
          .Add(Value::OfDate("earliest_proposal_date", until))
          .Add(Value::OfDate("proposal_date", act));
    }
  }
  const bool conversion = ch.type != ChangeType::kCommutation ||
                          st_.phase == Phase::kLife || st_.phase == Phase::kLifeFromReprieve ||
                          st_.phase == Phase::kReprieve;
  if (conversion) {
    CheckConversion(ch, act, j);
  } else {
    CheckFixedCommutation(ch, act, j);
  }
  if (j.regime != Regime::k1997 && ch.type != ChangeType::kReprieveToLife) {
    CheckProperty(act, ch.decision_date.value_or(act), j, /*parole=*/false);
  }
}

// Start time, interval, cap and floor of a reduction of a fixed term.
void Engine::CheckFixedCommutation(const Change& ch, Date act, ChangeJudgment& j) {
  const Regime regime = j.regime;
  const bool from_life = st_.phase == Phase::kFixedFromLife;
  const bool from_reprieve = st_.phase == Phase::kFixedFromReprieve;
  const int t = st_.term_months;
  const bool major = HasMajorMerit(ch.basis);
  const bool relax = regime == Regime::k2016 && Relaxable(act);
  const Special sp = Classify(act, s_.term_months);
  const bool special = sp.any();
  const bool duty = j.embezzlement_2019;
  const bool restricted_fixed = Restricted() && from_reprieve;
  // 第9条 / 第11条: the 第7条 list, violent crimes of any term, 数罪并罚 to life/死缓.
  const bool special_life =
      (from_life || from_reprieve) && (sp.para1 || Has(Category::kViolentCrime) ||
                                       Has(Category::kViolent10y));

  // Reduction amount.
  std::optional<Period> cut;
  if (ch.reduction_months) cut = Period::Months(*ch.reduction_months);
  if (ch.reduction_days) cut = Period{0, cut ? cut->total_months() : 0, *ch.reduction_days};
  if (!cut) {
    Add(j, "JX-CAP-01", Severity::kMissing, Msg::kMissingFact)
        .Add(Value::OfText("fact", "reduction_months"));
  }
  if (regime == Regime::k1997) {
    Add(j, "JX-LEG1997", Severity::kWarning, Msg::kUnconfirmedRegime)
        .Add(Value::OfText("regime", RegimeName(regime)));
  }

  // ---- start time (first reduction of this phase) ----
  const bool first = FirstOfPhase();
  // 重大立功 lifts start and interval (JX-EXEMPT-01); for restricted 死缓 第14条 lets the
  // interval shorten while the cap stays at one year (JX-CAP-07).
  const bool exempt = major;
  if (first && !from_life && !from_reprieve && regime != Regime::k1997) {
    std::optional<Date> base = st_.restart ? st_.restart : delivery_;
    std::string_view rule = "JX-START-01";
    std::optional<Period> need;
    Severity sev = Severity::kViolation;
    bool shortenable = s_.penalty == Penalty::kSurveillance ||
                       s_.penalty == Penalty::kCriminalDetention;
    if (regime == Regime::k2016) {
      const Requirement r = Start2016(t, special, duty);
      need = r.period;
      rule = r.rule;
      if (judged_end_ && judged_end_.value() + 1 <
                             CorrespondingDay(s_.effective_date, P(N::kShort16Remaining))) {
        shortenable = true;
      }
    } else {  // 2012, "一般"
      rule = "JX-LEG2012";
      sev = Severity::kWarning;
      need = P(N::kStart12From5y);
      if (t < 60) shortenable = true;  // 第6条: under five years "may shorten" 
      if (judged_end_ && judged_end_.value() + 1 <
                             CorrespondingDay(s_.effective_date, P(N::kShort12Remaining))) {
        shortenable = true;
      }
    }
    if (st_.restart) rule = "JX-START-07";
    if (!base) {
      // 管制 is executed in the community: no delivery, and its start time may be shortened.
      if (!shortenable) {
        Add(j, rule, Severity::kMissing, Msg::kMissingFact)
            .Add(Value::OfText("fact", "delivery_date"));
      }
    } else if (need && !exempt) {
      const Date earliest = CorrespondingDay(*base, *need);
      if (act < earliest) {
        const Date relaxed = CorrespondingDay(*base, TwoThirds(*need));
        if (shortenable) {
          Add(j, "JX-SHORT-01", Severity::kInfo, Msg::kStartShortened)
              .Add(Value::OfDate("delivery_date", *base))
              .Add(Value::OfPeriod("required_period", *need))
              .Add(Value::OfDate("earliest_proposal_date", earliest))
              .Add(Value::OfDate("proposal_date", act));
        } else if (relax && act >= relaxed) {
          Add(j, RelaxRule(), Severity::kInfo, Msg::kStartRelaxed)
              .Add(Value::OfPeriod("required_period", *need))
              .Add(Value::OfDate("relaxed_earliest_date", relaxed))
              .Add(Value::OfDate("proposal_date", act));
        } else {
          Add(j, rule, sev, Msg::kStartTooEarly)
              .Add(Value::OfDate("delivery_date", *base))
              .Add(Value::OfMonths("original_term_months", t))
              .Add(Value::OfPeriod("required_period", *need))
              .Add(Value::OfDate("earliest_proposal_date", earliest))
              .Add(Value::OfDate("proposal_date", act))
              .Add(Value::OfDays("short_days", earliest - act));
        }
      }
    }
  }

  // ---- interval ----
  if (!first && st_.last_reduction && regime != Regime::k1997) {
    const Change& prev = *st_.last_reduction;
    const std::optional<Date> base = ServedDate(prev);
    std::string_view rule = "JX-INTV-01";
    Period need{};
    Severity sev = Severity::kViolation;
    bool interval_exempt = exempt;
    if (regime == Regime::k2016) {
      const Requirement r =
          Interval2016(t, sp, duty, from_life || from_reprieve, restricted_fixed);
      need = r.period;
      rule = r.rule;
      // 第11条 (special 死缓) has no 重大立功 exemption; 第14条 allows a shorter interval.
      if (!duty && from_reprieve && special_life && !Restricted()) interval_exempt = false;
      if (!duty && !from_life && !from_reprieve && special && sp.boundary10) {
        Add(j, "JX-CONV-03", Severity::kInfo, Msg::kTenYearBoundary)
            .Add(Value::OfMonths("original_term_months", t));
      }
    } else {
      need = P(N::kIntv12);
      rule = "JX-LEG2012";
      sev = Severity::kWarning;
    }
    if (!base) {
      Add(j, rule, Severity::kMissing, Msg::kMissingFact)
          .Add(Value::OfText("fact", "previous_effective_date"));
    } else if (!interval_exempt) {
      const Date earliest = CorrespondingDay(*base, need);
      const Date relaxed = CorrespondingDay(*base, TwoThirds(need));
      if (act < earliest && !(relax && act >= relaxed)) {
        Add(j, rule, sev, Msg::kIntervalTooShort)
            .Add(Value::OfDate("previous_effective_date", *base))
            .Add(Value::OfDate("proposal_date", act))
            .Add(Value::OfDays("interval_days", act - *base))
            .Add(Value::OfPeriod("required_interval", need))
            .Add(Value::OfDays("required_days", earliest - *base))
            .Add(Value::OfDate("earliest_proposal_date", earliest));
      } else if (act < earliest) {
        Add(j, RelaxRule(), Severity::kInfo, Msg::kStartRelaxed)
            .Add(Value::OfPeriod("required_period", need))
            .Add(Value::OfDate("relaxed_earliest_date", relaxed))
            .Add(Value::OfDate("proposal_date", act));
      }
      // JX-INTV-02: not shorter than the previous reduction (2016 第6条第3款).
      if (regime == Regime::k2016 && prev.type == ChangeType::kCommutation &&
          (prev.reduction_months || prev.reduction_days)) {
        const Period prev_cut = CutOf(prev);
        const Date by_cut = CorrespondingDay(*base, prev_cut);
        if (act < by_cut && !(relax && act >= CorrespondingDay(*base, TwoThirds(prev_cut)))) {
          Add(j, "JX-INTV-02", Severity::kViolation, Msg::kIntervalBelowPrevious)
              .Add(Value::OfDate("previous_effective_date", *base))
              .Add(Value::OfPeriod("previous_reduction", prev_cut))
              .Add(Value::OfDate("proposal_date", act))
              .Add(Value::OfDays("interval_days", act - *base))
              .Add(Value::OfDate("earliest_proposal_date", by_cut));
        }
      }
    }
  }

  // ---- cap ----
  if (cut && regime != Regime::k1997) {
    std::optional<Period> cap;
    std::optional<Period> ordinary;
    std::string_view rule = "JX-CAP-01";
    Severity sev = Severity::kViolation;
    if (regime == Regime::k2016) {
      switch (ch.basis) {
        case Basis::kRepentance:
        case Basis::kMerit:
          ordinary = P(N::kCap16Repentance);
          break;
        case Basis::kRepentanceMerit:
          ordinary = P(N::kCap16RepentanceMerit);
          break;
        case Basis::kMajorMerit:
          ordinary = P(N::kCap16MajorMerit);
          break;
        case Basis::kRepentanceMajorMerit:
          ordinary = P(N::kCap16RepentanceMajorMerit);
          break;
        case Basis::kNone:
          break;
      }
      cap = ordinary;
      if (restricted_fixed) {
        cap = P(major ? N::kCap16RestrictedMajorMerit : N::kCap16Restricted);
        rule = "JX-CAP-07";
      } else if (duty && ch.basis != Basis::kNone) {
        rule = "JX-CAP-03";
        cap = ch.basis == Basis::kRepentance || ch.basis == Basis::kMerit
                  ? P(N::kCap19Repentance)
              : ch.basis == Basis::kRepentanceMerit ? P(N::kCap19RepentanceMerit)
                                                    : P(N::kCap19MajorMerit);
      } else if (special || special_life) {
        rule = special_life ? (from_life ? "JX-CAP-05" : "JX-CAP-06") : "JX-CAP-02";
        if (cap) cap = Shorter(P(N::kCap16Special), *cap) ? P(N::kCap16Special) : *cap;
      }
    } else {  // 2012: "一般"
      rule = "JX-LEG2012";
      sev = Severity::kWarning;
      cap = ch.basis == Basis::kRepentance || ch.basis == Basis::kMerit ? P(N::kCap12Repentance)
                                                                         : P(N::kCap12Major);
    }
    if (!cap) {
      Add(j, rule, Severity::kMissing, Msg::kMissingFact).Add(Value::OfText("fact", "basis"));
    } else {
      const Period allowed = relax ? FourThirds(*cap) : *cap;
      bool over = false;
      if (cut->days == 0 && allowed.days == 0) {
        over = cut->total_months() > allowed.total_months();
      } else if (st_.stated_end || st_.law_end) {
        const Date from = st_.stated_end ? *st_.stated_end : *st_.law_end;
        const int cut_days = from - (AddMonths(from, -cut->total_months()) - cut->days);
        const int cap_days = from - (AddMonths(from, -allowed.total_months()) - allowed.days);
        over = cut_days > cap_days;
      } else {
        over = Key(*cut) > Key(allowed);
      }
      if (over) {
        Add(j, rule, sev, Msg::kCapExceeded)
            .Add(Value::OfText("basis", ch.basis == Basis::kRepentance  ? "repentance"
                                        : ch.basis == Basis::kMerit     ? "merit"
                                        : ch.basis == Basis::kRepentanceMerit ? "repentance_merit"
                                        : ch.basis == Basis::kMajorMerit ? "major_merit"
                                                                         : "repentance_major_merit"))
            .Add(Value::OfPeriod("reduction", *cut))
            .Add(Value::OfPeriod("cap", allowed))
            .Add(Value::OfMonths("original_term_months", t));
      } else if (relax && Shorter(*cap, *cut)) {
        Add(j, RelaxRule(), Severity::kInfo, Msg::kStartRelaxed)
            .Add(Value::OfPeriod("cap", *cap))
            .Add(Value::OfPeriod("relaxed_cap", allowed));
      } else if (regime == Regime::k2016 && special && !duty && !restricted_fixed && ordinary &&
                 !Shorter(*cut, *ordinary) && !Shorter(P(N::kCap16Special), *ordinary) &&
                 *cut == *ordinary) {
        Add(j, "JX-CAP-02", Severity::kWarning, Msg::kCapNotStricter)
            .Add(Value::OfPeriod("reduction", *cut))
            .Add(Value::OfPeriod("ordinary_cap", *ordinary));
      }
    }
  }

  // ---- computed end and floor ----
  std::optional<Date> end_after;
  std::optional<Date> stated_expected;
  if (cut && st_.law_end) end_after = AddMonths(*st_.law_end, -cut->total_months()) - cut->days;
  if (cut && st_.stated_end) {
    stated_expected = AddMonths(*st_.stated_end, -cut->total_months()) - cut->days;
  }
  j.term_end_before = st_.law_end;
  j.term_end_after = end_after;
  if (cut) CheckFloor(ch, j, end_after);
  if (ch.decided()) CheckNewEnd(ch, j, end_after, stated_expected);
}

void Engine::CheckFloor(const Change& ch, ChangeJudgment& j, std::optional<Date> end_after) {
  const int t = s_.term_months;
  if (st_.phase == Phase::kFixed) {
    const int months = st_.cut_months + ch.reduction_months.value_or(0);
    const int days = st_.cut_days + ch.reduction_days.value_or(0);
    const Period half = Half(t);
    bool broken;
    std::optional<Date> floor_date;
    if (credited_start_) floor_date = CorrespondingDay(*credited_start_, half);
    if (days == 0) {
      broken = months * 2 > t;
    } else if (end_after && floor_date) {
      broken = *end_after + 1 < *floor_date;
    } else {
      Add(j, "JX-FLOOR-01", Severity::kMissing, Msg::kMissingFact)
          .Add(Value::OfText("fact", "term_start"));
      return;
    }
    if (broken) {
      Finding& f = Add(j, "JX-FLOOR-01", Severity::kViolation, Msg::kFloorBroken)
                       .Add(Value::OfMonths("original_term_months", t))
                       .Add(Value::OfPeriod("reductions_total", Period{0, months, days}))
                       .Add(Value::OfPeriod("floor", half));
      if (floor_date) f.Add(Value::OfDate("floor_date", *floor_date));
      if (end_after) f.Add(Value::OfDate("term_end_after", *end_after));
    }
    return;
  }
  if (!end_after) return;
  // Life and 死缓: the date the person would walk out must not come before the floor.
  std::optional<Date> floor_date;
  std::string_view rule;
  Period need{};
  if (Restricted()) {
    const Date base = o_.restricted_floor_counts_reprieve ? s_.effective_date : ReprieveExpiry();
    need = P(st_.restricted_direct_fixed ? N::kFloorRestrictedFixed : N::kFloorRestrictedLife);
    floor_date = CorrespondingDay(base, need);
    rule = "JX-FLOOR-03";
  } else if (OriginalReprieve()) {
    need = P(N::kFloorReprieve);
    floor_date = CorrespondingDay(ReprieveExpiry(), need);
    rule = "JX-FLOOR-04";
  } else if (Original(Penalty::kLife)) {
    need = P(s_.effective_date >= kAmendment8From ? N::kFloorLife : N::kFloorLifePre2011);
    floor_date = CorrespondingDay(s_.effective_date, need);
    rule = "JX-FLOOR-02";
  }
  if (floor_date && *end_after + 1 < *floor_date) {
    Add(j, rule, Severity::kViolation, Msg::kFloorBroken)
        .Add(Value::OfPeriod("floor", need))
        .Add(Value::OfDate("floor_date", *floor_date))
        .Add(Value::OfDate("term_end_after", *end_after));
  }
}

void Engine::CheckNewEnd(const Change& ch, ChangeJudgment& j, std::optional<Date> computed,
                         std::optional<Date> stated_expected) {
  if (!ch.new_term_end) return;
  const Date stated = *ch.new_term_end;
  const std::optional<Date> expected = stated_expected ? stated_expected : computed;
  if (!expected) return;
  // A reduction in whole months may also be read from the term start (corr(start, T − cut)).
  std::optional<Date> alternative;
  if (st_.phase == Phase::kFixed && ch.reduction_months && !ch.reduction_days && !st_.cuts_in_days &&
      s_.term_start) {
    const int left = s_.term_months - st_.cut_months - *ch.reduction_months;
    if (left > 0) alternative = TermEnd(*s_.term_start, Period::Months(left)) - s_.custody_credit_days;
  }
  if (stated != *expected && (!alternative || stated != *alternative)) {
    Add(j, "JX-CONV-01", Severity::kViolation, Msg::kNewEndMismatch)
        .Add(Value::OfDate("previous_term_end", st_.stated_end ? *st_.stated_end : *st_.law_end))
        .Add(Value::OfPeriod("reduction", CutOf(ch)))
        .Add(Value::OfDate("stated_new_term_end", stated))
        .Add(Value::OfDate("computed_new_term_end", *expected))
        .Add(Value::OfDays("difference_days", stated - *expected));
  }
}

// Life → fixed, 死缓 → life, 死缓 → fixed (JX-TERM-05, JX-START-04/05/06, JX-CAP-04/05/06).
void Engine::CheckConversion(const Change& ch, Date act, ChangeJudgment& j) {
  const Regime regime = j.regime;
  const bool duty = j.embezzlement_2019;
  const bool special =
      Para1(act) || Has(Category::kViolentCrime) || Has(Category::kViolent10y);
  ChangeType type = ch.type;
  if (type == ChangeType::kCommutation) {
    type = st_.phase == Phase::kReprieve ? ChangeType::kReprieveToLife : ChangeType::kLifeToFixed;
  }

  if (type == ChangeType::kReprieveToLife || type == ChangeType::kReprieveToFixed) {
    if (!OriginalReprieve() || st_.phase != Phase::kReprieve) {
      Add(j, "JX-TERM-05", Severity::kWarning, Msg::kMissingFact)
          .Add(Value::OfText("fact", "penalty"));
      return;
    }
    const Date expiry = ReprieveExpiry();
    if (ch.decision_date && *ch.decision_date < expiry) {
      Add(j, "JX-TERM-05", Severity::kViolation, Msg::kReprieveReducedEarly)
          .Add(Value::OfDate("effective_date", s_.effective_date))
          .Add(Value::OfDate("reprieve_expiry", expiry))
          .Add(Value::OfDate("decision_date", *ch.decision_date));
    }
    if (type == ChangeType::kReprieveToFixed) {
      if (!HasMajorMerit(ch.basis)) {
        Add(j, "JX-TERM-05", Severity::kViolation, Msg::kReprieveToFixedNoMerit);
      }
      const int want = P(N::kReprieveToFixedTerm).total_months();
      if (ch.new_term_months && *ch.new_term_months != want) {
        Add(j, "JX-TERM-05", Severity::kViolation, Msg::kConversionTerm)
            .Add(Value::OfMonths("new_term_months", *ch.new_term_months))
            .Add(Value::OfMonths("min_months", want))
            .Add(Value::OfMonths("max_months", want));
      }
      const Date end = TermEnd(expiry, Period::Months(ch.new_term_months.value_or(want)));
      j.term_end_after = end;
      if (ch.decided() && ch.new_term_end && *ch.new_term_end != end) {
        Add(j, "JX-TERM-05", Severity::kViolation, Msg::kConversionEndMismatch)
            .Add(Value::OfDate("term_start", expiry))
            .Add(Value::OfDate("stated_new_term_end", *ch.new_term_end))
            .Add(Value::OfDate("computed_new_term_end", end));
      }
    }
    return;
  }

  // Life → fixed term.
  if (st_.phase != Phase::kLife && st_.phase != Phase::kLifeFromReprieve) {
    Add(j, "JX-TERM-05", Severity::kWarning, Msg::kMissingFact).Add(Value::OfText("fact", "penalty"));
    return;
  }
  const bool from_reprieve = st_.phase == Phase::kLifeFromReprieve;
  if (regime == Regime::k1997) {
    Add(j, "JX-LEG1997", Severity::kWarning, Msg::kUnconfirmedRegime)
        .Add(Value::OfText("regime", RegimeName(regime)));
  } else {
    // Start time.
    std::optional<Date> base;
    Period need{};
    std::string_view rule;
    if (from_reprieve && regime == Regime::k2012) {
      base.reset();  // 法释〔2012〕2号 第9条 gives no start time after the reprieve
    } else if (from_reprieve) {
      base = st_.phase_start;
      rule = Restricted() ? "JX-START-06" : "JX-START-05";
      need = Restricted() ? P(N::kStart16ReprieveLifeRestricted)
             : duty       ? P(N::kStart19Life)
                          : P(N::kStart16ReprieveLife);
      if (duty) rule = "JX-START-03";
    } else {
      base = o_.life_start_from_effective ? std::optional<Date>(s_.effective_date) : delivery_;
      rule = "JX-START-04";
      need = P(N::kStart16Life);
      if (regime == Regime::k2012) {
        need = P(N::kStart12Life);
        rule = "JX-LEG2012";
      } else if (duty) {
        need = P(N::kStart19Life);
        rule = "JX-START-03";
      } else if (special) {
        need = P(N::kStart16LifeSpecial);
        rule = "JX-CAP-05";
      }
    }
    if (st_.restart) {
      base = st_.restart;
      rule = "JX-START-07";
    }
    // 重大立功 lifts the start time (第8条第2款, 第9条第2款), not for 死缓 (第11条, 第13条).
    const bool exempt = HasMajorMerit(ch.basis) && !from_reprieve;
    if (!base) {
      if (!(from_reprieve && regime == Regime::k2012)) {
        Add(j, rule, Severity::kMissing, Msg::kMissingFact)
            .Add(Value::OfText("fact", "delivery_date"));
      }
    } else if (!exempt) {
      const Date earliest = CorrespondingDay(*base, need);
      const bool relax = regime == Regime::k2016 && Relaxable(act);
      if (act < earliest && !(relax && act >= CorrespondingDay(*base, TwoThirds(need)))) {
        Add(j, rule, Severity::kViolation, Msg::kStartTooEarly)
            .Add(Value::OfDate("delivery_date", *base))
            .Add(Value::OfPeriod("required_period", need))
            .Add(Value::OfDate("earliest_proposal_date", earliest))
            .Add(Value::OfDate("proposal_date", act))
            .Add(Value::OfDays("short_days", earliest - act));
      }
    }
    // The fixed term it becomes.
    int lo = 0, hi = 0;
    std::string_view term_rule = "JX-CAP-04";
    auto years = [](N n) { return P(n).total_months(); };
    const Basis b = ch.basis;
    const bool rep = b == Basis::kRepentance || b == Basis::kMerit;
    if (regime == Regime::k2012 && from_reprieve) {
      term_rule = "JX-LEG2012";  // 第9条: 25 years, or 23 with 重大立功
      lo = hi = years(HasMajorMerit(b) ? N::kReprieve12Major : N::kReprieve12Repentance);
    } else if (regime == Regime::k2012) {
      term_rule = "JX-LEG2012";
      if (HasMajorMerit(b)) {
        lo = years(N::kLife12MajorLo), hi = years(N::kLife12Lo);
      } else {
        lo = years(N::kLife12Lo), hi = years(N::kLife12Hi);
      }
    } else if (from_reprieve) {
      term_rule = "JX-CAP-06";
      if (duty) {
        term_rule = "JX-CAP-03";
        if (rep) lo = hi = years(N::kReprieve19Repentance);
        else if (b == Basis::kRepentanceMerit)
          lo = years(N::kReprieve19RepentanceMeritLo), hi = years(N::kReprieve19Repentance);
        else
          lo = years(N::kReprieve19MajorMeritLo), hi = years(N::kReprieve19RepentanceMeritLo);
      } else if (special || Restricted()) {  // 第11条; 第13条 follows it
        if (rep && b == Basis::kRepentance) lo = hi = years(N::kReprieve16Repentance);
        else lo = years(N::kReprieve16SpecialMeritLo), hi = years(N::kReprieve16Repentance);
      } else if (rep) {
        lo = hi = years(N::kReprieve16Repentance);
      } else if (b == Basis::kRepentanceMerit) {
        lo = years(N::kReprieve16RepentanceMeritLo), hi = years(N::kReprieve16Repentance);
      } else if (b == Basis::kMajorMerit) {
        lo = years(N::kReprieve16MajorMeritLo), hi = years(N::kReprieve16RepentanceMeritLo);
      } else {
        lo = years(N::kReprieve16RepMajorMeritLo), hi = years(N::kReprieve16MajorMeritLo);
      }
    } else if (duty) {
      term_rule = "JX-CAP-03";
      if (rep) lo = hi = years(N::kLife19Repentance);
      else if (b == Basis::kRepentanceMerit)
        lo = years(N::kLife19RepentanceMeritLo), hi = years(N::kLife19Repentance);
      else
        lo = years(N::kLife19MajorMeritLo), hi = years(N::kLife19RepentanceMeritLo);
    } else {
      if (rep) lo = hi = years(N::kLife16Repentance);
      else if (b == Basis::kRepentanceMerit)
        lo = years(N::kLife16RepentanceMeritLo), hi = years(N::kLife16Repentance);
      else if (b == Basis::kMajorMerit)
        lo = years(N::kLife16MajorMeritLo), hi = years(N::kLife16RepentanceMeritLo);
      else
        lo = years(N::kLife16RepMajorMeritLo), hi = years(N::kLife16MajorMeritLo);
      if (special) {
        term_rule = "JX-CAP-05";
        lo = std::max(lo, years(N::kLife16SpecialMin));
        hi = std::max(hi, lo);
      }
    }
    if (b == Basis::kNone) {
      Add(j, term_rule, Severity::kMissing, Msg::kMissingFact).Add(Value::OfText("fact", "basis"));
    } else if (!ch.new_term_months) {
      if (ch.decided()) {
        Add(j, term_rule, Severity::kMissing, Msg::kMissingFact)
            .Add(Value::OfText("fact", "new_term_months"));
      }
    } else if (*ch.new_term_months < lo || *ch.new_term_months > hi) {
      Add(j, term_rule, Severity::kViolation, Msg::kConversionTerm)
          .Add(Value::OfMonths("new_term_months", *ch.new_term_months))
          .Add(Value::OfMonths("min_months", lo))
          .Add(Value::OfMonths("max_months", hi));
    }
  }
  // Runs from the ruling (刑法 第80条).
  if (ch.decision_date && ch.new_term_months) {
    const Date end = TermEnd(*ch.decision_date, Period::Months(*ch.new_term_months));
    j.term_end_after = end;
    if (ch.new_term_end && *ch.new_term_end != end) {
      Add(j, "JX-TERM-05", Severity::kViolation, Msg::kConversionEndMismatch)
          .Add(Value::OfDate("term_start", *ch.decision_date))
          .Add(Value::OfMonths("new_term_months", *ch.new_term_months))
          .Add(Value::OfDate("stated_new_term_end", *ch.new_term_end))
          .Add(Value::OfDate("computed_new_term_end", end));
    }
    CheckFloor(ch, j, end);
  }
}

// ---------------------------------------------------------------------------------------
// Parole

void Engine::CheckParole(const Change& ch, ChangeJudgment& j) {
  const std::optional<Date> act_opt = ch.ActDate();
  if (!act_opt) {
    Add(j, "JX-CONV-04", Severity::kMissing, Msg::kMissingFact)
        .Add(Value::OfText("fact", "proposal_date"));
    return;
  }
  const Date act = *act_opt;
  if (s_.life_without_parole) {
    Add(j, "JX-FLOOR-05", Severity::kViolation, Msg::kNoCommutationAllowed)
        .Add(Value::OfText("reason", "life_without_parole"));
    return;
  }
  // Parole exists for 有期徒刑 and 无期徒刑 only (刑法 第81条).
  if (s_.penalty == Penalty::kCriminalDetention || s_.penalty == Penalty::kSurveillance) {
    Add(j, "JX-PAROLE-01", Severity::kViolation, Msg::kParoleNotForPenalty)
        .Add(Value::OfText("penalty", s_.penalty == Penalty::kSurveillance ? "surveillance"
                                                                            : "criminal_detention"));
    return;
  }
  // Absolute bars (刑法 第81条第2款).
  const bool long_term = s_.penalty == Penalty::kLife || OriginalReprieve() ||
                         (s_.penalty == Penalty::kFixedTerm && s_.term_months >= 120);
  if (Has(Category::kRecidivist)) {
    Add(j, "JX-PAROLE-04", Severity::kViolation, Msg::kParoleBarred)
        .Add(Value::OfText("category", "recidivist"));
  } else if (Has(Category::kViolent10y) || (Has(Category::kViolentCrime) && long_term)) {
    Add(j, "JX-PAROLE-04", Severity::kViolation, Msg::kParoleBarred)
        .Add(Value::OfText("category", "violent_10y"));
  }
  // Time served.
  std::optional<Date> needed;
  std::string_view rule;
  Period need{};
  if (OriginalReprieve()) {
    need = P(N::kParoleReprieve);
    needed = CorrespondingDay(ReprieveExpiry(), need);
    rule = "JX-PAROLE-03";
  } else if (Original(Penalty::kLife)) {
    need = P(s_.effective_date >= kAmendment8From ? N::kParoleLife : N::kParoleLifePre2011);
    needed = CorrespondingDay(s_.effective_date, need);
    rule = "JX-PAROLE-02";
  } else {
    need = Half(s_.term_months);
    rule = "JX-PAROLE-01";
    if (credited_start_) {
      needed = ExecutedOn(*credited_start_, need);  // escapes do not count (JX-TERM-08)
    } else {
      Add(j, rule, Severity::kMissing, Msg::kMissingFact).Add(Value::OfText("fact", "term_start"));
    }
  }
  if (needed && act < *needed) {
    Finding& f = Add(j, rule, Severity::kViolation, Msg::kParoleTooEarly)
                     .Add(Value::OfPeriod("required_served", need))
                     .Add(Value::OfDate("eligible_date", *needed))
                     .Add(Value::OfDate("proposal_date", act))
                     .Add(Value::OfDays("short_days", *needed - act));
    if (rule == "JX-PAROLE-01") {
      f.Add(Value::OfDate("term_start", *credited_start_))
          .Add(Value::OfMonths("original_term_months", s_.term_months))
          .Add(Value::OfDays("served_days", act - *credited_start_));
    }
  }
  if (j.regime != Regime::k1997) CheckProperty(act, ch.decision_date.value_or(act), j, /*parole=*/true);

  // Interval after the last commutation (JX-PAROLE-06).
  if (st_.last_commutation && j.regime != Regime::k1997) {
    const Change& prev = *st_.last_commutation;
    const std::optional<Date> base = ServedDate(prev);
    const Period prev_cut = CutOf(prev);
    Period gap;
    Severity sev = Severity::kViolation;
    if (j.regime == Regime::k2016) {
      gap = Shorter(prev_cut, P(N::kParoleBigCut16)) ? P(N::kParoleAfterCommutation16)
                                                      : P(N::kParoleAfterBigCommutation16);
    } else {
      gap = Shorter(prev_cut, P(N::kParoleBigCut12)) ? P(N::kParoleAfterCommutation12)
                                                      : P(N::kParoleAfterBigCommutation12);
      sev = Severity::kWarning;
    }
    if (base) {
      const Date earliest = CorrespondingDay(*base, gap);
      if (act < earliest) {
        // Less than 2 years left after the commutation: "may shorten" (INFO).
        const bool short_left = st_.law_end && *st_.law_end + 1 <
                                                   CorrespondingDay(*base, P(N::kParoleShortRemaining));
        Add(j, "JX-PAROLE-06", short_left ? Severity::kInfo : sev, Msg::kParoleAfterCommutation)
            .Add(Value::OfDate("previous_effective_date", *base))
            .Add(Value::OfPeriod("previous_reduction", prev_cut))
            .Add(Value::OfPeriod("required_interval", gap))
            .Add(Value::OfDate("earliest_proposal_date", earliest))
            .Add(Value::OfDate("proposal_date", act));
      }
    }
  }
  if (st_.parole_revoked) {
    Add(j, "JX-PAROLE-08", Severity::kWarning, Msg::kParoleAfterRevocation);
  }
  if (Embezzlement2019(act)) {
    Add(j, "JX-PAROLE-09", Severity::kInfo, Msg::kParoleDutyStrict);
  }
  // Probation = the unexecuted remainder (JX-TERM-07).
  if (ch.decided() && ch.probation_end) {
    std::optional<Date> expected;
    const Date release = ch.effective_date ? *ch.effective_date : *ch.decision_date;
    if (st_.phase == Phase::kLife || st_.phase == Phase::kLifeFromReprieve) {
      expected = TermEnd(release, P(N::kLifeParoleProbation));
    } else if (st_.law_end) {
      expected = *st_.law_end + uncounted_days_;
    }
    if (expected && *ch.probation_end != *expected) {
      Add(j, "JX-TERM-07", Severity::kViolation, Msg::kParoleProbationEnd)
          .Add(Value::OfDate("stated_probation_end", *ch.probation_end))
          .Add(Value::OfDate("computed_probation_end", *expected));
    }
  }
}

// ---------------------------------------------------------------------------------------
// Temporary release (暂予监外执行)

void Engine::CheckTempRelease(const Change& ch, ChangeJudgment& j) {
  const std::optional<Date> act_opt = ch.ActDate();
  if (!act_opt) {
    Add(j, "JX-CONV-04", Severity::kMissing, Msg::kMissingFact)
        .Add(Value::OfText("fact", "proposal_date"));
    return;
  }
  const Date act = *act_opt;
  const std::string_view reason = ch.reason_text;
  const bool pregnancy = Contains(reason, "怀孕") || Contains(reason, "哺乳");
  const bool self_care = Contains(reason, "生活不能自理");
  // JX-ZJ-01: 死缓 never; 无期 only for a pregnant or nursing woman.
  if (st_.phase == Phase::kReprieve) {
    Add(j, "JX-ZJ-01", Severity::kViolation, Msg::kTempReleaseIneligible)
        .Add(Value::OfText("penalty", "death_reprieve"));
    return;
  }
  if (st_.phase == Phase::kLife || st_.phase == Phase::kLifeFromReprieve) {
    if (c_.person.gender == Gender::kMale || (!reason.empty() && !pregnancy)) {
      Add(j, "JX-ZJ-01", Severity::kViolation, Msg::kTempReleaseIneligible)
          .Add(Value::OfText("penalty", "life"));
    } else if (!pregnancy) {
      Add(j, "JX-ZJ-01", Severity::kMissing, Msg::kMissingFact)
          .Add(Value::OfText("fact", "reason_text"));
    }
    return;
  }
  // JX-ZJ-03: 职务、金融、涉黑 — strict.
  if (!pregnancy && (Has(Category::kDutyCrime) || Has(Category::kFinancial) || Has(Category::kGang))) {
    Add(j, "JX-ZJ-03", Severity::kInfo, Msg::kTempReleaseStrict);
  }
  // JX-ZJ-04: minimum executed time for 累犯 and violent offenders.
  const bool violent = Has(Category::kViolent10y) || Has(Category::kViolentCrime);
  if (Has(Category::kRecidivist) || violent) {
    std::optional<Date> needed;
    Period need{};
    if (st_.phase == Phase::kFixedFromLife || st_.phase == Phase::kFixedFromReprieve) {
      need = P(N::kTempMinLifeFixed);
      if (st_.phase_start) needed = CorrespondingDay(*st_.phase_start, need);
    } else if (s_.term_months >= 120 && credited_start_) {
      need = Third(s_.term_months);
      needed = CorrespondingDay(*credited_start_, need);
    }
    if (needed && act < *needed) {
      const bool may_relax = Relaxable(act) || Contains(reason, "病危") ||
                             Contains(reason, "生命危险");
      Add(j, "JX-ZJ-04", may_relax ? Severity::kWarning : Severity::kViolation,
          Msg::kTempReleaseMinServed)
          .Add(Value::OfPeriod("required_served", need))
          .Add(Value::OfDate("eligible_date", *needed))
          .Add(Value::OfDate("proposal_date", act))
          .Add(Value::OfDays("short_days", *needed - act));
    }
  }
  // JX-ZJ-09 / JX-ZJ-10: medical reviews every 3 months while out on medical parole.
  if (!ch.decided() || pregnancy || self_care) return;
  const Date start = ch.effective_date ? *ch.effective_date : *ch.decision_date;
  Date stop = c_.as_of;
  for (const Change& other : c_.changes) {
    if (other.type == ChangeType::kRecommit && other.decision_date && *other.decision_date > start) {
      stop = std::min(stop, *other.decision_date);
    }
  }
  for (const CustodyEvent& e : c_.custody) {
    if (e.date > start && (e.kind == CustodyEventKind::kAdmitted || e.kind == CustodyEventKind::kDied ||
                           e.kind == CustodyEventKind::kReleasedExpiry)) {
      stop = std::min(stop, e.date);
    }
  }
  if (st_.law_end) stop = std::min(stop, *st_.law_end + uncounted_days_);
  std::vector<MedicalReview> reviews = c_.reviews;
  std::sort(reviews.begin(), reviews.end(),
            [](const MedicalReview& a, const MedicalReview& b) { return a.date < b.date; });
  Date last = start;
  size_t i = 0;
  int reported = 0;
  while (reported < 64) {
    while (i < reviews.size() && reviews[i].date <= last) ++i;
    const Date due = CorrespondingDay(last, P(N::kMedicalReview));
    if (due >= stop) break;  // on the due day itself the review is not yet missed
    if (i < reviews.size() && reviews[i].date <= due) {
      last = reviews[i].date;
      continue;
    }
    // Missed: the next review (if any) came late.
    Finding& f = Add(j, "JX-ZJ-09", Severity::kViolation, Msg::kReviewOverdue)
                     .Add(Value::OfDate("last_review", last))
                     .Add(Value::OfDate("due", due));
    ++reported;
    if (i < reviews.size() && reviews[i].date <= stop) {
      f.Add(Value::OfDate("review_date", reviews[i].date))
          .Add(Value::OfDays("days_late", reviews[i].date - due));
      last = reviews[i].date;
    } else {
      f.Add(Value::OfDays("days_overdue", stop - due));
      break;
    }
  }
  for (const MedicalReview& r : reviews) {
    if (r.conclusion != MedicalConclusion::kNoLongerEligible || r.date < start) continue;
    const Date due = r.date + o_.recommit_days;
    bool recommitted = false;
    for (const Change& other : c_.changes) {
      if (other.type == ChangeType::kRecommit && other.decision_date && *other.decision_date >= r.date &&
          *other.decision_date <= due) {
        recommitted = true;
      }
    }
    for (const CustodyEvent& e : c_.custody) {
      if (e.kind == CustodyEventKind::kAdmitted && e.date >= r.date && e.date <= due) recommitted = true;
    }
    if (!recommitted && c_.as_of > due) {
      Add(j, "JX-ZJ-10", Severity::kViolation, Msg::kNotRecommitted)
          .Add(Value::OfDate("review_date", r.date))
          .Add(Value::OfDate("due", due))
          .Add(Value::OfDays("recommit_days", o_.recommit_days));
    }
  }
}

// ---------------------------------------------------------------------------------------
// Procedure (JX-COURT-01/06, JX-PROS-01/02)

void Engine::CheckProcedure(const Change& ch, ChangeJudgment& j) {
  const bool court = ch.type == ChangeType::kCommutation || ch.type == ChangeType::kParole ||
                     ch.type == ChangeType::kLifeToFixed || ch.type == ChangeType::kReprieveToLife ||
                     ch.type == ChangeType::kReprieveToFixed;
  if (court && ch.proposal_date && ch.decision_date) {
    const bool no_extension = ch.type == ChangeType::kReprieveToLife ||
                              ch.type == ChangeType::kReprieveToFixed ||
                              st_.phase == Phase::kReprieve ||
                              s_.penalty == Penalty::kSurveillance ||
                              s_.penalty == Penalty::kCriminalDetention;
    // 社区矫正对象 (缓刑, 管制): 30 days, no extension (社区矫正法 第33条).
    const bool community = ch.type == ChangeType::kCommutation &&
                           ((s_.probation_months && !st_.probation_revoked) ||
                            s_.penalty == Penalty::kSurveillance);
    const Period limit = community      ? P(N::kCourtRulingCommunity)
                         : no_extension ? P(N::kCourtRuling)
                                        : Period::Months(P(N::kCourtRuling).total_months() +
                                                         P(N::kCourtRulingExt).total_months());
    const Date deadline = CorrespondingDay(*ch.proposal_date, limit);
    if (*ch.decision_date > deadline) {
      Add(j, "JX-COURT-01", Severity::kWarning, Msg::kRulingLate)
          .Add(Value::OfDate("proposal_date", *ch.proposal_date))
          .Add(Value::OfDate("decision_date", *ch.decision_date))
          .Add(Value::OfPeriod("limit", limit))
          .Add(Value::OfDate("deadline", deadline));
    }
  }
  if (court && ch.decision_date && ch.effective_date &&
      *ch.effective_date - *ch.decision_date > P(N::kRulingServeDays).days) {
    Add(j, "JX-COURT-06", Severity::kWarning, Msg::kRulingServedLate)
        .Add(Value::OfDate("decision_date", *ch.decision_date))
        .Add(Value::OfDate("effective_date", *ch.effective_date))
        .Add(Value::OfDays("days", *ch.effective_date - *ch.decision_date));
  }
  if (ch.opinion_date && ch.proposal_date &&
      (!ch.decision_date || *ch.opinion_date <= *ch.decision_date)) {
    const int days = *ch.opinion_date - *ch.proposal_date;
    const int base = P(N::kOpinionDays).days, ext = base + P(N::kOpinionExtDays).days;
    if (days > base) {
      Add(j, "JX-PROS-01", days > ext ? Severity::kWarning : Severity::kInfo, Msg::kOpinionLate)
          .Add(Value::OfDate("proposal_date", *ch.proposal_date))
          .Add(Value::OfDate("opinion_date", *ch.opinion_date))
          .Add(Value::OfDays("days", days))
          .Add(Value::OfDays("limit_days", days > ext ? ext : base));
    }
  } else if (ch.opinion == Opinion::kDisagree && ch.opinion_date && ch.decision_date &&
             *ch.opinion_date > *ch.decision_date) {
    const int days = *ch.opinion_date - *ch.decision_date;
    if (days > P(N::kCorrectionOpinionDays).days) {
      Add(j, "JX-PROS-02", Severity::kWarning, Msg::kOpinionLate)
          .Add(Value::OfDate("decision_date", *ch.decision_date))
          .Add(Value::OfDate("opinion_date", *ch.opinion_date))
          .Add(Value::OfDays("days", days))
          .Add(Value::OfDays("limit_days", P(N::kCorrectionOpinionDays).days));
    }
  }
}

// ---------------------------------------------------------------------------------------
// State transitions

void Engine::Apply(const Change& ch) {
  if (!ch.decided()) return;
  const Date decided = *ch.decision_date;
  switch (ch.type) {
    case ChangeType::kCommutation:
      if (st_.phase == Phase::kLife || st_.phase == Phase::kLifeFromReprieve ||
          st_.phase == Phase::kReprieve) {
        Change as_conversion = ch;
        as_conversion.type =
            st_.phase == Phase::kReprieve ? ChangeType::kReprieveToLife : ChangeType::kLifeToFixed;
        Apply(as_conversion);
        st_.last_reduction = &ch;
        return;
      }
      if (s_.probation_months && !st_.probation_revoked) return;
      {
        const int m = ch.reduction_months.value_or(0), d = ch.reduction_days.value_or(0);
        if (st_.phase == Phase::kFixed) {
          st_.cut_months += m;
          st_.cut_days += d;
          if (d) st_.cuts_in_days = true;
        }
        if (st_.law_end) st_.law_end = AddMonths(*st_.law_end, -m) - d;
        if (ch.new_term_end) {
          st_.stated_end = ch.new_term_end;
        } else if (st_.stated_end) {
          st_.stated_end = AddMonths(*st_.stated_end, -m) - d;
        }
      }
      st_.last_reduction = &ch;
      st_.last_commutation = &ch;
      break;
    case ChangeType::kLifeToFixed:
      st_.phase = st_.phase == Phase::kLifeFromReprieve ? Phase::kFixedFromReprieve
                                                        : Phase::kFixedFromLife;
      st_.phase_start = decided;
      if (ch.new_term_months) {
        st_.term_months = *ch.new_term_months;
        st_.law_end = TermEnd(decided, Period::Months(*ch.new_term_months));
      }
      st_.stated_end = ch.new_term_end ? ch.new_term_end : st_.law_end;
      st_.last_reduction = &ch;
      break;
    case ChangeType::kReprieveToLife:
      st_.phase = Phase::kLifeFromReprieve;
      st_.phase_start = ReprieveExpiry();
      st_.last_reduction = nullptr;  // start time (JX-START-05), not interval, governs next
      break;
    case ChangeType::kReprieveToFixed:
      st_.phase = Phase::kFixedFromReprieve;
      st_.phase_start = ReprieveExpiry();
      st_.restricted_direct_fixed = true;
      st_.term_months = ch.new_term_months.value_or(P(N::kReprieveToFixedTerm).total_months());
      st_.law_end = TermEnd(ReprieveExpiry(), Period::Months(st_.term_months));
      st_.stated_end = ch.new_term_end ? ch.new_term_end : st_.law_end;
      st_.last_reduction = &ch;
      break;
    case ChangeType::kRevokeParole: {
      st_.parole_revoked = true;
      // The unexecuted remainder runs again from re-imprisonment (刑法 第86条).
      std::optional<Date> readmitted;
      for (const CustodyEvent& e : c_.custody) {
        if (e.kind == CustodyEventKind::kAdmitted && e.date >= decided - 60 &&
            (!readmitted || e.date < *readmitted)) {
          readmitted = e.date;
        }
      }
      st_.restart = readmitted ? readmitted : std::optional<Date>(decided);
      // Find the parole release to know the remainder.
      for (const Change& other : c_.changes) {
        if (other.type == ChangeType::kParole && other.decided() && *other.decision_date <= decided &&
            st_.law_end) {
          const Date released = other.effective_date ? *other.effective_date : *other.decision_date;
          const int remainder = *st_.law_end - released;
          st_.law_end = *st_.restart + remainder;
          st_.stated_end = st_.law_end;
        }
      }
      break;
    }
    case ChangeType::kRevokeProbation:
      st_.probation_revoked = true;
      break;
    case ChangeType::kParole:
    case ChangeType::kTempRelease:
    case ChangeType::kRecommit:
      break;
  }
}

// ---------------------------------------------------------------------------------------
// Eligibility as of the data (应报未报)

void Engine::ComputeEligibility(Judgment& out) {
  Eligibility& e = out.eligibility;
  for (const Change& ch : c_.changes) {
    if (!ch.decided() && ch.proposal_date) e.pending_proposal = true;
  }
  // In custody on as_of?
  bool in = false;
  for (const CustodyEvent& ev : events_) {
    if (ev.date > c_.as_of) break;
    switch (ev.kind) {
      case CustodyEventKind::kAdmitted:
      case CustodyEventKind::kTransferredIn:
      case CustodyEventKind::kRecaptured:
        in = true;
        break;
      case CustodyEventKind::kTransferredOut:
        break;
      default:
        in = false;
    }
  }
  if (!in || s_.probation_months) return;
  if (st_.law_end && *st_.law_end < c_.as_of) return;
  const Date a = c_.as_of;
  const Regime regime = RegimeOn(a);
  if (s_.life_without_parole) {
    e.commutation = e.parole = Eligibility::Status::kBarred;
    e.commutation_rule = e.parole_rule = "JX-FLOOR-05";
    return;
  }
  const Special sp = Classify(a, s_.term_months);
  const bool special = sp.any();
  const bool duty = Embezzlement2019(a);
  // ---- commutation ----
  if (st_.phase == Phase::kReprieve) {
    e.commutation = Eligibility::Status::kEligible;
    e.commutation_from = ReprieveExpiry();
    e.commutation_rule = "JX-TERM-05";
  } else if (st_.phase == Phase::kLife || st_.phase == Phase::kLifeFromReprieve) {
    const bool from_reprieve = st_.phase == Phase::kLifeFromReprieve;
    std::optional<Date> base =
        st_.restart ? st_.restart
        : from_reprieve ? st_.phase_start
        : o_.life_start_from_effective ? std::optional<Date>(s_.effective_date) : delivery_;
    const Period need = from_reprieve ? (Restricted() ? P(N::kStart16ReprieveLifeRestricted)
                                         : duty       ? P(N::kStart19Life)
                                                      : P(N::kStart16ReprieveLife))
                        : duty    ? P(N::kStart19Life)
                        : special ? P(N::kStart16LifeSpecial)
                                  : P(N::kStart16Life);
    if (base) {
      e.commutation = Eligibility::Status::kEligible;
      e.commutation_from = CorrespondingDay(*base, need);
      e.commutation_rule = from_reprieve ? (Restricted() ? "JX-START-06" : "JX-START-05")
                           : duty        ? "JX-START-03"
                                         : "JX-START-04";
    }
  } else {
    const int t = st_.term_months;
    const bool derived = st_.phase != Phase::kFixed;
    std::optional<Date> from;
    std::string_view rule;
    if (FirstOfPhase()) {
      const std::optional<Date> base = st_.restart ? st_.restart : delivery_;
      if (base && !derived) {
        const Requirement r = Start2016(t, special, duty);
        from = CorrespondingDay(*base, r.period);
        rule = st_.restart ? "JX-START-07" : r.rule;
      }
    } else {
      const Change& prev = *st_.last_reduction;
      const std::optional<Date> base = ServedDate(prev);
      if (base) {
        const Requirement r = Interval2016(t, sp, duty, derived, /*restricted_fixed=*/false);
        from = CorrespondingDay(*base, r.period);
        rule = r.rule;
        if (prev.type == ChangeType::kCommutation) {
          const Date by_cut = CorrespondingDay(*base, CutOf(prev));
          if (by_cut > *from) {
            from = by_cut;
            rule = "JX-INTV-02";
          }
        }
      }
    }
    for (const NewCrime& nc : c_.new_crimes) {
      const Date until = CorrespondingDay(
          nc.effective_date,
          P(nc.penalty == Penalty::kLife ? N::kNewCrimeLifeWait : N::kNewCrimeFixedWait));
      if (from && until > *from) {
        from = until;
        rule = "JX-NEWCRIME-01";
      }
    }
    // The 1/2 floor leaves nothing more to cut (JX-FLOOR-01).
    if (st_.phase == Phase::kFixed && st_.cut_days == 0 && st_.cut_months * 2 >= t) {
      e.commutation = Eligibility::Status::kBarred;
      e.commutation_rule = "JX-FLOOR-01";
    } else if (from) {
      e.commutation = Eligibility::Status::kEligible;
      e.commutation_from = from;
      e.commutation_rule = rule;
      e.commutation_cap = duty ? P(N::kCap19Repentance)
                          : Restricted() && derived ? P(N::kCap16Restricted)
                                                    : P(N::kCap16Repentance);
      if (st_.phase == Phase::kFixed && st_.cut_days == 0) {
        const int room = t - st_.cut_months * 2;  // months of reduction left ×2
        if (room / 2 < e.commutation_cap->total_months()) e.commutation_cap = Half(room);
      }
    }
  }
  (void)regime;
  // ---- parole ----
  int64_t unpaid, spending;
  bool inferred_ability;
  const bool long_term = s_.penalty == Penalty::kLife || OriginalReprieve() ||
                         (s_.penalty == Penalty::kFixedTerm && s_.term_months >= 120);
  if (s_.penalty == Penalty::kCriminalDetention || s_.penalty == Penalty::kSurveillance) {
    // no parole for these penalties (刑法 第81条): not applicable
  } else if (Has(Category::kRecidivist) || Has(Category::kViolent10y) ||
      (Has(Category::kViolentCrime) && long_term)) {
    e.parole = Eligibility::Status::kBarred;
    e.parole_rule = "JX-PAROLE-04";
  } else if (AbleAndUnpaid(a, &unpaid, &spending, &inferred_ability)) {
    e.parole = Eligibility::Status::kBarred;
    e.parole_rule = "JX-PAROLE-05";
  } else {
    std::optional<Date> from;
    std::string_view rule;
    if (OriginalReprieve()) {
      if (st_.phase != Phase::kReprieve) {
        from = CorrespondingDay(ReprieveExpiry(), P(N::kParoleReprieve));
        rule = "JX-PAROLE-03";
      }
    } else if (Original(Penalty::kLife)) {
      from = CorrespondingDay(s_.effective_date, P(s_.effective_date >= kAmendment8From
                                                       ? N::kParoleLife
                                                       : N::kParoleLifePre2011));
      rule = "JX-PAROLE-02";
    } else if (credited_start_) {
      from = ExecutedOn(*credited_start_, Half(s_.term_months));
      rule = "JX-PAROLE-01";
    }
    if (from && st_.last_commutation) {
      const Change& prev = *st_.last_commutation;
      const std::optional<Date> base = ServedDate(prev);
      const Period prev_cut = CutOf(prev);
      if (base) {
        const Date after = CorrespondingDay(
            *base, Shorter(prev_cut, P(N::kParoleBigCut16)) ? P(N::kParoleAfterCommutation16)
                                                            : P(N::kParoleAfterBigCommutation16));
        if (after > *from) {
          from = after;
          rule = "JX-PAROLE-06";
        }
      }
    }
    if (from) {
      e.parole = Eligibility::Status::kEligible;
      e.parole_from = from;
      e.parole_rule = rule;
    }
  }
}

// ---------------------------------------------------------------------------------------

Judgment Engine::Run() {
  Judgment out;
  DeriveCategories();
  FindDelivery();
  out.delivery = delivery_;
  CheckSentence(out.sentence_findings);
  CheckDelivery(out.sentence_findings);
  out.credited_start = credited_start_;
  out.computed_term_end = judged_end_;

  // Initial state.
  st_.term_months = s_.term_months;
  st_.law_end = judged_end_;
  st_.stated_end = s_.term_end ? s_.term_end : judged_end_;
  switch (s_.penalty) {
    case Penalty::kLife:
      st_.phase = Phase::kLife;
      break;
    case Penalty::kDeathReprieve:
    case Penalty::kDeathReprieveRestricted:
      st_.phase = Phase::kReprieve;
      break;
    default:
      st_.phase = Phase::kFixed;
  }

  // The order the changes were made.
  std::vector<int> order(c_.changes.size());
  std::iota(order.begin(), order.end(), 0);
  auto key = [&](int i) {
    const Change& ch = c_.changes[i];
    const std::optional<Date> act = ch.ActDate();
    return std::make_tuple(act ? act->days() : INT32_MAX,
                           ch.decision_date ? ch.decision_date->days() : INT32_MAX, i);
  };
  std::sort(order.begin(), order.end(), [&](int a, int b) { return key(a) < key(b); });

  for (int i : order) {
    const Change& ch = c_.changes[i];
    ChangeJudgment j;
    j.change = i;
    const std::optional<Date> regime_date = ch.decision_date ? ch.decision_date : ch.proposal_date;
    j.regime = regime_date ? RegimeOn(*regime_date) : Regime::k2016;
    j.embezzlement_2019 = regime_date && Embezzlement2019(*regime_date);
    j.term_end_before = st_.law_end;
    switch (ch.type) {
      case ChangeType::kCommutation:
      case ChangeType::kLifeToFixed:
      case ChangeType::kReprieveToLife:
      case ChangeType::kReprieveToFixed:
        CheckCommutation(ch, j);
        break;
      case ChangeType::kParole:
        CheckParole(ch, j);
        break;
      case ChangeType::kTempRelease:
        CheckTempRelease(ch, j);
        break;
      case ChangeType::kRevokeParole:
      case ChangeType::kRevokeProbation:
      case ChangeType::kRecommit:
        break;
    }
    CheckProcedure(ch, j);
    Apply(ch);
    if (ch.decided() && IsReduction(ch.type)) j.term_end_after = st_.law_end;
    j.verdict = VerdictOf(j.findings);
    out.changes.push_back(std::move(j));
  }

  CheckRelease(out.sentence_findings);
  out.current_term_end = st_.law_end;
  out.uncounted_days = uncounted_days_;
  if (st_.law_end) out.release_due = *st_.law_end + uncounted_days_;
  out.sentence_verdict = VerdictOf(out.sentence_findings);
  out.verdict = out.sentence_verdict;
  for (const ChangeJudgment& j : out.changes) {
    if (j.verdict == Verdict::kViolation ||
        (j.verdict == Verdict::kNeedsReview && out.verdict == Verdict::kLawful)) {
      out.verdict = j.verdict;
    }
  }
  ComputeEligibility(out);
  return out;
}

}  // namespace

std::string_view VerdictCode(Verdict v) {
  switch (v) {
    case Verdict::kLawful:
      return "lawful";
    case Verdict::kViolation:
      return "violation";
    case Verdict::kNeedsReview:
      return "needs_review";
  }
  return "";
}

std::string_view VerdictLabel(Verdict v) {
  switch (v) {
    case Verdict::kLawful:
      return "合法";
    case Verdict::kViolation:
      return "违法";
    case Verdict::kNeedsReview:
      return "需人工审查";
  }
  return "";
}

std::string_view EligibilityStatusCode(Eligibility::Status s) {
  switch (s) {
    case Eligibility::Status::kEligible:
      return "eligible";
    case Eligibility::Status::kBarred:
      return "barred";
    case Eligibility::Status::kNotApplicable:
      return "not_applicable";
  }
  return "";
}

std::string_view SeverityCode(Severity s) {
  switch (s) {
    case Severity::kInfo:
      return "info";
    case Severity::kMissing:
      return "missing";
    case Severity::kWarning:
      return "warning";
    case Severity::kViolation:
      return "violation";
  }
  return "";
}

const Value* Finding::Find(std::string_view name) const {
  for (int i = 0; i < value_count; ++i) {
    if (values[i].name == name) return &values[i];
  }
  return nullptr;
}

Verdict VerdictOf(const std::vector<Finding>& findings) {
  Verdict v = Verdict::kLawful;
  for (const Finding& f : findings) {
    if (f.severity == Severity::kViolation) return Verdict::kViolation;
    if (f.severity == Severity::kWarning || f.severity == Severity::kMissing) {
      v = Verdict::kNeedsReview;
    }
  }
  return v;
}

Judgment Judge(const Case& c, const Options& options) { return Engine(c, options).Run(); }

}  // namespace zj::law
