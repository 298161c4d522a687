#pragma once
// Planted violations of models M01–M25 and their labels.
//
// Each planted case is built on a dedicated person (or, for row-level models M21, M24, M25
// and the trajectory models M14, M15, on one background row or track) whose record is lawful
// in every other respect, so that it triggers exactly one finding of exactly one model, with
// a wide margin (see the comment of each planter in plant.cc). The number per model is
// max(1, round(rate × eligible records)).
//
// Two phases: PlantHistories runs before prison lives and trajectories are derived (it
// changes histories, corrections, property, custody); PlantLate runs after them (jobs,
// labour weeks, points outliers, positions). Not thread-safe.

#include "synth/world.h"

namespace zj::synth {

// Counts per model, fixed from the lawful background before anything is planted.
struct PlantCounts {
  int m[26] = {};
};
PlantCounts CountPlants(const World& w, double rate);

void PlantHistories(World& w, const PlantCounts& counts);
void PlantLate(World& w, const PlantCounts& counts);

// "2026-W21" for the ISO week containing `d`.
std::string IsoWeek(Date d);

}  // namespace zj::synth
