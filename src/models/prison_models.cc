// Prison family (监狱): M09 计分考核异常, M10 岗位安排违规, M11 超时劳动 — one pass over
// points, rewards, jobs, sentences, labor_days, persons and orgs (PrisonPass, registry.h).
//
// Parts: the facilities (facility_org_id) are dealt to parts so that each part holds about
// the same number of points rows and of labour rows; a part judges M09 and M11 for its
// facilities only, so parts share nothing and a finding comes from exactly one part.
// M10 (jobs, small) runs in part 0. Everything a part reads is built in Start or is the
// immutable snapshot.
//
// Readings the catalogue leaves open (docs/models.md has the Chinese description):
//
// M09, key (person_id, month):
//   - over cap: the month's `bonus` > law::PointsRulesOn(month).monthly_bonus_cap
//     (JX-PTS-02); months before 2021-10-01 have no national cap and are not judged. The
//     exchange has one bonus figure, so a 专项加分 (JX-PTS-03) inside it cannot be told
//     apart: when the person has a 立功/重大立功 reward that month the finding says so and
//     is `medium`.
//   - penalty month: bonus > 0 in a month in which the person received a 警告 or 记过 (the
//     reward's date), or was in 禁闭 (date … date + days − 1, one day when days is null)
//     (JX-PTS-04).
//   - outlier: window = the 12 months ending with the as-of month (docs/synth.md). The
//     population of facility F = persons with a points row with a non-null total in each of
//     the 12 months, every one of them at F. Their 12-month sums give Q1 and Q3 by linear
//     interpolation between order statistics (Hyndman–Fan type 7, R's default, Excel
//     QUARTILE.INC: h = (n − 1)p, Q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋])); a person
//     whose sum is strictly greater than Q3 + fence_k × (Q3 − Q1) is an outlier, keyed on
//     the as-of month (PARAM:fence_k).
//   Rows of months after the as-of month are not judged. Checks that hit the same (person,
//   month) are one finding.
//
// M10, key job_id:
//   - restricted category: a `trusty` or `auxiliary` post held by a person with a category
//     of PARAM restricted_categories on a sentence in force during the post (effective on
//     or before the post's last day, judged term end null or on/after its first day).
//   - long trusty post: trusty posts of one person at one facility that follow each other
//     without a gap (next start ≤ previous last day + 1) are one stint; the stint lasts
//     longer than trusty_max_months when its last day (end_date, or the as-of date while
//     open) is on or after CorrespondingDay(first start, N months); the finding is keyed on
//     the job during which that day falls.
//
// M11, key (facility_org_id, unit, week):
//   - weeks: ISO weeks (Monday–Sunday) that have ended on or before the as-of date; a week
//     that straddles the as-of date is left for a later run.
//   - people of the unit in the week: persons with at least one labor_days row at that
//     (facility, unit) in that week; each person is judged on those rows. Rows without a
//     facility are not judged; rows without a unit form the unit "（未填监区）".
//   - labour hours: `hours` of rows whose kind is `labor` (or unstated); `education` rows
//     are not labour (they do count as worked days for the rest rule).
//   - over limit: a day over the day limit, or a week total over the week limit ("超过" =
//     strictly more), or fewer rest days than required, where a rest day is a `rest` row
//     or a row without hours, and a day without a row counts as possibly rested (a person
//     with rows on fewer than 7 days never lacks the one rest day the law requires). A person is a
//     juvenile on a day on or before their 18th birthday (已满十八周岁 from the day after it;
//     persons.birth_date) — juvenile day limit that day; juvenile week limit when a juvenile on the
//     Sunday.
//   - finding: over-limit people / people ≥ PARAM share.
//   Limits default to law::DefaultLabourLimits() (JX-LAB-02, UNCONFIRMED); each is a
//   parameter, cited as PARAM:<name> when a user set it; PARAM:share is always cited.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "common/period.h"
#include "domain/codes.h"
#include "law/supervision.h"
#include "models/registry.h"

namespace zj::models {
namespace {

using nlohmann::json;

constexpr std::string_view kM09 = "M09";
constexpr std::string_view kM10 = "M10";
constexpr std::string_view kM11 = "M11";
// M11's `unit` key for labour rows without one (a key value may not be empty).
constexpr std::string_view kNoUnit = "（未填监区）";

// ---- model declarations ----

const ModelSpec& M09Spec() {
  static const ParamSpec kParams[] = {
      {.name = "fence_k",
       .type = ParamType::kNumber,
       .default_value = "3",
       .unit = "",
       .description = "12个月计分合计超过本监狱同期 Q3＋k×IQR（四分位距）即为异常高分；k 为 3 "
                      "时即统计上的“极端离群值”，k 越大越宽松",
       .rule = "",
       .min = 0.5,
       .max = 20},
  };
  static const ModelSpec kSpec{
      .id = kM09,
      .name = "计分考核异常",
      .key = {"person_id", "month"},
      .summary =
          "月度日常加分超过上限；受警告、记过、禁闭当月仍有加分；截止月前12个月计分合计"
          "明显高于本监狱同期罪犯（超过 Q3＋k×IQR）",
      .inputs = {{"points",
                  {"person_id", "month", "facility_org_id", "bonus", "deduction", "total"}},
                 {"rewards", {"reward_id", "person_id", "date", "kind", "days"}}},
      .params = {std::begin(kParams), std::end(kParams)},
      .basis = {"JX-PTS-02", "JX-PTS-04"},
      .version = 1};
  return kSpec;
}

constexpr std::string_view kDefaultRestricted =
    "duty_crime;financial;gang;state_security;terrorism;drug_ringleader;drug_recidivist;"
    "recidivist;violent_10y";

const ModelSpec& M10Spec() {
  static const ParamSpec kParams[] = {
      {.name = "restricted_categories",
       .type = ParamType::kCodes,
       .default_value = kDefaultRestricted,
       .unit = "",
       .description = "不得安排从事协助管理（trusty）或辅助/杂务（auxiliary）岗位的罪犯类别；默认取"
                      "司规〔2021〕3号第19条从严计分考核的罪犯类别（JX-PTS-08）：职务犯罪、破坏金融"
                      "管理秩序和金融诈骗、黑社会性质组织、危害国家安全、恐怖活动、毒品犯罪集团首要"
                      "分子、毒品再犯、累犯、暴力犯罪被判处十年以上",
       .rule = "",
       .codes = &domain::kCategory},
      {.name = "trusty_max_months",
       .type = ParamType::kInt,
       .default_value = "24",
       .unit = "月",
       .description = "同一罪犯连续担任协助管理岗位超过该月数即提示",
       .rule = "",
       .min = 1,
       .max = 600},
  };
  static const ModelSpec kSpec{
      .id = kM10,
      .name = "岗位安排违规",
      .key = {"job_id"},
      .summary =
          "从严管理类别的罪犯被安排从事协助管理或辅助/杂务岗位；罪犯连续担任协助管理岗位"
          "超过规定月数",
      .inputs = {{"jobs",
                  {"job_id", "person_id", "facility_org_id", "post", "post_class", "start_date",
                   "end_date"}},
                 {"sentences",
                  {"sentence_id", "person_id", "effective_date", "term_end", "categories"}}},
      .params = {std::begin(kParams), std::end(kParams)},
      .basis = {},
      .version = 1};
  return kSpec;
}

const ModelSpec& M11Spec() {
  static const ParamSpec kParams[] = {
      {.name = "share",
       .type = ParamType::kNumber,
       .default_value = "0.1",
       .unit = "",
       .description = "一周内超时劳动或无休息日的罪犯占该监区当周劳动记录人数的比例达到该值即提示"
                      "（0.1 即 10%）",
       .rule = "",
       .min = 0.001,
       .max = 1},
      {.name = "day_hours",
       .type = ParamType::kNumber,
       .default_value = "",
       .unit = "小时",
       .description =
           "成年罪犯每日劳动时间上限（默认依司法部《关于罪犯劳动工时的规定》，每日8小时，"
           "该规定文号未经核实）",
       .rule = "JX-LAB-02",
       .min = 1,
       .max = 24},
      {.name = "week_hours",
       .type = ParamType::kNumber,
       .default_value = "",
       .unit = "小时",
       .description = "成年罪犯每周劳动时间上限（默认每周48小时）",
       .rule = "JX-LAB-02",
       .min = 1,
       .max = 168},
      {.name = "juvenile_day_hours",
       .type = ParamType::kNumber,
       .default_value = "",
       .unit = "小时",
       .description = "未成年犯每日劳动时间上限（默认每日4小时）",
       .rule = "JX-LAB-02",
       .min = 1,
       .max = 24},
      {.name = "juvenile_week_hours",
       .type = ParamType::kNumber,
       .default_value = "",
       .unit = "小时",
       .description = "未成年犯每周劳动时间上限（默认每周24小时）",
       .rule = "JX-LAB-02",
       .min = 1,
       .max = 168},
      {.name = "min_rest_days",
       .type = ParamType::kInt,
       .default_value = "",
       .unit = "日",
       .description = "每周至少休息日数（默认1日）",
       .rule = "JX-LAB-02",
       .min = 0,
       .max = 7},
  };
  static const ModelSpec kSpec{
      .id = kM11,
      .name = "超时劳动",
      .key = {"facility_org_id", "unit", "week"},
      .summary =
          "一个ISO周内，某监区有劳动记录的罪犯中达到规定比例的人日劳动或周劳动超过上限"
          "（未成年犯适用未成年犯上限），或整周无休息日",
      .inputs = {{"labor_days", {"person_id", "date", "facility_org_id", "unit", "hours", "kind"}},
                 {"persons", {"person_id", "birth_date"}},
                 {"orgs", {"org_id", "name"}}},
      .params = {std::begin(kParams), std::end(kParams)},
      .basis = {"JX-LAB-02"},
      .version = 1};
  return kSpec;
}

// ---- small helpers ----

int32_t MonthOf(Date d) { return d.year() * 12 + d.month() - 1; }
Date MonthStart(int32_t m) { return Date::FromDays(DaysFromCivil(m / 12, m % 12 + 1, 1)); }
// Days of the Monday of the ISO week holding `days` (1970-01-01 was a Thursday).
int32_t MondayOf(int32_t days) { return days - ((days % 7 + 10) % 7); }

// "2026-W24" for the ISO week starting on `monday`: the week belongs to the year of its
// Thursday and is numbered from the week holding that year's first Thursday.
std::string IsoWeekLabel(Date monday) {
  const Date thursday = monday + 3;
  const int year = thursday.year();
  const int week = (thursday - Date::FromDays(DaysFromCivil(year, 1, 1))) / 7 + 1;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", year, week);
  return buf;
}

// Whole numbers print as integers in facts and summaries (points and hours are decimals).
json Num(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
    return json(static_cast<int64_t>(v));
  }
  return json(v);
}
std::string NumText(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}
std::string Fixed1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}
std::string Percent(double share) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", 100.0 * share);
  return buf;
}

void AddBasis(std::vector<std::string>& basis, std::string_view id) {
  if (std::find(basis.begin(), basis.end(), id) == basis.end()) basis.emplace_back(id);
}

// Type-7 quantile of sorted values (see the file comment).
double QuantileType7(std::span<const double> sorted, double p) {
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const size_t lo = static_cast<size_t>(std::floor(h));
  const size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

// Facilities dealt to parts, heaviest first onto the lightest part, by row count of one
// table. part_of[org] for every org id; rows with no facility belong to part 0.
// `part_rows` (optional) receives the rows of each part.
std::vector<int> AssignParts(std::span<const int32_t> facility, int32_t org_count, int parts,
                             std::vector<int64_t>* part_rows = nullptr) {
  std::vector<int64_t> rows(static_cast<size_t>(org_count), 0);
  for (int32_t f : facility) {
    if (f >= 0 && f < org_count) ++rows[static_cast<size_t>(f)];
  }
  std::vector<int32_t> order(static_cast<size_t>(org_count));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](int32_t a, int32_t b) { return rows[a] > rows[b]; });
  std::vector<int64_t> load(static_cast<size_t>(parts), 0);
  std::vector<int> part_of(static_cast<size_t>(org_count), 0);
  for (int32_t org : order) {
    if (rows[static_cast<size_t>(org)] == 0) break;
    const auto lightest = std::min_element(load.begin(), load.end()) - load.begin();
    part_of[static_cast<size_t>(org)] = static_cast<int>(lightest);
    load[static_cast<size_t>(lightest)] += rows[static_cast<size_t>(org)];
  }
  if (part_rows) {
    *part_rows = load;
    (*part_rows)[0] += static_cast<int64_t>(facility.size()) -
                       std::accumulate(load.begin(), load.end(), int64_t{0});
  }
  return part_of;
}

// Rewards of some kinds by person and by calendar month touched, for "did the person have
// one in month m". Immutable once built.
class PersonMonthIndex {
 public:
  PersonMonthIndex() = default;
  // `months(row, &first, &last)` gives the months a reward row touches (false = skip).
  template <typename MonthsFn>
  PersonMonthIndex(std::span<const int32_t> person, int32_t person_count, MonthsFn months) {
    struct Entry {
      int32_t person, month, row;
    };
    std::vector<Entry> entries;
    for (int32_t r = 0; r < static_cast<int32_t>(person.size()); ++r) {
      int32_t first, last;
      if (person[r] < 0 || person[r] >= person_count || !months(r, &first, &last)) continue;
      for (int32_t m = first; m <= last; ++m) entries.push_back({person[r], m, r});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
      return std::tie(a.person, a.month, a.row) < std::tie(b.person, b.month, b.row);
    });
    start_.assign(static_cast<size_t>(person_count) + 1, 0);
    for (const Entry& e : entries) ++start_[static_cast<size_t>(e.person) + 1];
    for (size_t i = 1; i < start_.size(); ++i) start_[i] += start_[i - 1];
    month_.reserve(entries.size());
    row_.reserve(entries.size());
    for (const Entry& e : entries) {
      month_.push_back(e.month);
      row_.push_back(e.row);
    }
  }
  // Reward rows of `person` touching `month`, in row order (into `out`, cleared first).
  void Find(int32_t person, int32_t month, std::vector<int32_t>* out) const {
    out->clear();
    if (person < 0 || static_cast<size_t>(person) + 1 >= start_.size()) return;
    for (int32_t i = start_[person]; i < start_[person + 1]; ++i) {
      if (month_[i] == month) out->push_back(row_[i]);
    }
  }
  bool Any(int32_t person, int32_t month) const {
    if (person < 0 || static_cast<size_t>(person) + 1 >= start_.size()) return false;
    for (int32_t i = start_[person]; i < start_[person + 1]; ++i) {
      if (month_[i] == month) return true;
    }
    return false;
  }

 private:
  std::vector<int32_t> start_;
  std::vector<int32_t> month_, row_;
};

// A (facility, unit) pair of labour rows; the unit's text lives in the snapshot.
struct FacilityUnit {
  int32_t facility;
  std::string_view unit;
  bool operator==(const FacilityUnit&) const = default;
};
struct FacilityUnitHash {
  size_t operator()(const FacilityUnit& k) const {
    return std::hash<std::string_view>()(k.unit) * 31 + static_cast<size_t>(k.facility);
  }
};

// ---- the run ----

struct LabourSettings {
  double day, week, juvenile_day, juvenile_week, share;
  int min_rest;
  std::vector<std::string> params_set;  // PARAM:<name> of the limits a user changed
};

class PrisonRun : public PassRun {
 public:
  explicit PrisonRun(const RunContext& ctx) : ctx_(ctx) {}
  Status Init();
  int parts() const override { return parts_; }
  Status RunPart(int part, PassOutput& out) override {
    if (m09_) RunM09(part, out);
    if (m10_ && part == 0) RunM10(out);
    if (m11_) RunM11(part, out);
    return Status::Ok();
  }

 private:
  int PartOf(const std::vector<int>& part_of, int32_t org) const {
    return org >= 0 && static_cast<size_t>(org) < part_of.size() ? part_of[org] : 0;
  }
  // Index of per-org settings: the org, or the last slot (settings that apply everywhere)
  // for a row with no facility.
  size_t OrgSlot(int32_t org) const {
    return org >= 0 && org < orgs_->size() ? static_cast<size_t>(org)
                                           : static_cast<size_t>(orgs_->size());
  }
  std::string OrgText(int32_t org) const {
    return org >= 0 && org < orgs_->size() ? std::string(orgs_->Text(org)) : std::string();
  }
  void RunM09(int part, PassOutput& out) const;
  void RunM10(PassOutput& out) const;
  void RunM11(int part, PassOutput& out) const;

  const RunContext& ctx_;
  bool m09_ = false, m10_ = false, m11_ = false;
  int parts_ = 1;
  const IdDict* orgs_ = nullptr;
  int32_t person_count_ = 0;
  int32_t as_of_month_ = 0;

  // M09
  std::vector<int> points_part_;
  int32_t cap_first_month_ = 0;
  std::vector<double> caps_;  // monthly bonus cap by month from cap_first_month_; NaN = none
  PersonMonthIndex penalties_, merits_;
  std::vector<double> fence_k_;  // by OrgSlot

  // M10
  std::vector<uint64_t> restricted_;    // by OrgSlot: bits of domain::kCategory
  std::vector<int> trusty_max_months_;  // by OrgSlot

  // M11
  std::vector<int> labour_part_;
  std::vector<int64_t> labour_part_rows_;     // rows of each part
  std::vector<LabourSettings> labour_;        // by OrgSlot
  int education_kind_ = -1, rest_kind_ = -1;  // codes of labor_days.kind
};

Status PrisonRun::Init() {
  const Snapshot& data = *ctx_.data;
  m09_ = ctx_.Selected(kM09);
  m10_ = ctx_.Selected(kM10);
  m11_ = ctx_.Selected(kM11);
  orgs_ = &data.Ids("orgs");
  person_count_ = data.Ids("persons").size();
  as_of_month_ = MonthOf(ctx_.as_of_date);
  const int32_t org_count = orgs_->size();
  // Two parts a worker, for balance (facilities differ in size).
  parts_ = std::max(1, ctx_.threads * 2);

  if (m09_) {
    const Frame& points = data.Table("points");
    points_part_ = AssignParts(points.I32("facility_org_id"), org_count, parts_);
    // The cap in force for every month judged (up to the as-of month; law::PointsRulesOn).
    int32_t lo = as_of_month_;
    const int32_t hi = as_of_month_;
    for (int32_t m : points.I32("month")) {
      if (m != kNull32) lo = std::min(lo, m);
    }
    lo = std::max(lo, 0);
    cap_first_month_ = lo;
    caps_.assign(static_cast<size_t>(hi - lo + 1), std::nan(""));
    for (int32_t m = lo; m <= hi; ++m) {
      if (auto rules = law::PointsRulesOn(MonthStart(m))) {
        caps_[static_cast<size_t>(m - lo)] = rules->monthly_bonus_cap;
      }
    }
    const Frame& rewards = data.Table("rewards");
    const auto& kinds = rewards.Codes("kind");
    const int warning = kinds.IndexOf("warning"), demerit = kinds.IndexOf("demerit"),
              confinement = kinds.IndexOf("confinement"), merit = kinds.IndexOf("merit"),
              major_merit = kinds.IndexOf("major_merit");
    const auto kind = rewards.I32("kind");
    const auto date = rewards.I32("date");
    const auto days = rewards.I32("days");
    penalties_ = PersonMonthIndex(
        rewards.I32("person_id"), person_count_, [&](int32_t r, int32_t* first, int32_t* last) {
          if (date[r] == kNull32) return false;
          const Date d = Date::FromDays(date[r]);
          if (kind[r] == warning || kind[r] == demerit) {
            *first = *last = MonthOf(d);
            return true;
          }
          if (kind[r] == confinement) {
            const int32_t n = days[r] == kNull32 || days[r] < 1 ? 1 : days[r];
            *first = MonthOf(d);
            *last = MonthOf(d + (n - 1));
            return true;
          }
          return false;
        });
    merits_ = PersonMonthIndex(rewards.I32("person_id"), person_count_,
                               [&](int32_t r, int32_t* first, int32_t* last) {
                                 if (date[r] == kNull32) return false;
                                 if (kind[r] != merit && kind[r] != major_merit) return false;
                                 *first = *last = MonthOf(Date::FromDays(date[r]));
                                 return true;
                               });
    fence_k_.resize(static_cast<size_t>(org_count) + 1);
    for (int32_t org = 0; org <= org_count; ++org) {
      fence_k_[org] = ctx_.params->Num(kM09, "fence_k", org < org_count ? org : kNoOrg);
    }
  }

  if (m10_) {
    restricted_.resize(static_cast<size_t>(org_count) + 1);
    trusty_max_months_.resize(static_cast<size_t>(org_count) + 1);
    for (int32_t org = 0; org <= org_count; ++org) {
      const int32_t o = org < org_count ? org : kNoOrg;
      restricted_[org] = ctx_.params->Codes(kM10, "restricted_categories", o);
      trusty_max_months_[org] = static_cast<int>(ctx_.params->Int(kM10, "trusty_max_months", o));
    }
  }

  if (m11_) {
    const Frame& labour = data.Table("labor_days");
    labour_part_ =
        AssignParts(labour.I32("facility_org_id"), org_count, parts_, &labour_part_rows_);
    const auto& kinds = labour.Codes("kind");
    education_kind_ = kinds.IndexOf("education");
    rest_kind_ = kinds.IndexOf("rest");
    const law::LabourLimits law_limits = law::DefaultLabourLimits();
    auto setting = [&](std::string_view name, double law_value, int32_t org,
                       LabourSettings* s) -> double {
      if (!ctx_.params->IsSet(kM11, name, org)) return law_value;
      s->params_set.push_back("PARAM:" + std::string(name));
      return ctx_.params->Num(kM11, name, org);
    };
    labour_.resize(static_cast<size_t>(org_count) + 1);  // last: rows with no facility
    for (int32_t org = 0; org <= org_count; ++org) {
      const int32_t o = org < org_count ? org : kNoOrg;
      LabourSettings& s = labour_[static_cast<size_t>(org)];
      s.day = setting("day_hours", law_limits.day_hours, o, &s);
      s.week = setting("week_hours", law_limits.week_hours, o, &s);
      s.juvenile_day = setting("juvenile_day_hours", law_limits.juvenile_day_hours, o, &s);
      s.juvenile_week = setting("juvenile_week_hours", law_limits.juvenile_week_hours, o, &s);
      s.min_rest =
          static_cast<int>(setting("min_rest_days", law_limits.min_rest_days_per_week, o, &s));
      s.share = ctx_.params->Num(kM11, "share", o);
    }
  }
  return Status::Ok();
}

// ---- M09 ----

void PrisonRun::RunM09(int part, PassOutput& out) const {
  const Snapshot& data = *ctx_.data;
  const Frame& points = data.Table("points");
  const Frame& rewards = data.Table("rewards");
  const auto person = points.I32("person_id");
  const auto month = points.I32("month");
  const auto facility = points.I32("facility_org_id");
  const auto bonus = points.F64("bonus");
  const auto deduction = points.F64("deduction");
  const auto total = points.F64("total");
  const int32_t window_last = as_of_month_, window_first = as_of_month_ - 11;

  enum : uint8_t { kOverCap = 1, kPenalty = 2, kOutlier = 4 };
  struct Issue {
    int32_t person, month, row;
    uint8_t kind;
    int32_t fence = -1;  // kOutlier: index into fences
  };
  struct Fence {
    int32_t facility, people;
    double q1, q3, iqr, fence, k, sum;
  };
  std::vector<Issue> issues;
  std::vector<Fence> fences;

  // Window accumulators by person: months seen, the facility of them all (−1 mixed).
  std::vector<uint8_t> months_seen(static_cast<size_t>(person_count_), 0);
  std::vector<int32_t> window_facility(static_cast<size_t>(person_count_), kNull32);
  std::vector<double> window_sum(static_cast<size_t>(person_count_), 0);
  std::vector<int32_t> last_row(static_cast<size_t>(person_count_), -1);

  int64_t scanned = 0;
  for (int32_t r = 0; r < points.rows(); ++r) {
    if (PartOf(points_part_, facility[r]) != part) continue;
    ++scanned;
    const int32_t p = person[r], m = month[r];
    if (p < 0 || p >= person_count_ || m == kNull32 || m > as_of_month_) continue;
    const double b = bonus[r];
    if (b > 0) {
      const int32_t ci = m - cap_first_month_;
      if (ci >= 0 && ci < static_cast<int32_t>(caps_.size()) && b > caps_[ci]) {
        issues.push_back({p, m, r, kOverCap});
      }
      if (penalties_.Any(p, m)) issues.push_back({p, m, r, kPenalty});
    }
    if (m >= window_first && m <= window_last && !std::isnan(total[r]) && facility[r] != kNull32) {
      uint8_t& seen = months_seen[p];
      int32_t& f = window_facility[p];
      if (seen == 0) {
        f = facility[r];
      } else if (f != facility[r]) {
        f = -1;
      }
      ++seen;
      window_sum[p] += total[r];
      if (m == window_last) last_row[p] = r;
    }
  }
  if (part == 0) scanned += rewards.rows();
  out.Scanned(kM09, scanned);

  // The population of each facility and its fence.
  struct Member {
    int32_t facility, person;
    double sum;
  };
  std::vector<Member> members;
  for (int32_t p = 0; p < person_count_; ++p) {
    if (months_seen[p] == 12 && window_facility[p] >= 0) {
      members.push_back({window_facility[p], p, window_sum[p]});
    }
  }
  std::sort(members.begin(), members.end(), [](const Member& a, const Member& b) {
    return std::tie(a.facility, a.sum, a.person) < std::tie(b.facility, b.sum, b.person);
  });
  std::vector<double> sums;
  for (size_t i = 0; i < members.size();) {
    size_t j = i;
    while (j < members.size() && members[j].facility == members[i].facility) ++j;
    sums.clear();
    for (size_t k = i; k < j; ++k) sums.push_back(members[k].sum);
    const double q1 = QuantileType7(sums, 0.25), q3 = QuantileType7(sums, 0.75);
    const double k = fence_k_[OrgSlot(members[i].facility)];
    const double fence = q3 + k * (q3 - q1);
    for (size_t t = i; t < j; ++t) {
      if (members[t].sum > fence + 1e-9) {
        fences.push_back({members[i].facility, static_cast<int32_t>(j - i), q1, q3, q3 - q1, fence,
                          k, members[t].sum});
        issues.push_back({members[t].person, window_last, last_row[members[t].person], kOutlier,
                          static_cast<int32_t>(fences.size() - 1)});
      }
    }
    i = j;
  }

  // One finding per (person, month).
  std::sort(issues.begin(), issues.end(), [](const Issue& a, const Issue& b) {
    return std::tie(a.person, a.month, a.kind) < std::tie(b.person, b.month, b.kind);
  });
  const auto rdate = rewards.I32("date");
  const auto rkind = rewards.I32("kind");
  const auto rdays = rewards.I32("days");
  const auto& kinds = rewards.Codes("kind");
  std::vector<int32_t> found;
  for (size_t i = 0; i < issues.size();) {
    size_t j = i;
    while (j < issues.size() && issues[j].person == issues[i].person &&
           issues[j].month == issues[i].month) {
      ++j;
    }
    const int32_t r = issues[i].row;
    const int32_t p = issues[i].person, m = issues[i].month;
    const std::string month_text = FormatMonth(m);
    Finding f;
    f.model = kM09;
    f.key = {{"person_id", std::string(points.IdText("person_id", r))}, {"month", month_text}};
    f.person_id = std::string(points.IdText("person_id", r));
    f.org_id = std::string(points.IdText("facility_org_id", r));
    f.severity = Severity::kMedium;
    f.facts["month"] = month_text;
    std::vector<std::string> sentences;
    std::vector<std::string> checks;
    for (size_t t = i; t < j; ++t) {
      const Issue& is = issues[t];
      switch (is.kind) {
        case kOverCap: {
          const double cap = caps_[static_cast<size_t>(m - cap_first_month_)];
          merits_.Find(p, m, &found);
          std::string s = month_text + "月普通加分" + NumText(bonus[r]) + "分，超过月度加分上限" +
                          NumText(cap) + "分";
          f.facts["bonus"] = Num(bonus[r]);
          f.facts["bonus_cap"] = Num(cap);
          f.facts["bonus_over_cap"] = Num(bonus[r] - cap);
          if (found.empty()) {
            f.severity = Severity::kHigh;
          } else {
            json ids = json::array();
            for (int32_t rr : found) ids.push_back(rewards.IdText("reward_id", rr));
            f.facts["merit_rewards_same_month"] = ids;
            s += "（当月另有立功奖励，加分中可能含专项加分，需核实）";
          }
          sentences.push_back(std::move(s));
          checks.emplace_back("bonus_over_cap");
          AddBasis(f.basis, "JX-PTS-02");
          break;
        }
        case kPenalty: {
          penalties_.Find(p, m, &found);
          std::sort(found.begin(), found.end(),
                    [&](int32_t a, int32_t b) { return rdate[a] < rdate[b]; });
          const int32_t first = found.front();
          const std::string_view code = kinds.codes[rkind[first]].code;
          const std::string_view label = kinds.codes[rkind[first]].label;
          const Date d = Date::FromDays(rdate[first]);
          std::string s;
          if (code == "confinement") {
            const int32_t n = rdays[first] == kNull32 ? 1 : rdays[first];
            s = month_text + "月" + (MonthOf(d) == m ? "受到禁闭处罚" : "处于禁闭期间") + "（" +
                d.ToString() + "起" + std::to_string(n) + "日）";
          } else {
            s = month_text + "月受到" + std::string(label) + "处分（" + d.ToString() + "）";
          }
          s += "，当月仍获加分" + NumText(bonus[r]) + "分";
          sentences.push_back(std::move(s));
          f.facts["bonus"] = Num(bonus[r]);
          f.facts["penalty"] = code;
          f.facts["penalty_date"] = d.ToString();
          f.facts["penalty_reward_id"] = rewards.IdText("reward_id", first);
          if (rdays[first] != kNull32) f.facts["confinement_days"] = rdays[first];
          f.facts["deduction"] = std::isnan(deduction[r]) ? json(nullptr) : Num(deduction[r]);
          if (found.size() > 1) {
            json all = json::array();
            for (int32_t rr : found) {
              all.push_back({{"reward_id", rewards.IdText("reward_id", rr)},
                             {"kind", kinds.codes[rkind[rr]].code},
                             {"date", Date::FromDays(rdate[rr]).ToString()}});
            }
            f.facts["penalties"] = all;
          }
          f.severity = Severity::kHigh;
          checks.emplace_back("bonus_in_penalty_month");
          AddBasis(f.basis, "JX-PTS-04");
          break;
        }
        case kOutlier: {
          const Fence& fe = fences[static_cast<size_t>(is.fence)];
          const std::string from = FormatMonth(window_first), to = FormatMonth(window_last);
          sentences.push_back(from + "至" + to + "计分合计" + NumText(fe.sum) +
                              "分，超过本监狱同期（12个月均有计分的" + std::to_string(fe.people) +
                              "名罪犯）异常值上限" + Fixed1(fe.fence) + "分（Q3＋" + NumText(fe.k) +
                              "×IQR）");
          f.facts["window_from"] = from;
          f.facts["window_to"] = to;
          f.facts["points_12m"] = Num(fe.sum);
          f.facts["population"] = "prisoners scored in all 12 months at this facility";
          f.facts["population_size"] = fe.people;
          f.facts["quantile_method"] = "type 7 (linear interpolation, h = (n-1)p)";
          f.facts["facility_q1"] = fe.q1;
          f.facts["facility_q3"] = fe.q3;
          f.facts["facility_iqr"] = fe.iqr;
          f.facts["fence"] = fe.fence;
          f.facts["fence_k"] = Num(fe.k);
          f.facts["over_fence"] = fe.sum - fe.fence;
          f.window = {{"from", from}, {"to", to}};
          checks.emplace_back("points_12m_outlier");
          AddBasis(f.basis, "PARAM:fence_k");
          break;
        }
      }
    }
    if (checks.size() > 1) f.facts["checks"] = checks;
    for (size_t t = 0; t < sentences.size(); ++t) {
      f.summary += (t ? "；" : "") + sentences[t];
    }
    out.Emit(std::move(f));
    i = j;
  }
}

// ---- M10 ----

void PrisonRun::RunM10(PassOutput& out) const {
  const Snapshot& data = *ctx_.data;
  const Frame& jobs = data.Table("jobs");
  const Frame& sentences = data.Table("sentences");
  const auto person = jobs.I32("person_id");
  const auto facility = jobs.I32("facility_org_id");
  const auto post_class = jobs.I32("post_class");
  const auto start = jobs.I32("start_date");
  const auto end = jobs.I32("end_date");
  const auto& classes = jobs.Codes("post_class");
  const int trusty = classes.IndexOf("trusty"), auxiliary = classes.IndexOf("auxiliary");
  const auto s_person = sentences.I32("person_id");
  const auto s_effective = sentences.I32("effective_date");
  const auto s_term_end = sentences.I32("term_end");
  const auto s_categories = sentences.I32("categories");
  // Category bits of the sentences column → bits of the parameter's list (domain::kCategory).
  const auto& column_codes = sentences.Codes("categories");
  std::vector<int> to_param(column_codes.codes.size(), -1);
  for (size_t i = 0; i < column_codes.codes.size(); ++i) {
    to_param[i] = domain::kCategory.IndexOf(column_codes.codes[i].code);
  }
  auto param_bits = [&](int32_t column_bits) {
    uint64_t bits = 0;
    for (size_t i = 0; i < to_param.size(); ++i) {
      if ((column_bits >> i & 1) && to_param[i] >= 0) bits |= uint64_t{1} << to_param[i];
    }
    return bits;
  };
  const Groups by_person_sentence(s_person, person_count_);
  const Groups by_person_job(person, person_count_);
  const int32_t as_of = ctx_.as_of_date.days();
  out.Scanned(kM10, jobs.rows());

  auto last_day = [&](int32_t r) { return end[r] == kNull32 ? as_of : std::min(end[r], as_of); };

  struct Issue {
    int32_t job;
    bool restricted = false;
    uint64_t categories = 0;
    std::vector<int32_t> sentence_rows{};
    bool long_trusty = false;
    int32_t stint_start = 0, stint_last = 0, limit_date = 0, months = 0, limit_months = 0;
    std::vector<int32_t> stint_jobs{};
  };
  std::vector<Issue> issues;
  std::vector<int32_t> issue_index(static_cast<size_t>(jobs.rows()), -1);
  auto issue_of = [&](int32_t job) -> Issue& {
    int32_t& i = issue_index[static_cast<size_t>(job)];
    if (i < 0) {
      i = static_cast<int32_t>(issues.size());
      issues.push_back({.job = job});
    }
    return issues[static_cast<size_t>(i)];
  };

  std::vector<int32_t> trusty_jobs;
  for (int32_t p = 0; p < by_person_job.key_count(); ++p) {
    const auto rows = by_person_job.rows(p);
    if (rows.empty()) continue;
    trusty_jobs.clear();
    for (int32_t r : rows) {
      if (start[r] == kNull32 || start[r] > as_of) continue;
      if (post_class[r] != trusty && post_class[r] != auxiliary) continue;
      if (post_class[r] == trusty) trusty_jobs.push_back(r);
      // Restricted category on a sentence in force during the post.
      const uint64_t mask = restricted_[OrgSlot(facility[r])];
      uint64_t hit = 0;
      std::vector<int32_t> hit_rows;
      for (int32_t s : by_person_sentence.rows(p)) {
        if (s_effective[s] == kNull32 || s_effective[s] > last_day(r)) continue;
        if (s_term_end[s] != kNull32 && s_term_end[s] < start[r]) continue;
        const uint64_t bits = param_bits(s_categories[s]) & mask;
        if (bits) {
          hit |= bits;
          hit_rows.push_back(s);
        }
      }
      if (hit) {
        Issue& is = issue_of(r);
        is.restricted = true;
        is.categories = hit;
        is.sentence_rows = std::move(hit_rows);
      }
    }
    // Trusty stints: posts at one facility following each other without a gap.
    std::sort(trusty_jobs.begin(), trusty_jobs.end(), [&](int32_t a, int32_t b) {
      return std::tie(facility[a], start[a], a) < std::tie(facility[b], start[b], b);
    });
    for (size_t i = 0; i < trusty_jobs.size();) {
      size_t j = i + 1;
      int32_t last = last_day(trusty_jobs[i]);
      while (j < trusty_jobs.size() && facility[trusty_jobs[j]] == facility[trusty_jobs[i]] &&
             start[trusty_jobs[j]] <= last + 1) {
        last = std::max(last, last_day(trusty_jobs[j]));
        ++j;
      }
      const Date first = Date::FromDays(start[trusty_jobs[i]]);
      const int max_months = trusty_max_months_[OrgSlot(facility[trusty_jobs[i]])];
      const Date limit = CorrespondingDay(first, Period::Months(max_months));
      if (last >= limit.days()) {
        // The job during which the stint passed the limit.
        int32_t key_job = trusty_jobs[j - 1];
        for (size_t t = i; t < j; ++t) {
          if (last_day(trusty_jobs[t]) >= limit.days()) {
            key_job = trusty_jobs[t];
            break;
          }
        }
        int months = max_months;
        while (CorrespondingDay(first, Period::Months(months + 1)).days() <= last + 1) ++months;
        Issue& is = issue_of(key_job);
        is.long_trusty = true;
        is.stint_start = first.days();
        is.stint_last = last;
        is.limit_date = limit.days();
        is.months = months;
        is.limit_months = max_months;
        is.stint_jobs.assign(trusty_jobs.begin() + static_cast<std::ptrdiff_t>(i),
                             trusty_jobs.begin() + static_cast<std::ptrdiff_t>(j));
      }
      i = j;
    }
  }

  for (const Issue& is : issues) {
    const int32_t r = is.job;
    Finding f;
    f.model = kM10;
    f.key = {{"job_id", std::string(jobs.IdText("job_id", r))}};
    f.person_id = std::string(jobs.IdText("person_id", r));
    f.org_id = std::string(jobs.IdText("facility_org_id", r));
    f.severity = Severity::kHigh;
    const std::string post(jobs.Text("post")[static_cast<size_t>(r)]);
    const std::string_view class_label = classes.codes[post_class[r]].label;
    const bool open = end[r] == kNull32 || end[r] > as_of;
    f.facts["post_class"] = classes.codes[post_class[r]].code;
    f.facts["post"] = post;
    f.facts["start_date"] = Date::FromDays(start[r]).ToString();
    f.facts["end_date"] =
        end[r] == kNull32 ? json(nullptr) : json(Date::FromDays(end[r]).ToString());
    const std::string post_text = std::string(class_label) + "岗位（" + post + "）";
    std::vector<std::string> sentences_text;
    if (is.restricted) {
      std::string codes, labels;
      for (size_t i = 0; i < domain::kCategory.codes.size(); ++i) {
        if (!(is.categories >> i & 1)) continue;
        codes += (codes.empty() ? "" : ";") + std::string(domain::kCategory.codes[i].code);
        labels += (labels.empty() ? "" : "、") + std::string(domain::kCategory.codes[i].label);
      }
      json ids = json::array();
      for (int32_t s : is.sentence_rows) ids.push_back(sentences.IdText("sentence_id", s));
      f.facts["categories"] = codes;
      f.facts["sentence_ids"] = ids;
      sentences_text.push_back(
          "罪犯属" + labels + "罪犯（从严管理类别），自" + Date::FromDays(start[r]).ToString() +
          "起被安排从事" + post_text +
          (open ? "，至今仍在岗" : "，至" + Date::FromDays(end[r]).ToString()));
      AddBasis(f.basis, "PARAM:restricted_categories");
    }
    if (is.long_trusty) {
      const bool stint_open = is.stint_last == as_of && open;
      f.facts["stint_start_date"] = Date::FromDays(is.stint_start).ToString();
      f.facts["stint_last_day"] = Date::FromDays(is.stint_last).ToString();
      f.facts["stint_open"] = stint_open;
      f.facts["months"] = is.months;
      f.facts["limit_months"] = is.limit_months;
      f.facts["limit_exceeded_from"] = Date::FromDays(is.limit_date).ToString();
      f.facts["days_over"] = is.stint_last - is.limit_date + 1;
      if (is.stint_jobs.size() > 1) {
        json ids = json::array();
        for (int32_t j : is.stint_jobs) ids.push_back(jobs.IdText("job_id", j));
        f.facts["stint_job_ids"] = ids;
      }
      const std::string from = Date::FromDays(is.stint_start).ToString();
      sentences_text.push_back(
          stint_open ? "罪犯自" + from + "起连续担任" + post_text + "，截至" +
                           ctx_.as_of_date.ToString() + "已满" + std::to_string(is.months) +
                           "个月，超过" + std::to_string(is.limit_months) + "个月"
                     : "罪犯" + from + "至" + Date::FromDays(is.stint_last).ToString() +
                           "连续担任" + post_text + "满" + std::to_string(is.months) +
                           "个月，超过" + std::to_string(is.limit_months) + "个月");
      AddBasis(f.basis, "PARAM:trusty_max_months");
    }
    for (size_t t = 0; t < sentences_text.size(); ++t) {
      f.summary += (t ? "；" : "") + sentences_text[t];
    }
    out.Emit(std::move(f));
  }
}

// ---- M11 ----

void PrisonRun::RunM11(int part, PassOutput& out) const {
  const Snapshot& data = *ctx_.data;
  const Frame& labour = data.Table("labor_days");
  const Frame& persons = data.Table("persons");
  const Frame& orgs = data.Table("orgs");
  const auto person = labour.I32("person_id");
  const auto date = labour.I32("date");
  const auto facility = labour.I32("facility_org_id");
  const auto unit = labour.Text("unit");
  const auto hours = labour.F64("hours");
  const auto kind = labour.I32("kind");
  const auto birth = persons.I32("birth_date");
  const auto person_row = persons.RowOfKey();
  const int32_t as_of = ctx_.as_of_date.days();

  // This part's rows in complete weeks, each with a part-local id of its (facility, unit).
  struct Item {
    int32_t row, fu, monday, date;
  };
  std::vector<Item> items;
  items.reserve(static_cast<size_t>(labour_part_rows_[static_cast<size_t>(part)]));
  std::vector<int32_t> fu_facility;
  std::vector<std::string_view> fu_unit;
  std::unordered_map<FacilityUnit, int32_t, FacilityUnitHash> fu_ids;
  int32_t prev_facility = kNull32, prev_fu = -1;
  std::string_view prev_unit;
  std::vector<int32_t> count(static_cast<size_t>(person_count_) + 1, 0);
  int32_t prev_person = -1;
  bool grouped = true;
  int64_t scanned = 0;
  for (int32_t r = 0; r < labour.rows(); ++r) {
    if (PartOf(labour_part_, facility[r]) != part) continue;
    ++scanned;
    const int32_t p = person[r];
    if (p < 0 || p >= person_count_ || date[r] == kNull32 || facility[r] == kNull32) continue;
    const int32_t monday = MondayOf(date[r]);
    if (monday + 6 > as_of) continue;
    const std::string_view u = unit[static_cast<size_t>(r)];
    if (prev_fu < 0 || facility[r] != prev_facility || u != prev_unit) {
      const auto [it, fresh] =
          fu_ids.emplace(FacilityUnit{facility[r], u}, static_cast<int32_t>(fu_facility.size()));
      if (fresh) {
        fu_facility.push_back(facility[r]);
        fu_unit.push_back(u);
      }
      const int32_t fu = it->second;
      prev_facility = facility[r];
      prev_unit = u;
      prev_fu = fu;
    }
    items.push_back({r, prev_fu, monday, date[r]});
    ++count[static_cast<size_t>(p) + 1];
    // Whether each person's rows are one run (the store's usual order).
    if (p != prev_person) {
      if (count[static_cast<size_t>(p) + 1] > 1) grouped = false;
      prev_person = p;
    }
  }
  out.Scanned(kM11, scanned);
  if (items.empty()) return;
  if (!grouped) {  // counting sort by person
    for (size_t i = 1; i < count.size(); ++i) count[i] += count[i - 1];
    std::vector<Item> by_person(items.size());
    std::vector<int32_t> next(count.begin(), count.end() - 1);
    for (const Item& it : items) by_person[static_cast<size_t>(next[person[it.row]]++)] = it;
    items = std::move(by_person);
  }
  count = {};

  struct Cell {
    int32_t fu, monday;
    int people = 0, over = 0, over_day = 0, over_week = 0, no_rest = 0, juveniles = 0;
    double max_day = 0, max_week = 0;
    int min_rest = 7;
    std::vector<int32_t> over_people{};  // person ids
  };
  constexpr size_t kListed = 20;  // over-limit persons named in the facts
  std::vector<Cell> cells;
  std::unordered_map<uint64_t, int32_t> cell_of;  // (fu, monday) → cell
  auto cell = [&](int32_t fu, int32_t monday) -> Cell& {
    const uint64_t key = (static_cast<uint64_t>(fu) << 32) | static_cast<uint32_t>(monday);
    auto [it, fresh] = cell_of.emplace(key, static_cast<int32_t>(cells.size()));
    if (fresh) cells.push_back({.fu = fu, .monday = monday});
    return cells[static_cast<size_t>(it->second)];
  };

  // By week, then (facility, unit), then date (usually already so).
  auto before = [](const Item& x, const Item& y) {
    return std::tie(x.monday, x.fu, x.date) < std::tie(y.monday, y.fu, y.date);
  };
  for (size_t b = 0, e = 0; b < items.size(); b = e) {
    const int32_t p = person[items[b].row];
    for (e = b + 1; e < items.size() && person[items[e].row] == p;) ++e;
    const std::span<Item> mine(items.data() + b, e - b);
    if (!std::is_sorted(mine.begin(), mine.end(), before)) {
      std::sort(mine.begin(), mine.end(), before);
    }
    // Last day on which the person is a juvenile (their 18th birthday), or none.
    int32_t juvenile_until = kNull32;
    const int32_t prow = p < static_cast<int32_t>(person_row.size()) ? person_row[p] : -1;
    if (prow >= 0 && birth[prow] != kNull32) {
      juvenile_until = CorrespondingDay(Date::FromDays(birth[prow]), Period::Years(18)).days();
    }
    for (size_t i = 0; i < mine.size();) {
      const int32_t monday = mine[i].monday, fu = mine[i].fu;
      const LabourSettings& lim = labour_[OrgSlot(fu_facility[static_cast<size_t>(fu)])];
      size_t j = i;
      double week_hours = 0, max_day = 0;
      int rest_days = 0, days = 0;
      bool over_day = false;
      for (; j < mine.size() && mine[j].monday == monday && mine[j].fu == fu; ++j) {
        const int32_t r = mine[j].row;
        ++days;
        const bool worked = hours[r] > 0 && kind[r] != rest_kind_;
        if (!worked) {
          ++rest_days;
          continue;
        }
        if (kind[r] == education_kind_) continue;
        const double h = hours[r];
        week_hours += h;
        max_day = std::max(max_day, h);
        const bool juvenile = juvenile_until != kNull32 && mine[j].date <= juvenile_until;
        if (h > (juvenile ? lim.juvenile_day : lim.day)) over_day = true;
      }
      const bool juvenile_week = juvenile_until != kNull32 && monday + 6 <= juvenile_until;
      const bool over_week = week_hours > (juvenile_week ? lim.juvenile_week : lim.week) + 1e-9;
      const bool no_rest = rest_days + (7 - days) < lim.min_rest;
      Cell& c = cell(fu, monday);
      ++c.people;
      c.juveniles += juvenile_until != kNull32 && monday <= juvenile_until;
      if (over_day || over_week || no_rest) {
        ++c.over;
        c.over_day += over_day;
        c.over_week += over_week;
        c.no_rest += no_rest;
        c.max_day = std::max(c.max_day, max_day);
        c.max_week = std::max(c.max_week, week_hours);
        c.min_rest = std::min(c.min_rest, rest_days);
        c.over_people.push_back(p);
      }
      i = j;
    }
  }

  const auto org_name = orgs.Text("name");
  const auto org_row = orgs.RowOfKey();
  for (Cell& c : cells) {
    const int32_t fac = fu_facility[static_cast<size_t>(c.fu)];
    const LabourSettings& lim = labour_[OrgSlot(fac)];
    const double share = static_cast<double>(c.over) / c.people;
    if (c.over == 0 || share < lim.share - 1e-12) continue;
    const Date monday = Date::FromDays(c.monday);
    const std::string week = IsoWeekLabel(monday);
    const std::string fac_id = OrgText(fac);
    const std::string unit_name = fu_unit[static_cast<size_t>(c.fu)].empty()
                                      ? std::string(kNoUnit)
                                      : std::string(fu_unit[static_cast<size_t>(c.fu)]);
    std::string fac_name = fac_id;
    if (fac >= 0 && fac < static_cast<int32_t>(org_row.size()) && org_row[fac] >= 0) {
      fac_name = org_name[static_cast<size_t>(org_row[fac])];
    }
    Finding f;
    f.model = kM11;
    f.key = {{"facility_org_id", fac_id}, {"unit", unit_name}, {"week", week}};
    f.org_id = fac_id;
    f.severity = Severity::kMedium;
    const IdDict& person_ids = labour.Dict("person_id");
    std::sort(c.over_people.begin(), c.over_people.end(),
              [&](int32_t a, int32_t b) { return person_ids.Text(a) < person_ids.Text(b); });
    json listed = json::array();
    for (size_t i = 0; i < c.over_people.size() && i < kListed; ++i) {
      listed.push_back(person_ids.Text(c.over_people[i]));
    }
    f.facts = {{"week", week},
               {"week_from", monday.ToString()},
               {"week_to", (monday + 6).ToString()},
               {"people", c.people},
               {"over_limit", c.over},
               {"share", share},
               {"share_threshold", lim.share},
               {"over_day_limit", c.over_day},
               {"over_week_limit", c.over_week},
               {"no_rest_day", c.no_rest},
               {"max_day_hours", Num(c.max_day)},
               {"max_week_hours", Num(c.max_week)},
               {"min_rest_days", c.min_rest},
               {"juveniles", c.juveniles},
               {"day_limit_hours", Num(lim.day)},
               {"week_limit_hours", Num(lim.week)},
               {"juvenile_day_limit_hours", Num(lim.juvenile_day)},
               {"juvenile_week_limit_hours", Num(lim.juvenile_week)},
               {"min_rest_days_required", lim.min_rest},
               {"over_limit_persons", listed}};
    f.window = {{"from", monday.ToString()}, {"to", (monday + 6).ToString()}};
    f.basis = {"JX-LAB-02"};
    for (const std::string& p : lim.params_set) f.basis.push_back(p);
    f.basis.push_back("PARAM:share");
    std::string detail;
    auto part_text = [&](int n, const std::string& what) {
      if (n == 0) return;
      detail += (detail.empty() ? "" : "，") + what + std::to_string(n) + "名";
    };
    part_text(c.over_day, "日劳动超过" + NumText(lim.day) + "小时");
    part_text(c.over_week, "周劳动超过" + NumText(lim.week) + "小时");
    part_text(c.no_rest, "无休息日");
    f.summary = fac_name + unit_name + "在" + week + "周（" + monday.ToString() + "至" +
                (monday + 6).ToString() + "）" + std::to_string(c.people) + "名罪犯中有" +
                std::to_string(c.over) + "名超时劳动或无休息日，占" + Percent(share) + "（" +
                detail + "；最长日劳动" + NumText(c.max_day) + "小时，最长周劳动" +
                NumText(c.max_week) + "小时）";
    out.Emit(std::move(f));
  }
}

// ---- the pass ----

class PrisonPassImpl : public Pass {
 public:
  PrisonPassImpl() : models_{&M09Spec(), &M10Spec(), &M11Spec()} {}
  std::string_view name() const override { return "prison"; }
  std::span<const ModelSpec* const> models() const override { return models_; }
  Result<std::unique_ptr<PassRun>> Start(const RunContext& ctx) const override {
    auto run = std::make_unique<PrisonRun>(ctx);
    ZJ_RETURN_IF_ERROR(run->Init());
    return std::unique_ptr<PassRun>(std::move(run));
  }

 private:
  const ModelSpec* models_[3];
};

}  // namespace

const Pass& PrisonPass() {
  static const PrisonPassImpl kPass;
  return kPass;
}

}  // namespace zj::models
