#include "common/date.h"

#include <charconv>
#include <cstdio>

namespace zj {
namespace {

bool ParseFixedDigits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    char c = s[i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

constexpr int64_t kBeijingOffset = 8 * 3600;

}  // namespace

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

// Era-based conversion: a 400-year era has 146097 days; March-based years put the
// leap day at the end of the year so month lengths follow a simple formula.
void Date::ToCivil(int* year, int* month, int* day) const {
  const int32_t z = days_ + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = yoe + era * 400 + (*month <= 2);
}

int Date::year() const {
  int y, m, d;
  ToCivil(&y, &m, &d);
  return y;
}
int Date::month() const {
  int y, m, d;
  ToCivil(&y, &m, &d);
  return m;
}
int Date::day() const {
  int y, m, d;
  ToCivil(&y, &m, &d);
  return d;
}

std::optional<Date> Date::FromCivil(int y, int m, int d) {
  if (y < kMinYear || y > kMaxYear || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) {
    return std::nullopt;
  }
  return Date(DaysFromCivil(y, m, d));
}

std::optional<Date> Date::Parse(std::string_view s) {
  int y, m, d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !ParseFixedDigits(s, 0, 4, &y) ||
      !ParseFixedDigits(s, 5, 2, &m) || !ParseFixedDigits(s, 8, 2, &d)) {
    return std::nullopt;
  }
  return FromCivil(y, m, d);
}

std::string Date::ToString() const {
  int y, m, d;
  ToCivil(&y, &m, &d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int Date::IsoWeekday() const {
  // 1970-01-01 was a Thursday (4).
  int w = (days_ % 7 + 7 + 3) % 7;  // 0 = Monday
  return w + 1;
}

bool Date::IsLastDayOfMonth() const {
  int y, m, d;
  ToCivil(&y, &m, &d);
  return d == DaysInMonth(y, m);
}

std::optional<Timestamp> ParseTimestamp(std::string_view s) {
  if (s.empty()) return std::nullopt;
  if (s.find('T') == std::string_view::npos) {
    int64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
  }
  // YYYY-MM-DDTHH:MM:SS then Z or ±HH:MM
  if (s.size() < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':') return std::nullopt;
  auto date = Date::Parse(s.substr(0, 10));
  int hh, mm, ss;
  if (!date || !ParseFixedDigits(s, 11, 2, &hh) || !ParseFixedDigits(s, 14, 2, &mm) ||
      !ParseFixedDigits(s, 17, 2, &ss) || hh > 23 || mm > 59 || ss > 59) {
    return std::nullopt;
  }
  int64_t offset = 0;
  std::string_view tz = s.substr(19);
  if (tz == "Z") {
    offset = 0;
  } else {
    int oh, om;
    if (tz.size() != 6 || (tz[0] != '+' && tz[0] != '-') || tz[3] != ':' ||
        !ParseFixedDigits(tz, 1, 2, &oh) || !ParseFixedDigits(tz, 4, 2, &om) || oh > 14 ||
        om > 59) {
      return std::nullopt;
    }
    offset = (oh * 3600 + om * 60) * (tz[0] == '-' ? -1 : 1);
  }
  return int64_t{date->days()} * 86400 + hh * 3600 + mm * 60 + ss - offset;
}

std::string FormatTimestamp(Timestamp ts) {
  const int64_t local = ts + kBeijingOffset;
  int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  int64_t sec = local - days * 86400;
  Date d = Date::FromDays(static_cast<int32_t>(days));
  char buf[40];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d+08:00", d.ToString().c_str(),
                static_cast<int>(sec / 3600), static_cast<int>(sec / 60 % 60),
                static_cast<int>(sec % 60));
  return buf;
}

Timestamp BeijingDayStart(Date d) { return int64_t{d.days()} * 86400 - kBeijingOffset; }

Date BeijingDate(Timestamp ts) {
  const int64_t local = ts + kBeijingOffset;
  return Date::FromDays(static_cast<int32_t>(local >= 0 ? local / 86400 : (local - 86399) / 86400));
}

std::optional<int32_t> ParseMonth(std::string_view s) {
  int y, m;
  if (s.size() != 7 || s[4] != '-' || !ParseFixedDigits(s, 0, 4, &y) ||
      !ParseFixedDigits(s, 5, 2, &m) || m < 1 || m > 12 || y < Date::kMinYear ||
      y > Date::kMaxYear) {
    return std::nullopt;
  }
  return y * 12 + (m - 1);
}

std::string FormatMonth(int32_t idx) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", idx / 12, idx % 12 + 1);
  return buf;
}

}  // namespace zj
