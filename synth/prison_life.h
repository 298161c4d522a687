#pragma once
// Life in prison: rewards and penalties, job assignments, 监区 (units), and the series the
// writer streams — monthly points (司规〔2021〕3号: base 100, ordinary bonus well under the
// 50-point cap, no bonus in a month with a warning or demerit), labour days over the eight
// ISO weeks before the as-of week (≤ 7.5 h on working days, Saturday education, Sunday rest)
// and monthly accounts. Series are pure functions of (World, prisoner): calling one twice
// gives the same rows, so the fence check and the writer agree.
// Not thread-safe.

#include <string>
#include <string_view>
#include <vector>

#include "synth/world.h"

namespace zj::synth {

// Rewards and jobs of every prisoner held in a prison, from the final custody timeline.
void BuildPrisonLives(World& w);

// "第3监区"
std::string UnitName(int unit);
// The unit of `prisoner` while held in `prison` (after FinalizePrisonUnits).
int UnitOf(const World& w, int prisoner, int prison);

struct PointsMonth {
  int32_t month = 0;
  int prison = 0;
  int bonus = 0, deduction = 0;
  int total() const;
};
std::vector<PointsMonth> PointsSeries(const World& w, int prisoner);

struct LabourDay {
  Date date;
  int prison = 0;
  int unit = 0;
  double hours = 0;
  std::string_view kind;
};
std::vector<LabourDay> LabourSeries(const World& w, int prisoner);

struct AccountMonth {
  int32_t month = 0;
  int prison = 0;
  int64_t deposits = 0, spending = 0, balance = 0;  // fen
};
std::vector<AccountMonth> AccountSeries(const World& w, int prisoner);

// Whether `prisoner` is held in a prison for the whole week starting `monday`.
bool InPrisonAllWeek(const World& w, int prisoner, Date monday);

// The last-12-month points window (M09): each prisoner's sum of monthly totals there.
struct WindowSum {
  int prisoner = 0;
  int sum = 0;
  int months = 0;  // months of the window with a row (12 = a full window)
};
// Per prison (index of OrgDirectory::prisons), in prisoner order.
std::vector<std::vector<WindowSum>> WindowSumsByPrison(const World& w);

// Gives everyone with points in the window a fixed monthly bonus level there, spread evenly
// over policy::kBonusLevelMin..Max by (seeded) rank within the prison, so that every
// facility's interquartile range is wide and its top lies well inside Q3 + 3 × IQR.
void SpreadWindowLevels(World& w);

// The upper far-out fence Q3 + k × IQR of a facility, under every reading we can think of:
// population = people with a score in all 12 months (the reading the labels use), everyone
// normalised to 12 months (sum × 12 / months), or everyone's raw sum; quantiles by linear
// interpolation (type 7), the (n+1)p rule (type 6) or nearest rank.
struct FenceSet {
  int people = 0;                  // with a full window
  double q1 = 0, q3 = 0, iqr = 0;  // full windows, type 7 (what a label reports)
  double fence = 0;                // q3 + k × iqr
  double full[3] = {}, normalised[3] = {}, raw[3] = {};  // per quantile method
  bool has_full = false;
};
FenceSet Fences(const std::vector<WindowSum>& people);
// Least distance (points) below the fence across every reading that includes `ws`
// (negative when beyond it under some reading).
double LawfulMargin(const FenceSet& f, const WindowSum& ws);
// Least distance above the fence across the full-window and normalised readings.
double OutlierExcess(const FenceSet& f, const WindowSum& ws);
// The window sum of one prisoner.
WindowSum WindowSumOf(const World& w, int prisoner, int* prison);

}  // namespace zj::synth
