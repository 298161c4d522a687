#pragma once
// Positions of electronically monitored subjects (positions.csv.gz), streamed one subject at
// a time and never held in memory.
//
// A track reports every 10 minutes (grid offset 20–560 s, ±20 s jitter) from the window start
// to the as-of moment: at home at night, at a work place or a weekend spot by day, always
// within `radius_m` of home, which is at most 45% of the home anchor's clearance, so every
// lawful position lies inside the residence county. Lawful gaps (device off) last 30 minutes
// to 6 hours; an approved leave moves the positions to the destination county between the
// leave start and the return. Planted out-of-county stays (M14) and silences (M15) come from
// the Track; random gaps and check-ins keep clear of them, so each planted episode starts
// exactly where the label says.
// Pure functions of the World; not thread-safe.

#include "synth/output.h"
#include "synth/world.h"

namespace zj::synth {

// Number of 10-minute slots in the window.
int SlotCount(const World& w);
// Timestamp of slot `k` of `track`.
Timestamp SlotTs(const World& w, const Track& track, int k);

// A destination for `correction`'s residence county: an anchor of another county that lies
// outside the residence outline by at least 500 m. Returns the county index.
int PickDestination(const World& w, Rng& rng, int residence, LonLat* place);

// Streams every track's positions into `table` (the positions table).
void WritePositions(const World& w, CsvTable* table);

}  // namespace zj::synth
