// Community-correction models (社区矫正): M13 社区矫正漏管, M17 矫正期限错误, M18 死亡未销案.
//
// One pass. Start builds the read-only indexes the selected models need — above all the
// attribution of every correction record (corrections row) to the judgment or decision that
// ordered it — and each selected model then runs as its own part.
//
// Attribution (M13, M17). A judgment or decision that puts a person under community
// correction is an *order*:
//   - a sentence with a suspended term (probation_months on 拘役/有期徒刑) or 管制
//     (penalty `surveillance`): its date is the sentence's effective_date (判决确定之日);
//   - a decided `parole` or `temp_release` term change: its date is the change's
//     effective_date, or its decision_date when the data has no effective date.
// A correction of type probation/surveillance belongs to sentence orders, parole to parole
// orders, temp_release to temporary-release orders, of the same person and — when the
// correction names a sentence — of that sentence. Among those, a correction belongs to the
// order whose date is nearest its decision_effective_date (else start_date, else
// reported_date); an order that several corrections belong to keeps the nearest one. So a
// sentence paroled twice (after a revocation) keeps one correction per parole, and a
// parole with no record of its own is not "covered" by the record of an earlier one.

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/money.h"
#include "common/period.h"
#include "domain/codes.h"
#include "law/judge.h"
#include "law/rulebook.h"
#include "law/supervision.h"
#include "models/law_codes.h"
#include "models/registry.h"

namespace zj::models {
namespace {

constexpr std::string_view kM13 = "M13";
constexpr std::string_view kM17 = "M17";
constexpr std::string_view kM18 = "M18";

const ModelSpec kM13Spec{
    .id = kM13,
    .name = "社区矫正漏管",
    .key = {"sentence_id", "change_id"},
             .key_one_of = true,
    .summary =
        "判处管制、宣告缓刑的判决或假释、暂予监外执行的裁定决定生效后，没有社区矫正档案，"
        "或未在法定期限内报到",
    .inputs = {{"sentences",
                {"sentence_id", "person_id", "court_org_id", "effective_date", "penalty",
                 "probation_months"}},
               {"term_changes",
                {"change_id", "person_id", "sentence_id", "change_type", "deciding_org_id",
                 "decision_date", "effective_date"}},
               {"corrections",
                {"correction_id", "person_id", "sentence_id", "correction_type",
                 "decision_effective_date", "office_org_id", "start_date", "reported_date"}},
               {"correction_events", {"correction_id", "event", "date"}},
               {"persons", {"person_id", "id_number", "household_region_code"}},
               {"deaths", {"id_number", "date_of_death"}},
               {"orgs", {"org_id", "org_type", "region_code"}}},
    .params = {},
    .basis = {"JX-CC-01", "JX-ZJ-07"},
    .version = 1,
};

const ModelSpec kM17Spec{
    .id = kM17,
    .name = "矫正期限错误",
    .key = {"correction_id"},
    .summary =
        "社区矫正档案记载的矫正期止日与判决、裁定不符：缓刑考验期自判决确定之日起算，"
        "假释考验期为没有执行完毕的刑期，管制、暂予监外执行至刑期届满",
    .inputs = {{"corrections",
                {"correction_id", "person_id", "sentence_id", "correction_type",
                 "decision_effective_date", "office_org_id", "start_date", "end_date",
                 "reported_date", "status"}},
               {"sentences",
                {"sentence_id", "person_id", "effective_date", "judgment_date", "penalty",
                 "term_months", "probation_months", "custody_credit_days", "term_start",
                 "term_end"}},
               {"term_changes",
                {"change_id", "person_id", "sentence_id", "change_type", "proposal_date",
                 "decision_date", "effective_date", "reduction_days", "reduction_months",
                 "new_term_end", "new_penalty", "new_term_months"}},
               {"custody_events", {"person_id", "facility_org_id", "event", "date"}},
               {"orgs", {"org_id", "org_type"}}},
    .params = {{.name = "tolerance_days",
                .type = ParamType::kInt,
                .default_value = "0",
                .unit = "日",
                .description = "矫正期止日与依法计算的止日相差不超过该天数的，不作为线索",
                .rule = {},
                .codes = nullptr,
                .min = 0,
                .max = 366}},
    .basis = {"JX-TERM-06", "JX-TERM-07", "JX-TERM-03", "JX-CONV-01"},
    .version = 1,
};

const ModelSpec kM18Spec{
    .id = kM18,
    .name = "死亡未销案",
    .key = {"person_id"},
    .summary =
        "死亡信息显示人员已死亡，监狱、看守所仍列为在押，或社区矫正机构仍列为在矫"
        "（含暂予监外执行）",
    .inputs = {{"deaths", {"id_number", "date_of_death", "source_org_id"}},
               {"persons", {"person_id", "id_number"}},
               {"corrections",
                {"correction_id", "person_id", "correction_type", "office_org_id", "status"}},
               {"custody_events", {"event_id", "person_id", "facility_org_id", "event", "date"}},
               {"detentions",
                {"detention_id", "person_id", "facility_org_id", "stage_start", "released_date"}},
               {"orgs", {"org_id", "org_type"}}},
    .params = {{.name = "grace_days",
                .type = ParamType::kInt,
                .default_value = "0",
                .unit = "日",
                .description = "死亡日期距截止时间不超过该天数的不作为线索（留出死亡信息与名单"
                               "更新的报送时间）",
                .rule = {},
                .codes = nullptr,
                .min = 0,
                .max = 365}},
    .basis = {"JX-KSS-01", "JX-ZJ-11", "JX-CC-15"},
    .version = 1,
};

const ModelSpec* const kModels[] = {&kM13Spec, &kM17Spec, &kM18Spec};

// ---------------------------------------------------------------------------------------
// Small helpers.

std::optional<Date> DateAt(std::span<const int32_t> col, int32_t row) {
  if (row < 0 || col[row] == kNull32) return std::nullopt;
  return Date::FromDays(col[row]);
}

std::string DateText(Date d) { return d.ToString(); }

// A column the selected models loaded, or an empty span when none of them asked for it.
std::span<const int32_t> Col32(const Snapshot& data, std::string_view table,
                               std::string_view column) {
  if (!data.HasTable(table) || !data.Table(table).Has(column)) return {};
  return data.Table(table).I32(column);
}

// Code index of `code` in a loaded code column, or -1.
int CodeIndex(const Frame& f, std::string_view column, std::string_view code) {
  return f.Codes(column).IndexOf(code);
}

// The Chinese name of a penalty code as judgments say it.
std::string_view PenaltyWords(const Frame& sentences, int32_t row) {
  const int32_t p = sentences.I32("penalty")[row];
  if (p == kNull32) return "";
  return sentences.Codes("penalty").codes[p].label;
}

// ---------------------------------------------------------------------------------------

enum class Kind : uint8_t { kSentence, kParole, kTempRelease };

// A judgment or decision that orders community correction (see the file comment).
struct Order {
  Kind kind = Kind::kSentence;
  int32_t row = -1;  // sentences row (kSentence) or term_changes row
  int32_t person = kNull32;
  int32_t sentence = kNull32;
  Date effective;           // the day it took effect
  int32_t correction = -1;  // corrections row attributed to it, -1 = none
  int32_t distance = 0;     // |correction's date − effective|
};

class CommunityRun final : public PassRun {
 public:
  explicit CommunityRun(const RunContext& ctx) : ctx_(ctx), data_(*ctx.data) {}

  Status Prepare();
  int parts() const override { return static_cast<int>(parts_.size()); }
  Status RunPart(int part, PassOutput& out) override {
    const std::string_view m = parts_[static_cast<size_t>(part)];
    if (m == kM13) RunM13(out);
    if (m == kM17) RunM17(out);
    if (m == kM18) RunM18(out);
    return Status::Ok();
  }

 private:
  // Shared by M13 and M17.
  void BuildOrders();
  std::optional<Date> DeathOf(int32_t person) const;
  // M13: the day (days since epoch) the correction's subject reported — reported_date, else
  // the first `reported` event — if on or before the as-of day; else kNull32.
  int32_t ReportedOf(int32_t correction) const;
  int32_t CountyOffice(int32_t person) const;

  // M17: the law engine's case for one sentence (its changes and the person's custody
  // events that belong to it); `change_index` receives, for `change_row`, its index in
  // case.changes.
  law::Case CaseOf(int32_t sentence_row, int32_t change_row, int* change_index) const;

  void RunM13(PassOutput& out) const;
  void RunM17(PassOutput& out) const;
  void RunM18(PassOutput& out) const;

  const RunContext ctx_;  // a copy: the run may outlive the caller's context
  const Snapshot& data_;
  std::vector<std::string_view> parts_;

  // Columns read per row, looked up once (empty when no selected model loaded them).
  struct SentenceCols {
    std::span<const int32_t> id, person, effective, judgment, penalty, term, probation, credit,
        start, end;
  } s_;
  struct ChangeCols {
    std::span<const int32_t> type, proposal, decision, effective, months, days, new_end,
        new_penalty, new_months;
  } ch_;
  struct PersonCols {
    std::span<const int32_t> row_of, id_number, region;
  } p_;
  struct EventCols {
    std::span<const int32_t> event, date, facility;
  } ev_;
  std::span<const int32_t> reported_date_;  // corrections

  // M13/M17
  std::vector<Order> orders_;
  std::vector<int32_t> order_of_correction_;  // corrections row → orders_ index, -1
  Groups changes_by_sentence_;
  // M13/M18
  std::vector<int32_t> death_by_id_number_;  // days, kNull32
  // M13
  std::vector<int32_t> first_reported_event_;              // corrections row → days, kNull32
  std::unordered_map<int32_t, int32_t> office_by_region_;  // region_code → org dense id
  // M17
  Groups sentences_by_person_;
  Groups custody_by_person_;
  std::vector<law::FacilityKind> facility_kind_;  // by org dense id
  std::vector<std::optional<law::Penalty>> penalty_of_code_;
  std::vector<std::optional<law::ChangeType>> change_type_of_code_;
  std::vector<std::optional<law::CustodyEventKind>> custody_kind_of_code_;
};

Status CommunityRun::Prepare() {
  for (const ModelSpec* m : kModels) {
    if (ctx_.Selected(m->id)) parts_.push_back(m->id);
  }
  const bool m13 = ctx_.Selected(kM13), m17 = ctx_.Selected(kM17), m18 = ctx_.Selected(kM18);
  if (parts_.empty()) return Status::Ok();
  const Snapshot& d = data_;
  s_ = {Col32(d, "sentences", "sentence_id"),      Col32(d, "sentences", "person_id"),
        Col32(d, "sentences", "effective_date"),   Col32(d, "sentences", "judgment_date"),
        Col32(d, "sentences", "penalty"),          Col32(d, "sentences", "term_months"),
        Col32(d, "sentences", "probation_months"), Col32(d, "sentences", "custody_credit_days"),
        Col32(d, "sentences", "term_start"),       Col32(d, "sentences", "term_end")};
  ch_ = {Col32(d, "term_changes", "change_type"),      Col32(d, "term_changes", "proposal_date"),
         Col32(d, "term_changes", "decision_date"),    Col32(d, "term_changes", "effective_date"),
         Col32(d, "term_changes", "reduction_months"), Col32(d, "term_changes", "reduction_days"),
         Col32(d, "term_changes", "new_term_end"),     Col32(d, "term_changes", "new_penalty"),
         Col32(d, "term_changes", "new_term_months")};
  if (d.HasTable("persons")) p_.row_of = d.Table("persons").RowOfKey();
  p_.id_number = Col32(d, "persons", "id_number");
  p_.region = Col32(d, "persons", "household_region_code");
  ev_ = {Col32(d, "custody_events", "event"), Col32(d, "custody_events", "date"),
         Col32(d, "custody_events", "facility_org_id")};
  reported_date_ = Col32(d, "corrections", "reported_date");
  if (m13 || m17) BuildOrders();
  if (m13 || m18) {
    const Frame& deaths = data_.Table("deaths");
    const auto id = deaths.I32("id_number");
    const auto day = deaths.I32("date_of_death");
    death_by_id_number_.assign(static_cast<size_t>(data_.Ids("id_number").size()), kNull32);
    for (int32_t r = 0; r < deaths.rows(); ++r) {
      if (id[r] == kNull32 || day[r] == kNull32) continue;
      int32_t& d = death_by_id_number_[static_cast<size_t>(id[r])];
      if (d == kNull32 || day[r] < d) d = day[r];
    }
  }
  if (m13) {
    const Frame& events = data_.Table("correction_events");
    const auto corr = events.I32("correction_id");
    const auto ev = events.I32("event");
    const auto day = events.I32("date");
    const int reported = CodeIndex(events, "event", "reported");
    first_reported_event_.assign(static_cast<size_t>(data_.Table("corrections").rows()), kNull32);
    const auto row_of = data_.Table("corrections").RowOfKey();
    for (int32_t r = 0; r < events.rows(); ++r) {
      if (ev[r] != reported || corr[r] == kNull32 || day[r] == kNull32) continue;
      if (static_cast<size_t>(corr[r]) >= row_of.size()) continue;
      const int32_t c = row_of[corr[r]];
      if (c < 0) continue;
      int32_t& d = first_reported_event_[static_cast<size_t>(c)];
      if (d == kNull32 || day[r] < d) d = day[r];
    }
    const Frame& orgs = data_.Table("orgs");
    const int office = CodeIndex(orgs, "org_type", "correction_office");
    const auto type = orgs.I32("org_type");
    const auto region = orgs.I32("region_code");
    const auto org_id = orgs.I32("org_id");
    for (int32_t r = 0; r < orgs.rows(); ++r) {
      if (type[r] == office && region[r] != kNull32)
        office_by_region_.emplace(region[r], org_id[r]);
    }
  }
  if (m17 || m18) {
    const Frame& orgs = data_.Table("orgs");
    const auto type = orgs.I32("org_type");
    const auto org_id = orgs.I32("org_id");
    facility_kind_.assign(static_cast<size_t>(data_.Ids("orgs").size()), law::FacilityKind::kOther);
    const auto& codes = orgs.Codes("org_type").codes;
    for (int32_t r = 0; r < orgs.rows(); ++r) {
      if (type[r] == kNull32 || org_id[r] == kNull32) continue;
      facility_kind_[static_cast<size_t>(org_id[r])] = FacilityFromOrgType(codes[type[r]].code);
    }
    const Frame& events = data_.Table("custody_events");
    custody_by_person_ = Groups(events.I32("person_id"), data_.Ids("persons").size());
    for (const domain::Code& c : events.Codes("event").codes) {
      custody_kind_of_code_.push_back(CustodyEventFromCode(c.code));
    }
  }
  if (m17) {
    const Frame& sentences = data_.Table("sentences");
    sentences_by_person_ = Groups(sentences.I32("person_id"), data_.Ids("persons").size());
    for (const domain::Code& c : sentences.Codes("penalty").codes) {
      penalty_of_code_.push_back(PenaltyFromCode(c.code));
    }
    for (const domain::Code& c : data_.Table("term_changes").Codes("change_type").codes) {
      change_type_of_code_.push_back(ChangeTypeFromCode(c.code));
    }
  }
  return Status::Ok();
}

void CommunityRun::BuildOrders() {
  const Frame& sentences = data_.Table("sentences");
  const Frame& changes = data_.Table("term_changes");
  const Frame& corrections = data_.Table("corrections");
  {
    const auto person = sentences.I32("person_id");
    const auto id = sentences.I32("sentence_id");
    const auto eff = sentences.I32("effective_date");
    const auto penalty = sentences.I32("penalty");
    const auto probation = sentences.I32("probation_months");
    const int surveillance = CodeIndex(sentences, "penalty", "surveillance");
    const int detention = CodeIndex(sentences, "penalty", "criminal_detention");
    const int fixed = CodeIndex(sentences, "penalty", "fixed_term");
    for (int32_t r = 0; r < sentences.rows(); ++r) {
      if (eff[r] == kNull32 || person[r] == kNull32) continue;
      const bool suspended =
          probation[r] != kNull32 && (penalty[r] == detention || penalty[r] == fixed);
      if (!suspended && penalty[r] != surveillance) continue;
      orders_.push_back({Kind::kSentence, r, person[r], id[r], Date::FromDays(eff[r])});
    }
  }
  {
    const auto person = changes.I32("person_id");
    const auto sentence = changes.I32("sentence_id");
    const auto type = changes.I32("change_type");
    const auto decided = changes.I32("decision_date");
    const auto eff = changes.I32("effective_date");
    const int parole = CodeIndex(changes, "change_type", "parole");
    const int temp = CodeIndex(changes, "change_type", "temp_release");
    for (int32_t r = 0; r < changes.rows(); ++r) {
      if (type[r] != parole && type[r] != temp) continue;
      if (decided[r] == kNull32 || person[r] == kNull32) continue;
      const int32_t day = eff[r] != kNull32 ? eff[r] : decided[r];
      orders_.push_back({type[r] == parole ? Kind::kParole : Kind::kTempRelease, r, person[r],
                         sentence[r], Date::FromDays(day)});
    }
    changes_by_sentence_ = Groups(sentence, data_.Ids("sentences").size());
  }
  // Orders by person, then every correction to its nearest order.
  std::vector<int32_t> order_person(orders_.size());
  for (size_t i = 0; i < orders_.size(); ++i) order_person[i] = orders_[i].person;
  const Groups orders_by_person(order_person, data_.Ids("persons").size());

  const auto person = corrections.I32("person_id");
  const auto sentence = corrections.I32("sentence_id");
  const auto type = corrections.I32("correction_type");
  const auto decision = corrections.I32("decision_effective_date");
  const auto start = corrections.I32("start_date");
  const auto reported = corrections.I32("reported_date");
  const int parole = CodeIndex(corrections, "correction_type", "parole");
  const int temp = CodeIndex(corrections, "correction_type", "temp_release");
  order_of_correction_.assign(static_cast<size_t>(corrections.rows()), -1);
  for (int32_t r = 0; r < corrections.rows(); ++r) {
    if (type[r] == kNull32) continue;
    const Kind kind = type[r] == parole ? Kind::kParole
                      : type[r] == temp ? Kind::kTempRelease
                                        : Kind::kSentence;
    const int32_t anchor = decision[r] != kNull32 ? decision[r]
                           : start[r] != kNull32  ? start[r]
                                                  : reported[r];
    int32_t best = -1, best_distance = 0;
    for (int32_t o : orders_by_person.rows(person[r])) {
      const Order& ord = orders_[static_cast<size_t>(o)];
      if (ord.kind != kind) continue;
      if (sentence[r] != kNull32 && ord.sentence != sentence[r]) continue;
      const int32_t distance = anchor == kNull32 ? 0 : std::abs(anchor - ord.effective.days());
      if (best < 0 || distance < best_distance) {
        best = o;
        best_distance = distance;
      }
    }
    if (best < 0) continue;
    order_of_correction_[static_cast<size_t>(r)] = best;
    Order& ord = orders_[static_cast<size_t>(best)];
    if (ord.correction < 0 || best_distance < ord.distance) {
      ord.correction = r;
      ord.distance = best_distance;
    }
  }
}

std::optional<Date> CommunityRun::DeathOf(int32_t person) const {
  if (person == kNull32 || static_cast<size_t>(person) >= p_.row_of.size()) return std::nullopt;
  const int32_t row = p_.row_of[person];
  if (row < 0) return std::nullopt;
  const int32_t id = p_.id_number[row];
  if (id == kNull32) return std::nullopt;
  const int32_t d = death_by_id_number_[static_cast<size_t>(id)];
  if (d == kNull32) return std::nullopt;
  return Date::FromDays(d);
}

int32_t CommunityRun::ReportedOf(int32_t correction) const {
  int32_t d = reported_date_[correction];
  if (d == kNull32) d = first_reported_event_[static_cast<size_t>(correction)];
  if (d == kNull32 || d > ctx_.as_of_date.days()) return kNull32;
  return d;
}

int32_t CommunityRun::CountyOffice(int32_t person) const {
  if (person == kNull32 || static_cast<size_t>(person) >= p_.row_of.size()) return kNull32;
  const int32_t row = p_.row_of[person];
  if (row < 0) return kNull32;
  const int32_t region = p_.region[row];
  auto it = office_by_region_.find(region);
  return it == office_by_region_.end() ? kNull32 : it->second;
}

// ---------------------------------------------------------------------------------------
// M13 社区矫正漏管

void CommunityRun::RunM13(PassOutput& out) const {
  const Frame& sentences = data_.Table("sentences");
  const Frame& changes = data_.Table("term_changes");
  const Frame& corrections = data_.Table("corrections");
  const IdDict& org_ids = data_.Ids("orgs");
  const auto change_type = changes.I32("change_type");
  const auto change_decided = changes.I32("decision_date");
  const int revoke_probation = CodeIndex(changes, "change_type", "revoke_probation");
  const int revoke_parole = CodeIndex(changes, "change_type", "revoke_parole");
  const int recommit = CodeIndex(changes, "change_type", "recommit");
  const Date as_of = ctx_.as_of_date;

  for (const Order& ord : orders_) {
    const law::Deadline deadline = law::ReportDeadline(ord.effective);
    if (as_of <= deadline.date) continue;  // the period has not run out yet
    const int32_t reported = ord.correction >= 0 ? ReportedOf(ord.correction) : kNull32;
    if (reported != kNull32 && reported <= deadline.date.days()) continue;
    if (reported == kNull32) {
      // Nobody has to report once dead, or once the order was revoked (撤销缓刑、撤销假释、
      // 收监执行) before the period ran out.
      const std::optional<Date> death = DeathOf(ord.person);
      if (death && *death <= deadline.date) continue;
      const int cancel = ord.kind == Kind::kSentence ? revoke_probation
                         : ord.kind == Kind::kParole ? revoke_parole
                                                     : recommit;
      bool cancelled = false;
      for (int32_t c : changes_by_sentence_.rows(ord.sentence)) {
        if (change_type[c] == cancel && change_decided[c] != kNull32 &&
            change_decided[c] >= ord.effective.days() &&
            change_decided[c] <= deadline.date.days()) {
          cancelled = true;
        }
      }
      if (cancelled) continue;
    }

    Finding f;
    f.model = kM13;
    std::string order_words;
    int32_t fallback_org = kNull32;
    if (ord.kind == Kind::kSentence) {
      f.key = {{"sentence_id", std::string(sentences.IdText("sentence_id", ord.row))}};
      const bool suspended = sentences.I32("probation_months")[ord.row] != kNull32;
      order_words =
          std::string("判决于") + DateText(ord.effective) + "生效，" +
          (suspended ? "宣告缓刑" : "判处" + std::string(PenaltyWords(sentences, ord.row)));
      fallback_org = sentences.I32("court_org_id")[ord.row];
    } else {
      f.key = {{"change_id", std::string(changes.IdText("change_id", ord.row))}};
      order_words = std::string(ord.kind == Kind::kParole ? "假释裁定于" : "暂予监外执行决定于") +
                    DateText(ord.effective) + "生效";
      fallback_org = changes.I32("deciding_org_id")[ord.row];
    }
    f.person_id = std::string(data_.Ids("persons").Text(ord.person));
    int32_t org = ord.correction >= 0 ? corrections.I32("office_org_id")[ord.correction]
                                      : CountyOffice(ord.person);
    if (org == kNull32) org = fallback_org;
    f.org_id = org == kNull32 ? "" : std::string(org_ids.Text(org));
    f.severity = Severity::kHigh;
    f.facts = {{"effective_date", DateText(ord.effective)},
               {"report_period", deadline.period.ToChinese()},
               {"report_deadline", DateText(deadline.date)}};
    const std::string period = deadline.period.ToChinese();
    if (ord.correction < 0) {
      f.summary = order_words + "，至今无社区矫正档案（应于" + DateText(deadline.date) + "前报到）";
      f.facts["correction"] = nullptr;
      f.facts["days_overdue"] = as_of - deadline.date;
    } else {
      f.facts["correction_id"] = std::string(corrections.IdText("correction_id", ord.correction));
      if (reported != kNull32) {
        const Date day = Date::FromDays(reported);
        const int late = day - deadline.date;
        f.summary = order_words + "，社区矫正对象于" + DateText(day) + "才报到，超过" + period +
                    "报到期限" + std::to_string(late) + "日";
        f.facts["reported_date"] = DateText(day);
        f.facts["days_late"] = late;
      } else {
        const int late = as_of - deadline.date;
        f.summary = order_words + "，社区矫正对象至今未报到，已超过" + period + "报到期限" +
                    std::to_string(late) + "日";
        f.facts["reported_date"] = nullptr;
        f.facts["days_overdue"] = late;
      }
    }
    f.basis = {std::string(deadline.rule)};
    if (ord.kind == Kind::kTempRelease) f.basis.push_back("JX-ZJ-07");
    out.Emit(std::move(f));
  }
  out.Scanned(kM13, static_cast<int64_t>(orders_.size()) + corrections.rows());
}

// ---------------------------------------------------------------------------------------
// M17 矫正期限错误

law::Case CommunityRun::CaseOf(int32_t sentence_row, int32_t change_row, int* change_index) const {
  const Frame& sentences = data_.Table("sentences");
  const Frame& changes = data_.Table("term_changes");
  const int32_t r = sentence_row;
  auto date = [](std::span<const int32_t> col, int32_t row) { return DateAt(col, row); };
  law::Case c;
  c.as_of = ctx_.as_of_date;
  const int32_t person = s_.person[r];
  c.person.id = std::string(data_.Ids("persons").Text(person));

  law::Sentence& s = c.sentence;
  s.id = std::string(sentences.IdText("sentence_id", r));
  if (s_.penalty[r] != kNull32 && penalty_of_code_[static_cast<size_t>(s_.penalty[r])]) {
    s.penalty = *penalty_of_code_[static_cast<size_t>(s_.penalty[r])];
  }
  s.term_months = s_.term[r] == kNull32 ? 0 : s_.term[r];
  if (s_.probation[r] != kNull32) s.probation_months = s_.probation[r];
  s.effective_date = Date::FromDays(s_.effective[r]);
  s.judgment_date = date(s_.judgment, r).value_or(s.effective_date);
  s.term_start = date(s_.start, r);
  // 管制 is executed in the community from the day the judgment is executed: with no printed
  // start, that is the day it took effect.
  if (!s.term_start && s.penalty == law::Penalty::kSurveillance) s.term_start = s.effective_date;
  s.term_end = date(s_.end, r);
  s.custody_credit_days = s_.credit[r] == kNull32 ? 0 : s_.credit[r];

  for (int32_t x : changes_by_sentence_.rows(s_.id[r])) {
    const int32_t type = ch_.type[x];
    if (type == kNull32 || !change_type_of_code_[static_cast<size_t>(type)]) continue;
    law::Change ch;
    ch.type = *change_type_of_code_[static_cast<size_t>(type)];
    ch.proposal_date = date(ch_.proposal, x);
    ch.decision_date = date(ch_.decision, x);
    if (!ch.proposal_date && !ch.decision_date) continue;
    ch.id = std::string(changes.IdText("change_id", x));
    ch.effective_date = date(ch_.effective, x);
    if (ch_.months[x] != kNull32) ch.reduction_months = ch_.months[x];
    if (ch_.days[x] != kNull32) ch.reduction_days = ch_.days[x];
    ch.new_term_end = date(ch_.new_end, x);
    if (ch_.new_penalty[x] != kNull32) {
      ch.new_penalty = penalty_of_code_[static_cast<size_t>(ch_.new_penalty[x])];
    }
    if (ch_.new_months[x] != kNull32) ch.new_term_months = ch_.new_months[x];
    if (x == change_row) *change_index = static_cast<int>(c.changes.size());
    c.changes.push_back(std::move(ch));
  }

  // The person's custody events that belong to this sentence: each event goes to the
  // sentence with the latest effective date on or before it (the first sentence for
  // earlier events), as models/law_cases.h assigns them.
  const std::span<const int32_t> own = sentences_by_person_.rows(person);
  for (int32_t e : custody_by_person_.rows(person)) {
    const int32_t day = ev_.date[e];
    if (ev_.event[e] == kNull32 || day == kNull32) continue;
    int32_t target = -1, target_eff = 0, first = -1, first_eff = 0;
    for (int32_t o : own) {
      const int32_t oe = s_.effective[o];
      if (oe == kNull32) continue;
      if (first < 0 || oe < first_eff) {
        first = o;
        first_eff = oe;
      }
      if (oe <= day && (target < 0 || oe >= target_eff)) {
        target = o;
        target_eff = oe;
      }
    }
    if (target < 0) target = first;
    if (target != r) continue;
    const auto kind = custody_kind_of_code_[static_cast<size_t>(ev_.event[e])];
    if (!kind) continue;
    law::CustodyEvent ce;
    ce.date = Date::FromDays(day);
    ce.kind = *kind;
    const int32_t facility = ev_.facility[e];
    ce.facility = facility == kNull32 ? law::FacilityKind::kOther
                                      : facility_kind_[static_cast<size_t>(facility)];
    c.custody.push_back(ce);
  }
  return c;
}

void CommunityRun::RunM17(PassOutput& out) const {
  const Frame& corrections = data_.Table("corrections");
  const Frame& sentences = data_.Table("sentences");
  const Frame& changes = data_.Table("term_changes");
  const IdDict& org_ids = data_.Ids("orgs");
  const auto sentence_row_of = sentences.RowOfKey();
  const auto c_sentence = corrections.I32("sentence_id");
  const auto c_type = corrections.I32("correction_type");
  const auto c_end = corrections.I32("end_date");
  const auto c_status = corrections.I32("status");
  const auto c_office = corrections.I32("office_org_id");
  const int revoked = CodeIndex(corrections, "status", "revoked");
  const int dead = CodeIndex(corrections, "status", "dead");
  const int parole = CodeIndex(corrections, "correction_type", "parole");
  const int temp = CodeIndex(corrections, "correction_type", "temp_release");
  const auto s_probation = sentences.I32("probation_months");
  const auto s_eff = sentences.I32("effective_date");
  const auto s_penalty = sentences.I32("penalty");
  const auto s_term = sentences.I32("term_months");
  const int surveillance = CodeIndex(sentences, "penalty", "surveillance");
  const auto ch_type = changes.I32("change_type");
  const auto ch_decided = changes.I32("decision_date");
  const int recommit = CodeIndex(changes, "change_type", "recommit");

  int64_t scanned = 0;
  for (int32_t r = 0; r < corrections.rows(); ++r) {
    if (c_end[r] == kNull32 || c_type[r] == kNull32) continue;
    if (c_status[r] == revoked || c_status[r] == dead) continue;  // ended early by law
    const int32_t sid = c_sentence[r];
    if (sid == kNull32 || static_cast<size_t>(sid) >= sentence_row_of.size()) continue;
    const int32_t srow = sentence_row_of[sid];
    if (srow < 0 || s_eff[srow] == kNull32) continue;
    ++scanned;
    const Date stated = Date::FromDays(c_end[r]);

    std::optional<Date> computed;
    std::string rule, summary_head;
    nlohmann::json facts = nlohmann::json::object();
    const int32_t ord_index = order_of_correction_[static_cast<size_t>(r)];
    if (c_type[r] == parole) {
      // JX-TERM-07: the law engine compares the record's end with the unexecuted remainder
      // (life: 10 years) when the parole change carries it as its probation end.
      if (ord_index < 0) continue;
      const Order& ord = orders_[static_cast<size_t>(ord_index)];
      int index = -1;
      law::Case c = CaseOf(srow, ord.row, &index);
      if (index < 0) continue;
      c.changes[static_cast<size_t>(index)].probation_end = stated;
      const law::Judgment j = law::Judge(c);
      bool life_parole = false;
      for (const law::ChangeJudgment& cj : j.changes) {
        if (cj.change != index) continue;
        life_parole = !cj.term_end_before.has_value();
        for (const law::Finding& lf : cj.findings) {
          if (lf.msg != law::Msg::kParoleProbationEnd) continue;
          if (const law::Value* v = lf.Find("computed_probation_end")) {
            computed = Date::FromDays(static_cast<int32_t>(v->v));
          }
        }
      }
      if (!computed) continue;
      rule = "JX-TERM-07";
      facts["decision_effective_date"] = DateText(ord.effective);
      facts["change_id"] = std::string(changes.IdText("change_id", ord.row));
      // No fixed term end before the parole: a life sentence, whose probation is 10 years.
      summary_head = life_parole ? "无期徒刑假释考验期为" +
                                       law::P(law::N::kLifeParoleProbation).ToChinese() +
                                       "，自假释之日起算应至"
                                 : "假释考验期为没有执行完毕的刑期，应至";
    } else if (c_type[r] == temp || s_penalty[srow] == surveillance) {
      // Until the term ends (管制: the term with its custody credit, JX-TERM-03).
      if (c_type[r] == temp) {
        // A temporary release ended by 收监 has its own end; nothing to compare.
        const int32_t since =
            ord_index >= 0 ? orders_[static_cast<size_t>(ord_index)].effective.days() : s_eff[srow];
        bool recommitted = false;
        for (int32_t ch : changes_by_sentence_.rows(sid)) {
          if (ch_type[ch] == recommit && ch_decided[ch] != kNull32 && ch_decided[ch] >= since) {
            recommitted = true;
          }
        }
        if (recommitted) continue;
      }
      int index = -1;
      const law::Judgment j = law::Judge(CaseOf(srow, -1, &index));
      if (!j.release_due) continue;
      computed = j.release_due;
      if (c_type[r] == temp) {
        rule = "JX-CONV-01";
        summary_head = "暂予监外执行至刑期届满，刑期应至";
        if (ord_index >= 0) {
          const Order& ord = orders_[static_cast<size_t>(ord_index)];
          facts["decision_effective_date"] = DateText(ord.effective);
          facts["change_id"] = std::string(changes.IdText("change_id", ord.row));
        }
      } else {
        rule = "JX-CONV-01";
        const int32_t t = s_term[srow];
        summary_head = "判处管制" + (t == kNull32 ? std::string() : Period::Months(t).ToChinese()) +
                       "，刑期应至";
        facts["decision_effective_date"] = DateText(Date::FromDays(s_eff[srow]));
        if (t != kNull32) facts["term_months"] = t;
      }
      if (j.computed_term_end) facts["judged_term_end"] = DateText(*j.computed_term_end);
    } else if (s_probation[srow] != kNull32) {
      // JX-TERM-06: the probation runs from the day the judgment took effect (判决确定之日).
      const Date e = Date::FromDays(s_eff[srow]);
      const int32_t pm = s_probation[srow];
      computed = TermEnd(e, Period::Months(pm));
      rule = "JX-TERM-06";
      summary_head = "缓刑考验期" + Period::Months(pm).ToChinese() + "，自判决生效之日" +
                     DateText(e) + "起算应至";
      facts["decision_effective_date"] = DateText(e);
      facts["probation_months"] = pm;
    } else {
      continue;
    }

    const int32_t diff = stated - *computed;
    const int32_t office = c_office[r];
    const int64_t tolerance = ctx_.params->Int(kM17, "tolerance_days", office);
    if (std::abs(diff) <= tolerance) continue;
    Finding f;
    f.model = kM17;
    f.key = {{"correction_id", std::string(corrections.IdText("correction_id", r))}};
    f.person_id = std::string(corrections.IdText("person_id", r));
    f.org_id = office == kNull32 ? "" : std::string(org_ids.Text(office));
    f.severity = Severity::kHigh;
    f.summary = summary_head + DateText(*computed) + "止，矫正档案记载至" + DateText(stated) +
                "止，" + (diff > 0 ? "多" : "少") + std::to_string(std::abs(diff)) + "日";
    facts["correction_type"] =
        std::string(corrections.Codes("correction_type").codes[c_type[r]].code);
    facts["stated_end"] = DateText(stated);
    facts["computed_end"] = DateText(*computed);
    facts["difference_days"] = diff;
    f.facts = std::move(facts);
    f.basis = {rule};
    if (rule == "JX-CONV-01" && c_type[r] != temp) f.basis.push_back("JX-TERM-03");
    if (tolerance > 0) f.basis.push_back("PARAM:tolerance_days");
    out.Emit(std::move(f));
  }
  out.Scanned(kM17, scanned);
}

// ---------------------------------------------------------------------------------------
// M18 死亡未销案

// Where a dead person is still listed.
struct Listing {
  enum class Where : uint8_t { kCustody, kDetention, kTempRelease, kCorrection };
  Where where;
  int32_t org = kNull32;
  int32_t row = -1;  // custody_events, detentions or corrections row
  Date since;        // the listing's own date (admission, stage start), if known
  bool has_since = false;
};

// Order of custody events within one day: leaving the old facility, entering the new one,
// then the events that end custody.
int EventRank(law::CustodyEventKind k) {
  switch (k) {
    case law::CustodyEventKind::kTransferredOut:
      return 0;
    case law::CustodyEventKind::kAdmitted:
    case law::CustodyEventKind::kTransferredIn:
    case law::CustodyEventKind::kRecaptured:
      return 1;
    default:
      return 2;
  }
}

bool Holds(law::CustodyEventKind k) { return EventRank(k) == 1; }

void CommunityRun::RunM18(PassOutput& out) const {
  const Frame& persons = data_.Table("persons");
  const Frame& deaths = data_.Table("deaths");
  const Frame& corrections = data_.Table("corrections");
  const Frame& events = data_.Table("custody_events");
  const Frame& detentions = data_.Table("detentions");
  const IdDict& org_ids = data_.Ids("orgs");
  const Date as_of = ctx_.as_of_date;

  const auto death_row_of = deaths.RowOfKey();
  const auto death_source = deaths.I32("source_org_id");
  const auto p_id = persons.I32("person_id");
  const auto p_idnum = persons.I32("id_number");
  const int32_t person_count = data_.Ids("persons").size();
  const Groups corrections_by_person(corrections.I32("person_id"), person_count);
  const Groups detentions_by_person(detentions.I32("person_id"), person_count);
  const auto c_status = corrections.I32("status");
  const auto c_type = corrections.I32("correction_type");
  const auto c_office = corrections.I32("office_org_id");
  const int active = CodeIndex(corrections, "status", "active");
  const int absconded = CodeIndex(corrections, "status", "absconded");
  const int temp = CodeIndex(corrections, "correction_type", "temp_release");
  const auto e_event = events.I32("event");
  const auto e_day = events.I32("date");
  const auto e_facility = events.I32("facility_org_id");
  const auto d_start = detentions.I32("stage_start");
  const auto d_released = detentions.I32("released_date");
  const auto d_facility = detentions.I32("facility_org_id");
  const Frame& orgs = data_.Table("orgs");
  const auto org_row_of = orgs.RowOfKey();

  int64_t scanned = 0;
  for (int32_t pr = 0; pr < persons.rows(); ++pr) {
    const int32_t idnum = p_idnum[pr];
    if (idnum == kNull32 || death_by_id_number_[static_cast<size_t>(idnum)] == kNull32) continue;
    ++scanned;
    const Date death = Date::FromDays(death_by_id_number_[static_cast<size_t>(idnum)]);
    const int32_t person = p_id[pr];
    if (death > as_of) continue;

    std::vector<Listing> listings;
    // Custody: the last event (by day, then within the day as EventRank says, then store
    // order) admits or transfers in.
    int32_t last = -1;
    int last_rank = 0;
    for (int32_t e : custody_by_person_.rows(person)) {
      if (e_event[e] == kNull32 || e_day[e] == kNull32) continue;
      const auto kind = custody_kind_of_code_[static_cast<size_t>(e_event[e])];
      if (!kind) continue;
      const int rank = EventRank(*kind);
      if (last < 0 || e_day[e] > e_day[last] || (e_day[e] == e_day[last] && rank >= last_rank)) {
        last = e;
        last_rank = rank;
      }
    }
    if (last >= 0 && Holds(*custody_kind_of_code_[static_cast<size_t>(e_event[last])])) {
      listings.push_back(
          {Listing::Where::kCustody, e_facility[last], last, Date::FromDays(e_day[last]), true});
    }
    // Detention centre: the latest stage has no release.
    int32_t stage = -1;
    for (int32_t d : detentions_by_person.rows(person)) {
      if (d_start[d] == kNull32) continue;
      if (stage < 0 || d_start[d] >= d_start[stage]) stage = d;
    }
    if (stage >= 0 && d_released[stage] == kNull32) {
      const bool same = !listings.empty() && listings.front().org == d_facility[stage];
      if (!same) {
        listings.push_back({Listing::Where::kDetention, d_facility[stage], stage,
                            Date::FromDays(d_start[stage]), true});
      }
    }
    // Community correction (incl. temporary release) still active or absconded.
    for (int32_t c : corrections_by_person.rows(person)) {
      if (c_status[c] != active && c_status[c] != absconded) continue;
      listings.push_back(
          {c_type[c] == temp ? Listing::Where::kTempRelease : Listing::Where::kCorrection,
           c_office[c], c, Date(), false});
    }
    if (listings.empty()) continue;

    const Listing& main = listings.front();
    const int64_t grace =
        ctx_.params->Int(kM18, "grace_days", main.org);
    if (as_of - death <= grace) continue;
    Finding f;
    f.model = kM18;
    f.key = {{"person_id", std::string(persons.IdText("person_id", pr))}};
    f.person_id = f.key[0].second;
    f.org_id = main.org == kNull32 ? "" : std::string(org_ids.Text(main.org));
    f.severity = Severity::kHigh;

    std::string source_words = "死亡信息";
    const int32_t drow = death_row_of[idnum];
    std::string source_org;
    if (drow >= 0 && death_source[drow] != kNull32) {
      source_org = std::string(org_ids.Text(death_source[drow]));
      const int32_t orow = org_row_of[death_source[drow]];
      if (orow >= 0 && orgs.I32("org_type")[orow] != kNull32) {
        const std::string_view type = orgs.Codes("org_type").codes[orgs.I32("org_type")[orow]].code;
        if (type == "police") source_words = "公安机关";
        if (type == "hospital") source_words = "医疗机构";
      }
    }
    nlohmann::json where = nlohmann::json::array();
    std::string listed_words;
    for (const Listing& l : listings) {
      nlohmann::json item = nlohmann::json::object();
      item["org_id"] = l.org == kNull32 ? "" : std::string(org_ids.Text(l.org));
      std::string words, basis;
      switch (l.where) {
        case Listing::Where::kCustody: {
          const bool prison = l.org != kNull32 && facility_kind_[static_cast<size_t>(l.org)] ==
                                                      law::FacilityKind::kPrison;
          words = prison ? "监狱仍列为在押罪犯" : "监管场所仍列为在押人员";
          item["listed_as"] = "在押";
          item["event_id"] = std::string(events.IdText("event_id", l.row));
          item["event"] = std::string(events.Codes("event").codes[e_event[l.row]].code);
          basis = "JX-KSS-01";
          break;
        }
        case Listing::Where::kDetention:
          words = "看守所仍列为在押人员";
          item["listed_as"] = "在所羁押";
          item["detention_id"] = std::string(detentions.IdText("detention_id", l.row));
          basis = "JX-KSS-01";
          break;
        case Listing::Where::kTempRelease:
          words = "仍列为暂予监外执行罪犯";
          item["listed_as"] = "暂予监外执行";
          item["correction_id"] = std::string(corrections.IdText("correction_id", l.row));
          basis = "JX-ZJ-11";
          break;
        case Listing::Where::kCorrection:
          words = c_status[l.row] == absconded ? "仍在社区矫正名单中（脱管）"
                                               : "仍在社区矫正在矫名单中";
          item["listed_as"] = "在矫";
          item["correction_id"] = std::string(corrections.IdText("correction_id", l.row));
          basis = "JX-CC-15";
          break;
      }
      if (l.has_since) item["since"] = DateText(l.since);
      if (std::find(f.basis.begin(), f.basis.end(), basis) == f.basis.end()) {
        f.basis.push_back(basis);
      }
      listed_words += (listed_words.empty() ? "" : "，") + words;
      where.push_back(std::move(item));
    }
    f.summary = source_words + "记录该人已于" + DateText(death) + "死亡，" + listed_words;
    f.facts = {{"date_of_death", DateText(death)},
               {"days_since_death", as_of - death},
               {"still_listed", std::move(where)}};
    if (!source_org.empty()) f.facts["death_source_org_id"] = source_org;
    out.Emit(std::move(f));
  }
  out.Scanned(kM18, scanned);
}

class CommunityPassImpl final : public Pass {
 public:
  std::string_view name() const override { return "community"; }
  std::span<const ModelSpec* const> models() const override { return kModels; }
  Result<std::unique_ptr<PassRun>> Start(const RunContext& ctx) const override {
    auto run = std::make_unique<CommunityRun>(ctx);
    ZJ_RETURN_IF_ERROR(run->Prepare());
    return std::unique_ptr<PassRun>(std::move(run));
  }
};

}  // namespace

const Pass& CommunityPass() {
  static const CommunityPassImpl kPass;
  return kPass;
}

}  // namespace zj::models
