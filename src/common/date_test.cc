#include "common/date.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "common/clock.h"

namespace zj {
namespace {

// ---------------------------------------------------------------------------
// Independent reference: plain Gregorian rules, counted one day at a time.
// Nothing here calls the code under test.
// ---------------------------------------------------------------------------
bool RefLeap(int y) {
  if (y % 400 == 0) return true;
  if (y % 100 == 0) return false;
  return y % 4 == 0;
}

int RefDim(int y, int m) {
  switch (m) {
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    case 2:
      return RefLeap(y) ? 29 : 28;
    default:
      return 31;
  }
}

std::string RefFormat(int y, int m, int d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// 1900-01-01 is 70 years before the epoch: 70*365 + 17 leap days (1904..1968).
constexpr int32_t kDaysOf19000101 = -(70 * 365 + 17);
static_assert(kDaysOf19000101 == -25567);

// ---------------------------------------------------------------------------
// Exhaustive walk over the whole supported range.
// ---------------------------------------------------------------------------
TEST(DateExhaustive, EveryDayFrom1900To2199MatchesReference) {
  int32_t counter = kDaysOf19000101;
  int weekday = 1;  // 1900-01-01 was a Monday.
  bool saw_epoch = false;
  for (int y = 1900; y <= 2199; ++y) {
    ASSERT_EQ(IsLeapYear(y), RefLeap(y)) << y;
    for (int m = 1; m <= 12; ++m) {
      const int dim = RefDim(y, m);
      ASSERT_EQ(DaysInMonth(y, m), dim) << y << "-" << m;
      ASSERT_FALSE(Date::FromCivil(y, m, 0).has_value()) << y << "-" << m;
      ASSERT_FALSE(Date::FromCivil(y, m, dim + 1).has_value()) << y << "-" << m;
      for (int d = 1; d <= dim; ++d, ++counter, weekday = weekday % 7 + 1) {
        if (y == 1970 && m == 1 && d == 1) {
          ASSERT_EQ(counter, 0);
          saw_epoch = true;
        }
        const std::string text = RefFormat(y, m, d);
        // FromDays -> ToCivil
        const Date from_days = Date::FromDays(counter);
        int cy = 0, cm = 0, cd = 0;
        from_days.ToCivil(&cy, &cm, &cd);
        ASSERT_EQ(cy, y) << text;
        ASSERT_EQ(cm, m) << text;
        ASSERT_EQ(cd, d) << text;
        ASSERT_EQ(from_days.year(), y) << text;
        ASSERT_EQ(from_days.month(), m) << text;
        ASSERT_EQ(from_days.day(), d) << text;
        // FromCivil / DaysFromCivil -> same day count
        const auto from_civil = Date::FromCivil(y, m, d);
        ASSERT_TRUE(from_civil.has_value()) << text;
        ASSERT_EQ(from_civil->days(), counter) << text;
        ASSERT_EQ(DaysFromCivil(y, m, d), counter) << text;
        // ToString -> Parse
        ASSERT_EQ(from_days.ToString(), text);
        const auto parsed = Date::Parse(text);
        ASSERT_TRUE(parsed.has_value()) << text;
        ASSERT_EQ(parsed->days(), counter) << text;
        // Weekday and month end
        ASSERT_EQ(from_days.IsoWeekday(), weekday) << text;
        ASSERT_EQ(from_days.IsLastDayOfMonth(), d == dim) << text;
      }
    }
  }
  EXPECT_TRUE(saw_epoch);
  // The day after 2199-12-31 is outside the supported range.
  EXPECT_EQ(counter, DaysFromCivil(2200, 1, 1));
  EXPECT_FALSE(Date::FromCivil(2200, 1, 1).has_value());
  EXPECT_FALSE(Date::FromCivil(1899, 12, 31).has_value());
}

TEST(DateExhaustive, EveryMonthParseFormatMonthRoundTrip) {
  for (int y = 1900; y <= 2199; ++y) {
    for (int m = 1; m <= 12; ++m) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
      auto idx = ParseMonth(buf);
      ASSERT_TRUE(idx.has_value()) << buf;
      ASSERT_EQ(*idx, y * 12 + (m - 1)) << buf;
      ASSERT_EQ(FormatMonth(*idx), buf);
    }
  }
}

// ---------------------------------------------------------------------------
// Anchors
// ---------------------------------------------------------------------------
TEST(Date, DefaultIsEpoch) {
  Date d;
  EXPECT_EQ(d.days(), 0);
  EXPECT_EQ(d.ToString(), "1970-01-01");
}

TEST(Date, KnownAnchors) {
  EXPECT_EQ(Date::FromCivil(1970, 1, 1)->days(), 0);
  EXPECT_EQ(Date::FromCivil(1970, 1, 2)->days(), 1);
  EXPECT_EQ(Date::FromCivil(1969, 12, 31)->days(), -1);
  // 2000-03-01: 30 years (7 leap days 1972..1996 → 10957 to 2000-01-01) + 31 + 29.
  EXPECT_EQ(Date::FromCivil(2000, 1, 1)->days(), 10957);
  EXPECT_EQ(Date::FromCivil(2000, 3, 1)->days(), 10957 + 31 + 29);
  EXPECT_EQ(Date::FromCivil(1900, 1, 1)->days(), -25567);
  // 2025-01-01T00:00:00Z = 1735689600 s = 20089 days.
  EXPECT_EQ(Date::FromCivil(2025, 1, 1)->days(), 1735689600 / 86400);
  EXPECT_EQ(Date::FromDays(0).ToString(), "1970-01-01");
  EXPECT_EQ(Date::FromDays(10957 + 60).ToString(), "2000-03-01");
}

TEST(Date, LeapDays) {
  EXPECT_TRUE(Date::FromCivil(2024, 2, 29).has_value());
  EXPECT_TRUE(Date::FromCivil(2000, 2, 29).has_value());
  EXPECT_FALSE(Date::FromCivil(2023, 2, 29).has_value());
  EXPECT_FALSE(Date::FromCivil(1900, 2, 29).has_value());
  EXPECT_FALSE(Date::FromCivil(2100, 2, 29).has_value());
  EXPECT_TRUE(Date::Parse("2024-02-29").has_value());
  EXPECT_TRUE(Date::Parse("2000-02-29").has_value());
  EXPECT_FALSE(Date::Parse("2023-02-29").has_value());
  EXPECT_FALSE(Date::Parse("1900-02-29").has_value());
  EXPECT_FALSE(Date::Parse("2100-02-29").has_value());
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_FALSE(IsLeapYear(2100));
  EXPECT_FALSE(IsLeapYear(2023));
}

TEST(Date, FromCivilRejectsOutOfRangeFields) {
  EXPECT_FALSE(Date::FromCivil(2023, 0, 1).has_value());
  EXPECT_FALSE(Date::FromCivil(2023, 13, 1).has_value());
  EXPECT_FALSE(Date::FromCivil(2023, 1, 0).has_value());
  EXPECT_FALSE(Date::FromCivil(2023, 1, 32).has_value());
  EXPECT_FALSE(Date::FromCivil(2023, 4, 31).has_value());
  EXPECT_FALSE(Date::FromCivil(2023, -1, 1).has_value());
  EXPECT_FALSE(Date::FromCivil(1899, 12, 31).has_value());
  EXPECT_FALSE(Date::FromCivil(2200, 1, 1).has_value());
  EXPECT_FALSE(Date::FromCivil(0, 1, 1).has_value());
  EXPECT_TRUE(Date::FromCivil(1900, 1, 1).has_value());
  EXPECT_TRUE(Date::FromCivil(2199, 12, 31).has_value());
}

TEST(Date, ParseAcceptsStrictIso) {
  auto d = Date::Parse("2023-02-01");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->year(), 2023);
  EXPECT_EQ(d->month(), 2);
  EXPECT_EQ(d->day(), 1);
  EXPECT_TRUE(Date::Parse("1900-01-01").has_value());
  EXPECT_TRUE(Date::Parse("2199-12-31").has_value());
}

TEST(Date, ParseRejectsEverythingElse) {
  const std::vector<std::string> bad = {
      "",
      "2023-2-01",
      "2023-02-1",
      "2023/02/01",
      "20230201",
      " 2023-02-01",
      "2023-02-01 ",
      "2023-02-01\n",
      "2023-02-01T00:00:00Z",
      "2023-13-01",
      "2023-00-10",
      "2023-04-31",
      "2023-02-29",
      "2023-01-00",
      "2023-01-32",
      "0000-01-01",
      "1899-12-31",
      "2200-01-01",
      "9999-12-31",
      "+2023-02-01",
      "-023-02-01",
      "2023-0a-01",
      "2023-02-0x",
      "2023_02_01",
      "23-02-01",
      "2023-02-+1",
      "2023-02- 1",
      "2023-1/-01",  // '/' is just below '0': a lax digit check would read month 9
      "2023-02-1/",
      "20/3-02-01",
      "\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x93-02-01",  // full-width digits
  };
  for (const auto& s : bad) {
    EXPECT_FALSE(Date::Parse(s).has_value()) << "accepted: \"" << s << "\"";
  }
  // An embedded NUL must not end the string early.
  EXPECT_FALSE(Date::Parse(std::string_view("2023-02-01\0", 11)).has_value());
  EXPECT_FALSE(Date::Parse(std::string_view("2023-0\0-01", 10)).has_value());
}

TEST(Date, IsoWeekdayKnownDates) {
  struct Row {
    const char* date;
    int weekday;
  };
  const Row rows[] = {
      {"1900-01-01", 1},  // Monday
      {"1969-12-31", 3},  // Wednesday
      {"1970-01-01", 4},  // Thursday
      {"1970-01-04", 7},  // Sunday
      {"1970-01-05", 1},  // Monday
      {"2000-01-01", 6},  // Saturday
      {"2000-02-29", 2},  // Tuesday
      {"2021-03-01", 1},  // Monday (法释〔2021〕1号 in force)
      {"2024-02-29", 4},  // Thursday
      {"2025-03-01", 6},  // Saturday
      {"2100-01-01", 5},  // Friday
      {"2199-12-31", 2},  // Tuesday
  };
  for (const auto& r : rows) {
    auto d = Date::Parse(r.date);
    ASSERT_TRUE(d.has_value()) << r.date;
    EXPECT_EQ(d->IsoWeekday(), r.weekday) << r.date;
  }
}

TEST(Date, IsLastDayOfMonth) {
  EXPECT_TRUE(Date::Parse("2023-01-31")->IsLastDayOfMonth());
  EXPECT_TRUE(Date::Parse("2023-02-28")->IsLastDayOfMonth());
  EXPECT_FALSE(Date::Parse("2024-02-28")->IsLastDayOfMonth());
  EXPECT_TRUE(Date::Parse("2024-02-29")->IsLastDayOfMonth());
  EXPECT_TRUE(Date::Parse("2100-02-28")->IsLastDayOfMonth());
  EXPECT_TRUE(Date::Parse("2000-02-29")->IsLastDayOfMonth());
  EXPECT_FALSE(Date::Parse("2000-02-28")->IsLastDayOfMonth());
  EXPECT_TRUE(Date::Parse("2023-04-30")->IsLastDayOfMonth());
  EXPECT_FALSE(Date::Parse("2023-05-30")->IsLastDayOfMonth());
  EXPECT_TRUE(Date::Parse("2023-12-31")->IsLastDayOfMonth());
  EXPECT_FALSE(Date::Parse("2023-12-01")->IsLastDayOfMonth());
}

TEST(Date, Arithmetic) {
  const Date a = *Date::Parse("2024-02-28");
  EXPECT_EQ((a + 1).ToString(), "2024-02-29");
  EXPECT_EQ((a + 2).ToString(), "2024-03-01");
  EXPECT_EQ((a - 59).ToString(), "2023-12-31");
  EXPECT_EQ(*Date::Parse("2025-01-01") - *Date::Parse("2024-01-01"), 366);
  EXPECT_EQ(*Date::Parse("2024-01-01") - *Date::Parse("2025-01-01"), -366);
  EXPECT_EQ(*Date::Parse("2101-01-01") - *Date::Parse("2100-01-01"), 365);
  EXPECT_LT(*Date::Parse("2024-02-28"), *Date::Parse("2024-02-29"));
  EXPECT_GT(*Date::Parse("2100-01-01"), *Date::Parse("2099-12-31"));
  EXPECT_EQ(*Date::Parse("2024-02-29"), Date::FromCivil(2024, 2, 29));
  EXPECT_NE(*Date::Parse("2024-02-29"), *Date::Parse("2024-03-01"));
}

// ---------------------------------------------------------------------------
// Timestamps
// ---------------------------------------------------------------------------
// 2025-01-01T00:00:00Z (checked with `date -u`), plus Jan (31) and Feb (28) days.
constexpr Timestamp k20250301Utc = 1735689600 + 59 * 86400;

TEST(Timestamp, ParseIso) {
  EXPECT_EQ(ParseTimestamp("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(ParseTimestamp("1970-01-01T08:00:00+08:00"), 0);
  EXPECT_EQ(ParseTimestamp("1969-12-31T19:00:00-05:00"), 0);
  EXPECT_EQ(ParseTimestamp("2025-01-01T00:00:00Z"), 1735689600);
  EXPECT_EQ(ParseTimestamp("2025-03-01T00:00:00Z"), k20250301Utc);
  EXPECT_EQ(ParseTimestamp("2025-03-01T08:30:00+08:00"), k20250301Utc + 30 * 60);
  EXPECT_EQ(ParseTimestamp("2025-03-01T08:30:00-05:30"), k20250301Utc + 14 * 3600);
  EXPECT_EQ(ParseTimestamp("2025-03-01T23:59:59Z"), k20250301Utc + 86399);
  EXPECT_EQ(ParseTimestamp("2025-03-01T00:00:00+00:00"), k20250301Utc);
  EXPECT_EQ(ParseTimestamp("2025-03-01T00:00:00-00:00"), k20250301Utc);
  // Offset moves the instant across a day boundary.
  EXPECT_EQ(ParseTimestamp("2025-03-02T00:00:00+08:00"), k20250301Utc + 16 * 3600);
  EXPECT_EQ(ParseTimestamp("2025-02-28T20:00:00-04:00"), k20250301Utc);
  // Pre-1970 instants are negative.
  EXPECT_EQ(ParseTimestamp("1969-12-31T23:59:59Z"), -1);
  EXPECT_EQ(ParseTimestamp("1900-01-01T00:00:00Z"), int64_t{-25567} * 86400);
}

TEST(Timestamp, ParseInteger) {
  EXPECT_EQ(ParseTimestamp("0"), 0);
  EXPECT_EQ(ParseTimestamp("1740789000"), k20250301Utc + 30 * 60);
  // The code reads integers with from_chars: a leading '-' is accepted (pre-1970),
  // a leading '+' is not.
  EXPECT_EQ(ParseTimestamp("-86400"), -86400);
  EXPECT_FALSE(ParseTimestamp("+5").has_value());
  EXPECT_FALSE(ParseTimestamp(" 5").has_value());
  EXPECT_FALSE(ParseTimestamp("5 ").has_value());
  EXPECT_FALSE(ParseTimestamp("1.5").has_value());
  EXPECT_FALSE(ParseTimestamp("1e3").has_value());
  EXPECT_FALSE(ParseTimestamp("0x10").has_value());
  EXPECT_FALSE(ParseTimestamp("-").has_value());
  EXPECT_FALSE(ParseTimestamp("").has_value());
  EXPECT_FALSE(ParseTimestamp("99999999999999999999").has_value());  // int64 overflow
}

TEST(Timestamp, ParseRejects) {
  const std::vector<std::string> bad = {
      "2025-03-01 08:30:00+08:00",  // space instead of T
      "2025-03-01T08:30:00",        // missing offset
      "2025-03-01T24:00:00+08:00",  // hour 24
      "2025-03-01T08:60:00+08:00",
      "2025-03-01T08:30:60+08:00",  // no leap seconds
      "2025-03-01T08:30:00.5+08:00",
      "2025-03-01T08:30:00.000Z",
      "2025-03-01T08:30:00+0800",
      "2025-03-01T08:30:00+08-00",
      "2025-03-01T08:30:00 08:00",
      "2025-03-01T08:30:00*08:00",
      "2025-03-01T08:30:00+08",
      "2025-03-01T08:30:00 +08:00",
      "2025-03-01T08:30:00+08:60",
      "2025-03-01T08:30:00+15:00",
      "2025-03-01T08:30:00z",
      "2025-03-01t08:30:00Z",
      "2025-03-01T08:30:00ZZ",
      "2025-03-01T08:30:00+08:00Z",
      "2025-03-01T8:30:00+08:00",
      "2025-03-01T1/:30:00+08:00",
      "2025-03-01T08:30:00+0/:00",
      "2025-03-01T08:3:00+08:00",
      "2025-03-01T08:30-00+08:00",
      "2025-03-01T08-30:00+08:00",
      "2025-03-01X08:30:00+08:00",
      "2025-02-29T00:00:00Z",  // not a real day
      "2025-3-01T08:30:00+08:00",
      "1899-12-31T23:59:59Z",
      "2025-03-01T",
      "T",
  };
  for (const auto& s : bad) {
    EXPECT_FALSE(ParseTimestamp(s).has_value()) << "accepted: \"" << s << "\"";
  }
}

TEST(Timestamp, FormatInBeijingTime) {
  EXPECT_EQ(FormatTimestamp(0), "1970-01-01T08:00:00+08:00");
  EXPECT_EQ(FormatTimestamp(-1), "1970-01-01T07:59:59+08:00");
  EXPECT_EQ(FormatTimestamp(-8 * 3600), "1970-01-01T00:00:00+08:00");
  EXPECT_EQ(FormatTimestamp(-8 * 3600 - 1), "1969-12-31T23:59:59+08:00");
  EXPECT_EQ(FormatTimestamp(k20250301Utc), "2025-03-01T08:00:00+08:00");
  // 15:59:59Z is still the same Beijing day; 16:00Z is next day 00:00.
  EXPECT_EQ(FormatTimestamp(k20250301Utc + 16 * 3600 - 1), "2025-03-01T23:59:59+08:00");
  EXPECT_EQ(FormatTimestamp(k20250301Utc + 16 * 3600), "2025-03-02T00:00:00+08:00");
  // Year boundary: 2024-12-31T16:00:00Z = 2025-01-01 00:00 Beijing.
  EXPECT_EQ(FormatTimestamp(1735689600 - 8 * 3600), "2025-01-01T00:00:00+08:00");
  EXPECT_EQ(FormatTimestamp(1735689600 - 8 * 3600 - 1), "2024-12-31T23:59:59+08:00");
  // Leap day.
  EXPECT_EQ(FormatTimestamp(k20250301Utc - 365 * 86400 - 8 * 3600 - 1),
            "2024-02-29T23:59:59+08:00");
}

TEST(Timestamp, FormatParseRoundTripAcrossRange) {
  // From 1900-01-01T00:00:00+08:00 to 2199-12-31T23:59:59+08:00, with a step that is
  // prime so the time of day keeps changing.
  const Timestamp lo = int64_t{-25567} * 86400 - 8 * 3600;
  const Timestamp hi = int64_t{DaysFromCivil(2200, 1, 1)} * 86400 - 8 * 3600 - 1;
  ASSERT_EQ(ParseTimestamp("1900-01-01T00:00:00+08:00"), lo);
  ASSERT_EQ(ParseTimestamp("2199-12-31T23:59:59+08:00"), hi);
  EXPECT_EQ(FormatTimestamp(lo), "1900-01-01T00:00:00+08:00");
  EXPECT_EQ(FormatTimestamp(hi), "2199-12-31T23:59:59+08:00");
  int n = 0;
  for (Timestamp ts = lo; ts <= hi; ts += 86413 * 7 + 1) {  // ~ every week, drifting
    const std::string s = FormatTimestamp(ts);
    ASSERT_EQ(s.size(), 25u) << s;
    ASSERT_EQ(s.substr(19), "+08:00") << s;
    ASSERT_EQ(ParseTimestamp(s), ts) << s;
    // The date part is the Beijing date.
    ASSERT_EQ(BeijingDate(ts).ToString(), s.substr(0, 10)) << s;
    ++n;
  }
  EXPECT_GT(n, 15000);
}

TEST(Timestamp, BeijingDate) {
  EXPECT_EQ(BeijingDate(0).ToString(), "1970-01-01");
  EXPECT_EQ(BeijingDate(-8 * 3600).ToString(), "1970-01-01");
  EXPECT_EQ(BeijingDate(-8 * 3600 - 1).ToString(), "1969-12-31");
  EXPECT_EQ(BeijingDate(16 * 3600 - 1).ToString(), "1970-01-01");
  EXPECT_EQ(BeijingDate(16 * 3600).ToString(), "1970-01-02");
  EXPECT_EQ(BeijingDate(k20250301Utc + 16 * 3600 - 1).ToString(), "2025-03-01");
  EXPECT_EQ(BeijingDate(k20250301Utc + 16 * 3600).ToString(), "2025-03-02");
  EXPECT_EQ(BeijingDate(*ParseTimestamp("2025-03-01T23:30:00-05:00")).ToString(), "2025-03-02");
  EXPECT_EQ(BeijingDate(*ParseTimestamp("1900-01-01T00:00:00+08:00")).ToString(), "1900-01-01");
}

TEST(Clock, FakeClockTodayBeijing) {
  FakeClock clock(k20250301Utc + 16 * 3600 - 1);
  EXPECT_EQ(clock.Now(), k20250301Utc + 16 * 3600 - 1);
  EXPECT_EQ(clock.TodayBeijing().ToString(), "2025-03-01");
  clock.Advance(1);
  EXPECT_EQ(clock.TodayBeijing().ToString(), "2025-03-02");
  clock.Set(0);
  EXPECT_EQ(clock.TodayBeijing().ToString(), "1970-01-01");
}

// ---------------------------------------------------------------------------
// Months
// ---------------------------------------------------------------------------
TEST(Month, ParseAndFormat) {
  EXPECT_EQ(ParseMonth("2025-03"), 2025 * 12 + 2);
  EXPECT_EQ(ParseMonth("1900-01"), 1900 * 12);
  EXPECT_EQ(ParseMonth("2199-12"), 2199 * 12 + 11);
  EXPECT_EQ(FormatMonth(2025 * 12 + 2), "2025-03");
  EXPECT_EQ(FormatMonth(2024 * 12 + 11), "2024-12");
  EXPECT_EQ(FormatMonth(2025 * 12), "2025-01");
  // Consecutive months are consecutive indexes, across a year boundary.
  EXPECT_EQ(*ParseMonth("2025-01") - *ParseMonth("2024-12"), 1);
  const std::vector<std::string> bad = {
      "",         "2025-3",  "2025-13", "2025-00", "2025/03", "202503",  "2025-03-01", " 2025-03",
      "2025-03 ", "2025-1/", "1899-12", "2200-01", "0000-01", "2025-0a", "25-03",
  };
  for (const auto& s : bad) {
    EXPECT_FALSE(ParseMonth(s).has_value()) << "accepted: \"" << s << "\"";
  }
}

}  // namespace
}  // namespace zj
