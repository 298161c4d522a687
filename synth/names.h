#pragma once
// Chinese personal names and 居民身份证号 for synthetic persons.
//
// Names: a common-surname distribution (weighted, Sichuan-flavoured) and one- or
// two-character given names drawn from gendered character lists.
// IdNumbers: 18-character numbers (GB 11643): a 6-digit county code, the birth date, a
// 3-digit order code (odd for men, even for women) and the ISO 7064 MOD 11-2 check
// character; unique within one generator run.
// Not thread-safe.

#include <string>
#include <unordered_set>

#include "common/date.h"
#include "synth/rng.h"

namespace zj::synth {

std::string RandomName(Rng& rng, char gender);

// The MOD 11-2 check character of the first 17 digits.
char IdCheckChar(std::string_view first17);

class IdNumbers {
 public:
  // A fresh valid number for a person born on `birth` registered in `region_code`.
  std::string Make(Rng& rng, const std::string& region_code, Date birth, char gender);

 private:
  std::unordered_set<std::string> used_;  // membership only; never iterated
};

}  // namespace zj::synth
