#pragma once
// Drawing believable sentences: crime mix, terms, category flags consistent with the
// crimes (duty_crime for 贪污/受贿, financial for 非法吸收公众存款/集资诈骗, gang for 黑社会
// offences, violent_10y for 故意杀人/强奸/抢劫 at ten years or more), fines, case numbers.
// Helpers for the builders; not thread-safe (they take the caller's Rng).

#include <string>
#include <string_view>
#include <vector>

#include "synth/builders.h"
#include "synth/world.h"

namespace zj::synth {

// A crime index drawn by prison or probation weight.
int DrawCrime(Rng& rng, bool probation);
// Term in months within [lo, hi], favouring the short end, rounded as judgments round.
int DrawTerm(Rng& rng, int lo, int hi);
// Fine in fen for `crime` (0 when the crime carries none), rounded to 1,000 yuan.
int64_t DrawFine(Rng& rng, const CrimeProfile& crime);

struct CategoryDraw {
  bool recidivist = false, drug_recidivist = false, minor = false, elderly = false;
};
// Flags for a sentence of `crime` with `penalty` and `term_months`.
std::vector<std::string_view> CategoriesFor(const CrimeProfile& crime, std::string_view penalty,
                                            int term_months, const CategoryDraw& extra);

// "（2023）川0104刑初123号" for a basic court, "（2023）川01刑初12号" for an intermediate one.
std::string CaseNo(const std::string& region_code, int year, std::string_view kind, int number);

// A first-instance sentence of `county`'s basic court that took effect on `effective`,
// judged 10–20 days before: person, court, dates, case number, crime, categories,
// penalty and term. The caller adds term dates, probation, fines.
SentenceRow BasicCourtSentence(const World& w, Rng& rng, int person, int county,
                               const CrimeProfile& crime, std::string_view penalty, int term_months,
                               Date effective);

// A household county drawn with weights by city (Chengdu heavier).
int DrawCounty(const World& w, Rng& rng);
std::vector<double> CountyWeights(const Geo& geo);
// Birth date giving age `age_lo`..`age_hi` on `on`.
Date DrawBirth(Rng& rng, Date on, int age_lo, int age_hi);

}  // namespace zj::synth
