#include "common/money.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace zj {
namespace {

// Independent formatting reference: sign, integer yuan, '.', two-digit fen.
std::string RefYuan(int64_t fen) {
  const bool neg = fen < 0;
  const uint64_t a = neg ? 0 - static_cast<uint64_t>(fen) : static_cast<uint64_t>(fen);
  std::string cents = std::to_string(a % 100);
  if (cents.size() < 2) cents = "0" + cents;
  return (neg ? "-" : "") + std::to_string(a / 100) + "." + cents;
}

TEST(Money, ParseAccepts) {
  struct Row {
    const char* text;
    int64_t fen;
  };
  const Row rows[] = {
      {"0", 0},
      {"0.0", 0},
      {"0.00", 0},
      {"-0", 0},
      {"5", 500},
      {"12345.6", 1234560},
      {"12345.60", 1234560},
      {"12345.06", 1234506},
      {"0.5", 50},  // one decimal is tenths, not fen
      {"0.05", 5},
      {"0.01", 1},
      {"0.99", 99},
      {"1.23", 123},
      {"-3.5", -350},  // negatives parse; the domain layer rejects them
      {"-0.01", -1},
      {"-12345.67", -1234567},
      {"007", 700},  // leading zeros are digits
      {"100000000", 10000000000},
      {"999999999999999", 99999999999999900},     // 15 integer digits
      {"999999999999999.99", 99999999999999999},  // 15 integer digits + fen
      {"123456789012345.67", 12345678901234567},
      {"-999999999999999.99", -99999999999999999},
  };
  for (const auto& r : rows) {
    auto m = Money::ParseYuan(r.text);
    ASSERT_TRUE(m.has_value()) << "rejected: \"" << r.text << "\"";
    EXPECT_EQ(m->fen, r.fen) << r.text;
  }
}

TEST(Money, ParseRejects) {
  const std::vector<std::string> bad = {
      "",
      "-",
      ".",
      "-.",
      "1.",
      "-1.",
      ".5",
      "-.5",
      "1.234",
      "0.001",
      "1,000.00",
      "1,000",
      "1e3",
      "1E3",
      "+5",
      "--5",
      "5-",
      " 5",
      "5 ",
      "1 000",
      "1.2.3",
      "1..2",
      "1.-5",
      "1.+5",
      "1.2 ",
      "0x10",
      "NaN",
      "inf",
      "¥5",
      "5元",
      "\xEF\xBC\x95",  // full-width ５
      "1\xEF\xBC\x8E"
      "00",                // full-width full stop
      "1000000000000000",  // 16 integer digits
      "1000000000000000.00",
      "-1000000000000000",
  };
  for (const auto& s : bad) {
    EXPECT_FALSE(Money::ParseYuan(s).has_value()) << "accepted: \"" << s << "\"";
  }
  EXPECT_FALSE(Money::ParseYuan(std::string_view("5\0", 2)).has_value());
  EXPECT_FALSE(Money::ParseYuan(std::string_view("1.\0"
                                                 "5",
                                                 4))
                   .has_value());
}

TEST(Money, ToYuanString) {
  EXPECT_EQ(Money{0}.ToYuanString(), "0.00");
  EXPECT_EQ(Money{1}.ToYuanString(), "0.01");
  EXPECT_EQ(Money{5}.ToYuanString(), "0.05");
  EXPECT_EQ(Money{50}.ToYuanString(), "0.50");
  EXPECT_EQ(Money{100}.ToYuanString(), "1.00");
  EXPECT_EQ(Money{1234560}.ToYuanString(), "12345.60");
  EXPECT_EQ(Money{-1}.ToYuanString(), "-0.01");
  EXPECT_EQ(Money{-350}.ToYuanString(), "-3.50");
  EXPECT_EQ(Money{-123456}.ToYuanString(), "-1234.56");
  EXPECT_EQ(Money{99999999999999999}.ToYuanString(), "999999999999999.99");
  EXPECT_EQ(Money{INT64_MAX}.ToYuanString(), "92233720368547758.07");
  EXPECT_EQ(Money::Yuan(3).ToYuanString(), "3.00");
  EXPECT_EQ(Money::Yuan(-3).ToYuanString(), "-3.00");
}

TEST(Money, RoundTrip) {
  std::mt19937_64 rng(42);
  const int64_t kMax = 99999999999999999;  // 15 integer digits + 2 decimals
  std::uniform_int_distribution<int64_t> wide(-kMax, kMax);
  std::uniform_int_distribution<int64_t> narrow(-100000, 100000);
  std::vector<int64_t> values = {0, 1, -1, 9, 10, 99, 100, 101, -101, kMax, -kMax};
  for (int i = 0; i < 5000; ++i) values.push_back(wide(rng));
  for (int i = 0; i < 5000; ++i) values.push_back(narrow(rng));
  for (int64_t fen : values) {
    const std::string s = Money{fen}.ToYuanString();
    ASSERT_EQ(s, RefYuan(fen)) << fen;
    auto back = Money::ParseYuan(s);
    ASSERT_TRUE(back.has_value()) << s;
    ASSERT_EQ(back->fen, fen) << s;
  }
  // Parse → format normalises to two decimals.
  EXPECT_EQ(Money::ParseYuan("12345.6")->ToYuanString(), "12345.60");
  EXPECT_EQ(Money::ParseYuan("007")->ToYuanString(), "7.00");
  EXPECT_EQ(Money::ParseYuan("-0")->ToYuanString(), "0.00");
}

TEST(Money, ArithmeticAndOrder) {
  const Money a = *Money::ParseYuan("10.50");
  const Money b = *Money::ParseYuan("0.75");
  EXPECT_EQ((a + b).fen, 1125);
  EXPECT_EQ((a - b).fen, 975);
  EXPECT_EQ((b - a).fen, -975);
  EXPECT_LT(b, a);
  EXPECT_GT(a, b);
  EXPECT_EQ(a, Money{1050});
  EXPECT_NE(a, b);
  EXPECT_EQ(Money::Yuan(7), Money{700});
  EXPECT_LT(*Money::ParseYuan("-1"), Money{});
}

}  // namespace
}  // namespace zj
