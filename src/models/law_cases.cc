#include "models/law_cases.h"

#include <algorithm>
#include <memory>
#include <span>
#include <string>
#include <tuple>
#include <utility>

#include "domain/exchange_tables.h"
#include "models/law_codes.h"
#include "storage/exchange_reader.h"

namespace zj::models {
namespace {

using storage::ScanSpec;
using storage::TableScan;

// One person's rows of every table a case needs, as read.
struct PersonRows {
  struct PropertyCase {
    std::string exec_id, sentence_id;
    int64_t due_fen = 0;
    bool done = false;
  };
  std::string person_id;
  law::Person person;
  std::vector<law::Sentence> sentences;
  std::vector<std::pair<std::string, law::Change>> changes;  // (sentence_id, change)
  std::vector<law::CustodyEvent> events;                     // store order
  std::vector<PropertyCase> cases;
  std::vector<std::pair<std::string, law::Payment>> payments;  // (exec_id, payment)
  bool need_accounts = false;
  std::vector<law::AccountMonth> accounts;
  std::vector<law::MedicalReview> reviews;

  void Clear() {
    person_id.clear();
    person = {};
    sentences.clear();
    changes.clear();
    events.clear();
    cases.clear();
    payments.clear();
    need_accounts = false;
    accounts.clear();
    reviews.clear();
  }
};

int OptInt(const TableScan& s, int col) { return static_cast<int>(s.OptInt(col).value_or(0)); }

std::optional<int> OptIntValue(const TableScan& s, int col) {
  if (s.IsNull(col)) return std::nullopt;
  return static_cast<int>(s.Int(col));
}

template <typename F>
void ForEachListItem(std::string_view list, F&& fn) {
  while (!list.empty()) {
    const size_t semi = list.find(';');
    const std::string_view item = list.substr(0, semi);
    if (!item.empty()) fn(item);
    if (semi == std::string_view::npos) break;
    list.remove_prefix(semi + 1);
  }
}

// ---- one table each: the columns read (column 0 is the person key) and the decoding ----

// kAfterCases: read once the cases are built, which say whether the rows are kept.
enum class Stage : uint8_t { kDriver, kRows, kAfterCases };

struct TableReader {
  ScanSpec spec;
  void (*decode)(const TableScan& s, PersonRows& rows);
  Stage stage = Stage::kRows;
};

void DecodePerson(const TableScan& s, PersonRows& r) {
  r.person.id = std::string(s.Text(0));
  if (!s.IsNull(1)) r.person.gender = GenderFromCode(s.Text(1)).value_or(law::Gender::kUnknown);
  r.person.birth_date = s.OptDate(2);
}

void DecodeSentence(const TableScan& s, PersonRows& r) {
  law::Sentence x;
  x.id = std::string(s.Text(1));
  x.penalty = PenaltyFromCode(s.Text(2)).value_or(law::Penalty::kFixedTerm);
  x.term_months = OptInt(s, 3);
  x.probation_months = OptIntValue(s, 4);
  x.effective_date = *s.OptDate(6);
  x.judgment_date = s.OptDate(5).value_or(x.effective_date);
  x.term_start = s.OptDate(7);
  x.term_end = s.OptDate(8);
  x.custody_credit_days = OptInt(s, 9);
  ForEachListItem(s.Text(10), [&](std::string_view code) {
    if (auto c = CategoryFromCode(code)) x.categories.Set(*c);
  });
  ForEachListItem(s.Text(11), [&](std::string_view crime) { x.crimes.emplace_back(crime); });
  // 罚金 + 没收财产 + 退赔 as judged; 没收全部财产 has no amount.
  for (int col : {12, 13, 14}) {
    const int64_t fen = s.OptInt(col).value_or(0);
    if (fen > 0) x.property_due_fen += fen;
  }
  r.sentences.push_back(std::move(x));
}

void DecodeChange(const TableScan& s, PersonRows& r) {
  law::Change c;
  c.id = std::string(s.Text(2));
  c.type = ChangeTypeFromCode(s.Text(3)).value_or(law::ChangeType::kCommutation);
  if (!s.IsNull(4)) c.basis = BasisFromCode(s.Text(4)).value_or(law::Basis::kNone);
  c.proposal_date = s.OptDate(5);
  c.decision_date = s.OptDate(6);
  c.effective_date = s.OptDate(7);
  c.reduction_months = OptIntValue(s, 8);
  c.reduction_days = OptIntValue(s, 9);
  c.new_term_end = s.OptDate(10);
  if (!s.IsNull(11)) c.new_penalty = PenaltyFromCode(s.Text(11));
  c.new_term_months = OptIntValue(s, 12);
  c.probation_end = s.OptDate(13);
  if (!s.IsNull(14)) c.reason_text = std::string(s.Text(14));
  if (!s.IsNull(15)) c.opinion = OpinionFromCode(s.Text(15)).value_or(law::Opinion::kNone);
  c.opinion_date = s.OptDate(16);
  r.changes.emplace_back(std::string(s.Text(1)), std::move(c));
}

void DecodeEvent(const TableScan& s, PersonRows& r) {
  law::CustodyEvent e;
  e.kind = CustodyEventFromCode(s.Text(1)).value_or(law::CustodyEventKind::kTransferredOut);
  e.date = *s.OptDate(2);
  e.facility = FacilityFromOrgType(s.Text(3));
  r.events.push_back(e);
}

void DecodePropertyCase(const TableScan& s, PersonRows& r) {
  r.cases.push_back({std::string(s.Text(1)), std::string(s.Text(2)), s.OptInt(3).value_or(0),
                     s.Text(4) == "done"});
}

void DecodePayment(const TableScan& s, PersonRows& r) {
  r.payments.emplace_back(std::string(s.Text(1)), law::Payment{*s.OptDate(2), s.Int(3)});
}

void DecodeAccount(const TableScan& s, PersonRows& r) {
  if (!r.need_accounts) return;
  r.accounts.push_back({static_cast<int32_t>(s.Int(1)), s.OptInt(2).value_or(0),
                        s.OptInt(3).value_or(0), s.OptInt(4).value_or(0)});
}

void DecodeReview(const TableScan& s, PersonRows& r) {
  law::MedicalReview m;
  m.date = *s.OptDate(1);
  if (!s.IsNull(2)) {
    m.conclusion = ConclusionFromCode(s.Text(2)).value_or(law::MedicalConclusion::kUnknown);
  }
  r.reviews.push_back(m);
}

// Persons drive the merge; accounts are read after the cases that decide whether they are
// needed. Every scan is sorted by its person key, then by row_no (store order), which the
// person_id index gives without a sort.
std::vector<TableReader> Readers() {
  return {
      {{"persons", {"person_id", "gender", "birth_date"}, {"person_id"}, ""},
       DecodePerson,
       Stage::kDriver},
      {{"sentences",
        {"person_id", "sentence_id", "penalty", "term_months", "probation_months", "judgment_date",
         "effective_date", "term_start", "term_end", "custody_credit_days", "categories", "crimes",
         "fine", "confiscation", "restitution"},
        {"person_id", "row_no"},
        ""},
       DecodeSentence},
      {{"term_changes",
        {"person_id", "sentence_id", "change_id", "change_type", "basis", "proposal_date",
         "decision_date", "effective_date", "reduction_months", "reduction_days", "new_term_end",
         "new_penalty", "new_term_months", "probation_end", "reason_text", "procuratorate_opinion",
         "opinion_date"},
        {"person_id", "row_no"},
        ""},
       DecodeChange},
      {{"custody_events",
        {"person_id", "event", "date", "facility_org_id.org_type"},
        {"person_id", "row_no"},
        ""},
       DecodeEvent},
      {{"property_cases",
        {"person_id", "exec_id", "sentence_id", "amount_due", "status"},
        {"person_id", "row_no"},
        ""},
       DecodePropertyCase},
      {{"property_payments",
        {"exec_id.person_id", "exec_id", "date", "amount"},
        {"exec_id.person_id", "row_no"},
        ""},
       DecodePayment},
      {{"accounts",
        {"person_id", "month", "deposits", "spending", "balance"},
        {"person_id", "month"},
        ""},
       DecodeAccount,
       Stage::kAfterCases},
      {{"medical_reviews", {"person_id", "date", "conclusion"}, {"person_id", "row_no"}, ""},
       DecodeReview},
  };
}

// Accounts only matter while a property penalty is unpaid (JX-PROP-03): the engine asks
// on each act date and on as_of, and what was paid only grows, so asking on the earliest
// of those days decides.
bool NeedsAccounts(const law::Case& c) {
  if (!c.property || c.property->due_fen <= 0) return false;
  Date first = c.as_of;
  for (const law::Change& ch : c.changes) {
    if (ch.ActDate()) first = std::min(first, *ch.ActDate());
  }
  int64_t paid = 0;
  for (const law::Payment& p : c.property->payments) {
    if (p.date < first) paid += p.fen;
  }
  return paid < c.property->due_fen;
}

void Assemble(PersonRows& r, Date as_of, std::vector<law::Case>& out) {
  std::stable_sort(r.sentences.begin(), r.sentences.end(),
                   [](const law::Sentence& a, const law::Sentence& b) {
                     return std::tie(a.effective_date, a.id) < std::tie(b.effective_date, b.id);
                   });
  const size_t first = out.size();
  for (law::Sentence& s : r.sentences) {
    law::Case& c = out.emplace_back();
    c.person = r.person;
    c.sentence = std::move(s);
    c.as_of = as_of;
  }
  std::span<law::Case> cases(out.data() + first, out.size() - first);
  if (cases.empty()) return;
  auto find = [&](std::string_view sentence_id) -> law::Case* {
    for (law::Case& c : cases) {
      if (c.sentence.id == sentence_id) return &c;
    }
    return nullptr;
  };
  for (auto& [sid, ch] : r.changes) {
    if (law::Case* c = find(sid)) c->changes.push_back(std::move(ch));
  }
  // Each event to the sentence in force: the latest effective on or before it.
  for (const law::CustodyEvent& e : r.events) {
    law::Case* target = &cases.front();
    for (law::Case& c : cases) {
      if (c.sentence.effective_date <= e.date) target = &c;
    }
    target->custody.push_back(e);
  }
  for (const auto& pc : r.cases) {
    law::Case* c = find(pc.sentence_id);
    if (!c) continue;
    if (!c->property) {
      c->property.emplace();
      c->property->done = true;
    }
    c->property->due_fen += pc.due_fen;
    c->property->done = c->property->done && pc.done;
    for (const auto& [exec_id, pay] : r.payments) {
      if (exec_id == pc.exec_id) c->property->payments.push_back(pay);
    }
  }
  for (law::Case& c : cases) c.reviews = r.reviews;
}

// A reader's scan, positioned on its current row.
struct Cursor {
  std::unique_ptr<TableScan> scan;
  void (*decode)(const TableScan&, PersonRows&) = nullptr;
  Stage stage = Stage::kRows;
  bool has_row = false;

  Status Advance() {
    ZJ_ASSIGN_OR_RETURN(has_row, scan->Next());
    return Status::Ok();
  }
  // Decodes every row of `person` at the cursor, skipping rows of persons before it.
  Status Take(std::string_view person, PersonRows& rows) {
    while (has_row && scan->Text(0) < person) ZJ_RETURN_IF_ERROR(Advance());
    while (has_row && scan->Text(0) == person) {
      decode(*scan, rows);
      ZJ_RETURN_IF_ERROR(Advance());
    }
    return Status::Ok();
  }
};

Result<std::vector<Cursor>> OpenCursors(storage::Database& db, bool one_person) {
  std::vector<Cursor> cursors;
  for (TableReader& r : Readers()) {
    if (one_person) r.spec.where_column = r.spec.columns.front();
    Cursor c;
    ZJ_ASSIGN_OR_RETURN(c.scan, TableScan::Open(db, r.spec));
    c.decode = r.decode;
    c.stage = r.stage;
    cursors.push_back(std::move(c));
  }
  return cursors;
}

// Reads one person's rows from cursors positioned at or before them, and builds the cases;
// the accounts are read last, once the cases say whether they are needed.
Status ReadPerson(std::vector<Cursor>& cursors, std::string_view person, Date as_of,
                  PersonRows& rows, std::vector<law::Case>& cases) {
  for (Cursor& c : cursors) {
    if (c.stage == Stage::kRows) ZJ_RETURN_IF_ERROR(c.Take(person, rows));
  }
  const size_t first = cases.size();
  Assemble(rows, as_of, cases);
  for (size_t i = first; i < cases.size(); ++i) {
    if (NeedsAccounts(cases[i])) rows.need_accounts = true;
  }
  for (Cursor& c : cursors) {
    if (c.stage == Stage::kAfterCases) ZJ_RETURN_IF_ERROR(c.Take(person, rows));
  }
  if (rows.need_accounts) {
    for (size_t i = first; i < cases.size(); ++i) {
      if (NeedsAccounts(cases[i])) cases[i].accounts = rows.accounts;
    }
  }
  return Status::Ok();
}


}  // namespace

Result<std::vector<law::Case>> LoadPersonCases(storage::Database& db, std::string_view person_id,
                                               Date as_of) {
  ZJ_ASSIGN_OR_RETURN(std::vector<Cursor> cursors, OpenCursors(db, /*one_person=*/true));
  storage::Transaction tx(db);
  ZJ_RETURN_IF_ERROR(tx.BeginRead());
  for (Cursor& c : cursors) {
    c.scan->Restart(person_id);
    ZJ_RETURN_IF_ERROR(c.Advance());
  }
  Cursor& persons = cursors.front();  // Readers() puts the driver first
  if (!persons.has_row) {
    return NotFound("没有编号为 " + std::string(person_id) + " 的人员");
  }
  PersonRows rows;
  rows.person_id.assign(person_id);
  ZJ_RETURN_IF_ERROR(persons.Take(person_id, rows));
  std::vector<law::Case> cases;
  ZJ_RETURN_IF_ERROR(ReadPerson(cursors, person_id, as_of, rows, cases));
  cursors.clear();
  ZJ_RETURN_IF_ERROR(tx.Commit());
  return cases;
}

Status ForEachCase(storage::Database& db, Date as_of, const std::function<void(law::Case&)>& fn,
                   ForEachStats* stats) {
  ForEachStats local;
  ForEachStats& st = stats ? *stats : local;
  st = {};
  ZJ_ASSIGN_OR_RETURN(std::vector<Cursor> cursors, OpenCursors(db, /*one_person=*/false));
  storage::Transaction tx(db);
  ZJ_RETURN_IF_ERROR(tx.BeginRead());
  for (Cursor& c : cursors) ZJ_RETURN_IF_ERROR(c.Advance());
  Cursor& persons = cursors.front();  // Readers() puts the driver first
  PersonRows rows;
  std::vector<law::Case> cases;
  while (persons.has_row) {
    rows.Clear();
    rows.person_id.assign(persons.scan->Text(0));
    persons.decode(*persons.scan, rows);
    ZJ_RETURN_IF_ERROR(persons.Advance());
    cases.clear();
    ZJ_RETURN_IF_ERROR(ReadPerson(cursors, rows.person_id, as_of, rows, cases));
    ++st.persons;
    for (law::Case& c : cases) {
      ++st.cases;
      fn(c);
    }
  }
  cursors.clear();
  return tx.Commit();
}

Result<Date> DefaultAsOf(storage::Database& db) {
  ZJ_ASSIGN_OR_RETURN(std::optional<Timestamp> newest, storage::NewestExport(db));
  if (!newest) {
    return FailedPrecondition(
        "数据库中还没有导入任何数据包，无法确定数据截止日期，请用 --as-of 指定");
  }
  return BeijingDate(*newest);
}

}  // namespace zj::models
