#include "synth/trajectory.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "synth/builders.h"
#include "synth/correction.h"
#include "synth/law_numbers.h"

namespace zj::synth {
namespace {

constexpr int kSlotSeconds = 600;
constexpr double kTwoPi = 6.283185307179586;

int64_t Micro(double degrees) { return std::llround(degrees * 1e6); }

void AppendMicro(int64_t v, std::string* out) {
  if (v < 0) {
    out->push_back('-');
    v = -v;
  }
  char buf[24];
  int n = 0;
  int64_t whole = v / 1000000, frac = v % 1000000;
  char tmp[24];
  int t = 0;
  do {
    tmp[t++] = static_cast<char>('0' + whole % 10);
    whole /= 10;
  } while (whole);
  while (t) buf[n++] = tmp[--t];
  buf[n++] = '.';
  for (int div = 100000; div; div /= 10) buf[n++] = static_cast<char>('0' + frac / div % 10);
  out->append(buf, n);
}

// Formats Beijing timestamps fast, caching the date part.
class TsFormatter {
 public:
  void Append(Timestamp ts, std::string* out) {
    const int64_t local = ts + 8 * 3600;
    const int64_t day = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    if (day != cached_day_) {
      cached_day_ = day;
      date_ = Date::FromDays(static_cast<int32_t>(day)).ToString() + "T";
    }
    int sec = static_cast<int>(local - day * 86400);
    char buf[16] = {
        static_cast<char>('0' + sec / 36000),        static_cast<char>('0' + sec / 3600 % 10), ':',
        static_cast<char>('0' + sec / 60 % 60 / 10), static_cast<char>('0' + sec / 60 % 10),   ':',
        static_cast<char>('0' + sec % 60 / 10),      static_cast<char>('0' + sec % 10)};
    out->append(date_);
    out->append(buf, 8);
    out->append("+08:00");
  }

 private:
  int64_t cached_day_ = INT64_MIN;
  std::string date_;
};

// Deterministic per-(track, key) unit values.
double Unit(uint64_t seed, uint64_t key) {
  return static_cast<double>(Mix(seed, key) >> 11) * 0x1.0p-53;
}
// Approximately standard normal (Irwin–Hall of three uniforms), cheap and bounded (|x| ≤ 3).
double Gauss(uint64_t seed, uint64_t key) {
  const uint64_t h = Mix(seed, key);
  const double a = static_cast<double>(h & 0x1fffff), b = static_cast<double>((h >> 21) & 0x1fffff),
               c = static_cast<double>((h >> 42) & 0x1fffff);
  return ((a + b + c) / static_cast<double>(0x200000) - 1.5) * 2.0;
}

struct Offset2 {
  double east = 0, north = 0;
};

Offset2 Between(Offset2 a, Offset2 b, double f) {
  return {a.east + (b.east - a.east) * f, a.north + (b.north - a.north) * f};
}

Offset2 Relative(LonLat from, LonLat to) {
  return {(to.lon - from.lon) * MetersPerDegreeLon(from.lat),
          (to.lat - from.lat) * kMetersPerDegreeLat};
}

// The subject's day: weekday or not, and a spot of the day (weekends and evenings) within 70%
// of the radius.
struct DayPlan {
  int64_t day = INT64_MIN;
  bool weekday = true;
  Offset2 spot;
};

void PlanDay(const Track& t, int64_t day, DayPlan* plan) {
  plan->day = day;
  plan->weekday = Date::FromDays(static_cast<int32_t>(day)).IsoWeekday() <= 5;
  const double ang = kTwoPi * Unit(t.seed, static_cast<uint64_t>(day) * 31 + 7);
  const double r = t.radius_m * 0.7 * std::sqrt(Unit(t.seed, static_cast<uint64_t>(day) * 31 + 8));
  plan->spot = {r * std::cos(ang), r * std::sin(ang)};
}

// Where a subject is at `ts` relative to home, before jitter.
Offset2 Routine(const Track& t, Offset2 work, Timestamp ts, DayPlan* plan) {
  const int64_t local = ts + 8 * 3600;
  const int64_t day = local / 86400;
  if (day != plan->day) PlanDay(t, day, plan);
  const double hour = static_cast<double>(local % 86400) / 3600.0;
  const Offset2 home{0, 0};
  const Offset2 day_place = plan->weekday ? work : plan->spot;
  const double leave_home = plan->weekday ? 7.5 : 9.5, arrive = leave_home + 1;
  const double leave_place = plan->weekday ? 17.5 : 16.5, back = leave_place + 1;
  if (hour < leave_home || hour >= back + 2.5) return home;
  if (hour < arrive) return Between(home, day_place, hour - leave_home);
  if (hour < leave_place) return day_place;
  if (hour < back) return Between(day_place, home, hour - leave_place);
  return Between(home, plan->spot, 0.15);  // evening stroll near home
}

struct Gap {
  Timestamp from, to;  // [from, to)
};

bool Overlaps(Timestamp a0, Timestamp a1, Timestamp b0, Timestamp b1) { return a0 < b1 && b0 < a1; }

}  // namespace

int SlotCount(const World& w) { return w.params.position_days * 24 * 6; }

Timestamp SlotTs(const World& w, const Track& t, int k) {
  const int jitter = static_cast<int>(Mix(t.seed, static_cast<uint64_t>(k) + 1000003) % 41) - 20;
  return w.WindowStart() + int64_t{k} * kSlotSeconds + t.offset_s + jitter;
}

int PickDestination(const World& w, Rng& rng, int residence, LonLat* place) {
  const CountyShape& home = w.geo.Shape(residence);
  for (int attempt = 0; attempt < 100; ++attempt) {
    int dest = OtherCounty(w, rng, residence, attempt < 50);
    const auto& anchors = w.geo.Anchors(dest);
    if (anchors.empty()) continue;
    const Anchor& a =
        anchors[static_cast<size_t>(rng.Int(0, static_cast<int>(anchors.size()) - 1))];
    if (home.Contains(a.point) || home.ClearanceMeters(a.point) < 500) continue;
    *place = a.point;
    return dest;
  }
  *place = w.geo.Anchors(residence == 0 ? 1 : 0).front().point;
  return residence == 0 ? 1 : 0;
}

void BuildTracks(World& w) {
  const Timestamp window_start = w.WindowStart();
  const Date first_day = BeijingDate(window_start);
  for (size_t i = 0; i < w.corrections.size(); ++i) {
    CorrectionRow& c = w.corrections[i];
    Rng rng(w.seed, Stream::kTrajectory, i);
    const bool eligible = c.status == "active" && c.monitor_allowed && c.type != "temp_release" &&
                          c.start <= first_day - 30 && c.end >= w.as_of + 30 && c.reported &&
                          *c.reported <= first_day - 20;
    if (!eligible || !rng.Chance(w.params.monitored_share)) continue;
    const auto& anchors = w.geo.Anchors(c.county);
    if (anchors.empty()) continue;
    c.monitored = true;
    Track t;
    t.correction = static_cast<int>(i);
    t.seed = rng.Next();
    t.offset_s = rng.Int(20, 560);
    const Anchor& a =
        anchors[static_cast<size_t>(rng.Int(0, static_cast<int>(anchors.size()) - 1))];
    t.home = a.point;
    t.radius_m = std::min(3000.0, 0.45 * a.clearance_m);
    const double ang = rng.Uniform(0, kTwoPi), r = t.radius_m * rng.Uniform(0.2, 0.6);
    t.work = Offset(t.home, r * std::cos(ang), r * std::sin(ang));
    // An approved leave inside the window for some: positions move to the destination
    // between one hour after the leave starts and one hour before the return.
    const int days = w.params.position_days;
    if (days >= 3 && rng.Chance(0.12)) {
      const int len = rng.Int(1, std::min(3, days - 2));
      const int day = rng.Int(1, days - len - 1);
      const Timestamp start = MidnightTs(first_day + day) + rng.Int(8, 10) * 3600;
      LonLat place;
      const int dest = PickDestination(w, rng, c.county, &place);
      const int leave = AddLeave(w, rng, static_cast<int>(i), start, len, dest, -rng.Int(2, 6));
      const LeaveRow& l = w.leaves[leave];
      if (*l.returned_ts + 3600 < w.as_of_ts) {
        OutsideStay stay;
        stay.from = start + 3600;
        stay.to = *l.returned_ts - 3600;
        stay.place = place;
        t.outside.push_back(stay);
        t.leave_in_window = true;
      } else {
        w.leaves.pop_back();
      }
    }
    w.tracks.push_back(std::move(t));
  }
}

void WritePositions(const World& w, CsvTable* table) {
  const auto& cols = table->spec().columns;
  const bool fast = cols.size() == 5 && cols[0].name == "correction_id" && cols[1].name == "ts" &&
                    cols[2].name == "lon" && cols[3].name == "lat" && cols[4].name == "source";
  const int slots = SlotCount(w);
  TsFormatter fmt;
  std::string buf;
  buf.reserve(1 << 20);
  std::string ts_text;
  for (const Track& t : w.tracks) {
    const std::string& id = w.corrections[t.correction].id;
    // Protected zones: no random gap or check-in near a planted or leave episode.
    std::vector<Gap> protect;
    for (const OutsideStay& s : t.outside) protect.push_back({s.from - 7200, s.to + 7200});
    for (const auto& [from, to] : t.silent) protect.push_back({from - 43200, to + 43200});
    auto protected_at = [&](Timestamp a, Timestamp b) {
      for (const Gap& g : protect) {
        if (Overlaps(a, b, g.from, g.to)) return true;
      }
      return false;
    };
    // Lawful device gaps: about one day in five, 30 minutes to 6 hours.
    std::vector<Gap> gaps;
    for (int day = 0; day < w.params.position_days; ++day) {
      const uint64_t key = static_cast<uint64_t>(day) * 97;
      if (Unit(t.seed, key + 1) >= 0.2) continue;
      const int start = day * 144 + static_cast<int>(Unit(t.seed, key + 2) * 144);
      const int len =
          3 + static_cast<int>(Unit(t.seed, key + 3) * (policy::kMaxGapMinutes / 10 - 2));
      const int end = std::min(slots, start + len);
      if (start >= slots) continue;
      const Timestamp a = SlotTs(w, t, start) - 1, b = SlotTs(w, t, end - 1) + 1;
      if (!protected_at(a - 3600, b + 3600)) gaps.push_back({a, b});
    }
    // Check-ins at the correction office hours on some days, between two grid slots.
    std::vector<Timestamp> checkins;
    for (int day = 0; day < w.params.position_days; ++day) {
      const uint64_t key = static_cast<uint64_t>(day) * 89 + 5;
      if (Unit(t.seed, key) >= 0.1) continue;
      const int k = day * 144 + 60 + static_cast<int>(Unit(t.seed, key + 1) * 40);
      if (k + 1 >= slots) continue;
      const Timestamp ts = SlotTs(w, t, k) + 290;
      if (!protected_at(ts - 3600, ts + 3600)) checkins.push_back(ts);
    }
    size_t next_checkin = 0;
    DayPlan plan;
    const Offset2 work = Relative(t.home, t.work);
    auto emit = [&](Timestamp ts, LonLat p, std::string_view source) {
      if (fast) {
        buf.append(id);
        buf.push_back(',');
        fmt.Append(ts, &buf);
        buf.push_back(',');
        AppendMicro(Micro(p.lon), &buf);
        buf.push_back(',');
        AppendMicro(Micro(p.lat), &buf);
        buf.push_back(',');
        buf.append(source);
        buf.push_back('\n');
        if (buf.size() > (1 << 20) - 256) {
          table->AppendRaw(buf, 0);
          buf.clear();
        }
      } else {
        ts_text.clear();
        fmt.Append(ts, &ts_text);
        std::string lon, lat;
        AppendMicro(Micro(p.lon), &lon);
        AppendMicro(Micro(p.lat), &lat);
        table->Set("correction_id", id);
        table->Set("ts", ts_text);
        table->Set("lon", lon);
        table->Set("lat", lat);
        table->Set("source", source);
        table->EndRow();
      }
    };
    int64_t rows = 0;
    for (int k = 0; k < slots; ++k) {
      const Timestamp ts = SlotTs(w, t, k);
      while (next_checkin < checkins.size() && checkins[next_checkin] < ts) {
        emit(checkins[next_checkin], t.home, "checkin");
        ++rows;
        ++next_checkin;
      }
      bool skip = false;
      for (const Gap& g : gaps) skip = skip || (ts >= g.from && ts < g.to);
      for (const auto& [from, to] : t.silent) skip = skip || (ts >= from && ts < to);
      if (skip) continue;
      const OutsideStay* away = nullptr;
      for (const OutsideStay& s : t.outside) {
        if (ts >= s.from && ts <= s.to) away = &s;
      }
      LonLat p;
      const uint64_t key = static_cast<uint64_t>(k) * 4;
      if (away) {
        double e = std::clamp(Gauss(t.seed, key) * 20, -60.0, 60.0);
        double n = std::clamp(Gauss(t.seed, key + 1) * 20, -60.0, 60.0);
        p = Offset(away->place, e, n);
      } else {
        Offset2 o = Routine(t, work, ts, &plan);
        o.east += std::clamp(Gauss(t.seed, key) * 12, -40.0, 40.0);
        o.north += std::clamp(Gauss(t.seed, key + 1) * 12, -40.0, 40.0);
        const double d2 = o.east * o.east + o.north * o.north;
        if (d2 > t.radius_m * t.radius_m) {
          const double k = t.radius_m / std::sqrt(d2);
          o.east *= k;
          o.north *= k;
        }
        p = Offset(t.home, o.east, o.north);
      }
      emit(ts, p, "bracelet");
      ++rows;
    }
    if (fast) {
      table->AppendRaw(buf, rows);
      buf.clear();
    }
  }
}

}  // namespace zj::synth
