// Planters, one per model. Every planter states how its case stays clear of the other models.

#include "synth/plant.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/money.h"
#include "common/period.h"
#include "domain/codes.h"
#include "synth/builders.h"
#include "synth/correction.h"
#include "synth/custody.h"
#include "synth/law_numbers.h"
#include "synth/prison_life.h"
#include "synth/sentences.h"
#include "synth/trajectory.h"

namespace zj::synth {
namespace {

using Json = nlohmann::ordered_json;

std::string ModelName(int m) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "M%02d", m);
  return buf;
}

std::string Yuan(int64_t fen) { return Money{fen}.ToYuanString(); }

Label& NewLabel(World& w, int model, std::string title, int person, std::string org) {
  Label l;
  l.model = ModelName(model);
  l.title = std::move(title);
  if (person >= 0) l.person_id = w.persons[person].id;
  l.org_id = std::move(org);
  w.labels.push_back(std::move(l));
  if (person >= 0) w.persons[person].plant = model;
  return w.labels.back();
}

Rng PlantRng(const World& w, int model, int k) {
  return Rng(w.seed, Stream::kPlant, static_cast<uint64_t>(model) * 100000 + k);
}

const std::string& PrisonId(const World& w, const Prisoner& p, Date d) {
  return w.dir.prisons[p.PrisonOn(d)].id;
}

std::string TermText(int months) { return MonthsChinese(months); }

// Ordinary fixed-term commutation start time by original term (JX-START-01).
Period OrdinaryStart(int term_months) {
  if (term_months < 60) return law::kStartUnder5y;
  if (term_months < 120) return law::kStart5To10y;
  return law::kStart10yUp;
}

PrisonerSpec PlainSpec(int min_term, int max_term) {
  PrisonerSpec s;
  s.ordinary = true;
  s.fixed_term = true;
  s.commutations = false;
  s.property_paid = true;
  s.transfers = false;
  s.custody_credit = false;  // planters add reductions: one reading of month arithmetic only
  s.min_term = min_term;
  s.max_term = max_term;
  return s;
}

// ---------------------------------------------------------------------------------------------
// M01 — a first commutation proposed 100–200 days before the start time (term 6–9 years, so
// the ordinary 1 year 6 months applies). Ordinary prisoner (no flags, property paid), basis
// 悔改, reduction 4–6 months (cap 9), no earlier reduction, so M02–M04, M06, M08 stay quiet.
void PlantM01(World& w, int count) {
  for (int k = 0; k < count; ++k) {
    Rng rng = PlantRng(w, 1, k);
    for (int attempt = 0; attempt < 60; ++attempt) {
      const Date p = w.as_of - rng.Int(5, 300);
      const int shortfall = rng.Int(100, 200);
      PrisonerSpec spec = PlainSpec(72, 108);
      const Date d_target = AddMonths(p + shortfall, -18);
      spec.delivery_from = d_target - 5;
      spec.delivery_to = d_target + 5;
      const int pi = BuildPrisoner(w, rng, spec);
      if (pi < 0) continue;
      Prisoner& pr = w.prisoners[pi];
      const int term = w.sentences[pr.sentence].term_months;
      const Date earliest = CorrespondingDay(pr.delivery, OrdinaryStart(term));
      if (p > earliest - 90 || p < pr.delivery + 120) continue;
      const int cut = rng.Int(4, 6);
      const int ch = AddCommutation(w, rng, pi, p, "repentance", cut, p <= w.as_of - 40);
      Label& l = NewLabel(w, 1, "减刑起始时间不足", pr.person, PrisonId(w, pr, p));
      l.key = {{"change_id", w.changes[ch].id}};
      l.summary = "原判有期徒刑" + TermText(term) + "，" + pr.delivery.ToString() + "交付执行，" +
                  p.ToString() + "即提请减刑，未满" + OrdinaryStart(term).ToChinese() +
                  "的减刑起始时间，最早应于" + earliest.ToString() + "方可提请";
      l.facts = {{"delivery_date", pr.delivery.ToString()},
                 {"proposal_date", p.ToString()},
                 {"original_term_months", term},
                 {"required_period", OrdinaryStart(term).ToChinese()},
                 {"earliest_proposal_date", earliest.ToString()},
                 {"short_days", earliest - p}};
      l.basis = {"JX-START-01"};
      break;
    }
  }
}

// M02 — a second commutation proposed about 7 months after the first took effect (term 7–9
// years: interval 1 year). The first was lawful (start 1y6m + 1–3 months); the interval is
// still longer than the first cut (5 months), so only the fixed minimum is missed.
void PlantM02(World& w, int count) {
  for (int k = 0; k < count; ++k) {
    Rng rng = PlantRng(w, 2, k);
    for (int attempt = 0; attempt < 60; ++attempt) {
      const Date p2 = w.as_of - rng.Int(5, 200);
      const Date eff1 = p2 - rng.Int(200, 240);
      const Date dec1 = eff1 - rng.Int(2, 6);
      const Date p1 = dec1 - rng.Int(18, 28);
      PrisonerSpec spec = PlainSpec(84, 114);
      const Date d_target = AddMonths(p1 - rng.Int(30, 90), -18);
      spec.delivery_from = d_target - 5;
      spec.delivery_to = d_target + 5;
      const int pi = BuildPrisoner(w, rng, spec);
      if (pi < 0) continue;
      Prisoner& pr = w.prisoners[pi];
      const int term = w.sentences[pr.sentence].term_months;
      if (p1 < CorrespondingDay(pr.delivery, OrdinaryStart(term)) + 20 ||
          p1 < law::kFirstProposal) {
        continue;
      }
      const Date required = CorrespondingDay(eff1, law::kIntervalUnder10y);
      if (required - p2 < 100) continue;
      const int first = AddCommutationAt(w, pi, p1, "repentance", 5, dec1, eff1, p1 + 5);
      const int ch = AddCommutation(w, rng, pi, p2, "repentance", 4, p2 <= w.as_of - 40);
      Label& l = NewLabel(w, 2, "减刑间隔不足", pr.person, PrisonId(w, pr, p2));
      l.key = {{"change_id", w.changes[ch].id}};
      l.summary = "第二次减刑于" + p2.ToString() + "提请，距上次减刑裁定生效（" + eff1.ToString() +
                  "）仅" + std::to_string(p2 - eff1) + "日，少于原判刑期不满十年罪犯一年的减刑间隔";
      l.facts = {{"previous_change_id", w.changes[first].id},
                 {"previous_decision", dec1.ToString()},
                 {"previous_effective", eff1.ToString()},
                 {"previous_reduction_months", 5},
                 {"proposal_date", p2.ToString()},
                 {"interval_days", p2 - eff1},
                 {"required", law::kIntervalUnder10y.ToChinese()},
                 {"required_days", required - eff1}};
      l.basis = {"JX-INTV-01"};
      break;
    }
  }
}

// M03 — one reduction of 14–16 months for 悔改 alone (cap 9; above every cap short of 重大立功)
// on an ordinary term of 10.5–14 years, proposed after the 2-year start; first reduction, far
// from the floor (M04) and the end.
void PlantM03(World& w, int count) {
  for (int k = 0; k < count; ++k) {
    Rng rng = PlantRng(w, 3, k);
    for (int attempt = 0; attempt < 60; ++attempt) {
      const Date p = w.as_of - rng.Int(5, 250);
      PrisonerSpec spec = PlainSpec(126, 168);
      const Date d_target = AddMonths(p - rng.Int(60, 150), -24);
      spec.delivery_from = d_target - 5;
      spec.delivery_to = d_target + 5;
      const int pi = BuildPrisoner(w, rng, spec);
      if (pi < 0) continue;
      Prisoner& pr = w.prisoners[pi];
      if (p < CorrespondingDay(pr.delivery, law::kStart10yUp) + 30) continue;
      const int cut = rng.Int(14, 16);
      const int ch = AddCommutation(w, rng, pi, p, "repentance", cut, p <= w.as_of - 40);
      Label& l = NewLabel(w, 3, "减刑幅度超限", pr.person, PrisonId(w, pr, p));
      l.key = {{"change_id", w.changes[ch].id}};
      l.summary = "以确有悔改表现为由一次减去有期徒刑" + TermText(cut) + "，超过" +
                  TermText(law::kCapRepentanceOrMerit) + "的幅度上限";
      l.facts = {{"basis", "repentance"},
                 {"reduction_months", cut},
                 {"cap_months", law::kCapRepentanceOrMerit},
                 {"original_term_months", w.sentences[pr.sentence].term_months}};
      l.basis = {"JX-CAP-01"};
      break;
    }
  }
}

// M04 — a pending 重大立功 proposal cutting 16 months (cap 18; 重大立功 lifts start and
// interval) from a 24–27-month term: the time actually served would be 8–11 months, below
// half the term. A 重大立功 reward backs it. No earlier reduction.
void PlantM04(World& w, int count) {
  for (int k = 0; k < count; ++k) {
    Rng rng = PlantRng(w, 4, k);
    for (int attempt = 0; attempt < 60; ++attempt) {
      PrisonerSpec spec = PlainSpec(24, 27);
      spec.delivery_from = w.as_of - 240;
      spec.delivery_to = w.as_of - 120;
      const int pi = BuildPrisoner(w, rng, spec);
      if (pi < 0) continue;
      Prisoner& pr = w.prisoners[pi];
      const int term = w.sentences[pr.sentence].term_months;
      const Date p = w.as_of - rng.Int(5, 25);
      const int cut = 16;
      const Date merit_day = p - rng.Int(20, 40);
      w.rewards.push_back({World::MakeId("R", w.rewards.size() + 1), pr.person,
                           PrisonId(w, pr, merit_day), merit_day, "major_merit", 0,
                           "检举监内重大犯罪活动，经查证属实"});
      const int ch = AddCommutation(w, rng, pi, p, "major_merit", cut, false);
      Label& l = NewLabel(w, 4, "减刑后实际执行刑期低于下限", pr.person, PrisonId(w, pr, p));
      l.key = {{"change_id", w.changes[ch].id}};
      l.summary = "原判有期徒刑" + TermText(term) + "，拟减去" + TermText(cut) +
                  "，减刑后实际执行刑期仅" + TermText(term - cut) + "，少于原判刑期的二分之一";
      l.facts = {{"original_term_months", term},
                 {"reductions_total_months", cut},
                 {"served_after_change_months", term - cut},
                 {"floor", "原判刑期二分之一"},
                 {"floor_months", term / 2.0}};
      l.basis = {"JX-FLOOR-01"};
      break;
    }
  }
}

// M05 — parole (a) at about 40% of an ordinary 6–10-year term served (1/2 required), or
// (b) of a 累犯 (barred) who served 62–75%. No earlier reduction; property paid; the parole
// correction is lawful (reported on time, end = term end), so M13/M17 stay quiet.
void PlantM05(World& w, int count) {
  for (int k = 0; k < count; ++k) {
    Rng rng = PlantRng(w, 5, k);
    const bool recidivist = k % 2 == 1;
    for (int attempt = 0; attempt < 80; ++attempt) {
      PrisonerSpec spec = PlainSpec(recidivist ? 36 : 72, recidivist ? 96 : 120);
      if (recidivist) {
        spec.ordinary = false;
        spec.recidivist = true;
      }
      const int approx_term = recidivist ? 60 : 90;
      const double share = recidivist ? 0.7 : 0.4;
      const Date p_target = w.as_of - rng.Int(60, 500);
      const Date s_target = p_target - static_cast<int>(share * approx_term * 30.44);
      spec.delivery_from = s_target + 80;
      spec.delivery_to = s_target + 360;
      const int pi = BuildPrisoner(w, rng, spec);
      if (pi < 0) continue;
      Prisoner& pr = w.prisoners[pi];
      const SentenceRow& s = w.sentences[pr.sentence];
      const int term = s.term_months;
      const Date start = *s.term_start;
      const Date half = CorrespondingDay(start, Period::Months((term + 1) / 2));
      Date p;
      if (recidivist) {
        p = CorrespondingDay(start, Period::Months(static_cast<int>(std::ceil(term * 0.62)))) +
            rng.Int(0, 60);
      } else {
        p = CorrespondingDay(start, Period::Months(static_cast<int>(std::lround(term * 0.4)))) +
            rng.Int(0, 20);
        if (p > half - 180) continue;
      }
      if (p > w.as_of - 60 || p < pr.delivery + 60 || p < law::kFirstProposal) continue;
      if (*pr.end - (p + 40) < 180) continue;
      if (*pr.end > w.as_of - 5 && *pr.end < w.as_of + 30) continue;
      const int ch = AddParole(w, rng, pi, p, true);
      Label& l = NewLabel(w, 5, "假释条件不符", pr.person, w.changes[ch].proposing_org);
      l.key = {{"change_id", w.changes[ch].id}};
      if (recidivist) {
        l.summary =
            "罪犯系累犯，依法不得假释，却于" + w.changes[ch].decision->ToString() + "被裁定假释";
        l.facts = {{"categories", "recidivist"},
                   {"decision_date", w.changes[ch].decision->ToString()},
                   {"original_term_months", term}};
        l.basis = {"JX-PAROLE-04"};
      } else {
        const double served = static_cast<double>(p - start) / (half - start) / 2.0;
        char pct[16];
        std::snprintf(pct, sizeof pct, "%.0f%%", served * 100);
        l.summary = "原判有期徒刑" + TermText(term) + "，自" + start.ToString() + "起算，" +
                    p.ToString() + "提请假释时仅执行约" + pct + "，未达原判刑期二分之一（应至" +
                    half.ToString() + "）";
        l.facts = {{"term_start", start.ToString()},    {"original_term_months", term},
                   {"proposal_date", p.ToString()},     {"served_days", p - start},
                   {"half_served_on", half.ToString()}, {"short_days", half - p}};
        l.basis = {"JX-PAROLE-01"};
      }
      break;
    }
  }
}

// M06 — (a) a judgment whose stated end is one month off the end its start and term imply
// (no reductions, end far in the future, so M07 cannot fire); (b) a lawful commutation whose
// stated new end is one month later than computed (the cut stays within every cap).
void PlantM06(World& w, int count) {
  for (int k = 0; k < count; ++k) {
    Rng rng = PlantRng(w, 6, k);
    for (int attempt = 0; attempt < 60; ++attempt) {
      if (k % 2 == 0) {
        PrisonerSpec spec = PlainSpec(48, 180);
        spec.ordinary = false;
        spec.end_from = w.as_of + 400;
        const int pi = BuildPrisoner(w, rng, spec);
        if (pi < 0) continue;
        Prisoner& pr = w.prisoners[pi];
        SentenceRow& s = w.sentences[pr.sentence];
        const Date computed = *s.term_end;
        const Date stated = AddMonths(computed, rng.Chance(0.5) ? 1 : -1);
        s.term_end = stated;
        Label& l = NewLabel(w, 6, "刑期计算错误", pr.person, PrisonId(w, pr, w.as_of));
        l.key = {{"sentence_id", s.id}};
        l.summary = "判决载明刑期至" + stated.ToString() + "止，按刑期起日" +
                    s.term_start->ToString() + "、刑期" + TermText(s.term_months) +
                    (s.credit_days ? "、折抵" + std::to_string(s.credit_days) + "日" : "") +
                    "计算应至" + computed.ToString() + "止";
        l.facts = {{"term_start", s.term_start->ToString()},
                   {"term_months", s.term_months},
                   {"custody_credit_days", s.credit_days},
                   {"stated_term_end", stated.ToString()},
                   {"computed_term_end", computed.ToString()}};
        l.basis = {"JX-CONV-01", "JX-TERM-01"};
        break;
      }
      const Date p = w.as_of - rng.Int(60, 400);
      PrisonerSpec spec = PlainSpec(96, 168);
      const Date d_target = AddMonths(p - rng.Int(60, 200), -24);
      spec.delivery_from = d_target - 5;
      spec.delivery_to = d_target + 5;
      const int pi = BuildPrisoner(w, rng, spec);
      if (pi < 0) continue;
      Prisoner& pr = w.prisoners[pi];
      if (p < CorrespondingDay(pr.delivery, law::kStart10yUp) + 30) continue;
      const Date previous = *pr.end;
      const int ch = AddCommutation(w, rng, pi, p, "repentance", 5, true);
      const Date computed = *w.changes[ch].new_term_end;
      const Date stated = AddMonths(computed, 1);
      w.changes[ch].new_term_end = stated;
      Label& l = NewLabel(w, 6, "刑期计算错误", pr.person, PrisonId(w, pr, p));
      l.key = {{"change_id", w.changes[ch].id}};
      l.summary = "减刑裁定载明刑期至" + stated.ToString() + "止，原刑期至" + previous.ToString() +
                  "止减去五个月应至" + computed.ToString() + "止";
      l.facts = {{"previous_term_end", previous.ToString()},
                 {"reduction_months", 5},
                 {"stated_new_term_end", stated.ToString()},
                 {"computed_new_term_end", computed.ToString()}};
      l.basis = {"JX-CONV-01"};
      break;
    }
  }
}

// M07 — (a) still in custody 20–120 days after the computed end (the release event of a
// lawful history is removed); (b) released as 刑满释放 20–60 days ago although the term runs
// 100+ more days. Neither has any pending proposal or other change after the end.
void PlantM07(World& w, int count) {
  for (int k = 0; k < count; ++k) {
    Rng rng = PlantRng(w, 7, k);
    for (int attempt = 0; attempt < 60; ++attempt) {
      if (k % 2 == 0) {
        PrisonerSpec spec;
        spec.outcome = Outcome::kReleased;
        spec.fixed_term = true;
        spec.transfers = false;
        spec.end_from = w.as_of - 120;
        spec.end_to = w.as_of - 20;
        const int pi = BuildPrisoner(w, rng, spec);
        if (pi < 0) continue;
        Prisoner& pr = w.prisoners[pi];
        CustodyEventRow& last = w.custody_events.back();
        if (last.person != pr.person || last.event != "released_expiry") continue;
        w.custody_events.pop_back();
        pr.exit.reset();
        const Date end = *pr.end;
        Label& l = NewLabel(w, 7, "刑满未释放", pr.person, PrisonId(w, pr, w.as_of));
        l.key = {{"sentence_id", w.sentences[pr.sentence].id}};
        l.summary = "刑期已于" + end.ToString() + "届满，截至" + w.as_of.ToString() +
                    "仍在押，超过应释放日" + std::to_string(w.as_of - (end + 1)) + "日";
        l.facts = {{"computed_term_end", end.ToString()},
                   {"latest_release_date", (end + 1).ToString()},
                   {"days_overdue", w.as_of - (end + 1)}};
        l.basis = {"JX-TERM-10"};
        break;
      }
      PrisonerSpec spec = PlainSpec(24, 180);
      spec.ordinary = false;
      spec.end_from = w.as_of + 100;
      spec.end_to = w.as_of + 600;
      const int pi = BuildPrisoner(w, rng, spec);
      if (pi < 0) continue;
      Prisoner& pr = w.prisoners[pi];
      const Date release = w.as_of - rng.Int(20, 60);
      if (release < pr.delivery + 60) continue;
      EndCustody(w, pi, release, "released_expiry", "刑满释放");
      const Date end = *pr.end;
      Label& l = NewLabel(w, 7, "提前释放", pr.person, PrisonId(w, pr, release));
      l.key = {{"sentence_id", w.sentences[pr.sentence].id}};
      l.summary = "刑期至" + end.ToString() + "止，却于" + release.ToString() +
                  "以刑满释放出监，提前" + std::to_string(end - release) +
                  "日，无假释、暂予监外执行等法律依据";
      l.facts = {{"computed_term_end", end.ToString()},
                 {"release_date", release.ToString()},
                 {"days_early", end - release}};
      l.basis = {"JX-TERM-10"};
      break;
    }
  }
}

// M08 — an ordinary prisoner with an open, unpaid fine who spent 5,000+ yuan in the 12 months
// before the proposal, proposed 1y6m + 10–60 days after delivery: lawful for an ordinary
// prisoner (so M01 is quiet) but earlier than the 2-year start of the stricter 第7条 regime,
// and after 2024-05-01 any commutation of such a prisoner is against JX-PROP-02.
void PlantM08(World& w, int count) {
  for (int k = 0; k < count; ++k) {
    Rng rng = PlantRng(w, 8, k);
    for (int attempt = 0; attempt < 60; ++attempt) {
      const Date p = w.as_of - rng.Int(5, 300);
      PrisonerSpec spec = PlainSpec(72, 108);
      spec.property_paid = false;
      spec.fine = true;
      spec.property_status = "open";
      const Date d_target = AddMonths(p - rng.Int(15, 55), -18);
      spec.delivery_from = d_target - 5;
      spec.delivery_to = d_target + 5;
      const int pi = BuildPrisoner(w, rng, spec);
      if (pi < 0) continue;
      Prisoner& pr = w.prisoners[pi];
      if (p < CorrespondingDay(pr.delivery, law::kStart5To10y) + 10 ||
          p > CorrespondingDay(pr.delivery, law::kStartSpecial) - 60 || pr.property_case < 0) {
        continue;
      }
      pr.accounts = AccountProfile::kSpender;
      const PropertyCaseRow& pc = w.property_cases[pr.property_case];
      int64_t paid = 0;
      for (const PaymentRow& pay : w.payments) {
        if (pay.exec == pr.property_case && pay.date < p) paid += pay.amount;
      }
      int64_t spending = 0, deposits = 0;
      const int32_t pm = MonthIndex(p);
      for (const AccountMonth& am : AccountSeries(w, pi)) {
        if (am.month >= pm - 12 && am.month < pm) {
          spending += am.spending;
          deposits += am.deposits;
        }
      }
      if (spending < law::kAbilitySpendingFen + 100000 || pc.amount_due - paid <= 0) {
        pr.accounts = AccountProfile::kOrdinary;
        continue;
      }
      const int ch = AddCommutation(w, rng, pi, p, "repentance", 6, p <= w.as_of - 40);
      Label& l = NewLabel(w, 8, "有履行能力未履行财产性判项仍按一般罪犯减刑", pr.person,
                          PrisonId(w, pr, p));
      l.key = {{"change_id", w.changes[ch].id}};
      l.summary = "财产性判项尚有" + Yuan(pc.amount_due - paid) +
                  "元未履行，提请减刑前12个月狱内消费" + Yuan(spending) +
                  "元，确有履行能力而不履行，仍按一般罪犯于交付执行后" +
                  std::to_string(p - pr.delivery) + "日提请减刑";
      l.facts = {
          {"exec_id", pc.id},
          {"amount_due", Yuan(pc.amount_due)},
          {"paid_before_proposal", Yuan(paid)},
          {"unpaid", Yuan(pc.amount_due - paid)},
          {"spending_12m", Yuan(spending)},
          {"deposits_12m", Yuan(deposits)},
          {"spending_threshold", Yuan(law::kAbilitySpendingFen)},
          {"delivery_date", pr.delivery.ToString()},
          {"proposal_date", p.ToString()},
          {"stricter_earliest_date", CorrespondingDay(pr.delivery, law::kStartSpecial).ToString()}};
      l.basis = {"JX-PROP-02", "JX-START-02", "PARAM:ability_spending"};
      break;
    }
  }
}

// M09 (1) a month with a 70–80-point bonus (cap 50) and (2) a month with a warning and an
// 8–15-point bonus — both 14–20 months before the as-of month, outside the last-12-month
// window, on well-behaved prisoners whose window totals are ordinary. (3) is in PlantLate.
void PlantM09Months(World& w, int count) {
  for (int k = 0; k < count; ++k) {
    Rng rng = PlantRng(w, 9, k);
    PrisonerSpec spec;
    spec.commutations = false;
    spec.transfers = false;
    spec.delivery_to = w.as_of - 1000;
    spec.fixed_term = true;
    spec.end_from = w.as_of + 60;
    const int pi = BuildPrisoner(w, rng, spec);
    if (pi < 0) continue;
    Prisoner& pr = w.prisoners[pi];
    pr.troublesome = false;
    const int32_t month = MonthIndex(w.as_of) - rng.Int(14, 20);
    Label& l = NewLabel(w, 9, "计分考核异常", pr.person, PrisonId(w, pr, MonthStart(month)));
    l.key = {{"person_id", w.persons[pr.person].id}, {"month", FormatMonth(month)}};
    if (k % 2 == 0) {
      const int bonus = rng.Int(70, 80);
      pr.points_override[month] = {bonus, 0};
      l.summary = FormatMonth(month) + "月普通加分" + std::to_string(bonus) +
                  "分，超过月度加分上限" + std::to_string(law::kPointsBonusCap) + "分";
      l.facts = {
          {"month", FormatMonth(month)}, {"bonus", bonus}, {"bonus_cap", law::kPointsBonusCap}};
      l.basis = {"JX-PTS-02"};
    } else {
      const int bonus = rng.Int(8, 15);
      const Date day = MonthStart(month) + rng.Int(4, 20);
      pr.points_override[month] = {bonus, law::kWarningDeduction};
      w.rewards.push_back({World::MakeId("R", w.rewards.size() + 1), pr.person,
                           PrisonId(w, pr, day), day, "warning", 0, "不服从管理，给予警告处分"});
      l.summary = FormatMonth(month) + "月受到警告处分（" + day.ToString() + "），当月仍获加分" +
                  std::to_string(bonus) + "分";
      l.facts = {{"month", FormatMonth(month)},
                 {"bonus", bonus},
                 {"penalty", "warning"},
                 {"penalty_date", day.ToString()},
                 {"deduction", law::kWarningDeduction}};
      l.basis = {"JX-PTS-04"};
    }
  }
}

// M10 — (a) a 黑社会 convict in an auxiliary post for the last 3–6 months; (b) a plain prisoner
// in a trusty post for 26–30 months up to now. The job rows are made in BuildPrisonLives and
// the labels in PlantLate.
void PlantM10Requests(World& w, int count) {
  for (int k = 0; k < count; ++k) {
    Rng rng = PlantRng(w, 10, k);
    PrisonerSpec spec;
    spec.commutations = false;
    spec.transfers = false;
    spec.fixed_term = true;
    spec.end_from = w.as_of + 60;
    JobRow job;
    if (k % 2 == 0) {
      spec.crime = CrimeIndex("参加黑社会性质组织罪");
      spec.delivery_to = w.as_of - 500;
      job.post = "监舍保洁";
      job.post_class = "auxiliary";
      job.start = w.as_of - rng.Int(90, 200);
    } else {
      spec.ordinary = true;
      spec.delivery_to = w.as_of - 1100;
      job.post = "值星员";
      job.post_class = "trusty";
      job.start = w.as_of - rng.Int(800, 900);
    }
    const int pi = BuildPrisoner(w, rng, spec);
    if (pi < 0) continue;
    w.prisoners[pi].planted_job = job;
    w.persons[w.prisoners[pi].person].plant = 10;
  }
}

// Rebuilds the medical reviews of temporary-release correction `corr` backwards from `last`
// in 80-day steps, the first one within 85 days of the decision.
void RewriteReviews(World& w, int corr, Date last, std::string_view last_conclusion) {
  auto& reviews = w.medical_reviews;
  reviews.erase(std::remove_if(reviews.begin(), reviews.end(),
                               [corr](const MedicalReviewRow& r) { return r.correction == corr; }),
                reviews.end());
  const CorrectionRow& c = w.corrections[corr];
  std::vector<Date> dates;
  for (Date d = last; d >= c.decision_effective + 5; d = d - 80) dates.push_back(d);
  std::reverse(dates.begin(), dates.end());
  // The first review comes 60 days after the decision when the 80-day steps leave more.
  if (dates.empty() || dates.front() > c.decision_effective + 70) {
    dates.insert(dates.begin(), c.decision_effective + 60);
  }
  const std::string hospital = w.geo.cities()[w.geo.CityOf(c.county)].name + "第一人民医院";
  for (size_t i = 0; i < dates.size(); ++i) {
    reviews.push_back({"", c.person, corr, dates[i], hospital,
                       i + 1 == dates.size() ? last_conclusion : "still_eligible"});
  }
}

// M12 — temporary release: (a) last review 140–170 days ago, so exactly one 3-month due date
// has passed (by 50–80 days) and the next is still ahead; (b) a review 55–65 days ago found
// the condition gone and no recommitment followed within 30 days (the next review is not
// due yet). Reviews before are every 80 days.
void PlantM12(World& w, int count) {
  for (int k = 0; k < count; ++k) {
    Rng rng = PlantRng(w, 12, k);
    for (int attempt = 0; attempt < 80; ++attempt) {
      PrisonerSpec spec;
      spec.outcome = Outcome::kTempRelease;
      spec.fixed_term = true;
      spec.transfers = false;
      spec.release_to = w.as_of - 200;
      const int pi = BuildPrisoner(w, rng, spec);
      if (pi < 0) continue;
      const Prisoner& pr = w.prisoners[pi];
      int corr = -1;
      for (size_t c = w.corrections.size(); c-- > 0;) {
        if (w.corrections[c].person == pr.person) {
          corr = static_cast<int>(c);
          break;
        }
      }
      if (corr < 0 || w.corrections[corr].status != "active") continue;
      const CorrectionRow& c = w.corrections[corr];
      if (k % 2 == 0) {
        const Date last = w.as_of - rng.Int(140, 170);
        if (last < c.decision_effective + 5) continue;
        RewriteReviews(w, corr, last, "still_eligible");
        const Date due = CorrespondingDay(last, law::kMedicalReviewInterval);
        Label& l = NewLabel(w, 12, "暂予监外执行病情复查逾期", pr.person, c.office);
        l.key = {{"correction_id", c.id}, {"due", due.ToString()}};
        l.summary = "暂予监外执行罪犯上次病情复查为" + last.ToString() + "，应于" + due.ToString() +
                    "前复查，截至" + w.as_of.ToString() + "已逾期" + std::to_string(w.as_of - due) +
                    "日未复查";
        l.facts = {{"last_review", last.ToString()},
                   {"due", due.ToString()},
                   {"days_overdue", w.as_of - due}};
        l.basis = {"JX-ZJ-09"};
      } else {
        const Date review = w.as_of - rng.Int(55, 65);
        if (review < c.decision_effective + 5) continue;
        RewriteReviews(w, corr, review, "no_longer_eligible");
        const Date due = review + law::kRecommitDays;
        Label& l = NewLabel(w, 12, "暂予监外执行条件消失未收监", pr.person, c.office);
        l.key = {{"correction_id", c.id}, {"due", due.ToString()}};
        l.summary = review.ToString() + "病情复查结论为不再符合保外就医条件，应于" +
                    due.ToString() + "前收监执行，至今未收监";
        l.facts = {{"review_date", review.ToString()},
                   {"conclusion", "no_longer_eligible"},
                   {"recommit_due", due.ToString()}};
        l.basis = {"JX-ZJ-10"};
      }
      break;
    }
  }
}

// M13 — (a) a suspended sentence in force 60+ days with no correction record; (b) a
// probationer who reported 25–40 days after the judgment took effect; (c) a parolee who
// reported 25–40 days after release. Everything else about them is lawful.
void PlantM13(World& w, int count) {
  for (int k = 0; k < count; ++k) {
    Rng rng = PlantRng(w, 13, k);
    const int variant = k % 3;
    if (variant < 2) {
      CourtSubjectSpec spec;
      spec.create_correction = variant == 1;
      spec.report_delay_days = variant == 1 ? rng.Int(25, 40) : -1;
      spec.min_days_before_as_of = variant == 0 ? 60 : 90;
      const CourtSubject cs = BuildCourtSubject(w, rng, spec);
      if (cs.sentence < 0) continue;
      const SentenceRow& s = w.sentences[cs.sentence];
      const int county = w.persons[cs.person].county;
      Label& l = NewLabel(w, 13, "社区矫正漏管", cs.person, w.dir.county_corr[county]);
      l.key = {{"sentence_id", s.id}};
      const Date deadline = s.effective + law::kReportDays;
      if (variant == 0) {
        l.summary = "判决于" + s.effective.ToString() + "生效，宣告" +
                    (s.probation_months ? "缓刑" : "管制") + "，至今无社区矫正档案";
        l.facts = {{"effective_date", s.effective.ToString()},
                   {"report_deadline", deadline.ToString()},
                   {"correction", nullptr}};
      } else {
        const Date reported = *w.corrections[cs.correction].reported;
        l.org_id = w.corrections[cs.correction].office;
        l.summary = "判决于" + s.effective.ToString() + "生效，社区矫正对象于" +
                    reported.ToString() + "才报到，超过十日报到期限" +
                    std::to_string(reported - deadline) + "日";
        l.facts = {{"effective_date", s.effective.ToString()},
                   {"report_deadline", deadline.ToString()},
                   {"reported_date", reported.ToString()},
                   {"days_late", reported - deadline}};
      }
      l.basis = {"JX-CC-01"};
      continue;
    }
    for (int attempt = 0; attempt < 60; ++attempt) {
      PrisonerSpec spec;
      spec.outcome = Outcome::kParoled;
      spec.fixed_term = true;
      spec.transfers = false;
      const int pi = BuildPrisoner(w, rng, spec);
      if (pi < 0) continue;
      const Prisoner& pr = w.prisoners[pi];
      const int corr = static_cast<int>(w.corrections.size()) - 1;
      CorrectionRow& c = w.corrections[corr];
      if (c.person != pr.person || c.change < 0) continue;
      const Date reported = c.start + rng.Int(25, 40);
      if (reported > w.as_of - 5 || reported > c.end) continue;
      c.reported = reported;
      if (c.status == "active") c.status_date = reported;
      for (CorrectionEventRow& ev : w.correction_events) {
        if (ev.correction == corr && ev.event == "reported") ev.date = reported;
      }
      const ChangeRow& ch = w.changes[c.change];
      const Date deadline = *ch.effective + law::kReportDays;
      Label& l = NewLabel(w, 13, "社区矫正漏管", pr.person, c.office);
      l.key = {{"change_id", ch.id}};
      l.summary = "假释裁定于" + ch.effective->ToString() + "生效，社区矫正对象于" +
                  reported.ToString() + "才报到，超过十日报到期限" +
                  std::to_string(reported - deadline) + "日";
      l.facts = {{"effective_date", ch.effective->ToString()},
                 {"report_deadline", deadline.ToString()},
                 {"reported_date", reported.ToString()},
                 {"days_late", reported - deadline}};
      l.basis = {"JX-CC-01"};
      break;
    }
  }
}

// M16 — an unmonitored probationer back 72–120 hours after an approved leave ended (no
// positions, so M14 cannot see the overstay).
void PlantM16(World& w, int count) {
  for (int k = 0; k < count; ++k) {
    Rng rng = PlantRng(w, 16, k);
    CourtSubjectSpec spec;
    spec.monitor_allowed = false;
    spec.leaves = false;
    spec.min_days_before_as_of = 120;
    const CourtSubject cs = BuildCourtSubject(w, rng, spec);
    if (cs.correction < 0) continue;
    const CorrectionRow& c = w.corrections[cs.correction];
    const int days = rng.Int(2, 5);
    const Date day = w.as_of - rng.Int(15, 40);
    const int late = rng.Int(72, 120);
    const int leave = AddLeave(w, rng, cs.correction, MidnightTs(day) + 9 * 3600, days,
                               OtherCounty(w, rng, c.county, true), late);
    const LeaveRow& lv = w.leaves[leave];
    Label& l = NewLabel(w, 16, "请假逾期未归", cs.person, c.office);
    l.key = {{"leave_id", lv.id}};
    const int64_t hours = (*lv.returned_ts - lv.end_ts) / 3600;
    l.summary = "请假外出于" + FormatTimestamp(lv.end_ts) + "到期，" +
                FormatTimestamp(*lv.returned_ts) + "才销假，逾期约" + std::to_string(hours) +
                "小时，超过48小时";
    l.facts = {{"end_ts", FormatTimestamp(lv.end_ts)},
               {"returned_ts", FormatTimestamp(*lv.returned_ts)},
               {"hours_late", hours},
               {"threshold_hours", law::kLeaveOverdueHours}};
    l.basis = {"JX-CC-14", "JX-CC-03"};
  }
}

// M17 — (a) a probation correction ending two months off the probation period counted from
// the judgment's effective date; (b) a parole correction ending 40–60 days before the term
// end. Both corrections stay active with both ends after the as-of date.
void PlantM17(World& w, int count) {
  for (int k = 0; k < count; ++k) {
    Rng rng = PlantRng(w, 17, k);
    for (int attempt = 0; attempt < 60; ++attempt) {
      if (k % 2 == 0) {
        const CourtSubject cs = BuildCourtSubject(w, rng, CourtSubjectSpec{});
        if (cs.correction < 0) continue;
        CorrectionRow& c = w.corrections[cs.correction];
        const SentenceRow& s = w.sentences[cs.sentence];
        if (s.probation_months == 0) continue;
        const Date computed = c.end;
        Date stated = AddMonths(computed, 2);
        if (AddMonths(computed, -2) > w.as_of + 40 && rng.Chance(0.5)) {
          stated = AddMonths(computed, -2);
        }
        c.end = stated;
        Label& l = NewLabel(w, 17, "矫正期限错误", cs.person, c.office);
        l.key = {{"correction_id", c.id}};
        l.summary = "缓刑考验期" + TermText(s.probation_months) + "，自判决生效之日" +
                    s.effective.ToString() + "起算应至" + computed.ToString() +
                    "止，矫正档案记载至" + stated.ToString() + "止";
        l.facts = {{"decision_effective_date", s.effective.ToString()},
                   {"probation_months", s.probation_months},
                   {"stated_end", stated.ToString()},
                   {"computed_end", computed.ToString()}};
        l.basis = {"JX-TERM-06"};
        break;
      }
      PrisonerSpec spec;
      spec.outcome = Outcome::kParoled;
      spec.fixed_term = true;
      spec.transfers = false;
      const int pi = BuildPrisoner(w, rng, spec);
      if (pi < 0) continue;
      const Prisoner& pr = w.prisoners[pi];
      CorrectionRow& c = w.corrections.back();
      if (c.person != pr.person || c.status != "active" || c.end < w.as_of + 100) continue;
      const Date computed = c.end;
      const Date stated = computed - rng.Int(40, 60);
      c.end = stated;
      Label& l = NewLabel(w, 17, "矫正期限错误", pr.person, c.office);
      l.key = {{"correction_id", c.id}};
      l.summary = "假释考验期为没有执行完毕的刑期，应至" + computed.ToString() +
                  "止，矫正档案记载至" + stated.ToString() + "止";
      l.facts = {{"decision_effective_date", c.decision_effective.ToString()},
                 {"stated_end", stated.ToString()},
                 {"computed_end", computed.ToString()}};
      l.basis = {"JX-TERM-07"};
      break;
    }
  }
}

// M18 — a death record 30–200 days old for (a) a prisoner still held, or (b) an active,
// unmonitored probationer.
void PlantM18(World& w, int count) {
  for (int k = 0; k < count; ++k) {
    Rng rng = PlantRng(w, 18, k);
    const Date death = w.as_of - rng.Int(30, 200);
    if (k % 2 == 0) {
      PrisonerSpec spec;
      spec.commutations = false;
      spec.transfers = false;
      spec.delivery_to = death - 60;
      const int pi = BuildPrisoner(w, rng, spec);
      if (pi < 0) continue;
      const Prisoner& pr = w.prisoners[pi];
      const std::string& facility = PrisonId(w, pr, w.as_of);
      w.deaths.push_back(
          {w.persons[pr.person].id_number, death, w.dir.county_psb[w.persons[pr.person].county]});
      Label& l = NewLabel(w, 18, "死亡未销案", pr.person, facility);
      l.key = {{"person_id", w.persons[pr.person].id}};
      l.summary = "公安机关记录该人已于" + death.ToString() + "死亡，监狱仍列为在押罪犯";
      l.facts = {{"date_of_death", death.ToString()},
                 {"still_listed_as", "在押"},
                 {"facility_org_id", facility}};
      l.basis = {"JX-KSS-01"};
      continue;
    }
    CourtSubjectSpec spec;
    spec.monitor_allowed = false;
    spec.min_days_before_as_of = 260;
    const CourtSubject cs = BuildCourtSubject(w, rng, spec);
    if (cs.correction < 0) continue;
    const CorrectionRow& c = w.corrections[cs.correction];
    w.deaths.push_back({w.persons[cs.person].id_number, death, w.dir.county_psb[c.county]});
    Label& l = NewLabel(w, 18, "死亡未销案", cs.person, c.office);
    l.key = {{"person_id", w.persons[cs.person].id}};
    l.summary = "公安机关记录该人已于" + death.ToString() + "死亡，仍在社区矫正在矫名单中";
    l.facts = {
        {"date_of_death", death.ToString()}, {"still_listed_as", "在矫"}, {"correction_id", c.id}};
    l.basis = {"JX-CC-15"};
  }
}

// M19 — a prisoner fined, the judgment in force 90+ days, no property case at all. No
// reduction (so M08 has nothing to judge).
void PlantM19(World& w, int count) {
  for (int k = 0; k < count; ++k) {
    Rng rng = PlantRng(w, 19, k);
    for (int attempt = 0; attempt < 40; ++attempt) {
      PrisonerSpec spec;
      spec.commutations = false;
      spec.transfers = false;
      spec.fixed_term = true;
      spec.fine = true;
      spec.delivery_to = w.as_of - 120;
      const int pi = BuildPrisoner(w, rng, spec);
      if (pi < 0) continue;
      Prisoner& pr = w.prisoners[pi];
      if (pr.property_case != static_cast<int>(w.property_cases.size()) - 1) continue;
      while (!w.payments.empty() && w.payments.back().exec == pr.property_case) {
        w.payments.pop_back();
      }
      w.property_cases.pop_back();
      pr.property_case = -1;
      if (pr.accounts == AccountProfile::kPoor) pr.accounts = AccountProfile::kOrdinary;
      const SentenceRow& s = w.sentences[pr.sentence];
      Label& l = NewLabel(w, 19, "财产刑未移送执行", pr.person, s.court);
      l.key = {{"sentence_id", s.id}};
      l.summary = "判处罚金" + Yuan(s.fine) + "元，判决于" + s.effective.ToString() +
                  "生效，至今未移送立案执行";
      l.facts = {{"effective_date", s.effective.ToString()},
                 {"fine", Yuan(s.fine)},
                 {"filing_deadline", (s.effective + law::kPropertyFilingDays).ToString()}};
      l.basis = {"JX-FIN-02", "PARAM:filing_days"};
      break;
    }
  }
}

// M20 — a fine of 8,000–15,000 yuan, case suspended / 终结本次执行 60–200 days ago, nothing
// paid, while the prisoner's account holds 20,000+ yuan with 1,500+ deposited a month. The
// prisoner gets no reduction, so M08 is quiet.
void PlantM20(World& w, int count) {
  for (int k = 0; k < count; ++k) {
    Rng rng = PlantRng(w, 20, k);
    for (int attempt = 0; attempt < 40; ++attempt) {
      PrisonerSpec spec;
      spec.commutations = false;
      spec.transfers = false;
      spec.fixed_term = true;
      spec.fine = true;
      spec.property_status = k % 2 == 0 ? "suspended" : "terminated_this_round";
      spec.delivery_to = w.as_of - 400;
      spec.end_from = w.as_of + 200;
      const int pi = BuildPrisoner(w, rng, spec);
      if (pi < 0) continue;
      Prisoner& pr = w.prisoners[pi];
      if (pr.property_case != static_cast<int>(w.property_cases.size()) - 1) continue;
      while (!w.payments.empty() && w.payments.back().exec == pr.property_case) {
        w.payments.pop_back();
      }
      SentenceRow& s = w.sentences[pr.sentence];
      PropertyCaseRow& pc = w.property_cases[pr.property_case];
      s.fine = int64_t{rng.Int(80, 150)} * 10000;
      s.confiscation = 0;
      s.restitution = 0;
      pc.amount_due = s.fine;
      pc.status_date = std::max(pc.filed + 10, w.as_of - rng.Int(60, 200));
      pr.accounts = AccountProfile::kWealthy;
      const auto series = AccountSeries(w, pi);
      if (series.empty()) {
        pr.accounts = AccountProfile::kPoor;
        continue;
      }
      int64_t deposits = 0;
      for (const AccountMonth& am : series) {
        if (am.month > MonthIndex(w.as_of) - 12) deposits += am.deposits;
      }
      const int64_t balance = series.back().balance;
      if (balance < 2 * pc.amount_due) {
        pr.accounts = AccountProfile::kPoor;
        continue;
      }
      Label& l = NewLabel(w, 20, "财产刑执行不到位", pr.person, pc.court);
      l.key = {{"exec_id", pc.id}};
      l.summary = std::string("罚金") + Yuan(pc.amount_due) + "元分文未执行，法院于" +
                  pc.status_date->ToString() +
                  (pc.status == "suspended" ? "裁定中止执行" : "终结本次执行程序") +
                  "，而被执行人狱内账户余额" + Yuan(balance) + "元，有能力履行";
      l.facts = {{"status", std::string(pc.status)},  {"status_date", pc.status_date->ToString()},
                 {"amount_due", Yuan(pc.amount_due)}, {"paid", "0.00"},
                 {"account_balance", Yuan(balance)},  {"deposits_12m", Yuan(deposits)}};
      l.basis = {"JX-FIN-07", "PARAM:ability_spending"};
      break;
    }
  }
}

// M21 — a detainee held past the stage limit with no extension document, by far more than any
// extension the stage allows (investigation 120–150 days; review 80–110; first instance
// 200–240; second instance 150–180; 拘留 25–35 days).
void PlantM21(World& w, int count) {
  struct Over {
    std::string_view stage;
    int lo, hi;
  };
  static constexpr Over kOver[] = {{"investigation", 120, 150},
                                   {"prosecution_review", 80, 110},
                                   {"first_instance", 200, 240},
                                   {"second_instance", 150, 180},
                                   {"criminal_detention_7", 25, 35}};
  for (int k = 0; k < count; ++k) {
    Rng rng = PlantRng(w, 21, k);
    const Over& o = kOver[k % std::size(kOver)];
    const Date start = w.as_of - rng.Int(o.lo, o.hi);
    const int idx = AddDetention(w, rng, o.stage, start, std::nullopt);
    const DetentionRow& d = w.detentions[idx];
    Label& l = NewLabel(w, 21, "看守所超期羁押", d.person, d.facility);
    l.key = {{"detention_id", d.id}};
    const Date deadline = *d.stage_deadline;
    l.summary = std::string("羁押阶段“") + std::string(*domain::kDetentionStage.LabelOf(d.stage)) +
                "”自" + start.ToString() + "起算，羁押期限于" + deadline.ToString() +
                "届满，无延长或重新计算羁押期限文书，已超期" + std::to_string(w.as_of - deadline) +
                "日";
    l.facts = {{"stage", std::string(d.stage)},
               {"stage_start", start.ToString()},
               {"legal_deadline", deadline.ToString()},
               {"days_over", w.as_of - deadline},
               {"extension_doc", nullptr}};
    l.basis = {"JX-CUST-01"};
  }
}

// M22 — (a) delivered to prison 120–200 days after the judgment took effect (no reductions);
// (b) a prison sentence in force 90–250 days with no custody, detention or release record.
void PlantM22(World& w, int count) {
  for (int k = 0; k < count; ++k) {
    Rng rng = PlantRng(w, 22, k);
    if (k % 2 == 0) {
      for (int attempt = 0; attempt < 40; ++attempt) {
        PrisonerSpec spec;
        spec.commutations = false;
        spec.transfers = false;
        spec.fixed_term = true;
        spec.delivery_to = w.as_of - 400;
        spec.end_from = w.as_of + 200;
        const int pi = BuildPrisoner(w, rng, spec);
        if (pi < 0) continue;
        Prisoner& pr = w.prisoners[pi];
        const SentenceRow& s = w.sentences[pr.sentence];
        const Date delivered = s.effective + rng.Int(120, 200);
        if (delivered > w.as_of - 60 || pr.exit) continue;
        CustodyEventRow* admitted = nullptr;
        for (size_t i = w.custody_events.size(); i-- > 0;) {
          if (w.custody_events[i].person == pr.person && w.custody_events[i].event == "admitted") {
            admitted = &w.custody_events[i];
            break;
          }
        }
        if (!admitted) continue;
        admitted->date = delivered;
        pr.delivery = delivered;
        pr.prisons.front().first = delivered;
        const Date deadline =
            CorrespondingDay(s.effective + law::kDocumentsDays, law::kDeliveryPeriod);
        Label& l = NewLabel(w, 22, "交付执行超期", pr.person, s.court);
        l.key = {{"sentence_id", s.id}};
        l.summary = "判决于" + s.effective.ToString() + "生效，" + delivered.ToString() +
                    "才交付监狱执行，超过法定交付期限" + std::to_string(delivered - deadline) +
                    "日";
        l.facts = {{"effective_date", s.effective.ToString()},
                   {"delivery_date", delivered.ToString()},
                   {"delivery_deadline", deadline.ToString()},
                   {"days_late", delivered - deadline}};
        l.basis = {"JX-DELIV-01", "JX-DELIV-02"};
        break;
      }
      continue;
    }
    // (b) never delivered.
    const int crime = DrawCrime(rng, false);
    const CrimeProfile& cp = Crimes()[crime];
    const int term =
        DrawTerm(rng, std::max(36, cp.min_months), std::max(36, std::min(120, cp.max_months)));
    const Date e = w.as_of - rng.Int(90, 250);
    const int county = DrawCounty(w, rng);
    const int person = w.AddPerson(rng, 'M', DrawBirth(rng, e, 20, 55), county);
    SentenceRow s = BasicCourtSentence(w, rng, person, county, cp, "fixed_term", term, e);
    s.term_start = ClampDay27(s.judgment - rng.Int(60, 200));
    s.term_end = TermEnd(*s.term_start, Period::Months(term));
    s.fine = DrawFine(rng, cp);
    const int sentence = w.AddSentence(std::move(s));
    if (w.sentences[sentence].fine > 0) AddPropertyCase(w, rng, sentence, "open", std::nullopt);
    const SentenceRow& sr = w.sentences[sentence];
    Label& l = NewLabel(w, 22, "应收未收", person, sr.court);
    l.key = {{"sentence_id", sr.id}};
    l.summary = "判决于" + sr.effective.ToString() + "生效，判处有期徒刑" + TermText(term) +
                "，至今未交付执行，亦无羁押或合法释放记录";
    l.facts = {{"effective_date", sr.effective.ToString()},
               {"penalty", "fixed_term"},
               {"term_months", term},
               {"custody_record", nullptr}};
    l.basis = {"JX-DELIV-02"};
  }
}

// M23 — a 2–4-year term delivered to the detention centre to be served there with more than
// a year left (limit: 3 months). Held there now; end far ahead.
void PlantM23(World& w, int count) {
  for (int k = 0; k < count; ++k) {
    Rng rng = PlantRng(w, 23, k);
    for (int attempt = 0; attempt < 40; ++attempt) {
      PrisonerSpec spec = PlainSpec(24, 48);
      spec.ordinary = false;
      spec.delivery_from = w.as_of - 300;
      spec.delivery_to = w.as_of - 30;
      const int pi = BuildPrisoner(w, rng, spec);
      if (pi < 0) continue;
      Prisoner& pr = w.prisoners[pi];
      const int county = w.persons[pr.person].county;
      pr.prisons.clear();
      pr.centre = w.dir.county_dc[county];
      for (size_t i = w.custody_events.size(); i-- > 0;) {
        if (w.custody_events[i].person == pr.person) {
          w.custody_events[i].facility = pr.centre;
          w.custody_events[i].note = "交付看守所留所服刑";
          break;
        }
      }
      const SentenceRow& s = w.sentences[pr.sentence];
      DetentionRow d;
      d.id = World::MakeId("D", w.detentions.size() + 1);
      d.person = pr.person;
      d.facility = pr.centre;
      d.case_no = s.case_no;
      d.handling_org = s.court;
      d.stage = "serving_in_center";
      d.stage_start = pr.delivery;
      d.stage_deadline = pr.end;
      w.detentions.push_back(d);
      const int remaining = *pr.end - pr.delivery;
      Label& l = NewLabel(w, 23, "留所服刑违规", pr.person, pr.centre);
      l.key = {{"detention_id", d.id}};
      l.summary = "交付执行时余刑" + std::to_string(remaining) + "日，超过三个月，仍留看守所服刑";
      l.facts = {{"stage_start", pr.delivery.ToString()},
                 {"term_end", pr.end->ToString()},
                 {"remaining_days", remaining},
                 {"limit", law::kServeInCentreMax.ToChinese()}};
      l.basis = {"JX-DELIV-03"};
      break;
    }
  }
}

// M24 — background decisions whose copy arrived 8–15 days later, or never (decision 20+ days
// ago). M25 — background compulsory-treatment decisions delivered 40–90 days later, or not
// yet (decision 60+ days ago).
void PlantM24M25(World& w, int count24, int count25) {
  Rng rng = PlantRng(w, 24, 0);
  std::vector<int> rows(w.rsdl.size());
  for (size_t i = 0; i < rows.size(); ++i) rows[i] = static_cast<int>(i);
  rng.Shuffle(&rows);
  // Background rows first, then spare rows (lawful unless needed) so that enough qualify.
  for (int k = 0; k < count24; ++k) rows.push_back(AddRsdl(w, rng, w.as_of - rng.Int(30, 300)));
  int planted = 0;
  for (int i : rows) {
    if (planted >= count24) break;
    RsdlRow& r = w.rsdl[i];
    if (r.decision > w.as_of - 20 || w.persons[r.person].plant) continue;
    const bool never = planted % 2 == 1;
    if (never) {
      r.copy_received.reset();
    } else {
      r.copy_received = std::min(w.as_of, r.decision + rng.Int(8, 15));
    }
    ++planted;
    Label& l = NewLabel(w, 24, "指定居所监视居住决定书副本未按时送达", r.person, r.deciding_org);
    l.key = {{"rs_id", r.id}};
    l.summary = "指定居所监视居住决定于" + r.decision.ToString() + "作出，" +
                (never ? std::string("检察院至今未收到决定书副本")
                       : "检察院" + r.copy_received->ToString() + "才收到决定书副本，超过3日");
    l.facts = {{"decision_date", r.decision.ToString()},
               {"copy_received_date", never ? Json(nullptr) : Json(r.copy_received->ToString())},
               {"limit_days", law::kRsdlCopyDays}};
    l.basis = {"PARAM:rs_copy_days"};
  }
  Rng rng25 = PlantRng(w, 25, 0);
  rows.resize(w.cm.size());
  for (size_t i = 0; i < rows.size(); ++i) rows[i] = static_cast<int>(i);
  rng25.Shuffle(&rows);
  for (int k = 0; k < count25; ++k) {
    rows.push_back(AddCompulsoryMedical(w, rng25, w.as_of - rng25.Int(120, 900), false));
  }
  planted = 0;
  for (int i : rows) {
    if (planted >= count25) break;
    CmRow& c = w.cm[i];
    if (c.decision > w.as_of - 100 || c.released || w.persons[c.person].plant) continue;
    const bool never = planted % 2 == 1;
    if (never) {
      c.delivered.reset();
    } else {
      c.delivered = c.decision + rng25.Int(40, 90);
    }
    ++planted;
    Label& l = NewLabel(w, 25, "强制医疗交付执行超期", c.person, c.court);
    l.key = {{"cm_id", c.id}};
    l.summary = "强制医疗决定于" + c.decision.ToString() + "作出，" +
                (never ? std::string("至今未交付执行")
                       : c.delivered->ToString() + "才交付执行，历时" +
                             std::to_string(*c.delivered - c.decision) + "日");
    l.facts = {{"decision_date", c.decision.ToString()},
               {"delivered_date", never ? Json(nullptr) : Json(c.delivered->ToString())},
               {"serve_limit_days", law::kCmServeDays}};
    l.basis = {"JX-QZYL-01"};
  }
}

}  // namespace

std::string IsoWeek(Date d) {
  const Date thursday = d + (4 - d.IsoWeekday());
  const int year = thursday.year();
  const int week = (thursday - Ymd(year, 1, 1)) / 7 + 1;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", year, week);
  return buf;
}

PlantCounts CountPlants(const World& w, double rate) {
  int commutations = 0, paroles = 0;
  for (const ChangeRow& c : w.changes) {
    commutations += c.type == "commutation";
    paroles += c.type == "parole";
  }
  int with_end = 0, custodial = 0, fined = 0, in_prison = 0, temp = 0, active = 0,
      needing_correction = 0, serving = 0;
  for (const SentenceRow& s : w.sentences) {
    with_end += s.term_end.has_value();
    custodial += s.Custodial();
    fined += s.fine > 0 || s.confiscation != 0;
    needing_correction += !s.Custodial();
  }
  for (const Prisoner& p : w.prisoners) in_prison += !p.prisons.empty();
  for (const CorrectionRow& c : w.corrections) {
    temp += c.type == "temp_release";
    active += c.status == "active" && c.type != "temp_release";
  }
  for (const DetentionRow& d : w.detentions) serving += d.stage == "serving_in_center";
  // rate 0 plants nothing (a clean background); otherwise at least one per model.
  auto n = [rate](double eligible) {
    return rate <= 0 ? 0 : std::max(1, static_cast<int>(std::lround(rate * eligible)));
  };
  PlantCounts c;
  c.m[1] = c.m[2] = c.m[3] = c.m[4] = c.m[8] = n(commutations);
  c.m[5] = n(paroles);
  c.m[6] = n(with_end);
  c.m[7] = c.m[22] = n(custodial);
  c.m[9] = n(in_prison);
  c.m[10] = n(in_prison * 1.5);
  c.m[11] = n(static_cast<double>(w.dir.prisons.size()) * w.LabourWeeks().size());
  c.m[12] = n(temp);
  c.m[13] = n(needing_correction + paroles + temp);
  c.m[14] = c.m[15] = n(active * w.params.monitored_share);
  c.m[16] = n(static_cast<double>(w.leaves.size()));
  c.m[17] = n(static_cast<double>(w.corrections.size()));
  c.m[18] = n(in_prison + active);
  c.m[19] = n(fined);
  c.m[20] = n(static_cast<double>(w.property_cases.size()));
  c.m[21] = n(static_cast<double>(w.detentions.size()));
  c.m[23] = n(serving);
  c.m[24] = std::min(n(static_cast<double>(w.rsdl.size())), static_cast<int>(w.rsdl.size()));
  c.m[25] = std::min(n(static_cast<double>(w.cm.size())), static_cast<int>(w.cm.size()));
  // M09 is planted in three forms (over-cap month, bonus in a penalty month, outlier): at
  // least one of each.
  if (rate > 0) c.m[9] = std::max(c.m[9], 3);
  return c;
}

void PlantHistories(World& w, const PlantCounts& c) {
  PlantM01(w, c.m[1]);
  PlantM02(w, c.m[2]);
  PlantM03(w, c.m[3]);
  PlantM04(w, c.m[4]);
  PlantM05(w, c.m[5]);
  PlantM06(w, c.m[6]);
  PlantM07(w, c.m[7]);
  PlantM08(w, c.m[8]);
  const int outliers = c.m[9] > 0 ? std::max(1, c.m[9] / 3) : 0;
  PlantM09Months(w, c.m[9] - outliers);
  PlantM10Requests(w, c.m[10]);
  PlantM12(w, c.m[12]);
  PlantM13(w, c.m[13]);
  PlantM16(w, c.m[16]);
  PlantM17(w, c.m[17]);
  PlantM18(w, c.m[18]);
  PlantM19(w, c.m[19]);
  PlantM20(w, c.m[20]);
  PlantM21(w, c.m[21]);
  PlantM22(w, c.m[22]);
  PlantM23(w, c.m[23]);
  PlantM24M25(w, c.m[24], c.m[25]);
}

void PlantLate(World& w, const PlantCounts& counts) {
  // ---- M10: label the planted jobs (made by BuildPrisonLives) ----
  for (const JobRow& j : w.jobs) {
    const int pi = w.PrisonerOf(j.person);
    if (pi < 0) continue;
    const Prisoner& pr = w.prisoners[pi];
    if (!pr.planted_job || j.start != pr.planted_job->start ||
        j.post_class != pr.planted_job->post_class) {
      continue;
    }
    Label& l = NewLabel(w, 10, "岗位安排违规", pr.person, j.facility);
    l.key = {{"job_id", j.id}};
    const SentenceRow& s = w.sentences[pr.sentence];
    if (j.post_class == "auxiliary") {
      l.summary = "罪犯系" + std::string(s.crimes.front()) + "罪犯（黑社会性质组织犯罪），自" +
                  j.start.ToString() + "起被安排从事辅助/杂务岗位（" + j.post + "）";
      l.facts = {{"post_class", "auxiliary"},
                 {"post", j.post},
                 {"categories", "gang"},
                 {"start_date", j.start.ToString()}};
      l.basis = {"PARAM:restricted_categories"};
    } else {
      const int months = (MonthIndex(w.as_of) - MonthIndex(j.start));
      l.summary = "罪犯自" + j.start.ToString() + "起担任协助管理岗位（" + j.post + "）已约" +
                  std::to_string(months) + "个月，超过" + std::to_string(law::kTrustyMaxMonths) +
                  "个月";
      l.facts = {{"post_class", "trusty"},
                 {"post", j.post},
                 {"start_date", j.start.ToString()},
                 {"months", months},
                 {"limit_months", law::kTrustyMaxMonths}};
      l.basis = {"PARAM:trusty_max_months"};
    }
  }

  // ---- M11: overtime in one unit-week (60% of the unit over every limit) ----
  {
    Rng rng = PlantRng(w, 11, 0);
    const std::vector<Date> weeks = w.LabourWeeks();
    std::map<std::tuple<int, int, int>, std::vector<int>> present;  // (prison, unit, week) → people
    for (size_t i = 0; i < w.prisoners.size(); ++i) {
      for (size_t wk = 0; wk < weeks.size(); ++wk) {
        if (!InPrisonAllWeek(w, static_cast<int>(i), weeks[wk])) continue;
        const int prison = w.prisoners[i].PrisonOn(weeks[wk]);
        present[{prison, UnitOf(w, static_cast<int>(i), prison), static_cast<int>(wk)}].push_back(
            static_cast<int>(i));
      }
    }
    std::vector<std::tuple<int, int, int>> candidates;
    for (const auto& [key, people] : present) {
      if (people.size() >= 5) candidates.push_back(key);
    }
    rng.Shuffle(&candidates);
    int planted = 0;
    for (const auto& [prison, unit, wk] : candidates) {
      if (planted >= counts.m[11]) break;
      const Date monday = weeks[wk];
      const auto& people = present[{prison, unit, wk}];
      int over = 0;
      for (int pi : people) {
        over += Mix(static_cast<uint64_t>(w.prisoners[pi].person),
                    static_cast<uint64_t>(monday.days())) %
                    100 <
                60;
      }
      if (over * 5 < static_cast<int>(people.size())) continue;  // want ≥ 20%
      w.overtime_weeks.push_back({prison, unit, monday});
      ++planted;
      const std::string& facility = w.dir.prisons[prison].id;
      Label& l = NewLabel(w, 11, "超时劳动", -1, facility);
      l.severity = "medium";
      l.key = {{"facility_org_id", facility}, {"unit", UnitName(unit)}, {"week", IsoWeek(monday)}};
      char share[16];
      std::snprintf(share, sizeof share, "%.0f%%", 100.0 * over / people.size());
      l.summary = w.dir.prisons[prison].name + UnitName(unit) + "在" + IsoWeek(monday) + "周" +
                  std::to_string(people.size()) + "名罪犯中有" + std::to_string(over) +
                  "名每日劳动10.5小时、周劳动69小时且无休息日，占" + share;
      l.facts = {{"people", people.size()},
                 {"over_limit", over},
                 {"share", static_cast<double>(over) / people.size()},
                 {"max_day_hours", 10.5},
                 {"week_hours", 69},
                 {"rest_days", 0},
                 {"day_limit_hours", law::kLabourDayHours},
                 {"week_limit_hours", law::kLabourWeekHours}};
      l.window = {{"from", monday.ToString()}, {"to", (monday + 6).ToString()}};
      l.basis = {"JX-LAB-02"};
    }
  }

  // ---- M14 / M15: trajectory episodes on background tracks ----
  {
    Rng rng = PlantRng(w, 14, 0);
    std::vector<int> free_tracks;
    for (size_t i = 0; i < w.tracks.size(); ++i) {
      const Track& t = w.tracks[i];
      if (t.leave_in_window || t.plant) continue;
      if (w.persons[w.corrections[t.correction].person].plant) continue;
      free_tracks.push_back(static_cast<int>(i));
    }
    rng.Shuffle(&free_tracks);
    size_t next = 0;
    const int slots = SlotCount(w);
    for (int k = 0; k < counts.m[14] && next < free_tracks.size(); ++k) {
      Track& t = w.tracks[free_tracks[next++]];
      const CorrectionRow& c = w.corrections[t.correction];
      const int len = rng.Int(30, 42);
      const int k0 = rng.Int(12, slots - len - 12);
      OutsideStay stay;
      const int dest = PickDestination(w, rng, c.county, &stay.place);
      stay.from = SlotTs(w, t, k0);
      stay.to = SlotTs(w, t, k0 + len - 1);
      t.outside.push_back(stay);
      t.plant = 14;
      Label& l = NewLabel(w, 14, "社区矫正越界", c.person, c.office);
      l.key = {{"correction_id", c.id}, {"from", FormatTimestamp(stay.from)}};
      const int minutes = static_cast<int>((stay.to - stay.from) / 60);
      l.summary = "社区矫正对象于" + FormatTimestamp(stay.from) + "至" + FormatTimestamp(stay.to) +
                  "离开执行地" + w.geo.counties()[c.county].name + "到" +
                  w.geo.counties()[dest].name + "，持续约" + std::to_string(minutes) +
                  "分钟，无经批准的请假";
      l.facts = {{"residence_region_code", w.geo.counties()[c.county].code},
                 {"destination_region_code", w.geo.counties()[dest].code},
                 {"first_outside", FormatTimestamp(stay.from)},
                 {"last_outside", FormatTimestamp(stay.to)},
                 {"minutes", minutes},
                 {"positions", len},
                 {"threshold_minutes", law::kOutOfAreaMinutes}};
      l.window = {{"from", FormatTimestamp(stay.from)}, {"to", FormatTimestamp(stay.to)}};
      l.basis = {"PARAM:out_of_area_minutes", "JX-CC-03"};
    }
    for (int k = 0; k < counts.m[15] && next < free_tracks.size(); ++k) {
      Track& t = w.tracks[free_tracks[next++]];
      const CorrectionRow& c = w.corrections[t.correction];
      const bool trailing = w.params.position_days < 6 || k % 2 == 0;
      int k0, k1;
      if (trailing) {
        k0 = slots - rng.Int(60 * 6, 66 * 6);
        k1 = slots;
      } else {
        k0 = rng.Int(24, slots - 600);
        k1 = k0 + rng.Int(72 * 6, 96 * 6);
        if (k1 >= slots - 12) k1 = slots;
      }
      const Timestamp last = SlotTs(w, t, k0 - 1);
      const Timestamp silent_from = SlotTs(w, t, k0) - 1;
      const Timestamp silent_to = k1 >= slots ? w.as_of_ts + 1 : SlotTs(w, t, k1) - 1;
      t.silent.push_back({silent_from, silent_to});
      t.plant = 15;
      Label& l = NewLabel(w, 15, "社区矫正失联", c.person, c.office);
      l.key = {{"correction_id", c.id}, {"from", FormatTimestamp(last)}};
      const Timestamp until = k1 >= slots ? w.as_of_ts : SlotTs(w, t, k1);
      const int64_t hours = (until - last) / 3600;
      l.summary = "电子定位自" + FormatTimestamp(last) + "后中断，" +
                  (k1 >= slots ? "截至" + FormatTimestamp(w.as_of_ts) + "已"
                               : "至" + FormatTimestamp(until) + "恢复，") +
                  "失联约" + std::to_string(hours) + "小时，超过48小时";
      l.facts = {{"last_position", FormatTimestamp(last)},
                 {"next_position", k1 >= slots ? Json(nullptr) : Json(FormatTimestamp(until))},
                 {"hours_without_position", hours},
                 {"threshold_hours", law::kLostContactHours}};
      l.window = {{"from", FormatTimestamp(last)},
                  {"to", k1 >= slots ? Json(nullptr) : Json(FormatTimestamp(until))}};
      l.basis = {"JX-CC-14"};
    }
  }

  // ---- M09 (3): a 12-month outlier per chosen prison; everyone else well inside the fence ----
  const int outliers = counts.m[9] > 0 ? std::max(1, counts.m[9] / 3) : 0;
  SpreadWindowLevels(w);
  auto sums = WindowSumsByPrison(w);
  // Safety net: no lawful 12-month total within 20 points of any reading of the fence; the
  // top offender drops to the lowest level until none is left.
  auto calm = [&w](std::vector<WindowSum>& people) {
    for (size_t round = 0; round <= people.size(); ++round) {
      if (people.size() < 2) return;
      const FenceSet f = Fences(people);
      WindowSum* top = nullptr;
      for (WindowSum& ws : people) {
        const Prisoner& p = w.prisoners[ws.prisoner];
        if (w.persons[p.person].plant == 9 && p.window_bonus > 40) continue;
        if (p.window_bonus > 1 && LawfulMargin(f, ws) < 20 && (!top || ws.sum > top->sum)) {
          top = &ws;
        }
      }
      if (!top) return;
      w.prisoners[top->prisoner].window_bonus = 1;
      int prison;
      *top = WindowSumOf(w, top->prisoner, &prison);
    }
  };
  for (auto& people : sums) calm(people);
  {
    Rng rng = PlantRng(w, 9, 999);
    std::vector<int> order(sums.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    auto full = [&sums](int prison) {
      int n = 0;
      for (const WindowSum& ws : sums[prison]) n += ws.months == 12;
      return n;
    };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return full(a) > full(b); });
    int planted = 0;
    for (int prison : order) {
      if (planted >= outliers) break;
      std::vector<size_t> candidates;
      for (size_t i = 0; i < sums[prison].size(); ++i) {
        const WindowSum& ws = sums[prison][i];
        const Prisoner& p = w.prisoners[ws.prisoner];
        if (ws.months == 12 && !p.troublesome && !p.minor && w.persons[p.person].plant == 0 &&
            p.penalties.empty() && p.points_override.empty()) {
          candidates.push_back(i);
        }
      }
      if (candidates.size() < 6) continue;
      WindowSum& ws = sums[prison][candidates[static_cast<size_t>(
          rng.Int(0, static_cast<int>(candidates.size()) - 1))]];
      Prisoner& p = w.prisoners[ws.prisoner];
      const WindowSum before = ws;
      const int previous = p.window_bonus;
      p.window_bonus = 48;
      int unused;
      ws = WindowSumOf(w, ws.prisoner, &unused);
      const FenceSet f = Fences(sums[prison]);
      if (OutlierExcess(f, ws) < 40) {
        p.window_bonus = previous;
        ws = before;
        continue;
      }
      ++planted;
      const int sum = ws.sum;
      const int32_t last = MonthIndex(w.as_of), first = w.PointsWindowFirst();
      Label& l = NewLabel(w, 9, "计分考核异常", p.person, w.dir.prisons[prison].id);
      l.key = {{"person_id", w.persons[p.person].id}, {"month", FormatMonth(last)}};
      l.severity = "medium";
      char fence[32];
      std::snprintf(fence, sizeof fence, "%.1f", f.fence);
      l.summary = FormatMonth(first) + "至" + FormatMonth(last) + "计分合计" + std::to_string(sum) +
                  "分，超过本监狱同期（12个月均有计分的" + std::to_string(f.people) +
                  "名罪犯）异常值上限" + fence + "分（Q3＋3×IQR）";
      l.facts = {{"window_from", FormatMonth(first)},
                 {"window_to", FormatMonth(last)},
                 {"points_12m", sum},
                 {"population", "prisoners scored in all 12 months at this facility"},
                 {"population_size", f.people},
                 {"facility_q1", f.q1},
                 {"facility_q3", f.q3},
                 {"facility_iqr", f.iqr},
                 {"fence", f.fence},
                 {"fence_k", law::kPointsFenceK}};
      l.window = {{"from", FormatMonth(first)}, {"to", FormatMonth(last)}};
      l.basis = {"PARAM:fence_k"};
    }
  }
  for (auto& people : sums) calm(people);
}

}  // namespace zj::synth
