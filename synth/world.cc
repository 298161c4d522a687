#include "synth/world.h"

#include <algorithm>
#include <cstdio>

namespace zj::synth {

ScaleParams ParamsFor(Scale scale) {
  ScaleParams p;
  switch (scale) {
    case Scale::kTiny:
      p = {.prisoners = 400,
           .court_corrections = 110,
           .detainees = 90,
           .rsdl = 12,
           .compulsory_medical = 6,
           .external_deaths = 10,
           .position_days = 4,
           .monitored_share = 0.45};
      break;
    case Scale::kCity:
      p = {.prisoners = 10000,
           .court_corrections = 4200,
           .detainees = 2500,
           .rsdl = 150,
           .compulsory_medical = 60,
           .external_deaths = 200,
           .position_days = 30,
           .monitored_share = 0.985};
      break;
    case Scale::kProvince:
      p = {.prisoners = 100000,
           .court_corrections = 42000,
           .detainees = 25000,
           .rsdl = 1500,
           .compulsory_medical = 600,
           .external_deaths = 2000,
           .position_days = 30,
           .monitored_share = 0.985};
      break;
  }
  return p;
}

bool SentenceRow::Has(std::string_view category) const {
  return std::find(categories.begin(), categories.end(), category) != categories.end();
}

bool SentenceRow::Custodial() const { return probation_months == 0 && penalty != "surveillance"; }

int Prisoner::PrisonOn(Date d) const {
  int p = prisons.empty() ? -1 : prisons.front().second;
  for (const auto& [from, prison] : prisons) {
    if (from <= d) p = prison;
  }
  return p;
}

World::World(uint64_t seed_in, Scale scale_in, const Geo& geo_in)
    : seed(seed_in),
      scale(scale_in),
      params(ParamsFor(scale_in)),
      geo(geo_in),
      as_of_ts(*ParseTimestamp("2026-06-30T23:00:00+08:00")),
      as_of(BeijingDate(as_of_ts)) {}

std::vector<Date> World::LabourWeeks() const {
  // The eight complete ISO weeks before the as-of week.
  Date monday = as_of - (as_of.IsoWeekday() - 1);
  std::vector<Date> weeks;
  for (int i = 8; i >= 1; --i) weeks.push_back(monday - 7 * i);
  return weeks;
}

std::string World::MakeId(std::string_view prefix, size_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "-%07zu", n);
  return std::string(prefix) + buf;
}

int World::AddPerson(Rng& rng, char gender, Date birth, int county) {
  PersonRow p;
  p.id = MakeId("P", persons.size() + 1);
  p.gender = gender;
  p.birth = birth;
  p.county = county;
  p.name = RandomName(rng, gender);
  p.id_number = id_numbers.Make(rng, geo.counties()[county].code, birth, gender);
  persons.push_back(std::move(p));
  person_prisoner_.push_back(-1);
  return static_cast<int>(persons.size()) - 1;
}

int World::AddSentence(SentenceRow s) {
  s.id = MakeId("S", sentences.size() + 1);
  sentences.push_back(std::move(s));
  return static_cast<int>(sentences.size()) - 1;
}

int World::AddChange(ChangeRow c) {
  c.id = MakeId("C", changes.size() + 1);
  changes.push_back(std::move(c));
  return static_cast<int>(changes.size()) - 1;
}

void World::AddCustodyEvent(int person, const std::string& facility, std::string_view event,
                            Date date, std::string note) {
  custody_events.push_back(
      {MakeId("CE", custody_events.size() + 1), person, facility, event, date, std::move(note)});
}

int World::AddCorrectionEvent(int correction, std::string_view event, Date date, std::string note) {
  correction_events.push_back(
      {MakeId("CV", correction_events.size() + 1), correction, event, date, std::move(note)});
  return static_cast<int>(correction_events.size()) - 1;
}

int World::PrisonerOf(int person) const { return person_prisoner_[person]; }

void World::IndexPrisoner(int person, int prisoner) { person_prisoner_[person] = prisoner; }

}  // namespace zj::synth
