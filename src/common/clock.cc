#include "common/clock.h"

#include <chrono>

namespace zj {

Timestamp SystemClock::Now() const {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

const SystemClock& SystemClock::Get() {
  static const SystemClock kClock;
  return kClock;
}

}  // namespace zj
