// Trajectory models (社区矫正电子定位): M14 社区矫正越界, M15 社区矫正失联, M16 请假逾期未归,
// in one pass that reads each monitored subject's positions once, in time order, and hands
// them to geo::TrackAnalyzer (src/geo/trajectory.h: the episode, jitter, duplicate and
// boundary rules live there).
//
// Who is analysed. Every correction with monitored = 1 whose monitored period meets the
// analysis window. The period runs from the start of the correction (start_date, else
// decision_effective_date, Beijing midnight) to the earliest of: the as-of moment, the end
// of end_date, the end of status_date when the status is not `active` (terminated, revoked,
// absconded, dead), and the end of the day of a `terminated`, `recommitted` or `died` event.
// Positions outside the period are never used: nothing before the correction began, and
// nothing after it ended (so a terminated subject has no lost contact after termination; a
// silence that runs into the end of a period that is over counts up to the start of the
// period's last day, since the device may be taken off at any time that day).
// The residence (执行地) is residence_region_code, else the region of the office.
//
// Windows. Each model has `window_days` (default 30): a finding is reported when it reaches
// into the last window_days days before the as-of moment. Positions are read from 7 days
// (kContextDays) before the earliest window of the selected models, so that an episode or
// a silence that began shortly before the window keeps its true start, and from the start of
// any approved leave that ended before the window without a return recorded by then (so an
// overstay is still seen as the leave's trip). The exchange data say nothing about when a
// device was fitted: the silence before a subject's first known position is not lost
// contact. When the first position read lies after the window's start, the one position
// just before the read range is fetched (one index seek) and, if it lies within the
// correction, starts the track.
//
// Thresholds. M14: PARAM out_of_area_minutes (default 120, per office jurisdiction). M15
// and M16: law::AbsenceThresholdOn(the Beijing date the absence began) — 48 hours from
// 2026-02-21 (JX-CC-14), the 10-day sanction threshold before (JX-CC-07) — unless the user
// sets lost_contact_hours / overdue_hours. The analyzer is run with the smallest threshold
// that may apply to the subject, and each gap or overdue trip is then checked against its
// own threshold, which gives exactly the per-date rule in one pass.
//
// M16 has two sources, merged into one finding per leave: (a) the leave record — returned
// (销假) more than the threshold after end_ts, or not returned by the as-of moment when
// end_ts + threshold has passed — for every subject, monitored or not; (b) positions still
// outside the residence county more than the threshold after end_ts (TrackAnalyzer
// OverdueAbroad). An approved leave that starts within an approved leave of the same
// correction and ends later extends it (续假): the earlier leave is judged by the end of the
// chain, and only the last leave of a chain is reported.
//
// Parts: the analysed subjects, in store order, are cut into up to 4 × threads contiguous
// ranges of about equal period length; each part opens its own connection and reads its
// subjects' positions with prepared range scans (storage/position_reader.h). One more part
// judges the leave records of subjects no position part covers.
//
// Thread-safety: the pass is immutable; parts share only read-only state.

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "geo/county_index.h"
#include "geo/regions.h"
#include "geo/trajectory.h"
#include "law/supervision.h"
#include "models/registry.h"
#include "storage/position_reader.h"

namespace zj::models {
namespace {

constexpr std::string_view kM14 = "M14";
constexpr std::string_view kM15 = "M15";
constexpr std::string_view kM16 = "M16";

constexpr int64_t kDay = 86400;
// Positions read before the earliest window (see the file comment).
constexpr int64_t kContextDays = 7;
// How far before the window the start of an unreturned leave may pull the read range.
constexpr int64_t kLeaveLookbackDays = 60;

ParamSpec WindowParam() {
  return {.name = "window_days",
          .type = ParamType::kInt,
          .default_value = "30",
          .unit = "日",
          .description =
              "分析截止时间前多少日内的定位轨迹：越界片段、失联区间或逾期在外延续到该期间内的，"
              "才作为线索",
          .rule = "",
          .min = 1,
          .max = 366};
}

const std::vector<TableNeed> kInputs = {
    {"corrections",
     {"correction_id", "person_id", "office_org_id", "residence_region_code",
      "decision_effective_date", "start_date", "end_date", "status", "status_date", "monitored"}},
    {"correction_events", {"correction_id", "event", "date"}},
    {"leaves",
     {"leave_id", "correction_id", "start_ts", "end_ts", "destination_region_code", "status",
      "returned_ts"}},
    {"orgs", {"org_id", "region_code"}},
    // Read subject by subject in time order (storage::PositionScan), never loaded whole.
    {"positions", {"correction_id", "ts", "lon", "lat"}, true},
};

const ModelSpec kM14Spec{
    .id = kM14,
    .name = "社区矫正越界",
    .key = {"correction_id", "from"},
    .summary =
        "电子定位显示社区矫正对象离开执行地县（市、区），又无经批准的请假覆盖，连续停留超过"
        "规定时长",
    .inputs = kInputs,
    .params = {{.name = "out_of_area_minutes",
                .type = ParamType::kInt,
                .default_value = "120",
                .unit = "分钟",
                .description = "在执行地以外、无经批准请假覆盖的连续停留超过该时长的，作为越界线索",
                .rule = "",
                .min = 1,
                .max = 43200},
               WindowParam(),
               {.name = "confirm_minutes",
                .type = ParamType::kInt,
                .default_value = "30",
                .unit = "分钟",
                .description =
                    "防定位漂移：离开或回到执行地须持续至少该时长（且至少 confirm_positions "
                    "个定位点）才确认，边界附近的短暂跳点不计；不得超过 out_of_area_minutes",
                .rule = "",
                .min = 0,
                .max = 1440},
               {.name = "confirm_positions",
                .type = ParamType::kInt,
                .default_value = "2",
                .unit = "个",
                .description = "防定位漂移：确认离开或回到执行地所需的最少连续定位点数",
                .rule = "",
                .min = 1,
                .max = 100}},
    .basis = {"JX-CC-03", "JX-CC-14", "JX-CC-07"},
    .version = 1,
};

const ModelSpec kM15Spec{
    .id = kM15,
    .name = "社区矫正失联",
    .key = {"correction_id", "from"},
    .summary = "电子定位的在矫对象连续无定位超过规定时长（2026-02-21起为48小时）",
    .inputs = kInputs,
    .params = {{.name = "lost_contact_hours",
                .type = ParamType::kInt,
                .default_value = "",
                .unit = "小时",
                .description =
                    "连续无定位超过该时长的作为失联线索；不设置时按失联开始之日施行的规定："
                    "2026-02-21起超过48小时（司发通〔2026〕8号），此前以超过十日为界",
                .rule = "JX-CC-14",
                .min = 1,
                .max = 8760},
               WindowParam()},
    .basis = {"JX-CC-14", "JX-CC-07"},
    .version = 1,
};

const ModelSpec kM16Spec{
    .id = kM16,
    .name = "请假逾期未归",
    .key = {"leave_id"},
    .summary =
        "经批准请假外出的社区矫正对象在请假期满后超过规定时长才销假或至今未销假，或电子定位显示"
        "期满后超过规定时长仍在执行地以外",
    .inputs = kInputs,
    .params = {{.name = "overdue_hours",
                .type = ParamType::kInt,
                .default_value = "",
                .unit = "小时",
                .description =
                    "请假期满后超过该时长仍未销假或仍在执行地以外的作为线索；不设置时按期满之日"
                    "施行的规定：2026-02-21起超过48小时（司发通〔2026〕8号），此前以超过十日为界",
                .rule = "JX-CC-14",
                .min = 0,
                .max = 8760},
               WindowParam()},
    .basis = {"JX-CC-14", "JX-CC-07", "JX-CC-03"},
    .version = 1,
};

const ModelSpec* const kModels[] = {&kM14Spec, &kM15Spec, &kM16Spec};

enum ModelIndex { kI14 = 0, kI15 = 1, kI16 = 2 };

int64_t DayStart(int32_t days) { return int64_t{days} * kDay - 8 * 3600; }
int64_t DayEnd(int32_t days) { return DayStart(days + 1) - 1; }

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return FailedPrecondition("无法读取区划数据文件 " + path +
                              "（轨迹模型 M14–M16 需要执行地县界；请检查 data 目录）");
  }
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) return IoError("读取区划数据文件 " + path + " 出错");
  return s.str();
}

std::string Hours(int64_t seconds) { return std::to_string(seconds / 3600); }

bool SameParams(const geo::TrackParams& a, const geo::TrackParams& b) {
  return a.out_of_area_minutes == b.out_of_area_minutes &&
         a.lost_contact_hours == b.lost_contact_hours && a.overdue_hours == b.overdue_hours &&
         a.confirm_positions == b.confirm_positions && a.confirm_minutes == b.confirm_minutes &&
         a.leave_covers_any_county == b.leave_covers_any_county;
}

// The region set and its index, loaded once per run.
struct Geo {
  geo::RegionSet regions;
  geo::CountyIndex index;
};

Result<std::unique_ptr<Geo>> LoadGeo(const std::string& data_dir) {
  const std::string dir = (data_dir.empty() ? std::string("data") : data_dir) + "/geo/";
  ZJ_ASSIGN_OR_RETURN(std::string csv, ReadWholeFile(dir + "sichuan-regions.csv"));
  ZJ_ASSIGN_OR_RETURN(std::string geojson, ReadWholeFile(dir + "sichuan-counties.geojson"));
  auto g = std::make_unique<Geo>();
  Result<geo::RegionSet> regions = geo::RegionSet::Parse(csv, geojson);
  if (!regions.ok()) {
    return Status(regions.status().code(),
                  "区划数据（" + dir + "）有误：" + regions.status().message());
  }
  g->regions = std::move(regions).value();
  ZJ_ASSIGN_OR_RETURN(g->index, geo::CountyIndex::Build(g->regions));
  return g;
}

// One analysed subject (a monitored correction).
struct Subject {
  int32_t row = 0;     // corrections frame row
  int64_t row_no = 0;  // store row_no (positions refer to it)
  int32_t residence = 0;
  int32_t office = kNull32;
  int64_t period_from = 0, period_to = 0;
  std::array<int64_t, 3> window_from{};  // per model, ≥ period_from
  int64_t read_from = 0;
  uint32_t leave_begin = 0, leave_end = 0;  // → TrajectoryRun::track_leaves_
  geo::TrackParams params;
  bool lost_set = false;  // M15 threshold set by the user
};

// The record part of M16 for one leave (computed in Start).
struct LeaveCheck {
  bool judged = false;  // approved, last of its chain, correction still running at the deadline
  bool late = false;    // (a)
  std::optional<int64_t> returned;  // returned_ts, if at or before as_of
  int64_t end_ts = 0;               // the leave's own end (the chain's end is in track_leaves_)
  int64_t threshold_s = 0;
  std::string_view rule;  // law rule; empty when the user set overdue_hours
};

// The parameters in force for findings about one office (per-jurisdiction settings),
// resolved once per office rather than once per subject.
struct OfficeParams {
  std::array<int64_t, 3> window_days{};  // M14, M15, M16
  int64_t out_of_area_minutes = 0, confirm_minutes = 0, confirm_positions = 0;
  std::optional<int64_t> lost_contact_hours;  // set by the user
  std::optional<int64_t> overdue_hours;       // set by the user
};

struct Part {
  bool records = false;         // the leave-record part
  uint32_t begin = 0, end = 0;  // subjects_ range
};

class TrajectoryRun final : public PassRun {
 public:
  explicit TrajectoryRun(const RunContext& ctx) : ctx_(ctx), data_(*ctx.data) {}

  Status Prepare();
  int parts() const override { return static_cast<int>(parts_.size()); }
  Status RunPart(int part, PassOutput& out) override;

 private:
  int64_t CorrectionEnd(int32_t row) const;
  int64_t CorrectionStart(int32_t row) const;
  void CheckLeaves();
  Status BuildSubjects();
  void PlanParts();
  const OfficeParams& ParamsOf(int32_t office);

  Status RunPositions(const Part& part, PassOutput& out) const;
  void RunRecords(PassOutput& out) const;

  void EmitM14(const Subject& s, const geo::OutOfAreaEpisode& e, PassOutput& out) const;
  // `until`: the next position, the as-of moment, or the start of the correction's last day
  // (`ended`).
  void EmitM15(const Subject& s, const geo::LostContactGap& g, int64_t until, bool ended,
               PassOutput& out) const;
  // M16 for the subject's leaves: (a) merged with (b) from `result` (null: no positions).
  void EmitLeaves(const Subject& s, const geo::TrackResult* result, PassOutput& out) const;
  void EmitM16(int32_t leave_row, const geo::OverdueAbroad* abroad, int64_t threshold_s,
               PassOutput& out) const;

  std::string RegionName(int32_t code) const;
  std::string CorrectionText(int32_t row) const {
    return std::string(data_.Table("corrections").IdText("correction_id", row));
  }
  std::string PersonText(int32_t row) const {
    return std::string(data_.Table("corrections").IdText("person_id", row));
  }
  std::string OfficeText(int32_t row) const {
    return std::string(data_.Table("corrections").IdText("office_org_id", row));
  }

  const RunContext ctx_;
  const Snapshot& data_;
  std::array<bool, 3> selected_{};
  std::unique_ptr<Geo> geo_;
  std::vector<Subject> subjects_;
  std::vector<geo::Leave> track_leaves_;  // per subject, contiguous
  std::vector<LeaveCheck> leave_checks_;  // by leaves row
  Groups leaves_by_correction_;           // corrections dense id → leaves rows
  std::vector<int32_t> subject_of_row_;   // corrections row → subjects_ index, -1
  std::vector<int32_t> org_region_;       // orgs dense id → region code
  std::vector<int32_t> ended_on_;         // corrections row → earliest terminating event day
  std::vector<Part> parts_;
  std::vector<std::optional<OfficeParams>> office_params_;  // by org dense id (Start only)
  std::optional<OfficeParams> global_params_;               // office unknown
};

const OfficeParams& TrajectoryRun::ParamsOf(int32_t office) {
  const bool known =
      office != kNull32 && office >= 0 && static_cast<size_t>(office) < office_params_.size();
  std::optional<OfficeParams>& slot =
      known ? office_params_[static_cast<size_t>(office)] : global_params_;
  if (!slot) {
    const ParamSet& p = *ctx_.params;
    const int32_t org = known ? office : kNoOrg;
    OfficeParams o;
    for (int i = 0; i < 3; ++i) o.window_days[i] = p.Int(kModels[i]->id, "window_days", org);
    o.out_of_area_minutes = p.Int(kM14, "out_of_area_minutes", org);
    o.confirm_minutes = p.Int(kM14, "confirm_minutes", org);
    o.confirm_positions = p.Int(kM14, "confirm_positions", org);
    if (p.IsSet(kM15, "lost_contact_hours", org)) {
      o.lost_contact_hours = p.Int(kM15, "lost_contact_hours", org);
    }
    if (p.IsSet(kM16, "overdue_hours", org)) o.overdue_hours = p.Int(kM16, "overdue_hours", org);
    slot = o;
  }
  return *slot;
}

int64_t TrajectoryRun::CorrectionStart(int32_t row) const {
  const Frame& c = data_.Table("corrections");
  const int32_t start = c.I32("start_date")[row];
  const int32_t decided = c.I32("decision_effective_date")[row];
  if (start != kNull32) return DayStart(start);
  if (decided != kNull32) return DayStart(decided);
  return std::numeric_limits<int64_t>::min();
}

int64_t TrajectoryRun::CorrectionEnd(int32_t row) const {
  const Frame& c = data_.Table("corrections");
  int64_t end = std::numeric_limits<int64_t>::max();
  const int32_t end_date = c.I32("end_date")[row];
  if (end_date != kNull32) end = std::min(end, DayEnd(end_date));
  const int32_t status = c.I32("status")[row];
  const int active = c.Codes("status").IndexOf("active");
  if (status != kNull32 && status != active) {
    const int32_t since = c.I32("status_date")[row];
    // A closed correction with no date: it cannot be placed in time, so it is over.
    end = std::min(end, since != kNull32 ? DayEnd(since) : std::numeric_limits<int64_t>::min());
  }
  const int32_t ended = ended_on_[static_cast<size_t>(row)];
  if (ended != kNull32) end = std::min(end, DayEnd(ended));
  return end;
}

Status TrajectoryRun::Prepare() {
  for (int i = 0; i < 3; ++i) selected_[i] = ctx_.Selected(kModels[i]->id);
  const Frame& corrections = data_.Table("corrections");
  const Frame& events = data_.Table("correction_events");
  const Frame& orgs = data_.Table("orgs");

  // Terminating events (the status column may lag behind them).
  ended_on_.assign(static_cast<size_t>(corrections.rows()), kNull32);
  {
    const auto corr = events.I32("correction_id");
    const auto ev = events.I32("event");
    const auto day = events.I32("date");
    const auto& codes = events.Codes("event");
    const int terminated = codes.IndexOf("terminated"), recommitted = codes.IndexOf("recommitted"),
              died = codes.IndexOf("died");
    const auto row_of = corrections.RowOfKey();
    const auto start = corrections.I32("start_date");
    for (int32_t r = 0; r < events.rows(); ++r) {
      if (ev[r] != terminated && ev[r] != recommitted && ev[r] != died) continue;
      if (corr[r] == kNull32 || day[r] == kNull32) continue;
      if (static_cast<size_t>(corr[r]) >= row_of.size()) continue;
      const int32_t c = row_of[corr[r]];
      if (c < 0) continue;
      if (start[c] != kNull32 && day[r] < start[c]) continue;  // an earlier correction's end
      int32_t& d = ended_on_[static_cast<size_t>(c)];
      if (d == kNull32 || day[r] < d) d = day[r];
    }
  }
  org_region_.assign(static_cast<size_t>(data_.Ids("orgs").size()), kNull32);
  {
    const auto id = orgs.I32("org_id");
    const auto region = orgs.I32("region_code");
    for (int32_t r = 0; r < orgs.rows(); ++r) {
      if (id[r] != kNull32) org_region_[static_cast<size_t>(id[r])] = region[r];
    }
  }
  office_params_.assign(static_cast<size_t>(data_.Ids("orgs").size()), std::nullopt);
  leaves_by_correction_ =
      Groups(data_.Table("leaves").I32("correction_id"), data_.Ids("corrections").size());
  CheckLeaves();
  ZJ_RETURN_IF_ERROR(BuildSubjects());
  PlanParts();
  return Status::Ok();
}

// M16 (a), and the extension chains every later step uses.
void TrajectoryRun::CheckLeaves() {
  const Frame& leaves = data_.Table("leaves");
  const Frame& corrections = data_.Table("corrections");
  const auto start = leaves.I64("start_ts");
  const auto end = leaves.I64("end_ts");
  const auto status = leaves.I32("status");
  const auto returned = leaves.I64("returned_ts");
  const int approved = leaves.Codes("status").IndexOf("approved");
  const auto office = corrections.I32("office_org_id");
  const auto row_of = corrections.RowOfKey();
  const int64_t as_of = ctx_.as_of;
  leave_checks_.assign(static_cast<size_t>(leaves.rows()), LeaveCheck{});

  std::vector<int32_t> chain;
  for (int32_t key = 0; key < leaves_by_correction_.key_count(); ++key) {
    const auto rows = leaves_by_correction_.rows(key);
    if (rows.empty()) continue;
    const int32_t c = static_cast<size_t>(key) < row_of.size() ? row_of[key] : -1;
    if (c < 0) continue;
    chain.clear();
    for (int32_t r : rows) {
      if (status[r] == approved && start[r] != kNull64 && end[r] != kNull64) chain.push_back(r);
    }
    const int64_t corr_end = CorrectionEnd(c);
    for (int32_t r : chain) {
      // Extended by another approved leave that starts within this one and ends later.
      bool extended = false;
      for (int32_t o : chain) {
        if (o != r && start[o] >= start[r] && start[o] <= end[r] && end[o] > end[r]) {
          extended = true;
        }
      }
      if (extended) continue;
      LeaveCheck& lc = leave_checks_[static_cast<size_t>(r)];
      lc.end_ts = end[r];
      const OfficeParams& op = ParamsOf(office[c]);
      if (op.overdue_hours) {
        lc.threshold_s = *op.overdue_hours * 3600;
      } else {
        const law::AbsenceThreshold t = law::AbsenceThresholdOn(BeijingDate(end[r]));
        lc.threshold_s = t.seconds;
        lc.rule = t.rule;
      }
      // No duty to come back once the correction is over.
      if (corr_end < end[r] + lc.threshold_s) continue;
      lc.judged = true;
      if (returned[r] != kNull64 && returned[r] <= as_of) lc.returned = returned[r];
      const int64_t back = lc.returned ? *lc.returned : as_of;
      lc.late = back - end[r] > lc.threshold_s;
    }
  }
}

Status TrajectoryRun::BuildSubjects() {
  const Frame& corrections = data_.Table("corrections");
  const Frame& leaves = data_.Table("leaves");
  const auto monitored = corrections.I32("monitored");
  const auto office = corrections.I32("office_org_id");
  const auto residence = corrections.I32("residence_region_code");
  const auto key = corrections.I32("correction_id");
  const auto row_no = corrections.RowNo();
  const auto l_start = leaves.I64("start_ts");
  const auto l_end = leaves.I64("end_ts");
  const auto l_status = leaves.I32("status");
  const auto l_dest = leaves.I32("destination_region_code");
  const auto l_returned = leaves.I64("returned_ts");
  const int approved = leaves.Codes("status").IndexOf("approved");
  const int64_t as_of = ctx_.as_of;
  subject_of_row_.assign(static_cast<size_t>(corrections.rows()), -1);
  if (!selected_[kI14] && !selected_[kI15] && !selected_[kI16]) return Status::Ok();

  // Smallest law threshold in force on any day a silence may begin (the analyzer's setting
  // when the user sets none; each gap is then held to its own day's threshold).
  std::unordered_map<int32_t, int64_t> law_hours_from;  // first day → min hours to as_of
  auto law_min_hours = [&](int64_t from_ts) {
    const Date first = BeijingDate(from_ts);
    auto it = law_hours_from.find(first.days());
    if (it != law_hours_from.end()) return it->second;
    int64_t h = std::numeric_limits<int64_t>::max();
    for (Date d = first; d <= ctx_.as_of_date; d = d + 1) {
      h = std::min<int64_t>(h, law::AbsenceThresholdOn(d).hours);
    }
    if (h == std::numeric_limits<int64_t>::max()) h = law::AbsenceThresholdOn(first).hours;
    law_hours_from.emplace(first.days(), h);
    return h;
  };

  bool any = false;
  for (int32_t r = 0; r < corrections.rows(); ++r) {
    if (monitored[r] != 1) continue;
    Subject s;
    s.row = r;
    s.row_no = row_no[r];
    s.office = office[r];
    s.residence = residence[r];
    if (s.residence == kNull32 && s.office != kNull32) {
      s.residence = org_region_[static_cast<size_t>(s.office)];
    }
    if (s.residence == kNull32) continue;  // nowhere to be inside of
    s.period_from = CorrectionStart(r);
    s.period_to = std::min(as_of, CorrectionEnd(r));
    const OfficeParams& op = ParamsOf(s.office);
    int64_t earliest = std::numeric_limits<int64_t>::max();
    for (int i = 0; i < 3; ++i) {
      const int64_t days = op.window_days[i];
      s.window_from[i] = std::max(as_of - days * kDay, s.period_from);
      if (selected_[i]) earliest = std::min(earliest, s.window_from[i]);
    }
    if (s.period_to < earliest || s.period_from > s.period_to) continue;
    s.read_from = std::max(earliest - kContextDays * kDay, s.period_from);

    s.leave_begin = static_cast<uint32_t>(track_leaves_.size());
    const auto rows = leaves_by_correction_.rows(key[r]);
    int64_t overdue_hours = std::numeric_limits<int64_t>::max();
    for (int32_t l : rows) {
      if (l_start[l] == kNull64 || l_end[l] == kNull64) continue;
      geo::Leave leave;
      leave.row = l;
      leave.start_ts = l_start[l];
      leave.end_ts = l_end[l];
      leave.destination = l_dest[l] == kNull32 ? 0 : l_dest[l];
      leave.approved = l_status[l] == approved;
      if (l_returned[l] != kNull64) leave.returned_ts = l_returned[l];
      track_leaves_.push_back(leave);
      if (!leave.approved) continue;
      const LeaveCheck& lc = leave_checks_[static_cast<size_t>(l)];
      if (lc.judged) overdue_hours = std::min(overdue_hours, lc.threshold_s / 3600);
      // An overstay begun before the window is read from the leave's start.
      const bool out_at_window = !leave.returned_ts || *leave.returned_ts >= earliest;
      if (leave.end_ts < earliest && out_at_window &&
          leave.start_ts >= earliest - kLeaveLookbackDays * kDay) {
        s.read_from = std::max(std::min(s.read_from, leave.start_ts), s.period_from);
      }
    }
    s.leave_end = static_cast<uint32_t>(track_leaves_.size());
    // Extension chains: an extended leave covers until the end of its chain (approved leaves
    // that start within it and end later), as the analyzer expects.
    std::span<geo::Leave> mine(track_leaves_.data() + s.leave_begin, s.leave_end - s.leave_begin);
    // Sorted by (start, end), every leave that may extend leave i comes after it; walking
    // backwards, its own chain end is known when i is reached. Same rule as CheckLeaves.
    std::sort(mine.begin(), mine.end(), [](const geo::Leave& a, const geo::Leave& b) {
      return a.start_ts != b.start_ts ? a.start_ts < b.start_ts : a.end_ts < b.end_ts;
    });
    for (size_t i = mine.size(); i-- > 0;) {
      if (!mine[i].approved) continue;
      const int64_t own_end = l_end[mine[i].row];
      for (size_t j = i + 1; j < mine.size(); ++j) {
        if (mine[j].approved && mine[j].start_ts <= own_end && l_end[mine[j].row] > own_end) {
          mine[i].end_ts = std::max(mine[i].end_ts, mine[j].end_ts);
        }
      }
    }

    geo::TrackParams& p = s.params;
    p.out_of_area_minutes = op.out_of_area_minutes;
    p.confirm_minutes = op.confirm_minutes;
    p.confirm_positions = static_cast<int>(op.confirm_positions);
    s.lost_set = op.lost_contact_hours.has_value();
    p.lost_contact_hours = s.lost_set ? *op.lost_contact_hours : law_min_hours(s.read_from);
    p.overdue_hours = overdue_hours == std::numeric_limits<int64_t>::max() ? 0 : overdue_hours;
    if (Status v = geo::TrackAnalyzer::Validate(p); !v.ok()) {
      return InvalidArgument("社区矫正机构 " + OfficeText(r) + " 的轨迹模型参数有误：" +
                             v.message());
    }
    subject_of_row_[static_cast<size_t>(r)] = static_cast<int32_t>(subjects_.size());
    subjects_.push_back(s);
    any = true;
  }
  if (any) {
    if (!ctx_.open_db)
      return FailedPrecondition("轨迹模型需要读取数据库中的定位数据，但本次运行没有数据库连接");
    ZJ_ASSIGN_OR_RETURN(geo_, LoadGeo(ctx_.data_dir));
    // A residence the region set does not know cannot be analysed.
    std::vector<Subject> kept;
    kept.reserve(subjects_.size());
    for (Subject& s : subjects_) {
      if (geo_->index.Slot(s.residence) < 0) {
        subject_of_row_[static_cast<size_t>(s.row)] = -1;
        continue;
      }
      subject_of_row_[static_cast<size_t>(s.row)] = static_cast<int32_t>(kept.size());
      kept.push_back(s);
    }
    subjects_ = std::move(kept);
  }
  return Status::Ok();
}

void TrajectoryRun::PlanParts() {
  if (!subjects_.empty()) {
    // Contiguous ranges of about equal total period length (positions arrive at a steady
    // rate, so that is about equal positions).
    int64_t total = 0;
    for (const Subject& s : subjects_) total += s.period_to - s.read_from + 1;
    const int64_t n =
        std::min<int64_t>(static_cast<int64_t>(subjects_.size()), 4 * std::max(ctx_.threads, 1));
    uint32_t begin = 0;
    int64_t acc = 0;
    for (int64_t k = 1; k <= n; ++k) {
      const int64_t goal = total / n * k + (k == n ? total % n : 0);
      uint32_t end = begin;
      while (end < subjects_.size() && (acc < goal || end == begin)) {
        const Subject& s = subjects_[end];
        acc += s.period_to - s.read_from + 1;
        ++end;
      }
      if (k == n) end = static_cast<uint32_t>(subjects_.size());
      if (end > begin) parts_.push_back({false, begin, end});
      begin = end;
    }
  }
  if (selected_[kI16]) parts_.push_back({true, 0, 0});
}

Status TrajectoryRun::RunPart(int index, PassOutput& out) {
  const Part& part = parts_[static_cast<size_t>(index)];
  if (part.records) {
    RunRecords(out);
    return Status::Ok();
  }
  return RunPositions(part, out);
}

Status TrajectoryRun::RunPositions(const Part& part, PassOutput& out) const {
  ZJ_ASSIGN_OR_RETURN(std::unique_ptr<storage::Database> db, ctx_.open_db());
  ZJ_RETURN_IF_ERROR(db->BeginRead());
  ZJ_ASSIGN_OR_RETURN(std::unique_ptr<storage::PositionScan> scan,
                      storage::PositionScan::Open(*db));
  std::vector<std::pair<geo::TrackParams, std::unique_ptr<geo::TrackAnalyzer>>> analyzers;
  std::vector<geo::Position> track;
  track.reserve(8192);
  geo::TrackResult result;
  storage::StoredPosition p;
  int64_t earlier_read = 0;

  for (uint32_t i = part.begin; i < part.end; ++i) {
    const Subject& s = subjects_[i];
    track.clear();
    ZJ_RETURN_IF_ERROR(scan->Scan({s.row_no, s.row_no, s.read_from, s.period_to}));
    while (true) {
      ZJ_ASSIGN_OR_RETURN(bool more, scan->Next(&p));
      if (!more) break;
      track.push_back({p.ts, p.lon_e6, p.lat_e6});
    }
    int64_t window_from = std::numeric_limits<int64_t>::max();
    for (int m = 0; m < 3; ++m) {
      if (selected_[m]) window_from = std::min(window_from, s.window_from[m]);
    }
    geo::TrackParams params = s.params;
    if (track.empty() || track.front().ts > window_from) {
      // The position just before the read range starts the track, if within the correction.
      ZJ_ASSIGN_OR_RETURN(std::optional<storage::StoredPosition> before,
                          scan->LastBefore(s.row_no, s.read_from));
      if (before && before->ts >= s.period_from) {
        ++earlier_read;
        track.insert(track.begin(), {before->ts, before->lon_e6, before->lat_e6});
        if (!s.lost_set) {
          params.lost_contact_hours = std::min<int64_t>(
              params.lost_contact_hours, law::AbsenceThresholdOn(BeijingDate(before->ts)).hours);
        }
      }
    }
    if (track.empty()) {  // no position at all: only the leave records speak
      if (selected_[kI16]) EmitLeaves(s, nullptr, out);
      continue;
    }
    // Monitoring, as far as the data show, begins with the first known position.
    if (track.front().ts > window_from) window_from = track.front().ts;

    geo::TrackAnalyzer* analyzer = nullptr;
    for (auto& [ap, a] : analyzers) {
      if (SameParams(ap, params)) analyzer = a.get();
    }
    if (analyzer == nullptr) {
      analyzers.emplace_back(
          params, std::make_unique<geo::TrackAnalyzer>(geo_->regions, geo_->index, params));
      analyzer = analyzers.back().second.get();
    }
    const std::span<const geo::Leave> leaves(track_leaves_.data() + s.leave_begin,
                                             s.leave_end - s.leave_begin);
    ZJ_RETURN_IF_ERROR(analyzer->Analyze({.positions = track,
                                          .residence = s.residence,
                                          .leaves = leaves,
                                          .window_from = window_from,
                                          .as_of = s.period_to},
                                         &result));

    if (selected_[kI14]) {
      for (const geo::OutOfAreaEpisode& e : result.out_of_area) {
        if (e.last_outside >= s.window_from[kI14]) EmitM14(s, e, out);
      }
    }
    if (selected_[kI15]) {
      for (const geo::LostContactGap& g : result.lost_contact) {
        // A silence that runs into the end of a correction that is over counts only up to
        // the start of its last day: the device may be taken off at any time that day.
        const bool ended = !g.to && s.period_to < ctx_.as_of;
        const int64_t until = g.to    ? *g.to
                              : ended ? DayStart(BeijingDate(s.period_to).days())
                                      : s.period_to;
        if (until < s.window_from[kI15]) continue;
        const int64_t threshold = s.lost_set ? s.params.lost_contact_hours * 3600
                                             : law::AbsenceThresholdOn(BeijingDate(g.from)).seconds;
        if (until - g.from <= threshold) continue;
        EmitM15(s, g, until, ended, out);
      }
    }
    if (selected_[kI16]) EmitLeaves(s, &result, out);
  }
  const int64_t read = scan->rows_read() + earlier_read;
  for (int m = 0; m < 3; ++m) {
    if (selected_[m]) out.Scanned(kModels[m]->id, read);
  }
  scan.reset();
  return db->Rollback();
}

void TrajectoryRun::EmitLeaves(const Subject& s, const geo::TrackResult* result,
                               PassOutput& out) const {
  for (uint32_t i = s.leave_begin; i < s.leave_end; ++i) {
    const int32_t row = track_leaves_[i].row;
    const LeaveCheck& lc = leave_checks_[static_cast<size_t>(row)];
    if (!lc.judged) continue;
    const geo::OverdueAbroad* abroad = nullptr;
    if (result) {
      for (const geo::OverdueAbroad& o : result->overdue_abroad) {
        if (o.leave_row == row && o.last_outside >= s.window_from[kI16] &&
            o.last_outside - lc.end_ts > lc.threshold_s) {
          abroad = &o;
        }
      }
    }
    if (lc.late || abroad) EmitM16(row, abroad, lc.threshold_s, out);
  }
}

void TrajectoryRun::RunRecords(PassOutput& out) const {
  const Frame& leaves = data_.Table("leaves");
  const Frame& corrections = data_.Table("corrections");
  const auto corr = leaves.I32("correction_id");
  const auto row_of = corrections.RowOfKey();
  for (int32_t r = 0; r < leaves.rows(); ++r) {
    const LeaveCheck& lc = leave_checks_[static_cast<size_t>(r)];
    if (!lc.judged || !lc.late) continue;
    const int32_t c = row_of[corr[r]];
    if (subject_of_row_[static_cast<size_t>(c)] >= 0) continue;  // a position part has it
    EmitM16(r, nullptr, lc.threshold_s, out);
  }
  out.Scanned(kM16, leaves.rows());
}

std::string TrajectoryRun::RegionName(int32_t code) const {
  if (code == 0) return "四川省以外";
  const geo::Region* r = geo_ ? geo_->regions.Find(code) : nullptr;
  return r ? r->name : std::to_string(code);
}

void TrajectoryRun::EmitM14(const Subject& s, const geo::OutOfAreaEpisode& e,
                            PassOutput& out) const {
  const int64_t threshold = s.params.out_of_area_minutes;
  Finding f;
  f.model = kM14;
  const std::string from = FormatTimestamp(e.from), last = FormatTimestamp(e.last_outside);
  f.key = {{"correction_id", CorrectionText(s.row)}, {"from", from}};
  f.person_id = PersonText(s.row);
  f.org_id = OfficeText(s.row);
  f.severity = Severity::kHigh;
  // Was an approved leave running at the time (to another place, or over)?
  bool under_leave = false;
  for (uint32_t i = s.leave_begin; i < s.leave_end; ++i) {
    const geo::Leave& l = track_leaves_[i];
    if (l.approved && l.start_ts <= e.last_outside && e.from <= l.end_ts) under_leave = true;
  }
  const std::string where =
      "离开执行地" + RegionName(s.residence) + "到" + RegionName(e.destination);
  f.summary = e.ongoing ? "社区矫正对象自" + from + "起" + where + "，至" + last +
                              "仍在执行地以外，已持续约" + std::to_string(e.minutes) + "分钟"
                        : "社区矫正对象于" + from + "至" + last + where + "，持续约" +
                              std::to_string(e.minutes) + "分钟";
  f.summary += under_leave ? "，不在经批准请假的地域和期间内" : "，无经批准的请假";
  f.facts = {{"residence_region_code", std::to_string(s.residence)},
             {"destination_region_code", e.destination == 0
                                             ? nlohmann::json(nullptr)
                                             : nlohmann::json(std::to_string(e.destination))},
             {"first_outside", from},
             {"last_outside", last},
             {"minutes", e.minutes},
             {"positions", e.positions},
             {"threshold_minutes", threshold}};
  if (e.ongoing) f.facts["ongoing"] = true;
  f.basis = {"PARAM:out_of_area_minutes", "JX-CC-03"};
  // Away without approval for longer than the absence threshold is 脱管 as well.
  const law::AbsenceThreshold absence = law::AbsenceThresholdOn(BeijingDate(e.from));
  if (e.last_outside - e.from > absence.seconds) {
    f.summary += "，超过" + std::to_string(absence.hours) + "小时，属脱管";
    f.facts["absence_threshold_hours"] = absence.hours;
    f.basis.emplace_back(absence.rule);
  }
  f.window = {{"from", from}, {"to", last}};
  out.Emit(std::move(f));
}

void TrajectoryRun::EmitM15(const Subject& s, const geo::LostContactGap& g, int64_t until,
                            bool ended, PassOutput& out) const {
  const int64_t hours = (until - g.from) / 3600;
  int64_t threshold_h;
  std::string basis;
  if (s.lost_set) {
    threshold_h = s.params.lost_contact_hours;
    basis = "PARAM:lost_contact_hours";
  } else {
    const law::AbsenceThreshold t = law::AbsenceThresholdOn(BeijingDate(g.from));
    threshold_h = t.hours;
    basis = std::string(t.rule);
  }
  Finding f;
  f.model = kM15;
  const std::string from = FormatTimestamp(g.from);
  f.key = {{"correction_id", CorrectionText(s.row)}, {"from", from}};
  f.person_id = PersonText(s.row);
  f.org_id = OfficeText(s.row);
  f.severity = Severity::kHigh;
  const std::string ended_day = BeijingDate(s.period_to).ToString();
  f.summary = "电子定位自" + from + "后中断，" +
              (g.to    ? "至" + FormatTimestamp(*g.to) + "恢复，"
               : ended ? "至矫正终止之日（" + ended_day + "）已"
                       : "截至" + FormatTimestamp(until) + "已") +
              "失联约" + std::to_string(hours) + "小时，超过" + std::to_string(threshold_h) +
              "小时";
  f.facts = {
      {"last_position", from},
      {"next_position", g.to ? nlohmann::json(FormatTimestamp(*g.to)) : nlohmann::json(nullptr)},
      {"hours_without_position", hours},
      {"threshold_hours", threshold_h}};
  if (ended) f.facts["correction_ended"] = ended_day;
  f.basis = {basis};
  f.window = {{"from", from},
              {"to", g.to ? nlohmann::json(FormatTimestamp(*g.to)) : nlohmann::json(nullptr)}};
  out.Emit(std::move(f));
}

void TrajectoryRun::EmitM16(int32_t leave_row, const geo::OverdueAbroad* abroad,
                            int64_t threshold_s, PassOutput& out) const {
  const Frame& leaves = data_.Table("leaves");
  const Frame& corrections = data_.Table("corrections");
  const LeaveCheck& lc = leave_checks_[static_cast<size_t>(leave_row)];
  const int32_t c = corrections.RowOfKey()[leaves.I32("correction_id")[leave_row]];
  const std::string end = FormatTimestamp(lc.end_ts);
  const std::string threshold_words = "超过" + Hours(threshold_s) + "小时";
  Finding f;
  f.model = kM16;
  f.key = {{"leave_id", std::string(leaves.IdText("leave_id", leave_row))}};
  f.person_id = PersonText(c);
  f.org_id = OfficeText(c);
  f.severity = Severity::kHigh;
  f.summary = "请假外出于" + end + "到期，";
  f.facts = {{"end_ts", end}};
  if (lc.late) {
    const int64_t back = lc.returned.value_or(ctx_.as_of);
    const int64_t hours = (back - lc.end_ts) / 3600;
    if (lc.returned) {
      f.summary += FormatTimestamp(*lc.returned) + "才销假，逾期约" + std::to_string(hours) +
                   "小时，" + threshold_words;
    } else {
      f.summary += "截至" + FormatTimestamp(ctx_.as_of) + "仍未销假，已逾期约" +
                   std::to_string(hours) + "小时，" + threshold_words;
    }
    f.facts["returned_ts"] =
        lc.returned ? nlohmann::json(FormatTimestamp(*lc.returned)) : nlohmann::json(nullptr);
    f.facts["hours_late"] = hours;
  }
  if (abroad) {
    const int64_t hours = (abroad->last_outside - lc.end_ts) / 3600;
    const std::string seen = "定位显示" + FormatTimestamp(abroad->first_ts) + "至" +
                             FormatTimestamp(abroad->last_outside) + "仍在执行地以外（期满后约" +
                             std::to_string(hours) + "小时" +
                             (abroad->ongoing ? "，截至数据截止时仍未返回" : "") + "）";
    f.summary += lc.late ? "；" + seen : seen + "，" + threshold_words;
    f.facts["outside_after_end"] = {{"first_position", FormatTimestamp(abroad->first_ts)},
                                    {"last_position", FormatTimestamp(abroad->last_outside)},
                                    {"hours_after_end", hours},
                                    {"ongoing", abroad->ongoing}};
  }
  f.facts["threshold_hours"] = threshold_s / 3600;
  f.basis = {lc.rule.empty() ? std::string("PARAM:overdue_hours") : std::string(lc.rule),
             "JX-CC-03"};
  out.Emit(std::move(f));
}

class TrajectoryPassImpl final : public Pass {
 public:
  std::string_view name() const override { return "trajectory"; }
  std::span<const ModelSpec* const> models() const override { return kModels; }
  Result<std::unique_ptr<PassRun>> Start(const RunContext& ctx) const override {
    auto run = std::make_unique<TrajectoryRun>(ctx);
    ZJ_RETURN_IF_ERROR(run->Prepare());
    return std::unique_ptr<PassRun>(std::move(run));
  }
};

}  // namespace

const Pass& TrajectoryPass() {
  static const TrajectoryPassImpl kPass;
  return kPass;
}

}  // namespace zj::models
