#include "geo/trajectory.h"

#include <algorithm>
#include <string>

namespace zj::geo {
namespace {

// A two-sided sequence that changes side only when the other side persists (header,
// "Jitter"). `away` is the confirmed side; `run` counts the consecutive positions on the
// other side since `run_first`.
struct Debounce {
  bool away = false;
  int run = 0;
  int64_t run_first = 0;

  // Feeds one position; true if it confirms a change of side. The new side then began at
  // run_first (kept until the next run starts).
  bool Feed(bool side_away, int64_t ts, int need_positions, int64_t need_seconds) {
    if (side_away == away) {
      run = 0;
      return false;
    }
    if (run == 0) run_first = ts;
    ++run;
    if (run >= need_positions && ts - run_first >= need_seconds) {
      away = side_away;
      run = 0;
      return true;
    }
    return false;
  }
};

// Counties of an episode's positions, in order of first appearance.
struct Tally {
  int32_t county;
  int32_t count;
};

void Count(std::vector<Tally>* tally, int32_t county) {
  for (Tally& t : *tally) {
    if (t.county == county) {
      ++t.count;
      return;
    }
  }
  tally->push_back({county, 1});
}

int32_t MostFrequent(const std::vector<Tally>& tally) {
  const Tally* best = nullptr;
  for (const Tally& t : tally) {
    if (best == nullptr || t.count > best->count) best = &t;
  }
  return best == nullptr ? 0 : best->county;
}

struct OverdueState {
  bool found = false;
  int64_t first = 0, last = 0;
};

}  // namespace

TrackAnalyzer::TrackAnalyzer(const RegionSet& regions, const CountyIndex& index, TrackParams params)
    : regions_(regions), index_(index), params_(params) {}

Status TrackAnalyzer::Validate(const TrackParams& p) {
  auto bad = [](const char* name, int64_t v, const char* want) {
    return InvalidArgument(std::string("轨迹分析参数 ") + name + " 应" + want + "，实为 " +
                           std::to_string(v));
  };
  if (p.out_of_area_minutes < 0)
    return bad("out_of_area_minutes", p.out_of_area_minutes, "不小于 0");
  if (p.lost_contact_hours <= 0) return bad("lost_contact_hours", p.lost_contact_hours, "大于 0");
  if (p.overdue_hours < 0) return bad("overdue_hours", p.overdue_hours, "不小于 0");
  if (p.confirm_positions < 1) return bad("confirm_positions", p.confirm_positions, "不小于 1");
  if (p.confirm_minutes < 0 || p.confirm_minutes > p.out_of_area_minutes) {
    return bad("confirm_minutes", p.confirm_minutes, "在 0 与 out_of_area_minutes 之间");
  }
  return Status::Ok();
}

bool TrackAnalyzer::DestinationMatches(int32_t county, int32_t destination) const {
  if (destination == 0) return true;  // unknown destination: cannot say it is elsewhere
  if (county != 0) return regions_.Within(county, destination);
  return regions_.Find(destination) == nullptr;  // both outside the region set
}

bool TrackAnalyzer::Covered(int32_t county, int64_t ts, int64_t trip_start,
                            std::span<const Leave> leaves) const {
  for (const Leave& l : leaves) {
    if (!l.approved || ts < l.start_ts) continue;
    if (l.returned_ts && ts > *l.returned_ts) continue;
    if (ts > l.end_ts && trip_start > l.end_ts) continue;
    if (params_.leave_covers_any_county || DestinationMatches(county, l.destination)) return true;
  }
  return false;
}

Status TrackAnalyzer::Analyze(const TrackInput& in, TrackResult* out) {
  *out = TrackResult{};
  ZJ_RETURN_IF_ERROR(Validate(params_));
  const int residence = index_.Slot(in.residence);
  if (residence < 0) {
    return InvalidArgument("执行地区划代码 " + std::to_string(in.residence) +
                           " 不是已知的县级区划");
  }
  if (in.window_from > in.as_of) return InvalidArgument("轨迹分析区间的起点晚于截止时间");

  // ---- time order, one position a second ----
  std::span<const Position> pts = in.positions;
  const bool ordered = std::adjacent_find(pts.begin(), pts.end(), [](const auto& a, const auto& b) {
                         return a.ts >= b.ts;
                       }) == pts.end();
  if (!ordered) {
    scratch_.assign(pts.begin(), pts.end());
    std::sort(scratch_.begin(), scratch_.end(), [](const Position& a, const Position& b) {
      if (a.ts != b.ts) return a.ts < b.ts;
      if (a.lon_e6 != b.lon_e6) return a.lon_e6 < b.lon_e6;
      return a.lat_e6 < b.lat_e6;
    });
    scratch_.erase(std::unique(scratch_.begin(), scratch_.end(),
                               [](const Position& a, const Position& b) { return a.ts == b.ts; }),
                   scratch_.end());
    pts = scratch_;
  }
  pts = pts.first(
      static_cast<size_t>(std::upper_bound(pts.begin(), pts.end(), in.as_of,
                                           [](int64_t t, const Position& p) { return t < p.ts; }) -
                          pts.begin()));
  out->positions_used = static_cast<int64_t>(pts.size());
  out->positions_dropped = static_cast<int64_t>(in.positions.size() - pts.size());

  const int need = params_.confirm_positions;
  const int64_t need_s = params_.confirm_minutes * 60;
  const int64_t episode_s = params_.out_of_area_minutes * 60;
  const int64_t lost_s = params_.lost_contact_hours * 3600;
  const int64_t overdue_s = params_.overdue_hours * 3600;

  Debounce trip;             // away = outside the residence county
  int64_t trip_start = 0;    // first position of the confirmed trip, while trip.away
  Debounce law;              // away = outside and not covered
  OutOfAreaEpisode episode;  // open while law.away
  std::vector<Tally> episode_tally, run_tally;
  int32_t run_positions = 0;  // unlawful positions of the run that may open an episode
  std::vector<OverdueState> overdue(in.leaves.size());

  auto close_episode = [&](bool ongoing) {
    if (episode.last_outside - episode.from <= episode_s) return;
    if (episode.last_outside < in.window_from) return;
    episode.minutes = (episode.last_outside - episode.from) / 60;
    episode.destination = MostFrequent(episode_tally);
    episode.ongoing = ongoing;
    out->out_of_area.push_back(episode);
  };
  auto gap = [&](int64_t from, std::optional<int64_t> to, bool from_window_start) {
    const int64_t until = to.value_or(in.as_of);
    if (until - from <= lost_s || until < in.window_from) return;
    out->lost_contact.push_back({from, to, (until - from) / 3600, from_window_start});
  };

  for (size_t i = 0; i < pts.size(); ++i) {
    const Position& q = pts[i];
    // Lost contact: the silence before this position.
    if (i == 0) {
      if (q.ts > in.window_from) gap(in.window_from, q.ts, true);
    } else {
      gap(pts[i - 1].ts, q.ts, false);
    }

    const Point p{q.lon_e6, q.lat_e6};
    const bool inside = index_.InSlot(residence, p);
    int32_t county = 0;
    bool unlawful = false;
    if (!inside) {
      // The trip this position belongs to began at: the confirmed trip's start, else the
      // start of the outside run this position extends or opens.
      const int64_t this_trip = trip.away ? trip_start : trip.run > 0 ? trip.run_first : q.ts;
      county = index_.Locate(p);
      unlawful = !Covered(county, q.ts, this_trip, in.leaves);
      for (size_t k = 0; k < in.leaves.size(); ++k) {
        const Leave& l = in.leaves[k];
        if (!l.approved || q.ts <= l.end_ts + overdue_s || this_trip > l.end_ts) continue;
        if (l.returned_ts && q.ts > *l.returned_ts) continue;
        OverdueState& st = overdue[k];
        if (!st.found) st = {true, q.ts, q.ts};
        st.last = q.ts;
      }
    }
    if (trip.Feed(!inside, q.ts, need, need_s) && trip.away) trip_start = trip.run_first;

    const bool was_away = law.away;
    if (unlawful && !was_away) {
      if (law.run == 0) {
        run_tally.clear();
        run_positions = 0;
      }
      Count(&run_tally, county);
      ++run_positions;
    }
    const bool flipped = law.Feed(unlawful, q.ts, need, need_s);
    if (was_away && unlawful) {
      episode.last_outside = q.ts;
      ++episode.positions;
      Count(&episode_tally, county);
    }
    if (flipped && law.away) {
      episode = OutOfAreaEpisode{};
      episode.from = law.run_first;
      episode.last_outside = q.ts;
      episode.positions = run_positions;
      episode_tally = run_tally;
    } else if (flipped) {
      close_episode(false);
    }
  }
  if (law.away) close_episode(true);
  if (pts.empty()) {
    gap(in.window_from, std::nullopt, true);
  } else {
    gap(pts.back().ts, std::nullopt, false);
  }
  for (size_t k = 0; k < in.leaves.size(); ++k) {
    const OverdueState& st = overdue[k];
    const Leave& l = in.leaves[k];
    if (!st.found || st.last < in.window_from) continue;
    const bool ongoing =
        trip.away && trip_start <= l.end_ts && !(l.returned_ts && *l.returned_ts <= in.as_of);
    out->overdue_abroad.push_back(
        {l.row, st.first, (st.first - l.end_ts) / 3600, st.last, ongoing});
  }
  return Status::Ok();
}

}  // namespace zj::geo
