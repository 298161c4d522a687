#pragma once
// Period: a span of years, months and days, added to dates the way Chinese law
// counts terms and procedural periods (RULEBOOK JX-CONV-01, JX-CONV-02).
//
//   CorrespondingDay(S, P) — "对应日": the day on which a term P starting on S has been
//     fully served. Months move by calendar month: same day-of-month; if S is the last
//     day of its month, or the day does not exist in the target month, the last day of
//     the target month. Then the day part is added. Half a month is 15 days.
//   TermEnd(S, P) = CorrespondingDay(S, P) − 1 day: the "至…止" date of a term.
//   A "served at least P" check is satisfied on any D ≥ CorrespondingDay(S, P).
//   Procedural periods in months (JX-CONV-02) use CorrespondingDay as the deadline.
//
// Pure and thread-safe.

#include <compare>
#include <string>

#include "common/date.h"

namespace zj {

struct Period {
  int years = 0;
  int months = 0;
  int days = 0;

  static constexpr Period Years(int y) { return {y, 0, 0}; }
  static constexpr Period Months(int m) { return {0, m, 0}; }
  static constexpr Period Days(int d) { return {0, 0, d}; }
  static constexpr Period YearsMonths(int y, int m) { return {y, m, 0}; }

  constexpr int total_months() const { return years * 12 + months; }
  // Normalised: months in 0..11 carried into years.
  constexpr Period Normalized() const { return {total_months() / 12, total_months() % 12, days}; }
  // Chinese wording as judgments print it: "1年6个月", "9个月", "15日", "0日".
  std::string ToChinese() const;

  bool operator==(const Period& o) const {
    return total_months() == o.total_months() && days == o.days;
  }
};

// Adds whole months by the JX-CONV-01 rules (negative n moves backwards by the same rules).
Date AddMonths(Date start, int months);
Date CorrespondingDay(Date start, Period p);
Date TermEnd(Date start, Period p);
inline bool HasServed(Date start, Period p, Date on) { return on >= CorrespondingDay(start, p); }

}  // namespace zj
