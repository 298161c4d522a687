#pragma once
// Detention-centre custody before execution (every stage of EXCHANGE's detention_stage list,
// each well inside its legal limit), 指定居所监视居住 with the decision copy received within
// two days, 强制医疗 delivered within four days, and death records.
// Not thread-safe.

#include <string_view>

#include "synth/world.h"

namespace zj::synth {

// The legal deadline of a detention stage that started on `start`, without extensions
// (刑诉法 limits in law_numbers.h). For awaiting_delivery: 1 month (JX-DELIV-02).
Date StageDeadline(std::string_view stage, Date start);

// A detainee at `stage`, in custody since `start` (still held when `released` is empty).
int AddDetention(World& w, Rng& rng, std::string_view stage, Date start, OptDate released);
// A lawful 指定居所监视居住 decided on `decision` (copy received within 0–2 days).
int AddRsdl(World& w, Rng& rng, Date decision);
// A lawful 强制医疗 decided on `decision` (delivered within 1–4 days; released for some).
int AddCompulsoryMedical(World& w, Rng& rng, Date decision, bool may_release);

}  // namespace zj::synth
