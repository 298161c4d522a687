#pragma once
// Civil dates and instants as the law and the exchange format count them.
//
// Date: a calendar day with no time zone, stored as days since 1970-01-01 (int32),
// valid from 1900-01-01 to 2199-12-31. Parsing is strict ISO `YYYY-MM-DD`; an
// impossible day (2023-02-29) is an error, never rolled over.
//
// Timestamp: an instant, seconds since the Unix epoch (UTC). Exchange files give
// ISO 8601 with an offset or integer seconds; Beijing time (+08:00) is how we show it.
//
// Month arithmetic (AddMonths) follows RULEBOOK JX-CONV-01/02: see period.h.
// All functions are pure and thread-safe.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zj {

class Date {
 public:
  constexpr Date() = default;  // 1970-01-01
  static constexpr Date FromDays(int32_t days) { return Date(days); }
  // Returns nullopt unless y-m-d is a real calendar day in the supported range.
  static std::optional<Date> FromCivil(int year, int month, int day);
  // Strict `YYYY-MM-DD`.
  static std::optional<Date> Parse(std::string_view text);

  constexpr int32_t days() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  void ToCivil(int* year, int* month, int* day) const;
  std::string ToString() const;  // YYYY-MM-DD
  // ISO weekday: 1 = Monday … 7 = Sunday.
  int IsoWeekday() const;
  bool IsLastDayOfMonth() const;

  constexpr Date operator+(int32_t n) const { return Date(days_ + n); }
  constexpr Date operator-(int32_t n) const { return Date(days_ - n); }
  constexpr int32_t operator-(Date other) const { return days_ - other.days_; }
  constexpr auto operator<=>(const Date&) const = default;

  static constexpr int kMinYear = 1900;
  static constexpr int kMaxYear = 2199;

 private:
  constexpr explicit Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);
// Days since 1970-01-01 of a proleptic Gregorian y-m-d (no range check). constexpr, so
// that law tables can hold dates: Date::FromDays(DaysFromCivil(2017, 1, 1)).
constexpr int32_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// Seconds since the Unix epoch.
using Timestamp = int64_t;

// ISO 8601 `YYYY-MM-DDTHH:MM:SS` followed by `Z` or `±HH:MM`, or a plain integer
// (Unix seconds). Fractional seconds are not accepted.
std::optional<Timestamp> ParseTimestamp(std::string_view text);
// `YYYY-MM-DDTHH:MM:SS+08:00` (Beijing time).
std::string FormatTimestamp(Timestamp ts);
// The Beijing calendar day of an instant.
Date BeijingDate(Timestamp ts);
// The first instant of a Beijing calendar day (00:00 at UTC+8).
Timestamp BeijingDayStart(Date d);

// `YYYY-MM` months, stored as year*12 + (month-1).
std::optional<int32_t> ParseMonth(std::string_view text);
std::string FormatMonth(int32_t month_index);

}  // namespace zj
