#include "synth/sentences.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/period.h"

namespace zj::synth {
namespace {

// Shares are relative weights. Ranges follow the statutory brackets most judgments use.
const CrimeProfile kCrimes[] = {
    // crime, prison w, probation w, min, max, life, death, female, category, violent,
    // fine min/max (yuan), restitution share, recidivist share, second crime
    {"盗窃罪", 20, 24, 6, 120, 0, 0, 0.08, "", false, 2000, 50000, 0.30, 0.18, ""},
    {"诈骗罪", 12, 12, 6, 180, 0.004, 0, 0.25, "", false, 5000, 200000, 0.50, 0.08, ""},
    {"故意伤害罪", 10, 12, 6, 180, 0.01, 0, 0.06, "", false, 0, 0, 0.60, 0.10, ""},
    {"贩卖毒品罪", 14, 0, 12, 180, 0.05, 0.015, 0.15, "", false, 5000, 100000, 0.0, 0.15, ""},
    {"抢劫罪", 8, 0, 36, 180, 0.03, 0.005, 0.03, "", true, 3000, 50000, 0.30, 0.12, ""},
    {"故意杀人罪", 5, 0, 36, 180, 0.22, 0.15, 0.10, "", true, 0, 0, 0.60, 0.05, ""},
    {"贪污罪", 2, 1.5, 12, 180, 0.02, 0, 0.15, "duty_crime", false, 100000, 2000000, 0.8, 0, ""},
    {"受贿罪", 3, 1.5, 12, 180, 0.02, 0, 0.10, "duty_crime", false, 100000, 2000000, 0.8, 0, ""},
    {"强奸罪", 5, 0, 36, 180, 0, 0, 0, "", true, 0, 0, 0.30, 0.06, ""},
    {"组织卖淫罪", 2, 0, 60, 144, 0, 0, 0.20, "", false, 10000, 100000, 0, 0.05, ""},
    {"交通肇事罪", 2, 10, 6, 84, 0, 0, 0.10, "", false, 0, 0, 0.70, 0, ""},
    {"非法吸收公众存款罪", 3, 4, 12, 120, 0, 0, 0.30, "financial", false, 20000, 300000, 0.6, 0,
     ""},
    {"集资诈骗罪", 2, 0, 36, 180, 0.03, 0, 0.30, "financial", false, 50000, 500000, 0.8, 0, ""},
    {"寻衅滋事罪", 5, 8, 6, 60, 0, 0, 0.05, "", false, 0, 0, 0.30, 0.12, ""},
    {"参加黑社会性质组织罪", 2, 0, 36, 216, 0, 0, 0.05, "gang", false, 10000, 200000, 0.2, 0.1,
     "敲诈勒索罪"},
    {"开设赌场罪", 2, 5, 6, 84, 0, 0, 0.15, "", false, 5000, 100000, 0, 0.08, ""},
    {"危险驾驶罪", 0, 30, 1, 6, 0, 0, 0.05, "", false, 2000, 10000, 0, 0, ""},
};

}  // namespace

std::span<const CrimeProfile> Crimes() { return kCrimes; }

int CrimeIndex(std::string_view crime) {
  for (size_t i = 0; i < std::size(kCrimes); ++i) {
    if (kCrimes[i].crime == crime) return static_cast<int>(i);
  }
  return -1;
}

int DrawCrime(Rng& rng, bool probation) {
  std::vector<double> w;
  for (const CrimeProfile& c : kCrimes)
    w.push_back(probation ? c.probation_weight : c.prison_weight);
  return static_cast<int>(rng.Weighted(w));
}

int DrawTerm(Rng& rng, int lo, int hi) {
  if (hi <= lo) return lo;
  double u = std::pow(rng.Uniform(), 1.6);
  int m = lo + static_cast<int>(std::lround(u * (hi - lo)));
  if (m >= 36) {
    int step = rng.Chance(0.6) ? 12 : 6;
    m = (m + step / 2) / step * step;
  }
  return std::clamp(m, lo, hi);
}

int64_t DrawFine(Rng& rng, const CrimeProfile& crime) {
  if (crime.fine_max == 0) return 0;
  double u = std::pow(rng.Uniform(), 2.0);
  int64_t yuan = crime.fine_min + static_cast<int64_t>(u * (crime.fine_max - crime.fine_min));
  yuan = std::max<int64_t>(1000, yuan / 1000 * 1000);
  return yuan * 100;
}

std::vector<std::string_view> CategoriesFor(const CrimeProfile& crime, std::string_view penalty,
                                            int term_months, const CategoryDraw& extra) {
  std::vector<std::string_view> out;
  if (!crime.category.empty()) out.push_back(crime.category);
  if (extra.drug_recidivist) out.push_back("drug_recidivist");
  if (extra.recidivist) out.push_back("recidivist");
  const bool long_or_life = penalty == "life" || penalty == "death_reprieve" ||
                            penalty == "death_reprieve_restricted" ||
                            (penalty == "fixed_term" && term_months >= 120);
  if (crime.violent && long_or_life) out.push_back("violent_10y");
  if (extra.minor) out.push_back("minor");
  if (extra.elderly) out.push_back("elderly_sick_disabled");
  return out;
}

std::string CaseNo(const std::string& region_code, int year, std::string_view kind, int number) {
  // County courts print the last four digits of the region code, intermediate courts two.
  std::string court =
      region_code.substr(4, 2) == "00" ? region_code.substr(2, 2) : region_code.substr(2, 4);
  char buf[96];
  std::snprintf(buf, sizeof buf, "（%d）川%s%.*s%d号", year, court.c_str(),
                static_cast<int>(kind.size()), kind.data(), number);
  return buf;
}

SentenceRow BasicCourtSentence(const World& w, Rng& rng, int person, int county,
                               const CrimeProfile& crime, std::string_view penalty, int term_months,
                               Date effective) {
  SentenceRow s;
  s.person = person;
  s.court = w.dir.county_court[county];
  s.judgment = effective - rng.Int(10, 20);
  s.effective = effective;
  s.case_no = CaseNo(w.geo.counties()[county].code, s.judgment.year(), "刑初", rng.Int(1, 1500));
  s.crimes.push_back(crime.crime);
  s.categories = CategoriesFor(crime, penalty, term_months, {});
  s.penalty = penalty;
  s.term_months = term_months;
  return s;
}

int DrawCounty(const World& w, Rng& rng) {
  return static_cast<int>(rng.Weighted(w.county_weights));
}

std::vector<double> CountyWeights(const Geo& geo) {
  std::vector<double> weights;
  for (size_t i = 0; i < geo.counties().size(); ++i) {
    const std::string& city = geo.cities()[geo.CityOf(static_cast<int>(i))].code;
    double wgt = 1.0;
    if (city == "510100") wgt = 2.6;                       // 成都
    if (city == "513200" || city == "513300") wgt = 0.35;  // 阿坝, 甘孜
    weights.push_back(wgt);
  }
  return weights;
}

Date DrawBirth(Rng& rng, Date on, int age_lo, int age_hi) {
  // Born between (age_hi + 1) years before `on` (exclusive) and age_lo years before.
  Date latest = AddMonths(on, -12 * age_lo) - 1;
  Date earliest = AddMonths(on, -12 * (age_hi + 1)) + 1;
  return earliest + static_cast<int32_t>(rng.Range(0, latest - earliest));
}

}  // namespace zj::synth
