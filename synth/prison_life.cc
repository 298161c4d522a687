#include "synth/prison_life.h"

#include <algorithm>
#include <cmath>

#include "synth/builders.h"
#include "synth/law_numbers.h"

namespace zj::synth {
namespace {

// Sub-streams of Stream::kPrisonLife per prisoner.
enum : uint64_t {
  kLifeRewards = 0,
  kLifeJobs = 1,
  kLifePoints = 2,
  kLifeLabour = 3,
  kLifeAccounts = 4
};

Rng LifeRng(const World& w, int prisoner, uint64_t part) {
  return Rng(w.seed, Stream::kPrisonLife, static_cast<uint64_t>(prisoner) * 8 + part);
}

// Last day (exclusive bound) of custody in a prison: exit date, or the day after the as-of.
Date CustodyEnd(const World& w, const Prisoner& p) { return p.exit ? *p.exit : w.as_of + 1; }

struct Post {
  std::string_view post_class;
  std::string_view name;
};
constexpr Post kProduction[] = {{"production", "缝纫工"},
                                {"production", "电子装配工"},
                                {"production", "包装工"},
                                {"production", "车工"},
                                {"production", "五金加工"}};
constexpr Post kSkilled[] = {{"skilled", "电工"}, {"skilled", "设备维修"}, {"skilled", "炊事员"}};
constexpr Post kAuxiliary[] = {{"auxiliary", "监舍保洁"}, {"auxiliary", "洗衣房杂务"}};
constexpr Post kTrusty[] = {{"trusty", "值星员"}, {"trusty", "学习记录员"}};

template <size_t N>
const Post& PickPost(Rng& rng, const Post (&posts)[N]) {
  return posts[static_cast<size_t>(rng.Range(0, N - 1))];
}

}  // namespace

std::string UnitName(int unit) { return "第" + std::to_string(unit) + "监区"; }

int UnitOf(const World& w, int prisoner, int prison) {
  const int units = std::max(1, w.dir.prisons[prison].units);
  return 1 + static_cast<int>(Mix(static_cast<uint64_t>(w.prisoners[prisoner].person) + 17,
                                  static_cast<uint64_t>(prison)) %
                              static_cast<uint64_t>(units));
}

int PointsMonth::total() const { return law::kPointsBase + bonus - deduction; }

void BuildPrisonLives(World& w) {
  for (size_t i = 0; i < w.prisoners.size(); ++i) {
    Prisoner& p = w.prisoners[i];
    if (p.prisons.empty()) continue;
    const int pi = static_cast<int>(i);
    const Date end = CustodyEnd(w, p);
    const bool plain = p.Ordinary(w.sentences);

    // Rewards: praise about twice a year for the well-behaved; warnings and the odd demerit
    // for the troublesome (never a bonus in those months, see PointsSeries).
    Rng rng = LifeRng(w, pi, kLifeRewards);
    if (!p.troublesome) {
      for (Date d = p.delivery + rng.Int(150, 240); d < end - 1; d = d + rng.Int(160, 230)) {
        const bool material = rng.Chance(0.15);
        w.rewards.push_back({World::MakeId("R", w.rewards.size() + 1), p.person,
                             w.dir.prisons[p.PrisonOn(d)].id, d, material ? "material" : "praise",
                             0,
                             material ? "考核周期内改造表现积极，给予物质奖励"
                                      : "考核周期内改造表现积极，给予表扬"});
      }
    } else {
      for (Date d = p.delivery + rng.Int(60, 400); d < end - 1; d = d + rng.Int(300, 700)) {
        const bool demerit = rng.Chance(0.2);
        const int32_t month = MonthIndex(d);
        if (p.points_override.count(month)) continue;
        w.rewards.push_back(
            {World::MakeId("R", w.rewards.size() + 1), p.person, w.dir.prisons[p.PrisonOn(d)].id, d,
             demerit ? "demerit" : "warning", 0,
             demerit ? "私藏违禁品，给予记过处分" : "与他犯发生争执，给予警告处分"});
        p.penalties[month] = demerit ? law::kDemeritDeduction : law::kWarningDeduction;
      }
    }

    // Jobs: one or two ordinary posts per prison stay; some plain prisoners serve a short
    // stint as trusty (≤ 12 months) — never anyone with a category flag.
    Rng jr = LifeRng(w, pi, kLifeJobs);
    for (size_t k = 0; k < p.prisons.size(); ++k) {
      const Date from = p.prisons[k].first;
      const Date to = k + 1 < p.prisons.size() ? p.prisons[k + 1].first : end;  // exclusive
      const int prison = p.prisons[k].second;
      Date start = from + (k == 0 ? jr.Int(7, 40) : 0);
      if (start >= to) continue;
      auto add_job = [&](const Post& post, Date s, OptDate e) {
        JobRow j;
        j.id = World::MakeId("J", w.jobs.size() + 1);
        j.person = p.person;
        j.prison = prison;
        j.facility = w.dir.prisons[prison].id;
        j.post = post.name;
        j.post_class = post.post_class;
        j.start = s;
        j.end = e;
        w.jobs.push_back(std::move(j));
      };
      auto ordinary_post = [&]() -> const Post& {
        double u = jr.Uniform();
        if (u < 0.72 || (!plain && u >= 0.90)) return PickPost(jr, kProduction);
        if (u < 0.90) return PickPost(jr, kSkilled);
        return PickPost(jr, kAuxiliary);
      };
      const bool last_stay = k + 1 == p.prisons.size();
      const bool planted = last_stay && p.planted_job.has_value();
      const bool trusty = !planted && plain && !p.troublesome && last_stay && jr.Chance(0.1);
      Date change = start + jr.Int(400, 1200);
      // Leave room for a trusty stint (or the planted job) at the end of the stay.
      Date trusty_start = to;
      if (planted) {
        trusty_start = p.planted_job->start;
      } else if (trusty) {
        trusty_start = p.exit ? to - jr.Int(200, 360) : w.as_of - jr.Int(30, 330);
        if (trusty_start <= start + 60) trusty_start = to;
      }
      const Date ordinary_end = std::min(to, trusty_start);  // exclusive
      if (change < ordinary_end - 30) {
        add_job(ordinary_post(), start, change - 1);
        start = change;
      }
      const bool open_ended = ordinary_end == to && !p.exit && last_stay;
      add_job(ordinary_post(), start, open_ended ? OptDate() : OptDate(ordinary_end - 1));
      if (planted) {
        JobRow j = *p.planted_job;
        j.id = World::MakeId("J", w.jobs.size() + 1);
        j.person = p.person;
        j.prison = prison;
        j.facility = w.dir.prisons[prison].id;
        w.jobs.push_back(std::move(j));
      } else if (trusty_start < to) {
        const Date stint_end = std::min(to - 1, trusty_start + jr.Int(150, 330));
        const bool open = !p.exit && stint_end >= to - 1;
        add_job(PickPost(jr, kTrusty), trusty_start, open ? OptDate() : OptDate(stint_end));
      }
    }
  }
}

void FinalizePrisonUnits(World& w) {
  std::vector<int> held(w.dir.prisons.size(), 0);
  for (const Prisoner& p : w.prisoners) {
    if (p.prisons.empty() || p.exit) continue;
    ++held[p.PrisonOn(w.as_of)];
  }
  for (size_t i = 0; i < w.dir.prisons.size(); ++i) {
    w.dir.prisons[i].units = std::clamp(static_cast<int>(std::lround(held[i] / 110.0)), 1, 30);
  }
  for (JobRow& j : w.jobs) {
    const int prisoner = w.PrisonerOf(j.person);
    j.unit = UnitName(UnitOf(w, prisoner, j.prison));
  }
}

std::vector<PointsMonth> PointsSeries(const World& w, int prisoner) {
  const Prisoner& p = w.prisoners[prisoner];
  std::vector<PointsMonth> out;
  if (p.prisons.empty()) return out;
  const int32_t first = std::max(MonthIndex(p.delivery) + 1, MonthIndex(law::kPointsRegime));
  const int32_t last = p.exit ? MonthIndex(*p.exit) - 1 : MonthIndex(w.as_of);
  const int32_t window = w.PointsWindowFirst();
  Rng rng = LifeRng(w, prisoner, kLifePoints);
  for (int32_t m = first; m <= last; ++m) {
    PointsMonth pm;
    pm.month = m;
    const Date month_end = MonthStart(m + 1) - 1;
    pm.prison = p.PrisonOn(month_end);
    const int noise = rng.Int(-1, 1);
    if (auto it = p.penalties.find(m); it != p.penalties.end()) {
      pm.bonus = 0;
      pm.deduction = it->second;
    } else if (p.window_bonus >= 0 && m >= window) {
      // A fixed level over the 12-month window, ±1 alternating (the window sums to 12 × level).
      pm.bonus = p.window_bonus + (p.window_bonus > 0 ? (m % 2 ? 1 : -1) : 0);
    } else {
      pm.bonus = std::max(0, p.bonus_level + noise);
    }
    if (auto it = p.points_override.find(m); it != p.points_override.end()) {
      pm.bonus = it->second.first;
      pm.deduction = it->second.second;
    }
    out.push_back(pm);
  }
  return out;
}

bool InPrisonAllWeek(const World& w, int prisoner, Date monday) {
  const Prisoner& p = w.prisoners[prisoner];
  if (p.prisons.empty() || p.delivery >= monday) return false;
  if (p.exit && *p.exit <= monday + 6) return false;
  return true;
}

std::vector<LabourDay> LabourSeries(const World& w, int prisoner) {
  const Prisoner& p = w.prisoners[prisoner];
  std::vector<LabourDay> out;
  if (p.prisons.empty()) return out;
  Rng rng = LifeRng(w, prisoner, kLifeLabour);
  for (Date monday : w.LabourWeeks()) {
    if (!InPrisonAllWeek(w, prisoner, monday)) continue;
    const int prison = p.PrisonOn(monday);
    const int unit = UnitOf(w, prisoner, prison);
    bool overtime = false;
    for (const OvertimeWeek& o : w.overtime_weeks) {
      if (o.prison == prison && o.unit == unit && o.monday == monday &&
          Mix(static_cast<uint64_t>(p.person), static_cast<uint64_t>(monday.days())) % 100 < 60) {
        overtime = true;
      }
    }
    for (int dow = 0; dow < 7; ++dow) {
      LabourDay day{monday + dow, prison, unit, 0, "rest"};
      if (overtime) {
        day.kind = "labor";
        day.hours = dow < 6 ? 10.5 : 6;
      } else if (dow < 5) {
        if (rng.Chance(0.03)) {
          day.kind = "rest";  // sick day
        } else {
          day.kind = "labor";
          day.hours = p.minor ? 3.5 : (rng.Chance(0.5) ? policy::kLabourHours : 7);
        }
      } else if (dow == 5) {
        day.kind = "education";
        day.hours = p.minor ? 3 : 3.5;
      }
      out.push_back(day);
    }
  }
  return out;
}

std::vector<AccountMonth> AccountSeries(const World& w, int prisoner) {
  const Prisoner& p = w.prisoners[prisoner];
  std::vector<AccountMonth> out;
  if (p.prisons.empty()) return out;
  const int32_t first = std::max(MonthIndex(p.delivery) + 1, MonthIndex(w.as_of) - 23);
  const int32_t last = p.exit ? MonthIndex(*p.exit) - 1 : MonthIndex(w.as_of);
  Rng rng = LifeRng(w, prisoner, kLifeAccounts);
  int64_t balance = 0;
  switch (p.accounts) {
    case AccountProfile::kOrdinary:
      balance = int64_t{rng.Int(0, 20)} * 5000;
      break;
    case AccountProfile::kPoor:
      balance = int64_t{rng.Int(0, 10)} * 1000;
      break;
    case AccountProfile::kSpender:
      balance = int64_t{rng.Int(5, 20)} * 10000;
      break;
    case AccountProfile::kWealthy:
      balance = int64_t{rng.Int(200, 260)} * 10000;
      break;
  }
  for (int32_t m = first; m <= last; ++m) {
    AccountMonth am;
    am.month = m;
    am.prison = p.PrisonOn(MonthStart(m + 1) - 1);
    switch (p.accounts) {
      case AccountProfile::kOrdinary:
        am.deposits = int64_t{rng.Int(0, 12)} * 5000;
        am.spending = int64_t{rng.Int(100, 300)} * 100;
        break;
      case AccountProfile::kPoor:
        am.deposits = int64_t{rng.Int(0, 8)} * 1000;
        am.spending = int64_t{rng.Int(20, 80)} * 100;
        break;
      case AccountProfile::kSpender:
        am.deposits = int64_t{rng.Int(50, 80)} * 1000;
        am.spending = int64_t{rng.Int(420, 600)} * 100;
        break;
      case AccountProfile::kWealthy:
        am.deposits = int64_t{rng.Int(150, 300)} * 1000;
        am.spending = int64_t{rng.Int(150, 300)} * 100;
        break;
    }
    am.spending = std::min(am.spending, balance + am.deposits);
    balance += am.deposits - am.spending;
    am.balance = balance;
    out.push_back(am);
  }
  return out;
}

void SpreadWindowLevels(World& w) {
  const auto sums = WindowSumsByPrison(w);
  for (const auto& people : sums) {
    std::vector<std::pair<uint64_t, int>> order;
    for (const WindowSum& ws : people) {
      order.push_back({Mix(w.seed, static_cast<uint64_t>(ws.prisoner)), ws.prisoner});
    }
    std::sort(order.begin(), order.end());
    const int n = static_cast<int>(order.size());
    const int levels = policy::kBonusLevelMax - policy::kBonusLevelMin + 1;
    for (int rank = 0; rank < n; ++rank) {
      w.prisoners[order[rank].second].window_bonus = policy::kBonusLevelMin + rank * levels / n;
    }
  }
}

WindowSum WindowSumOf(const World& w, int prisoner, int* prison) {
  const int32_t window = w.PointsWindowFirst();
  WindowSum ws{prisoner, 0, 0};
  *prison = -1;
  for (const PointsMonth& pm : PointsSeries(w, prisoner)) {
    if (pm.month < window) continue;
    ws.sum += pm.total();
    ++ws.months;
    *prison = pm.prison;
  }
  return ws;
}

std::vector<std::vector<WindowSum>> WindowSumsByPrison(const World& w) {
  std::vector<std::vector<WindowSum>> out(w.dir.prisons.size());
  for (size_t i = 0; i < w.prisoners.size(); ++i) {
    if (w.prisoners[i].prisons.empty()) continue;
    int prison;
    const WindowSum ws = WindowSumOf(w, static_cast<int>(i), &prison);
    if (ws.months > 0) out[prison].push_back(ws);
  }
  return out;
}

namespace {

double QuantileType7(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const double h = (v.size() - 1) * p;
  const size_t lo = static_cast<size_t>(std::floor(h));
  const size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (h - lo) * (v[hi] - v[lo]);
}

double QuantileType6(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const double h = (v.size() + 1) * p - 1;
  if (h <= 0) return v.front();
  if (h >= v.size() - 1) return v.back();
  const size_t lo = static_cast<size_t>(std::floor(h));
  return v[lo] + (h - lo) * (v[lo + 1] - v[lo]);
}

double QuantileNearestRank(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  size_t rank = static_cast<size_t>(std::ceil(p * v.size()));
  return v[std::clamp<size_t>(rank, 1, v.size()) - 1];
}

}  // namespace

namespace {

using Quantile = double (*)(std::vector<double>, double);
constexpr Quantile kQuantiles[] = {QuantileType7, QuantileType6, QuantileNearestRank};

void FencesOf(const std::vector<double>& v, double out[3]) {
  for (int i = 0; i < 3; ++i) {
    const double q1 = kQuantiles[i](v, 0.25), q3 = kQuantiles[i](v, 0.75);
    out[i] = q3 + law::kPointsFenceK * (q3 - q1);
  }
}

double Normalised(const WindowSum& ws) { return ws.sum * 12.0 / ws.months; }

}  // namespace

FenceSet Fences(const std::vector<WindowSum>& people) {
  FenceSet f;
  std::vector<double> full, normalised, raw;
  for (const WindowSum& ws : people) {
    if (ws.months == 12) full.push_back(ws.sum);
    normalised.push_back(Normalised(ws));
    raw.push_back(ws.sum);
  }
  f.people = static_cast<int>(full.size());
  if (!full.empty()) {
    f.has_full = true;
    f.q1 = QuantileType7(full, 0.25);
    f.q3 = QuantileType7(full, 0.75);
    f.iqr = f.q3 - f.q1;
    f.fence = f.q3 + law::kPointsFenceK * f.iqr;
    FencesOf(full, f.full);
  }
  if (!raw.empty()) {
    FencesOf(normalised, f.normalised);
    FencesOf(raw, f.raw);
  }
  return f;
}

double LawfulMargin(const FenceSet& f, const WindowSum& ws) {
  double margin = 1e18;
  for (int i = 0; i < 3; ++i) {
    if (ws.months == 12 && f.has_full) margin = std::min(margin, f.full[i] - ws.sum);
    margin = std::min(margin, f.normalised[i] - Normalised(ws));
    margin = std::min(margin, f.raw[i] - ws.sum);
  }
  return margin;
}

double OutlierExcess(const FenceSet& f, const WindowSum& ws) {
  if (ws.months != 12 || !f.has_full) return -1e18;
  double excess = 1e18;
  for (int i = 0; i < 3; ++i) {
    excess = std::min(excess, ws.sum - f.full[i]);
    excess = std::min(excess, Normalised(ws) - f.normalised[i]);
  }
  return excess;
}

}  // namespace zj::synth
