#pragma once
// Community correction subjects sentenced by courts (缓刑 probation and 管制 surveillance):
// sentence, correction record in the household county, report within 1–7 days, the odd
// admonition, leaves before the trajectory window (approved ones returned before they end),
// termination at the end of the period. Not thread-safe.

#include "synth/world.h"

namespace zj::synth {

struct CourtSubjectSpec {
  bool surveillance = false;  // 管制 instead of 缓刑
  bool active = true;         // period running at the as-of date (else ended and terminated)
  bool create_correction = true;
  int report_delay_days = -1;  // -1: lawful 1–7 days; otherwise exactly this
  bool monitor_allowed = true;
  int min_days_before_as_of = 20;  // effective date at least this long before the as-of date
  bool leaves = true;              // lawful historical leaves
};

struct CourtSubject {
  int person = -1, sentence = -1, correction = -1;
};
CourtSubject BuildCourtSubject(World& w, Rng& rng, const CourtSubjectSpec& spec);

// An approved leave of `correction` from `start` for `days` days (09:00 to 18:00), returned
// `early_hours` before it ends (or `late_hours` after when positive). Returns the leave index.
int AddLeave(World& w, Rng& rng, int correction, Timestamp start, int days, int destination,
             int returned_offset_hours);

// A county other than `county`, whose anchors lie outside `county`'s outline.
int OtherCounty(const World& w, Rng& rng, int county, bool same_city);

}  // namespace zj::synth
