// Prison sentences and their lawful histories: delivery, transfers, commutations (法释
// 〔2016〕23号 with the margins of law_numbers.h `policy`), life and death-reprieve
// reductions, parole, temporary release, release at the end of the term, deaths in custody,
// short remainders served in a detention centre, and the property cases of the judgments.

#include <algorithm>
#include <cmath>

#include "common/period.h"
#include "synth/builders.h"
#include "synth/law_numbers.h"
#include "synth/sentences.h"

namespace zj::synth {
namespace {

constexpr double kOutcomeWeights[] = {0.772, 0.085, 0.08, 0.02, 0.004, 0.039};
constexpr Outcome kOutcomes[] = {Outcome::kInCustody, Outcome::kReleased,
                                 Outcome::kParoled,   Outcome::kTempRelease,
                                 Outcome::kDied,      Outcome::kServingInCentre};

struct PlannedCut {
  Date proposal;
  OptDate decision, effective;
  int months = 0;
  std::string_view basis;
};

std::string_view DrawBasis(Rng& rng, bool special) {
  double u = rng.Uniform();
  if (special) return u < 0.85 ? "repentance" : "merit";
  if (u < 0.70) return "repentance";
  if (u < 0.80) return "merit";
  return "repentance_merit";
}

int TermDays(int months) { return static_cast<int>(months * 30.44); }

// Lawful background reductions between `first` and `last` (proposal dates). Decided
// reductions move `end`; a proposal dated within the last 30 days before the as-of date is
// left pending when `allow_pending`.
std::vector<PlannedCut> SimulateCuts(const World& w, Rng& rng, Date first, Date last,
                                     bool allow_pending, bool special, int max_total_months,
                                     Date* end) {
  std::vector<PlannedCut> cuts;
  const Date a = w.as_of;
  Date p = first + rng.Int(0, 180);
  int total = 0;
  while (p <= last) {
    int cut = special ? rng.Int(policy::kCutSpecialMin, policy::kCutSpecialMax)
                      : rng.Int(policy::kCutMin, policy::kCutMax);
    if (total + cut > max_total_months) break;
    Date new_end = AddMonths(*end, -cut);
    if (new_end < p + 365) break;
    if (p > a - 31) {
      if (allow_pending && p <= a - 3) cuts.push_back({p, {}, {}, cut, DrawBasis(rng, special)});
      break;
    }
    PlannedCut c{p, {}, {}, cut, DrawBasis(rng, special)};
    c.decision = p + rng.Int(18, 28);
    c.effective = *c.decision + rng.Int(2, 6);
    cuts.push_back(c);
    *end = new_end;
    total += cut;
    p = std::max(CorrespondingDay(*c.decision, policy::kInterval),
                 AddMonths(*c.decision, cut + policy::kIntervalOverCutMonths)) +
        rng.Int(0, 200);
  }
  return cuts;
}

int DrawPrison(const World& w, Rng& rng, char gender, bool minor) {
  const auto& prisons = w.dir.prisons;
  if (gender == 'F') {
    for (size_t i = 0; i < prisons.size(); ++i) {
      if (prisons[i].women) return static_cast<int>(i);
    }
  }
  if (minor) {
    for (size_t i = 0; i < prisons.size(); ++i) {
      if (prisons[i].juvenile) return static_cast<int>(i);
    }
  }
  std::vector<double> weights;
  for (size_t i = 0; i < prisons.size(); ++i) {
    weights.push_back(prisons[i].women || prisons[i].juvenile ? 0.0 : 1.0 + (i * 7 % 3));
  }
  return static_cast<int>(rng.Weighted(weights));
}

}  // namespace

std::string MonthsChinese(int months) { return Period::Months(months).ToChinese(); }

void EndCustody(World& w, int prisoner, Date date, std::string_view event, std::string note) {
  Prisoner& p = w.prisoners[prisoner];
  p.exit = date;
  const std::string& facility = p.prisons.empty() ? p.centre : w.dir.prisons[p.PrisonOn(date)].id;
  w.AddCustodyEvent(p.person, facility, event, date, std::move(note));
}

int AddPropertyCase(World& w, Rng& rng, int sentence, std::string_view status, OptDate done_by) {
  const SentenceRow& s = w.sentences[sentence];
  PropertyCaseRow c;
  c.id = World::MakeId("EX", w.property_cases.size() + 1);
  c.sentence = sentence;
  c.person = s.person;
  c.court = s.court;
  c.filed = std::min(s.effective + rng.Int(1, policy::kFilingMaxDays), w.as_of);
  int64_t confiscation = s.confiscation > 0   ? s.confiscation
                         : s.confiscation < 0 ? rng.Range(50, 500) * 100000
                                              : 0;
  c.amount_due = s.fine + confiscation + s.restitution;
  c.status = status;
  const int exec = static_cast<int>(w.property_cases.size());
  auto pay = [&](Date date, int64_t amount) {
    static constexpr std::string_view kSources[] = {"self", "family", "account_deduction",
                                                    "seizure"};
    w.payments.push_back(
        {World::MakeId("PAY", w.payments.size() + 1), exec, date, amount, kSources[rng.Int(0, 3)]});
  };
  const Date latest = w.as_of - 2;
  if (status == "done") {
    Date done = done_by ? *done_by : c.filed + rng.Int(30, 400);
    done = std::clamp(done, c.filed + 10, std::max(c.filed + 10, latest));
    c.status_date = done;
    int n = rng.Int(1, 3);
    int64_t left = c.amount_due;
    for (int i = 0; i < n; ++i) {
      const bool last = i == n - 1;
      int64_t amount = last ? left : left / rng.Int(2, 4) / 100 * 100;
      Date date = last ? done : c.filed + 1 + rng.Int(0, std::max(0, done - c.filed - 2));
      if (amount > 0) pay(date, amount);
      left -= amount;
    }
  } else {
    Date status_date = status == "open"         ? c.filed
                       : status == "terminated" ? c.filed + rng.Int(100, 600)
                                                : c.filed + rng.Int(60, 400);
    status_date = std::min(status_date, std::max(c.filed, latest));
    c.status_date = status_date;
    const double share = status == "open" ? 0.4 : 0.1;
    int paid_count = rng.Int(0, status == "open" ? 2 : 1);
    for (int i = 0; i < paid_count; ++i) {
      int64_t amount = static_cast<int64_t>(c.amount_due * share / 2 * rng.Uniform()) / 100 * 100;
      Date hi = status == "open" ? latest : status_date;
      if (amount > 0 && hi > c.filed) pay(c.filed + 1 + rng.Int(0, hi - c.filed - 1), amount);
    }
  }
  w.property_cases.push_back(std::move(c));
  return exec;
}

int AddCorrection(World& w, CorrectionRow c) {
  c.id = World::MakeId("CR", w.corrections.size() + 1);
  c.office = w.dir.county_corr[c.county];
  w.corrections.push_back(c);
  const int idx = static_cast<int>(w.corrections.size()) - 1;
  if (c.reported) w.AddCorrectionEvent(idx, "reported", *c.reported, "按时报到");
  if (c.status == "terminated")
    w.AddCorrectionEvent(idx, "terminated", c.end, "矫正期满，解除矫正");
  return idx;
}

int AddCommutationAt(World& w, int prisoner, Date proposal, std::string_view basis, int cut_months,
                     OptDate decision, OptDate effective, OptDate opinion_date) {
  Prisoner& p = w.prisoners[prisoner];
  const int prison = p.PrisonOn(proposal);
  ChangeRow c;
  c.person = p.person;
  c.sentence = p.sentence;
  c.type = "commutation";
  c.basis = basis;
  c.proposing_org = w.dir.prisons[prison].id;
  c.proposal = proposal;
  c.reduction_months = cut_months;
  c.reason = basis == "repentance"         ? "确有悔改表现"
             : basis == "merit"            ? "有立功表现"
             : basis == "repentance_merit" ? "确有悔改表现并有立功表现"
             : basis == "major_merit"      ? "有重大立功表现"
                                           : "确有悔改表现并有重大立功表现";
  if (decision) {
    c.decision = decision;
    c.effective = effective;
    c.deciding_org = w.dir.city_court[w.geo.CityOf(w.dir.prisons[prison].county)];
    c.new_term_end = AddMonths(*p.end, -cut_months);
    p.end = c.new_term_end;
    c.opinion = "agree";
    c.opinion_date = opinion_date;
  }
  int idx = w.AddChange(std::move(c));
  p.changes.push_back(idx);
  return idx;
}

int AddCommutation(World& w, Rng& rng, int prisoner, Date proposal, std::string_view basis,
                   int cut_months, bool decide) {
  OptDate decision, effective, opinion;
  if (decide) {
    decision = proposal + rng.Int(18, 28);
    effective = *decision + rng.Int(2, 6);
    opinion = proposal + rng.Int(3, 9);
  }
  return AddCommutationAt(w, prisoner, proposal, basis, cut_months, decision, effective, opinion);
}

int AddParole(World& w, Rng& rng, int prisoner, Date proposal, bool monitored_ok) {
  Prisoner& p = w.prisoners[prisoner];
  const int prison = p.PrisonOn(proposal);
  ChangeRow c;
  c.person = p.person;
  c.sentence = p.sentence;
  c.type = "parole";
  c.proposing_org = w.dir.prisons[prison].id;
  c.proposal = proposal;
  c.decision = proposal + rng.Int(18, 28);
  c.effective = *c.decision + rng.Int(1, 3);
  c.deciding_org = w.dir.city_court[w.geo.CityOf(w.dir.prisons[prison].county)];
  c.probation_end = p.end;
  c.reason = "确有悔改表现，没有再犯罪的危险";
  c.opinion = "agree";
  c.opinion_date = proposal + rng.Int(3, 9);
  const Date release = *c.effective;
  const int change = w.AddChange(std::move(c));
  p.changes.push_back(change);
  EndCustody(w, prisoner, release, "released_parole", "假释出监");

  CorrectionRow cr;
  cr.person = p.person;
  cr.sentence = p.sentence;
  cr.change = change;
  cr.type = "parole";
  cr.decision_org = w.changes[change].deciding_org;
  cr.decision_effective = release;
  cr.county = w.persons[p.person].county;
  cr.start = release;
  cr.end = *p.end;
  cr.reported = release + rng.Int(1, 4);  // ≤ 7 days after the ruling (law: 10 after effect)
  if (cr.end >= w.as_of + 30) {
    cr.status = "active";
    cr.status_date = cr.reported;
  } else {
    cr.status = "terminated";
    cr.status_date = cr.end;
  }
  cr.monitor_allowed = monitored_ok;
  AddCorrection(w, cr);
  return change;
}

int BuildPrisoner(World& w, Rng& rng, const PrisonerSpec& spec) {
  const Date a = w.as_of;
  for (int attempt = 0; attempt < 80; ++attempt) {
    // ---- crime, penalty, term, flags ----
    int crime = spec.crime;
    if (crime < 0 && spec.outcome == Outcome::kServingInCentre) {
      static constexpr std::string_view kLight[] = {"盗窃罪",     "诈骗罪",     "寻衅滋事罪",
                                                    "开设赌场罪", "危险驾驶罪", "交通肇事罪"};
      crime = CrimeIndex(kLight[rng.Int(0, std::size(kLight) - 1)]);
    }
    if (crime < 0) crime = DrawCrime(rng, false);
    const CrimeProfile& cp = Crimes()[crime];
    if (cp.prison_weight == 0 && spec.outcome != Outcome::kServingInCentre) continue;
    std::string_view penalty = "fixed_term";
    if (!spec.fixed_term &&
        (spec.outcome == Outcome::kInCustody || spec.outcome == Outcome::kDied)) {
      double u = rng.Uniform();
      if (u < cp.death_share) {
        penalty = rng.Chance(0.1) ? "death_reprieve_restricted" : "death_reprieve";
      } else if (u < cp.death_share + cp.life_share) {
        penalty = "life";
      }
    }
    const bool fixed = penalty == "fixed_term";
    int lo = std::max(cp.min_months, spec.min_term);
    int hi = spec.max_term > 0 ? std::min(cp.max_months, spec.max_term) : cp.max_months;
    if (spec.outcome == Outcome::kServingInCentre) {
      lo = std::max(lo, 6);
      hi = std::min(hi, 12);
      if (cp.crime == "危险驾驶罪") {
        penalty = "criminal_detention";
        lo = 2;
        hi = 6;
      }
    } else if (cp.crime == "危险驾驶罪") {
      continue;
    }
    if (lo > hi) continue;
    const int term = (fixed || penalty == "criminal_detention") ? DrawTerm(rng, lo, hi) : 0;
    CategoryDraw extra;
    if (spec.recidivist) {
      extra.recidivist = true;
    } else if (!spec.ordinary) {
      extra.recidivist = rng.Chance(cp.recidivist_share);
      extra.drug_recidivist = cp.crime == "贩卖毒品罪" && !extra.recidivist && rng.Chance(0.12);
      extra.minor = fixed && rng.Chance(0.01);
      extra.elderly = !extra.minor && rng.Chance(0.006);
    }
    std::vector<std::string_view> cats = CategoriesFor(cp, penalty, term, extra);
    if (spec.ordinary && !cats.empty()) continue;
    if (spec.recidivist && (cats.size() != 1 || cp.violent)) continue;
    // Parole and temporary release only for prisoners outside every special list.
    const bool plain = (cats.empty() || spec.recidivist) && !cp.violent;
    if ((spec.outcome == Outcome::kParoled || spec.outcome == Outcome::kTempRelease) && !plain) {
      continue;
    }
    if (spec.outcome == Outcome::kParoled && term < 24) continue;
    if (spec.outcome == Outcome::kTempRelease && term < 36) continue;

    const bool good = spec.commutations && rng.Chance(0.72);
    const bool special = !cats.empty();
    const bool reductions =
        good && spec.outcome != Outcome::kTempRelease &&
        spec.outcome != Outcome::kServingInCentre &&
        !(extra.minor || extra.elderly);  // relaxations exist; keep them out of the background
    int64_t fine = DrawFine(rng, cp);
    if (spec.fine && fine == 0) fine = int64_t{rng.Int(5, 50)} * 100000;
    int64_t confiscation = 0;
    if (!fixed && penalty != "criminal_detention" && cp.fine_max > 0 && rng.Chance(0.4)) {
      confiscation = -1;  // 没收全部财产
    }
    int64_t restitution = rng.Chance(cp.restitution_share) ? int64_t{rng.Int(5, 200)} * 100000 : 0;
    const bool has_property = fine > 0 || confiscation != 0 || restitution > 0;
    const bool must_pay =
        has_property && (reductions || spec.property_paid || spec.outcome == Outcome::kParoled);

    // ---- dates ----
    Date s, j, e, d;
    auto timeline_from_start = [&](Date start) {
      s = ClampDay27(start);
      j = s + rng.Int(60, 300);
      e = j + rng.Int(10, 25);
      d = e + rng.Int(policy::kDeliveryMinDays, policy::kDeliveryMaxDays);
    };
    const int term_days = TermDays(term);
    OptDate death;
    OptDate temp_release;
    if (spec.outcome == Outcome::kServingInCentre) {
      const bool still_in = rng.Chance(0.3);
      Date end_target = still_in ? a + rng.Int(3, 50) : a - rng.Int(5, 600);
      Date start = AddMonths(end_target + 1, -term);
      s = start;
      Date end = TermEnd(s, Period::Months(term));
      d = end - rng.Int(20, policy::kServeInCentreMaxDays);
      e = d - rng.Int(3, 10);
      j = e - rng.Int(10, 15);
      if (j < s + 20 || d > a - 1) continue;
      if (still_in && end < a + 3) continue;
      if (!still_in && end > a - 5) continue;
    } else if (!fixed) {
      e = a - rng.Int(365, 14 * 365);
      j = e - rng.Int(10, 25);
      s = j - rng.Int(120, 400);
      d = e + rng.Int(policy::kDeliveryMinDays, policy::kDeliveryMaxDays);
      if (spec.outcome == Outcome::kDied) death = a - rng.Int(30, 700);
    } else if (spec.delivery_from || spec.delivery_to) {
      Date from = spec.delivery_from.value_or(a - 15 * 365);
      Date to = spec.delivery_to.value_or(a - 30);
      if (to < from) return -1;
      Date dt = from + rng.Int(0, to - from);
      timeline_from_start(dt - rng.Int(60, 300) - 25 - 20);
      if (d < from || d > to) continue;
    } else {
      switch (spec.outcome) {
        case Outcome::kInCustody: {
          int u_max = term_days - 40, u_min = 200;
          if (u_max < u_min) continue;
          timeline_from_start(a - rng.Int(u_min, u_max));
          break;
        }
        case Outcome::kReleased: {
          Date lo_s = AddMonths(a - 700, -term);
          Date hi_s = AddMonths(a - 5, -term) + static_cast<int>(term_days * 0.3);
          timeline_from_start(lo_s + rng.Int(0, hi_s - lo_s));
          break;
        }
        case Outcome::kParoled: {
          Date lo_s = a - static_cast<int>(term_days * 1.15);
          Date hi_s = a - static_cast<int>(term_days * policy::kParoleServedShare) - 120;
          if (hi_s <= lo_s) continue;
          timeline_from_start(lo_s + rng.Int(0, hi_s - lo_s));
          break;
        }
        case Outcome::kTempRelease: {
          Date lo_s = a - term_days + 400, hi_s = a - 500;
          if (hi_s <= lo_s) continue;
          timeline_from_start(lo_s + rng.Int(0, hi_s - lo_s));
          int lo_r = 365, hi_r = std::min(term_days - 365, (a - 90) - s);
          if (hi_r <= lo_r) continue;
          temp_release = s + rng.Int(lo_r, hi_r);
          if (*temp_release < a - 1000 || *temp_release <= d + 90) continue;
          if (spec.release_to && *temp_release > *spec.release_to) continue;
          break;
        }
        case Outcome::kDied: {
          Date x = a - rng.Int(30, 700);
          int u_max = term_days - 60, u_min = 200;
          if (u_max < u_min) continue;
          timeline_from_start(x - rng.Int(u_min, u_max));
          death = x;
          break;
        }
        case Outcome::kServingInCentre:
          break;
      }
    }
    if (d > a - 20) continue;
    if (death && *death <= d + 60) continue;

    // Judgment end date and remaining term at delivery.
    int credit = 0;
    OptDate end;
    if (fixed || penalty == "criminal_detention") {
      if (!reductions && spec.custody_credit && spec.outcome != Outcome::kParoled &&
          spec.outcome != Outcome::kServingInCentre && spec.outcome != Outcome::kTempRelease &&
          rng.Chance(0.1)) {
        credit = rng.Int(10, 90);
      }
      end = TermEnd(s, Period::Months(term)) - credit;
      if (spec.outcome != Outcome::kServingInCentre && *end - d < 150) continue;
    }

    // Property status (paid before any reduction or parole proposal).
    std::string_view property_status;
    OptDate paid_on;
    if (has_property) {
      if (!spec.property_status.empty()) {
        property_status = spec.property_status;
        if (property_status == "done") paid_on = e + rng.Int(20, 300);
      } else if (must_pay) {
        property_status = "done";
        // Planters add their own proposals at any time after delivery: pay at once.
        paid_on = spec.commutations ? e + rng.Int(20, 300) : e + rng.Int(5, 15);
      } else {
        static constexpr std::string_view kStatuses[] = {"open", "done", "terminated_this_round",
                                                         "suspended", "terminated"};
        static constexpr double kWeights[] = {0.45, 0.25, 0.15, 0.08, 0.07};
        property_status = kStatuses[rng.Weighted(kWeights)];
        if (property_status == "done") paid_on = e + rng.Int(20, 600);
      }
      if (paid_on && *paid_on > a - 3) paid_on = a - 3;
    }
    const Date earliest_after_payment = paid_on ? *paid_on + policy::kPaidBeforeProposalDays : s;

    // ---- reductions ----
    std::vector<PlannedCut> cuts;
    struct Special {
      std::string_view type;
      Date proposal;
      OptDate decision;
      int new_months = 0;
      OptDate new_end;
    };
    std::vector<Special> specials;
    Date last_decision = d;
    OptDate parole_proposal;
    OptDate pre_cut_end = end;
    if (fixed && reductions) {
      Date first =
          std::max({CorrespondingDay(d, special ? policy::kStartStrict : policy::kStartOrdinary),
                    law::kFirstProposal, earliest_after_payment});
      Date last = a;
      if (spec.outcome == Outcome::kParoled) {
        last =
            CorrespondingDay(
                s, Period::Months(static_cast<int>(std::ceil(term * policy::kParoleServedShare)))) -
            800;
      }
      if (death) last = *death - 60;
      const bool pending_ok = spec.outcome == Outcome::kInCustody;
      pre_cut_end = end;
      cuts = SimulateCuts(w, rng, first, last, pending_ok, special,
                          static_cast<int>(term * policy::kMaxTotalCutShare), &*end);
      for (const PlannedCut& c : cuts) {
        if (c.decision) last_decision = *c.decision;
      }
    } else if (!fixed && penalty != "criminal_detention") {
      if (penalty == "life" && reductions && !special) {
        Date p = std::max({CorrespondingDay(d, policy::kStartLifeAll), law::kFirstProposal,
                           earliest_after_payment}) +
                 rng.Int(0, 200);
        if (death && p + 60 >= *death) {
          // No reduction close to a death in custody.
        } else if (p <= a - 31) {
          Date decision = ClampDay27(p + rng.Int(20, 28));
          Date new_end = TermEnd(decision, Period::Months(law::kLifeToFixedMonths));
          specials.push_back({"life_to_fixed", p, decision, law::kLifeToFixedMonths, new_end});
          end = new_end;
          pre_cut_end = end;
          Date next = CorrespondingDay(decision, policy::kInterval) + rng.Int(0, 200);
          cuts = SimulateCuts(w, rng, next, death ? *death - 60 : a,
                              spec.outcome == Outcome::kInCustody, false, 24, &*end);
        } else if (p <= a - 3 && spec.outcome == Outcome::kInCustody) {
          specials.push_back({"life_to_fixed", p, {}, law::kLifeToFixedMonths, {}});
        }
      } else if (penalty != "life") {
        Date expiry = CorrespondingDay(e, law::kReprieve);
        Date p = expiry + rng.Int(5, 20);
        if (p + 28 <= a - 3 && (!death || p + 28 < *death)) {
          specials.push_back({"reprieve_to_life", p, p + rng.Int(20, 28), 0, {}});
        }
      }
    }

    // ---- outcome-specific checks ----
    OptDate release;
    std::string_view release_event;
    switch (spec.outcome) {
      case Outcome::kInCustody:
        if (end && *end < a + 30) continue;
        if (end && spec.end_from && *end < *spec.end_from) continue;
        if (end && spec.end_to && *end > *spec.end_to) continue;
        break;
      case Outcome::kReleased:
        if (*end < a - 700 || *end > a - 5) continue;
        if (spec.end_from && *end < *spec.end_from) continue;
        if (spec.end_to && *end > *spec.end_to) continue;
        release = *end + rng.Int(0, law::kReleaseLatestExtraDays);
        release_event = "released_expiry";
        break;
      case Outcome::kServingInCentre:
        if (*end <= a - 5) {
          release = *end + rng.Int(0, law::kReleaseLatestExtraDays);
          release_event = "released_expiry";
        }
        break;
      case Outcome::kParoled: {
        Date share_day = CorrespondingDay(
            s, Period::Months(static_cast<int>(std::ceil(term * policy::kParoleServedShare))));
        Date p = std::max({share_day, law::kFirstProposal, earliest_after_payment,
                           cuts.empty() ? s
                                        : CorrespondingDay(last_decision,
                                                           policy::kParoleAfterCommutation)}) +
                 rng.Int(0, 90);
        if (p > a - 60) continue;
        if (*end - (p + 40) < 180) continue;
        if (*end >= a - 4 && *end < a + 30) continue;
        parole_proposal = p;
        break;
      }
      case Outcome::kTempRelease:
        if (*end - *temp_release < 365) continue;
        if (*end >= a - 4 && *end < a + 30) continue;
        break;
      case Outcome::kDied:
        if (end && *end < *death + 60) continue;
        break;
    }

    // ---- commit ----
    char gender = rng.Chance(cp.female_share) ? 'F' : 'M';
    int county = DrawCounty(w, rng);
    Date birth;
    if (extra.minor) {
      birth = DrawBirth(rng, j - 200, 16, 17);
      if (AddMonths(birth, 18 * 12) > a - 30) {
        extra.minor = false;
        cats = CategoriesFor(cp, penalty, term, extra);
        birth = DrawBirth(rng, s, 19, 45);
      }
    } else if (extra.elderly) {
      birth = DrawBirth(rng, j, 66, 74);
    } else {
      birth = DrawBirth(rng, s, 18, 58);
    }
    const int person = w.AddPerson(rng, gender, birth, county);

    SentenceRow sr;
    sr.person = person;
    const bool intermediate = !fixed && penalty != "criminal_detention" ? true : term >= 180;
    const int city = w.geo.CityOf(county);
    sr.court = intermediate ? w.dir.city_court[city] : w.dir.county_court[county];
    sr.case_no = CaseNo(intermediate ? w.geo.cities()[city].code : w.geo.counties()[county].code,
                        j.year(), "刑初", rng.Int(1, 1500));
    sr.judgment = j;
    sr.effective = e;
    sr.crimes.push_back(cp.crime);
    if (!cp.second_crime.empty()) sr.crimes.push_back(cp.second_crime);
    sr.categories = cats;
    sr.penalty = penalty;
    if (fixed || penalty == "criminal_detention") {
      sr.term_months = term;
      sr.credit_days = credit;
      sr.term_start = s;
      sr.term_end = TermEnd(s, Period::Months(term)) - credit;
    }
    sr.fine = fine;
    sr.confiscation = confiscation;
    sr.restitution = restitution;
    if (!fixed && penalty != "criminal_detention") {
      sr.political = "life";
    } else if (cp.violent && term >= 120) {
      sr.political = std::to_string(rng.Int(3, 5));
    } else if (cp.category == "duty_crime" && rng.Chance(0.3)) {
      sr.political = "2";
    }
    const int sentence = w.AddSentence(std::move(sr));
    int property_case = -1;
    if (has_property) property_case = AddPropertyCase(w, rng, sentence, property_status, paid_on);

    Prisoner pr;
    pr.person = person;
    pr.sentence = sentence;
    pr.delivery = d;
    pr.end = end;
    pr.minor = extra.minor;
    pr.bonus_level = rng.Int(policy::kBonusLevelMin, policy::kBonusLevelMax);
    pr.troublesome = !reductions && spec.outcome != Outcome::kParoled &&
                     spec.outcome != Outcome::kTempRelease && rng.Chance(0.25);
    pr.property_case = property_case;
    if (property_case >= 0) {
      std::string_view st = w.property_cases[property_case].status;
      if (st == "suspended" || st == "terminated_this_round") pr.accounts = AccountProfile::kPoor;
    }
    if (spec.outcome == Outcome::kServingInCentre) {
      pr.centre = w.dir.county_dc[county];
    } else {
      const int first = DrawPrison(w, rng, gender, extra.minor);
      pr.prisons.push_back({d, first});
      // One transfer for some, long before the points window (M09) and labour weeks (M11).
      const Date exit_bound = release           ? *release
                              : parole_proposal ? *parole_proposal
                              : temp_release    ? *temp_release - 60
                              : death           ? *death
                                                : a;
      const Date latest_transfer = std::min(exit_bound - 60, a - 430);
      if (spec.transfers && !extra.minor && gender == 'M' && rng.Chance(0.08) &&
          latest_transfer > d + 180) {
        Date t = d + 180 + rng.Int(0, latest_transfer - (d + 180));
        int second = DrawPrison(w, rng, gender, false);
        if (second != first) pr.prisons.push_back({t, second});
      }
    }
    const int prisoner = static_cast<int>(w.prisoners.size());
    w.prisoners.push_back(std::move(pr));
    w.IndexPrisoner(person, prisoner);
    Prisoner& p = w.prisoners[prisoner];

    // Custody events.
    const std::string& first_facility =
        p.prisons.empty() ? p.centre : w.dir.prisons[p.prisons.front().second].id;
    w.AddCustodyEvent(person, first_facility, "admitted", d,
                      p.prisons.empty() ? "交付看守所留所服刑" : "交付执行，收监");
    for (size_t k = 1; k < p.prisons.size(); ++k) {
      w.AddCustodyEvent(person, w.dir.prisons[p.prisons[k - 1].second].id, "transferred_out",
                        p.prisons[k].first, "调往" + w.dir.prisons[p.prisons[k].second].name);
      w.AddCustodyEvent(person, w.dir.prisons[p.prisons[k].second].id, "transferred_in",
                        p.prisons[k].first,
                        "由" + w.dir.prisons[p.prisons[k - 1].second].name + "调入");
    }
    if (spec.outcome == Outcome::kServingInCentre) {
      DetentionRow dr;
      dr.id = World::MakeId("D", w.detentions.size() + 1);
      dr.person = person;
      dr.facility = p.centre;
      dr.case_no = w.sentences[sentence].case_no;
      dr.handling_org = w.sentences[sentence].court;
      dr.stage = "serving_in_center";
      dr.stage_start = d;
      dr.stage_deadline = end;
      if (release) {
        dr.released = release;
        dr.release_reason = "刑满释放";
      }
      w.detentions.push_back(std::move(dr));
    }

    // Changes: life/death first, then the fixed-term reductions.
    const std::string& high = w.dir.high_court;
    for (const Special& sp : specials) {
      ChangeRow c;
      c.person = person;
      c.sentence = sentence;
      c.type = sp.type;
      c.basis = sp.type == "life_to_fixed" ? "repentance" : std::string_view();
      c.proposing_org = w.dir.prisons[p.PrisonOn(sp.proposal)].id;
      c.proposal = sp.proposal;
      c.new_penalty = sp.type == "life_to_fixed" ? "fixed_term" : "life";
      if (sp.new_months) c.new_term_months = sp.new_months;
      c.reason = sp.type == "life_to_fixed" ? "确有悔改表现" : "死刑缓期执行期间没有故意犯罪";
      if (sp.decision) {
        c.deciding_org = high;
        c.decision = sp.decision;
        c.effective = sp.decision;
        c.new_term_end = sp.new_end;
        c.opinion = "agree";
        c.opinion_date = sp.proposal + rng.Int(3, 9);
      }
      p.changes.push_back(w.AddChange(std::move(c)));
    }
    p.end = pre_cut_end;
    for (const PlannedCut& c : cuts) {
      AddCommutationAt(w, prisoner, c.proposal, c.basis, c.months, c.decision, c.effective,
                       c.decision ? OptDate(c.proposal + rng.Int(3, 9)) : std::nullopt);
    }

    // Outcome.
    switch (spec.outcome) {
      case Outcome::kReleased:
      case Outcome::kServingInCentre:
        if (release) EndCustody(w, prisoner, *release, release_event, "刑期届满释放");
        break;
      case Outcome::kParoled:
        AddParole(w, rng, prisoner, *parole_proposal, spec.monitored_ok);
        break;
      case Outcome::kTempRelease: {
        Date r = *temp_release;
        Date decision = r - rng.Int(1, 3);
        Date proposal = decision - rng.Int(10, 20);
        ChangeRow c;
        c.person = person;
        c.sentence = sentence;
        c.type = "temp_release";
        c.proposing_org = w.dir.prisons[p.PrisonOn(proposal)].id;
        c.proposal = proposal;
        c.deciding_org = w.dir.prison_admin;
        c.decision = decision;
        c.effective = decision;
        c.reason = "患严重疾病，需要保外就医";
        c.opinion = "agree";
        c.opinion_date = proposal + rng.Int(2, 6);
        const int change = w.AddChange(std::move(c));
        p.changes.push_back(change);
        EndCustody(w, prisoner, r, "released_temp", "暂予监外执行出监");
        CorrectionRow cr;
        cr.person = person;
        cr.sentence = sentence;
        cr.change = change;
        cr.type = "temp_release";
        cr.decision_org = w.dir.prison_admin;
        cr.decision_effective = decision;
        cr.county = county;
        cr.start = r;
        cr.end = *p.end;
        cr.reported = r + rng.Int(1, 3);  // ≤ 6 days after the decision (law: 10)
        cr.monitor_allowed = false;
        if (cr.end >= a + 30) {
          cr.status = "active";
          cr.status_date = cr.reported;
        } else {
          cr.status = "terminated";
          cr.status_date = cr.end;
        }
        const int corr = AddCorrection(w, cr);
        // Medical reviews at 75–85-day steps (JX-ZJ-09: every 3 months).
        Date rev = decision + rng.Int(60, 75);
        const Date stop = std::min(cr.end, a - 1);
        while (rev <= stop) {
          w.medical_reviews.push_back(
              {World::MakeId("MR", w.medical_reviews.size() + 1), person, corr, rev,
               w.geo.cities()[w.geo.CityOf(county)].name + "第一人民医院", "still_eligible"});
          rev = rev + rng.Int(policy::kReviewMinDays, policy::kReviewMaxDays);
        }
        break;
      }
      case Outcome::kDied: {
        EndCustody(w, prisoner, *death, "died", "因病死亡");
        const int prison_county =
            p.prisons.empty() ? county : w.dir.prisons[p.PrisonOn(*death)].county;
        w.deaths.push_back({w.persons[person].id_number, *death, w.dir.county_psb[prison_county]});
        break;
      }
      case Outcome::kInCustody:
        break;
    }
    return prisoner;
  }
  return -1;
}

void BuildPrisoners(World& w) {
  for (int i = 0; i < w.params.prisoners; ++i) {
    Rng rng(w.seed, Stream::kPrisoners, static_cast<uint64_t>(i));
    PrisonerSpec spec;
    spec.outcome = kOutcomes[rng.Weighted(kOutcomeWeights)];
    if (BuildPrisoner(w, rng, spec) < 0) {
      spec.outcome = Outcome::kInCustody;
      BuildPrisoner(w, rng, spec);
    }
  }
}

}  // namespace zj::synth
