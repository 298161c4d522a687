#pragma once
// The stages that fill a World, in the order Generate() runs them.
//
//   BuildOrgs            org tree (same at every scale and seed) and procuratorate staff
//   BuildPrisoners       prison sentences with lawful histories (commutations, parole,
//                        temporary release, releases, deaths), prison life parameters,
//                        rewards, jobs, property cases
//   BuildCourtCorrections probation and 管制 subjects with their corrections
//   BuildPreTrial        detentions, residence surveillance, compulsory medical, deaths
//   BuildTracks          trajectory plans of monitored subjects (lawful leaves included)
//   FinalizePrisonUnits  监区 per prisoner once prison populations are known
//   PlantViolations      violations of every model M01–M25 and their labels
//   CheckPointsFences    keeps the lawful points distribution inside every facility's fence
//
// Shared helpers used by both the background and the planters live here too.
// Not thread-safe.

#include <string_view>

#include "synth/world.h"

namespace zj::synth {

void BuildOrgs(World& w);
void BuildPrisoners(World& w);
void BuildCourtCorrections(World& w);
void BuildPreTrial(World& w);
void BuildTracks(World& w);
void FinalizePrisonUnits(World& w);
void PlantViolations(World& w, double rate);

// ---- Crimes ----
struct CrimeProfile {
  std::string_view crime;          // 罪名 as judgments print it
  double prison_weight;            // share among prison sentences
  double probation_weight;         // share among suspended sentences (0: never)
  int min_months, max_months;      // fixed-term range
  double life_share, death_share;  // of prison sentences
  double female_share;
  std::string_view category;   // flag the crime implies ("duty_crime", "financial", "gang")
  bool violent;                // on the 刑法81② list: violent_10y at ≥ 10 years or life
  int64_t fine_min, fine_max;  // yuan; 0 = no fine
  double restitution_share;
  double recidivist_share;
  std::string_view second_crime;  // combined offence (数罪并罚), or empty
};
std::span<const CrimeProfile> Crimes();
int CrimeIndex(std::string_view crime);

// ---- Prisoner builder ----
enum class Outcome {
  kInCustody,        // in a prison at the as-of moment
  kReleased,         // served the term, released on the end date or the day after
  kParoled,          // paroled (correction record), parole running or completed
  kTempRelease,      // 暂予监外执行 (correction record with medical reviews)
  kDied,             // died in custody
  kServingInCentre,  // short remainder served in a detention centre (留所服刑)
};

struct PrisonerSpec {
  Outcome outcome = Outcome::kInCustody;
  int crime = -1;                  // index into Crimes(); -1 = drawn
  int min_term = 0, max_term = 0;  // months; 0 = the crime's range
  bool fixed_term = false;         // never life or death reprieve
  bool ordinary = false;           // no category flag at all
  bool commutations = true;        // lawful background commutations allowed
  bool property_paid = false;      // any property case is paid in full (done)
  bool fine = false;               // force a fine
  OptDate delivery_from, delivery_to;
  OptDate end_from;            // computed end on or after this date
  bool monitored_ok = true;    // a resulting correction may be electronically monitored
  bool transfers = true;       // a transfer between prisons may happen
  bool custody_credit = true;  // custody_credit_days may be non-zero (only without reductions)
  OptDate end_to;              // computed end on or before this date
  OptDate release_to;          // kTempRelease: released on or before this date
  bool recidivist = false;     // exactly one category flag: 累犯
  std::string_view property_status;  // forced status of the property case, if any
};
// Builds one prisoner; returns the Prisoner index, or -1 if the spec cannot be met.
int BuildPrisoner(World& w, Rng& rng, const PrisonerSpec& spec);

// A commutation: proposal by the current prison; when `decide`, a ruling 18–28 days later,
// effective 2–6 days after, with new_term_end = current end − `cut` months (the prisoner's
// end moves). Returns the change index.
int AddCommutation(World& w, Rng& rng, int prisoner, Date proposal, std::string_view basis,
                   int cut_months, bool decide);
// The same with explicit dates (no decision when `decision` is empty).
int AddCommutationAt(World& w, int prisoner, Date proposal, std::string_view basis, int cut_months,
                     OptDate decision, OptDate effective, OptDate opinion_date);
// Parole proposed on `proposal`, ruled 18–28 days later, released 1–3 days after that;
// creates the parole correction (reported 1–4 days after release). Returns the change.
int AddParole(World& w, Rng& rng, int prisoner, Date proposal, bool monitored_ok);
// Ends custody on `date` with custody event `event` at the prison held then.
void EndCustody(World& w, int prisoner, Date date, std::string_view event, std::string note = {});
// Creates a property case for `sentence` with the lawful status profile.
int AddPropertyCase(World& w, Rng& rng, int sentence, std::string_view status, OptDate done_by);
// Stores a correction record (id and office from its residence county) with its `reported`
// and, when ended, `terminated` events. Returns the correction index.
int AddCorrection(World& w, CorrectionRow c);

// Months as a Chinese period ("2年3个月").
std::string MonthsChinese(int months);

}  // namespace zj::synth
