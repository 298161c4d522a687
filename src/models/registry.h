#pragma once
// The catalogue: every pass and the models it produces (spec/MODELS.md M01–M25).
// Static data; thread-safe.

#include <span>
#include <string_view>
#include <vector>

#include "models/model.h"

namespace zj::models {

// Every pass, in a fixed order.
std::span<const Pass* const> AllPasses();
// Every model, in ID order (M01 … M25).
std::vector<const ModelSpec*> AllModels();
// The model with this ID, or nullptr.
const ModelSpec* FindModel(std::string_view id);
// The pass that produces `model`, or nullptr.
const Pass* PassOf(std::string_view model);

// One entry per family file; registry.cc lists them.
const Pass& LawPass();         // law_models.cc: M01–M08, M12, M22, M23
const Pass& PrisonPass();      // prison_models.cc: M09, M10, M11
const Pass& CommunityPass();   // community_models.cc: M13, M17, M18
const Pass& PropertyPass();    // property_models.cc: M19, M20
const Pass& CustodyPass();     // custody_models.cc: M21, M24, M25
const Pass& TrajectoryPass();  // trajectory_models.cc: M14, M15, M16

}  // namespace zj::models
