#include "synth/correction.h"

#include <algorithm>

#include "common/period.h"
#include "synth/builders.h"
#include "synth/law_numbers.h"
#include "synth/sentences.h"

namespace zj::synth {

int OtherCounty(const World& w, Rng& rng, int county, bool same_city) {
  const int n = static_cast<int>(w.geo.counties().size());
  for (int attempt = 0; attempt < 200; ++attempt) {
    int other = rng.Int(0, n - 1);
    if (other == county) continue;
    if (same_city && attempt < 100 && w.geo.CityOf(other) != w.geo.CityOf(county)) continue;
    const auto& anchors = w.geo.Anchors(other);
    if (anchors.empty()) continue;
    bool clear = true;
    for (const Anchor& a : anchors) {
      if (w.geo.Shape(county).Contains(a.point)) clear = false;
    }
    if (clear) return other;
  }
  return county == 0 ? 1 : 0;
}

int AddLeave(World& w, Rng& rng, int correction, Timestamp start, int days, int destination,
             int returned_offset_hours) {
  LeaveRow l;
  l.id = World::MakeId("LV", w.leaves.size() + 1);
  l.correction = correction;
  l.start_ts = start;
  l.end_ts = start + int64_t{days} * 86400 + 9 * 3600;
  l.destination = destination;
  l.approved_by = w.corrections[correction].office;
  l.status = "approved";
  l.returned_ts = l.end_ts + int64_t{returned_offset_hours} * 3600 - rng.Int(0, 50) * 60;
  if (*l.returned_ts < l.start_ts) l.returned_ts = l.start_ts + 3600;
  w.leaves.push_back(std::move(l));
  return static_cast<int>(w.leaves.size()) - 1;
}

CourtSubject BuildCourtSubject(World& w, Rng& rng, const CourtSubjectSpec& spec) {
  const Date a = w.as_of;
  CourtSubject out;
  for (int attempt = 0; attempt < 60; ++attempt) {
    const int crime = DrawCrime(rng, true);
    const CrimeProfile& cp = Crimes()[crime];
    std::string_view penalty;
    int term = 0, probation = 0;
    if (spec.surveillance) {
      penalty = "surveillance";
      static constexpr int kTerms[] = {3, 4, 6, 6, 8, 10, 12, 12, 18, 24};
      term = kTerms[rng.Int(0, std::size(kTerms) - 1)];
    } else if (cp.crime == "危险驾驶罪") {
      penalty = "criminal_detention";
      term = rng.Int(law::kDetentionMinMonths, 4);
      probation = std::clamp(term + rng.Int(1, 6), law::kProbationDetentionMinMonths,
                             law::kProbationDetentionMaxMonths);
    } else {
      penalty = "fixed_term";
      const int hi = std::min(cp.max_months, law::kProbationMaxTermMonths);
      if (hi < 6) continue;
      term = DrawTerm(rng, std::max(6, cp.min_months), hi);
      static constexpr int kProbations[] = {12, 18, 24, 36, 48, 60};
      std::vector<int> ok;
      for (int p : kProbations) {
        if (p >= std::max(term, law::kProbationFixedMinMonths)) ok.push_back(p);
      }
      probation = ok[rng.Int(0, std::min<int>(2, ok.size() - 1))];
    }
    const int period = spec.surveillance ? term : probation;
    Date e;
    if (spec.active) {
      Date lo = AddMonths(a + 31, -period) + 1;
      Date hi = a - spec.min_days_before_as_of;
      if (hi < lo) continue;
      e = ClampDay27(lo + rng.Int(0, hi - lo));
    } else {
      Date end_target = a - rng.Int(5, 600);
      e = ClampDay27(AddMonths(end_target + 1, -period));
    }
    const Date end = TermEnd(e, Period::Months(period));
    if (spec.active && end < a + 30) continue;
    if (!spec.active && end > a - 5) continue;

    const int county = DrawCounty(w, rng);
    const char gender = rng.Chance(cp.female_share) ? 'F' : 'M';
    const int person = w.AddPerson(rng, gender, DrawBirth(rng, e, 19, 62), county);
    SentenceRow s = BasicCourtSentence(w, rng, person, county, cp, penalty, term, e);
    s.probation_months = probation;
    if (spec.surveillance) {
      s.term_start = e;
      s.term_end = end;
    }
    s.fine = DrawFine(rng, cp);
    s.restitution = rng.Chance(cp.restitution_share * 0.5) ? int64_t{rng.Int(2, 50)} * 100000 : 0;
    out.person = person;
    out.sentence = w.AddSentence(std::move(s));
    if (w.sentences[out.sentence].fine > 0 || w.sentences[out.sentence].restitution > 0) {
      static constexpr std::string_view kStatuses[] = {"open", "done", "terminated_this_round",
                                                       "suspended"};
      static constexpr double kWeights[] = {0.45, 0.4, 0.1, 0.05};
      AddPropertyCase(w, rng, out.sentence, kStatuses[rng.Weighted(kWeights)], std::nullopt);
    }
    if (!spec.create_correction) return out;

    CorrectionRow c;
    c.person = person;
    c.sentence = out.sentence;
    c.type = spec.surveillance ? "surveillance" : "probation";
    c.decision_org = w.sentences[out.sentence].court;
    c.decision_effective = e;
    c.county = county;
    c.start = e;
    c.end = end;
    c.reported = e + (spec.report_delay_days >= 0 ? spec.report_delay_days
                                                  : rng.Int(1, policy::kReportMaxDays));
    if (spec.active) {
      c.status = "active";
      c.status_date = c.reported;
    } else {
      c.status = "terminated";
      c.status_date = end;
    }
    c.monitor_allowed = spec.monitor_allowed;
    out.correction = AddCorrection(w, c);

    // The odd admonition for a minor breach, well inside the period.
    const Date last_day = std::min(end, a - 1);
    if (rng.Chance(0.05) && last_day - *c.reported > 60) {
      w.AddCorrectionEvent(out.correction, "admonition",
                           *c.reported + rng.Int(30, last_day - *c.reported - 1),
                           "未按规定时间报告情况，予以训诫");
    }
    // Historical leaves, all before the trajectory window.
    const Date window_day = BeijingDate(w.WindowStart()) - 2;
    const Date leave_hi = std::min(end - 10, window_day);
    int n_leaves =
        spec.leaves ? static_cast<int>(rng.Weighted(std::vector<double>{0.6, 0.3, 0.1})) : 0;
    for (int k = 0; k < n_leaves; ++k) {
      const Date leave_lo = *c.reported + 15;
      if (leave_hi - leave_lo < 10) break;
      const int days = rng.Int(1, 5);
      Date day = leave_lo + rng.Int(0, leave_hi - leave_lo - days - 1);
      const int dest = OtherCounty(w, rng, county, rng.Chance(0.5));
      const double u = rng.Uniform();
      const int idx =
          AddLeave(w, rng, out.correction, MidnightTs(day) + 9 * 3600, days, dest, -rng.Int(2, 8));
      if (u < 0.08) {
        w.leaves[idx].status = "rejected";
        w.leaves[idx].returned_ts.reset();
      } else if (u < 0.12) {
        w.leaves[idx].status = "cancelled";
        w.leaves[idx].returned_ts.reset();
      }
    }
    return out;
  }
  return out;
}

void BuildCourtCorrections(World& w) {
  for (int i = 0; i < w.params.court_corrections; ++i) {
    Rng rng(w.seed, Stream::kCourtCorrections, static_cast<uint64_t>(i));
    CourtSubjectSpec spec;
    spec.surveillance = rng.Chance(0.05);
    spec.active = rng.Chance(0.95);
    spec.min_days_before_as_of = rng.Chance(0.9) ? 70 : 20;
    const bool dies = spec.active && rng.Chance(0.006);
    if (dies) spec.monitor_allowed = false;
    const CourtSubject cs = BuildCourtSubject(w, rng, spec);
    if (!dies || cs.correction < 0) continue;
    // Died while under correction: closed as 死亡, with the civil-affairs death record.
    CorrectionRow& c = w.corrections[cs.correction];
    const Date death = w.as_of - rng.Int(20, 300);
    if (death <= *c.reported + 10 || death >= c.end) continue;
    c.status = "dead";
    c.status_date = death;
    w.AddCorrectionEvent(cs.correction, "died", death, "因病死亡");
    w.deaths.push_back({w.persons[cs.person].id_number, death, w.dir.county_psb[c.county]});
  }
}

}  // namespace zj::synth
