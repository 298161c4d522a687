#pragma once
// Clock: where "now" comes from. Production code takes a Clock& so tests can fix time.
// The law engine and models never ask a clock: they judge "as of" a date they are given.
// SystemClock is thread-safe; FakeClock is not (tests set it from one thread).

#include "common/date.h"

namespace zj {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp Now() const = 0;
  Date TodayBeijing() const { return BeijingDate(Now()); }
};

class SystemClock final : public Clock {
 public:
  Timestamp Now() const override;
  static const SystemClock& Get();
};

class FakeClock final : public Clock {
 public:
  explicit FakeClock(Timestamp now) : now_(now) {}
  Timestamp Now() const override { return now_; }
  void Set(Timestamp now) { now_ = now; }
  void Advance(int64_t seconds) { now_ += seconds; }

 private:
  Timestamp now_;
};

}  // namespace zj
