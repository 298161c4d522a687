#include "common/period.h"

namespace zj {

Date AddMonths(Date start, int months) {
  int y, m, d;
  start.ToCivil(&y, &m, &d);
  const bool last_day = d == DaysInMonth(y, m);
  int index = y * 12 + (m - 1) + months;
  int ty = index >= 0 ? index / 12 : (index - 11) / 12;
  int tm = index - ty * 12 + 1;
  int dim = DaysInMonth(ty, tm);
  int td = (last_day || d > dim) ? dim : d;
  return Date::FromDays(DaysFromCivil(ty, tm, td));
}

Date CorrespondingDay(Date start, Period p) { return AddMonths(start, p.total_months()) + p.days; }

Date TermEnd(Date start, Period p) { return CorrespondingDay(start, p) - 1; }

std::string Period::ToChinese() const {
  Period n = Normalized();
  std::string s;
  if (n.years) s += std::to_string(n.years) + "年";
  if (n.months) s += std::to_string(n.months) + "个月";
  if (n.days || s.empty()) s += std::to_string(n.days) + "日";
  return s;
}

}  // namespace zj
