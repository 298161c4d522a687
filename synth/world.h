#pragma once
// The generated province held in memory before it is written.
//
// Every row of the small and medium tables lives here (rows refer to each other by vector
// index); the bulky series — monthly points, labour days, accounts and positions — are not
// stored but produced while writing, from per-prisoner parameters (Prisoner) and
// per-subject trajectory plans (Track). The builders (builders.h) fill a World in stages:
// orgs, background population, planted violations, finalisation; the writer then streams it.
// Not thread-safe.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "synth/geo.h"
#include "synth/labels.h"
#include "synth/names.h"
#include "synth/rng.h"
#include "synth/synth.h"

namespace zj::synth {

using OptDate = std::optional<Date>;

inline Date Ymd(int y, int m, int d) { return *Date::FromCivil(y, m, d); }
inline int32_t MonthIndex(Date d) { return d.year() * 12 + d.month() - 1; }
inline Date MonthStart(int32_t month) { return Ymd(month / 12, month % 12 + 1, 1); }
// Moves a date back to day 27 or earlier, so that month arithmetic on a term or period that
// starts there has a single reading (JX-CONV-01 month ends).
inline Date ClampDay27(Date d) { return d.day() > 27 ? d - (d.day() - 27) : d; }
// Beijing midnight of `d` as a Unix timestamp.
inline Timestamp MidnightTs(Date d) { return int64_t{d.days()} * 86400 - 8 * 3600; }

// The sizes that vary with the scale; the org tree never does.
struct ScaleParams {
  int prisoners = 0;          // persons with prison terms (every outcome)
  int court_corrections = 0;  // probation and 管制 subjects sentenced by courts
  int detainees = 0;          // detention-centre custody before judgment (current and past)
  int rsdl = 0;               // 指定居所监视居住 decisions
  int compulsory_medical = 0;
  int external_deaths = 0;     // death records of people unknown to the other tables
  int position_days = 0;       // length of the trajectory window before the as-of moment
  double monitored_share = 0;  // of the subjects eligible for electronic monitoring
};
ScaleParams ParamsFor(Scale scale);

// ---- Orgs ----
struct OrgRow {
  std::string id, name, type, parent, region, stationed_at;
};
struct StaffRow {
  std::string id, name, org, role;
  Date since;
  std::string fields, home_region;
};

struct Prison {
  std::string id, name;
  int county = 0;  // index into Geo::counties()
  bool women = false, juvenile = false;
  int units = 1;  // 监区 count, set when the population is known
};

// Where every kind of org sits, by region index (city or county of Geo).
struct OrgDirectory {
  std::string root;          // 510000-PROC, the provincial procuratorate (tree root)
  std::string prison_admin;  // 四川省监狱管理局
  std::string high_court;
  std::vector<std::string> city_proc, city_court, city_psb, city_justice, city_dc;
  std::vector<std::string> county_proc, county_court, county_psb, county_justice, county_corr;
  std::vector<std::string> county_dc;  // detention centre that holds the county's detainees
  std::vector<Prison> prisons;
  std::vector<std::string> hospitals;
};

// ---- People and sentences ----
struct PersonRow {
  std::string id, name, id_number;
  char gender = 'M';
  Date birth;
  int county = 0;  // household county
  int plant = 0;   // model number planted on this person (0 = lawful background)
};

struct SentenceRow {
  std::string id;
  int person = 0;
  std::string court, case_no;
  Date judgment, effective;
  std::vector<std::string_view> crimes;
  std::vector<std::string_view> categories;
  std::string_view penalty;
  int term_months = 0, probation_months = 0, credit_days = 0;
  OptDate term_start, term_end;                         // as stated in the judgment
  int64_t fine = 0, confiscation = 0, restitution = 0;  // fen; confiscation -1 = all
  std::string political;                                // "", "3", "life"
  bool Has(std::string_view category) const;
  bool Custodial() const;  // a term served in prison or detention centre
};

struct ChangeRow {
  std::string id;
  int person = 0, sentence = 0;
  std::string_view type, basis;
  std::string proposing_org;
  OptDate proposal;
  std::string deciding_org;
  OptDate decision, effective;
  int reduction_months = 0;
  OptDate new_term_end;
  std::string_view new_penalty;
  int new_term_months = 0;
  OptDate probation_end;
  std::string reason;
  std::string_view opinion;
  OptDate opinion_date;
  bool pending() const { return !decision; }
};

struct CustodyEventRow {
  std::string id;
  int person = 0;
  std::string facility;
  std::string_view event;
  Date date;
  std::string note;
};

struct RewardRow {
  std::string id;
  int person = 0;
  std::string facility;
  Date date;
  std::string_view kind;
  int days = 0;
  std::string reason;
};

struct JobRow {
  std::string id;
  int person = 0;
  int prison = 0;  // index of OrgDirectory::prisons
  std::string facility, unit, post;
  std::string_view post_class;
  Date start;
  OptDate end;
};

struct PropertyCaseRow {
  std::string id;
  int sentence = 0, person = 0;
  std::string court;
  Date filed;
  int64_t amount_due = 0;
  std::string_view status;
  OptDate status_date;
};

struct PaymentRow {
  std::string id;
  int exec = 0;
  Date date;
  int64_t amount = 0;
  std::string_view source;
};

struct CorrectionRow {
  std::string id;
  int person = 0;
  int sentence = -1;
  int change = -1;  // the parole / temp-release decision, if any
  std::string_view type;
  std::string decision_org;
  Date decision_effective;
  std::string office;
  int county = 0;  // residence county
  Date start, end;
  OptDate reported;
  std::string_view status;
  OptDate status_date;
  bool monitored = false;
  bool monitor_allowed = true;  // planted cases that must stay without positions say false
};

struct CorrectionEventRow {
  std::string id;
  int correction = 0;
  std::string_view event;
  Date date;
  std::string note;
};

struct LeaveRow {
  std::string id;
  int correction = 0;
  Timestamp start_ts = 0, end_ts = 0;
  int destination = 0;  // county index
  std::string approved_by;
  std::string_view status;
  std::optional<Timestamp> returned_ts;
};

struct MedicalReviewRow {
  std::string id;
  int person = 0, correction = 0;
  Date date;
  std::string hospital;
  std::string_view conclusion;
};

struct DetentionRow {
  std::string id;
  int person = 0;
  std::string facility, case_no, handling_org;
  std::string_view stage;
  Date stage_start;
  OptDate stage_deadline;
  std::string extension_doc;
  OptDate released;
  std::string release_reason;
};

struct DeathRow {
  std::string id_number;
  Date date;
  std::string source_org;
};

struct RsdlRow {
  std::string id;
  int person = 0;
  std::string deciding_org;
  Date decision;
  OptDate start, end, copy_received;
};

struct CmRow {
  std::string id;
  int person = 0;
  std::string court;
  Date decision;
  OptDate delivered;
  std::string hospital;
  OptDate released;
};

// ---- Prison life: the parameters the bulky series are generated from ----
enum class AccountProfile { kOrdinary, kPoor, kSpender, kWealthy };

struct Prisoner {
  int person = 0, sentence = 0;
  Date delivery;                              // first admission (交付执行)
  std::vector<std::pair<Date, int>> prisons;  // (from, prison index); empty = held in DC
  std::string centre;                         // the detention centre when prisons is empty
  OptDate exit;                               // custody at the prison ends that day
  OptDate end;                                // computed current term end (fixed terms)
  std::vector<int> changes;
  int bonus_level = 3;
  bool troublesome = false;
  bool minor = false;
  std::map<int32_t, int> penalties;                        // month → deduction (warning, demerit)
  std::map<int32_t, std::pair<int, int>> points_override;  // month → (bonus, deduction)
  int window_bonus = -1;  // bonus every month of the last-12-month window (M09), or -1
  AccountProfile accounts = AccountProfile::kOrdinary;
  int unit = 1;
  int property_case = -1;
  // A job the planter requires (M10): ordinary jobs end the day before it starts.
  std::optional<JobRow> planted_job;
  bool Ordinary(const std::vector<SentenceRow>& sentences) const {
    return sentences[sentence].categories.empty();
  }
  // Prison index on date `d` (the last move on or before it).
  int PrisonOn(Date d) const;
};

// ---- Trajectories ----
struct OutsideStay {           // positions away from the residence county
  Timestamp from = 0, to = 0;  // first and last position there
  LonLat place;
  double radius_m = 200;
};
struct Track {
  int correction = 0;
  uint64_t seed = 0;
  int offset_s = 20;  // seconds after the 10-minute grid (20–560)
  LonLat home, work;
  double radius_m = 500;  // positions stay within this distance of home
  bool leave_in_window = false;
  int plant = 0;  // model planted on this track (M14, M15)
  std::vector<OutsideStay> outside;
  std::vector<std::pair<Timestamp, Timestamp>> silent;  // [from, to): no positions
};

// A unit-week whose labour records are planted over the limits (M11).
struct OvertimeWeek {
  int prison = 0, unit = 0;
  Date monday;
};

class World {
 public:
  World(uint64_t seed, Scale scale, const Geo& geo);

  const uint64_t seed;
  const Scale scale;
  const ScaleParams params;
  const Geo& geo;
  const Timestamp as_of_ts;  // manifest exported_at
  const Date as_of;          // its Beijing date

  // First position timestamp (window start) and the labour weeks (Mondays).
  Timestamp WindowStart() const { return as_of_ts - int64_t{params.position_days} * 86400; }
  std::vector<Date> LabourWeeks() const;
  // First month of the last-12-month points window (M09); the last is the as-of month.
  int32_t PointsWindowFirst() const { return MonthIndex(as_of) - 11; }

  OrgDirectory dir;
  std::vector<OrgRow> orgs;
  std::vector<StaffRow> staff;
  std::vector<PersonRow> persons;
  std::vector<SentenceRow> sentences;
  std::vector<ChangeRow> changes;
  std::vector<CustodyEventRow> custody_events;
  std::vector<RewardRow> rewards;
  std::vector<JobRow> jobs;
  std::vector<PropertyCaseRow> property_cases;
  std::vector<PaymentRow> payments;
  std::vector<CorrectionRow> corrections;
  std::vector<CorrectionEventRow> correction_events;
  std::vector<LeaveRow> leaves;
  std::vector<MedicalReviewRow> medical_reviews;
  std::vector<DetentionRow> detentions;
  std::vector<DeathRow> deaths;
  std::vector<RsdlRow> rsdl;
  std::vector<CmRow> cm;

  std::vector<Prisoner> prisoners;
  std::vector<Track> tracks;
  std::vector<OvertimeWeek> overtime_weeks;
  std::vector<Label> labels;
  IdNumbers id_numbers;
  std::vector<double> county_weights;  // household-county draw weights

  // "P-0000042": ids are zero-padded so that text order is creation order.
  static std::string MakeId(std::string_view prefix, size_t n);

  int AddPerson(Rng& rng, char gender, Date birth, int county);
  int AddSentence(SentenceRow s);
  int AddChange(ChangeRow c);
  void AddCustodyEvent(int person, const std::string& facility, std::string_view event, Date date,
                       std::string note = {});
  int AddCorrectionEvent(int correction, std::string_view event, Date date, std::string note = {});
  // The prisoner record of `person`, or -1.
  int PrisonerOf(int person) const;
  void IndexPrisoner(int person, int prisoner);

 private:
  std::vector<int> person_prisoner_;
};

}  // namespace zj::synth
