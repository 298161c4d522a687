#pragma once
// Money in fen (分), the unit every amount is stored and compared in.
// Exchange files give decimal yuan with at most two decimals ("12345.60").
// Pure and thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zj {

struct Money {
  int64_t fen = 0;

  static constexpr Money Yuan(int64_t y) { return {y * 100}; }
  // Decimal yuan: optional '-', digits, optionally '.' and one or two digits.
  // Rejects anything else (thousands separators, exponents, three decimals).
  static std::optional<Money> ParseYuan(std::string_view text);
  std::string ToYuanString() const;  // "12345.60"
  auto operator<=>(const Money&) const = default;
  Money operator+(Money o) const { return {fen + o.fen}; }
  Money operator-(Money o) const { return {fen - o.fen}; }
};

}  // namespace zj
