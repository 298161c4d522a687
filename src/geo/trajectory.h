#pragma once
// Trajectory episodes of one electronically monitored community-correction subject
// (社区矫正对象电子定位), found in one time-ordered pass over the subject's positions:
//
//   - out-of-area episodes (越界, model M14): stays outside the residence county (执行地)
//     that no approved leave covers, lasting longer than out_of_area_minutes;
//   - lost-contact gaps (失联, M15): more than lost_contact_hours without a position;
//   - overdue-abroad (逾期未归, M16): positions still outside the residence county more than
//     overdue_hours after an approved leave ended, with no return in between.
//
// The semantics match the synthetic generator's labels (docs/synth.md): an episode's `from`
// is its first outside position, `minutes` is (last outside − from) / 60 floored and
// `positions` counts its outside positions; a gap's `from` is the last position before
// the silence and `hours` is floored.
//
// Input. Positions may come in any order and repeat. They are used sorted by time; an
// exact repeat is dropped, and of several positions with the same second but different
// coordinates the one with the smallest (lon_e6, lat_e6) is kept, so the result never
// depends on input order. Positions after as_of are ignored. Positions before window_from
// are context (an episode or a gap may start before the window); a finding is reported
// only if it reaches into the window (below). Already sorted input is used in place; any
// other input is copied once into the analyzer's scratch buffer and sorted.
//
// Classification. Each position is inside the residence county or outside it, by
// CountyIndex (exact; boundary points go to the county east/north of them). An outside
// position is covered (合法外出) by an approved leave L when
//   - its county lies within L.destination (the county itself, its city or province); a
//     destination outside the RegionSet covers positions outside every county of the set
//     (another province); destination 0 (unknown) covers any county. With
//     leave_covers_any_county, any outside position is covered (the destination is not
//     checked: e.g. to tolerate transit through other counties);
//   - L.start_ts ≤ ts, and ts ≤ L.returned_ts when the return (销假) is recorded;
//   - ts ≤ L.end_ts, or the trip the position belongs to began by L.end_ts. A trip is a
//     stay outside the residence county between two confirmed presences inside it (see
//     jitter below). So an overstay of a trip that began under the leave is not an
//     out-of-area episode: it is the leave's overdue matter (M16), reported below; a new
//     trip after the leave ended needs its own leave.
// The JX-CC-03 rule that moving within the same districted city is not "leaving" is NOT
// applied: MODELS.md M14 counts positions outside the residence county, and so does the
// generator (most planted destinations are in the same city).
//
// Jitter near borders (DESIGN.md §5: an episode must persist before it counts). Each of
// two sequences — inside/outside the residence county (trips), and lawful (inside or
// covered) / unlawful (outside and not covered) for episodes — changes side only when
// the other side is confirmed: at least confirm_positions consecutive positions on it,
// the first and last at least confirm_minutes apart (defaults 2 and 30 min: four fixes at
// the 10-minute rate of a bracelet). A shorter run is absorbed into the current side. So
//   - a border zig-zag or a single outside fix never starts an episode;
//   - a brief return (fewer than 2 positions or under 30 minutes inside) does not split an
//     episode; the absorbed inside positions are not counted in `positions`;
//   - an episode starts at the first position of its confirming run (`from`), and ends at
//     its last unlawful position before a confirmed lawful run (`last_outside`).
// Gaps in the positions split nothing: a trip or an episode continues across a silence.
// An episode counts when last_outside − from > out_of_area_minutes × 60 (strictly longer:
// exactly 120 minutes is lawful), and is reported if last_outside ≥ window_from.
// confirm_minutes must not exceed out_of_area_minutes.
//
// Lost contact. Between consecutive positions t1 < t2: a gap when t2 − t1 > lost_contact
// hours (strictly; 48 h exactly is lawful), reported if t2 ≥ window_from. After the last
// position: a gap to as_of (ongoing, `to` empty) when as_of − last > lost_contact_hours.
// Before the first position, if no position is at or before window_from: the silence from
// window_from counts the same way (from_window_start; with no position at all this is one
// gap from window_from to as_of). The caller passes the period during which the subject
// was active and monitored: window_from no earlier than the start of monitoring, as_of no
// later than its end.
//
// Overdue abroad. For each approved leave, the first outside position with
// ts > end_ts + overdue_hours × 3600 that belongs to a trip begun by end_ts and is not
// after a recorded return (returned_ts). A leave extension is the caller's business: pass
// the extended end_ts. Reported if the trip's last such position ≥ window_from.
//
// Thread-safety: a TrackAnalyzer keeps scratch buffers between calls and is not
// thread-safe; use one per thread. The RegionSet and CountyIndex it refers to are only
// read, and must outlive it.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "common/status.h"
#include "geo/county_index.h"
#include "geo/regions.h"

namespace zj::geo {

struct Position {
  int64_t ts = 0;  // Unix seconds
  int32_t lon_e6 = 0;
  int32_t lat_e6 = 0;
  friend bool operator==(const Position&, const Position&) = default;
};

struct Leave {                         // 请假外出
  int32_t row = 0;                     // the caller's row index, echoed in OverdueAbroad
  int64_t start_ts = 0, end_ts = 0;    // approved period
  int32_t destination = 0;             // region code of any level; 0 = unknown
  bool approved = false;               // status `approved`; others cover nothing
  std::optional<int64_t> returned_ts;  // 销假
};

struct TrackParams {
  int64_t out_of_area_minutes = 120;  // M14 PARAM:out_of_area_minutes
  int64_t lost_contact_hours = 48;    // M15, JX-CC-14
  int64_t overdue_hours = 48;         // M16, JX-CC-14
  int confirm_positions = 2;          // jitter: a side change needs this many positions …
  int64_t confirm_minutes = 30;       // … spanning at least this long
  bool leave_covers_any_county = false;
};

struct TrackInput {
  std::span<const Position> positions;
  int32_t residence = 0;  // county code (执行地)
  std::span<const Leave> leaves;
  int64_t window_from = 0;  // the analysis window [window_from, as_of]
  int64_t as_of = 0;
};

struct OutOfAreaEpisode {    // 越界 (M14)
  int64_t from = 0;          // first outside position of the episode
  int64_t last_outside = 0;  // its last unlawful position
  int64_t minutes = 0;       // (last_outside − from) / 60, floored
  int32_t positions = 0;     // unlawful positions from `from` to last_outside
  int32_t destination = 0;   // county of most of them (ties: the one seen first); 0 = none
  bool ongoing = false;      // no confirmed lawful run after it before the end of the track
  friend bool operator==(const OutOfAreaEpisode&, const OutOfAreaEpisode&) = default;
};

struct LostContactGap {            // 失联 (M15)
  int64_t from = 0;                // last position before the silence (or window_from)
  std::optional<int64_t> to;       // next position; empty = still silent at as_of
  int64_t hours = 0;               // ((to or as_of) − from) / 3600, floored
  bool from_window_start = false;  // no position at or before window_from
  friend bool operator==(const LostContactGap&, const LostContactGap&) = default;
};

struct OverdueAbroad {          // 请假逾期未归 (M16, from positions)
  int32_t leave_row = 0;        // Leave::row
  int64_t first_ts = 0;         // first outside position more than overdue_hours after end_ts
  int64_t hours_after_end = 0;  // (first_ts − end_ts) / 3600, floored
  int64_t last_outside = 0;     // the trip's last such position
  bool ongoing = false;         // the trip had not ended by as_of, nor was a return recorded
  friend bool operator==(const OverdueAbroad&, const OverdueAbroad&) = default;
};

struct TrackResult {
  std::vector<OutOfAreaEpisode> out_of_area;  // by `from`
  std::vector<LostContactGap> lost_contact;   // by `from`
  std::vector<OverdueAbroad> overdue_abroad;  // in leave input order
  int64_t positions_used = 0;                 // distinct positions at or before as_of
  int64_t positions_dropped = 0;              // repeats (same second) and those after as_of
  friend bool operator==(const TrackResult&, const TrackResult&) = default;
};

class TrackAnalyzer {
 public:
  TrackAnalyzer(const RegionSet& regions, const CountyIndex& index, TrackParams params = {});

  // kInvalidArgument for bad parameters (Chinese message naming the parameter).
  static Status Validate(const TrackParams& params);

  // Replaces *out with the subject's findings. kInvalidArgument if the residence is not a
  // county of the index, window_from > as_of, or the parameters are invalid.
  Status Analyze(const TrackInput& in, TrackResult* out);

  const TrackParams& params() const { return params_; }

 private:
  bool Covered(int32_t county, int64_t ts, int64_t trip_start, std::span<const Leave> leaves) const;
  bool DestinationMatches(int32_t county, int32_t destination) const;

  const RegionSet& regions_;
  const CountyIndex& index_;
  TrackParams params_;
  std::vector<Position> scratch_;
};

}  // namespace zj::geo
