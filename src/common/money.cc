#include "common/money.h"

#include <cstdio>
#include <limits>

namespace zj {

std::optional<Money> Money::ParseYuan(std::string_view s) {
  bool negative = false;
  if (!s.empty() && s[0] == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  if (s.empty()) return std::nullopt;
  int64_t yuan = 0;
  size_t i = 0;
  size_t int_digits = 0;
  for (; i < s.size() && s[i] != '.'; ++i, ++int_digits) {
    if (s[i] < '0' || s[i] > '9' || int_digits >= 15) return std::nullopt;
    yuan = yuan * 10 + (s[i] - '0');
  }
  if (int_digits == 0) return std::nullopt;
  int64_t cents = 0;
  if (i < s.size()) {  // at '.'
    std::string_view frac = s.substr(i + 1);
    if (frac.empty() || frac.size() > 2) return std::nullopt;
    for (char c : frac) {
      if (c < '0' || c > '9') return std::nullopt;
    }
    cents = (frac[0] - '0') * 10 + (frac.size() == 2 ? frac[1] - '0' : 0);
  }
  int64_t fen = yuan * 100 + cents;
  return Money{negative ? -fen : fen};
}

std::string Money::ToYuanString() const {
  char buf[32];
  int64_t a = fen < 0 ? -fen : fen;
  std::snprintf(buf, sizeof buf, "%s%lld.%02lld", fen < 0 ? "-" : "",
                static_cast<long long>(a / 100), static_cast<long long>(a % 100));
  return buf;
}

}  // namespace zj
