#include "synth/custody.h"

#include <algorithm>
#include <cstdio>

#include "common/period.h"
#include "synth/builders.h"
#include "synth/law_numbers.h"
#include "synth/sentences.h"

namespace zj::synth {
namespace {

struct StageShare {
  std::string_view stage;
  double weight;
};
constexpr StageShare kStages[] = {
    {"criminal_detention_7", 0.10}, {"criminal_detention_30", 0.05}, {"investigation", 0.30},
    {"investigation_ext1", 0.05},   {"investigation_ext2", 0.02},    {"investigation_ext3", 0.01},
    {"prosecution_review", 0.20},   {"first_instance", 0.20},        {"second_instance", 0.05},
    {"awaiting_delivery", 0.02},
};

std::string Doc(std::string_view prefix, int year, int number) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "%.*s〔%d〕%d号", static_cast<int>(prefix.size()), prefix.data(),
                year, number);
  return buf;
}

}  // namespace

Date StageDeadline(std::string_view stage, Date start) {
  if (stage == "criminal_detention_7") return start + law::kCriminalDetentionDays;
  if (stage == "criminal_detention_30") return start + law::kCriminalDetentionLongDays;
  if (stage == "investigation") return CorrespondingDay(start, law::kInvestigation);
  if (stage == "investigation_ext1") return CorrespondingDay(start, law::kInvestigationExt1);
  if (stage == "investigation_ext2") return CorrespondingDay(start, law::kInvestigationExt2);
  if (stage == "investigation_ext3") return CorrespondingDay(start, law::kInvestigationExt3);
  if (stage == "prosecution_review") return CorrespondingDay(start, law::kProsecutionReview);
  if (stage == "first_instance") return CorrespondingDay(start, Period::Months(2));
  if (stage == "second_instance") return CorrespondingDay(start, law::kSecondInstance);
  if (stage == "awaiting_delivery") return CorrespondingDay(start, law::kDeliveryPeriod);
  return start;
}

int AddDetention(World& w, Rng& rng, std::string_view stage, Date start, OptDate released) {
  const int county = DrawCounty(w, rng);
  const int city = w.geo.CityOf(county);
  const int person =
      w.AddPerson(rng, rng.Chance(0.1) ? 'F' : 'M', DrawBirth(rng, start, 18, 60), county);
  DetentionRow d;
  d.id = World::MakeId("D", w.detentions.size() + 1);
  d.person = person;
  d.facility = w.dir.county_dc[county];
  d.stage = stage;
  d.stage_start = start;
  d.stage_deadline = StageDeadline(stage, start);
  d.released = released;
  const std::string& county_code = w.geo.counties()[county].code;
  const int year = start.year();
  if (stage.substr(0, 8) == "criminal" || stage.substr(0, 13) == "investigation") {
    d.handling_org = w.dir.county_psb[county];
    d.case_no = Doc("川公" + county_code.substr(2) + "刑侦字", year, rng.Int(100, 2999));
  } else if (stage == "prosecution_review") {
    d.handling_org = w.dir.county_proc[county];
    d.case_no = Doc("川" + county_code.substr(2) + "检刑诉", year, rng.Int(10, 999));
  } else if (stage == "second_instance") {
    d.handling_org = w.dir.city_court[city];
    d.case_no = CaseNo(w.geo.cities()[city].code, year, "刑终", rng.Int(10, 800));
  } else {
    d.handling_org = w.dir.county_court[county];
    d.case_no = CaseNo(county_code, year, "刑初", rng.Int(10, 1500));
  }
  if (stage == "investigation_ext1") {
    d.extension_doc =
        Doc("川" + w.geo.cities()[city].code.substr(2, 2) + "检延押", year, rng.Int(1, 300));
  } else if (stage == "investigation_ext2" || stage == "investigation_ext3") {
    d.extension_doc = Doc("川检延押", year, rng.Int(1, 300));
  } else if (stage == "criminal_detention_30") {
    d.extension_doc = Doc("川公" + county_code.substr(2) + "延拘字", year, rng.Int(1, 300));
  }
  if (released) {
    static constexpr std::string_view kReasons[] = {"变更为取保候审", "变更为监视居住",
                                                    "不起诉释放", "撤销案件释放"};
    d.release_reason = kReasons[rng.Int(0, 3)];
  }
  w.detentions.push_back(std::move(d));
  return static_cast<int>(w.detentions.size()) - 1;
}

void BuildPreTrial(World& w) {
  const Date a = w.as_of;
  std::vector<double> weights;
  for (const StageShare& s : kStages) weights.push_back(s.weight);
  for (int i = 0; i < w.params.detainees; ++i) {
    Rng rng(w.seed, Stream::kDetentions, static_cast<uint64_t>(i));
    std::string_view stage = kStages[rng.Weighted(weights)].stage;
    const bool current = stage == "awaiting_delivery" || rng.Chance(0.7);
    // Elapsed time well inside the limit (policy::kStageMaxShare of it).
    const Date probe = a - 400;
    int limit = StageDeadline(stage, probe) - probe;
    int max_elapsed = std::max(1, static_cast<int>(limit * policy::kStageMaxShare));
    if (stage == "criminal_detention_7") max_elapsed = 2;
    if (stage == "awaiting_delivery") {
      // Sentenced, waiting to be taken to prison: the judgment took effect 6–15 days ago.
      const int crime = DrawCrime(rng, false);
      const CrimeProfile& cp = Crimes()[crime];
      if (cp.prison_weight == 0) continue;
      const int term = DrawTerm(rng, std::max(12, cp.min_months), std::min(120, cp.max_months));
      if (term < 12) continue;
      const Date e = a - rng.Int(6, 15);
      const int idx = AddDetention(w, rng, stage, e, std::nullopt);
      const int person = w.detentions[idx].person;
      const int county = w.persons[person].county;
      SentenceRow s = BasicCourtSentence(w, rng, person, county, cp, "fixed_term", term, e);
      s.term_start = ClampDay27(s.judgment - rng.Int(90, 300));
      s.term_end = TermEnd(*s.term_start, Period::Months(term));
      s.fine = DrawFine(rng, cp);
      const int sentence = w.AddSentence(std::move(s));
      if (w.sentences[sentence].fine > 0) AddPropertyCase(w, rng, sentence, "open", std::nullopt);
      w.detentions[idx].handling_org = w.sentences[sentence].court;
      w.detentions[idx].case_no = w.sentences[sentence].case_no;
      continue;
    }
    const int elapsed = rng.Int(1, max_elapsed);
    if (current) {
      AddDetention(w, rng, stage, a - elapsed, std::nullopt);
    } else {
      const Date start = a - rng.Int(60, 900);
      AddDetention(w, rng, stage, start, start + elapsed);
    }
  }

  for (int i = 0; i < w.params.rsdl; ++i) {
    Rng rng(w.seed, Stream::kRsdl, static_cast<uint64_t>(i));
    AddRsdl(w, rng, a - rng.Int(5, 500));
  }
  for (int i = 0; i < w.params.compulsory_medical; ++i) {
    Rng rng(w.seed, Stream::kCompulsoryMedical, static_cast<uint64_t>(i));
    AddCompulsoryMedical(w, rng, a - rng.Int(10, 1800), true);
  }

  // Deaths of people the other tables do not know (civil-affairs feed).
  for (int i = 0; i < w.params.external_deaths; ++i) {
    Rng rng(w.seed, Stream::kDeaths, static_cast<uint64_t>(i));
    const int county = DrawCounty(w, rng);
    const Date birth = Ymd(1930, 1, 1) + rng.Int(0, 60 * 365);
    const char gender = rng.Chance(0.5) ? 'M' : 'F';
    w.deaths.push_back({w.id_numbers.Make(rng, w.geo.counties()[county].code, birth, gender),
                        a - rng.Int(1, 1500), w.dir.county_psb[county]});
  }
}

int AddRsdl(World& w, Rng& rng, Date decision) {
  const int county = DrawCounty(w, rng);
  RsdlRow r;
  r.id = World::MakeId("RS", w.rsdl.size() + 1);
  r.person =
      w.AddPerson(rng, rng.Chance(0.15) ? 'F' : 'M', DrawBirth(rng, decision, 25, 60), county);
  r.deciding_org = rng.Chance(0.8) ? w.dir.county_psb[county] : w.dir.county_proc[county];
  r.decision = decision;
  r.start = decision;
  const Date end = decision + rng.Int(20, 150);
  if (end <= w.as_of - 1) r.end = end;
  r.copy_received = std::min(w.as_of, decision + rng.Int(0, policy::kRsdlCopyMaxDays));
  w.rsdl.push_back(std::move(r));
  return static_cast<int>(w.rsdl.size()) - 1;
}

int AddCompulsoryMedical(World& w, Rng& rng, Date decision, bool may_release) {
  const int county = DrawCounty(w, rng);
  CmRow c;
  c.id = World::MakeId("CM", w.cm.size() + 1);
  c.person =
      w.AddPerson(rng, rng.Chance(0.2) ? 'F' : 'M', DrawBirth(rng, decision, 20, 65), county);
  c.court = w.dir.county_court[county];
  c.decision = decision;
  c.delivered = decision + rng.Int(1, policy::kCmDeliveryMaxDays);
  c.hospital = w.dir.hospitals[w.geo.cities()[w.geo.CityOf(county)].code == "511300" ? 1 : 0];
  if (may_release && rng.Chance(0.3)) {
    const Date released = *c.delivered + rng.Int(365, 1200);
    if (released <= w.as_of - 1) c.released = released;
  }
  w.cm.push_back(std::move(c));
  return static_cast<int>(w.cm.size()) - 1;
}

}  // namespace zj::synth
