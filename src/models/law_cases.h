#pragma once
// law::Case values built from the store: the bridge between the exchange tables and the
// law engine (law/facts.h). One case per sentence (生效判决):
//
//   sentence      ← sentences (penalty, term, dates, categories, crimes, fine + confiscation
//                   + restitution as property_due_fen)
//   changes       ← term_changes of that sentence
//   custody       ← custody_events of the person; facility kind from orgs.org_type
//                   (prison / detention_center / other). A person with several sentences
//                   has each event assigned to the sentence with the latest effective_date
//                   on or before the event (events before every sentence go to the first)
//   property      ← property_cases of the sentence: due = Σ amount_due, their payments,
//                   done = every case `done`; unset when the sentence has no case
//   accounts      ← accounts months of the person, only when the property is still unpaid
//                   on the earliest day the engine asks about it (first act or as_of)
//   reviews       ← medical_reviews of the person
//   person        ← persons (gender, birth_date)
//
// Codes are mapped to the law enums by name; a code the engine does not know (the store
// holds only validated codes, so this means a newer code list) leaves the default.
//
// Two ways in: LoadPersonCases for one person (`zhijian law explain`), and ForEachCase,
// which streams every case of the store: each table is read once, sorted by person_id,
// and the sorted scans are merged, so memory holds one person's rows at a time.
//
// Not thread-safe: uses the Database (one thread). ForEachCase opens its own read
// transaction and must not be called inside one.

#include <functional>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "law/facts.h"
#include "storage/database.h"

namespace zj::models {

// The cases of one person, sentences in effective-date order, judged as of `as_of`.
// Unknown person → kNotFound (Chinese message); a person without sentences → empty.
Result<std::vector<law::Case>> LoadPersonCases(storage::Database& db, std::string_view person_id,
                                               Date as_of);

// Calls `fn` once per sentence in the store, persons in person_id order, each person's
// sentences in effective-date order. The case passed is the callback's to modify or
// move from; it is not used after the call returns.
struct ForEachStats {
  int64_t persons = 0;
  int64_t cases = 0;
};
Status ForEachCase(storage::Database& db, Date as_of, const std::function<void(law::Case&)>& fn,
                   ForEachStats* stats = nullptr);

// The date runs judge the data as of by default: the Beijing calendar day of the newest
// applied batch's exported_at (spec/MODELS.md), never the wall clock. kFailedPrecondition
// when no batch has been applied.
Result<Date> DefaultAsOf(storage::Database& db);

}  // namespace zj::models
