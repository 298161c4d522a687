#pragma once
// Hand-written cases as JSON: the golden corpus (tests/golden/law/<RULE-ID>.json) and
// `zhijian law check <file.json>`. The schema is documented in docs/law.md §案例文件格式;
// in short:
//
//   {"rule": "JX-START-01",                       // golden files only
//    "cases": [ {                                  // or a single case object at top level
//      "name": "…", "as_of": "2026-06-30",
//      "person":   {"id", "gender": "M"|"F", "birth_date"},
//      "sentence": {"id", "penalty", "term_months", "probation_months", "judgment_date",
//                   "effective_date", "term_start", "term_end", "custody_credit_days",
//                   "categories": [...], "crimes": [...], "life_without_parole",
//                   "pretrial": {"custody_days", "liuzhi_days", "rsdl_days"}},
//      "delivery_date": "…",                       // = custody [{"event":"admitted", …}]
//      "delivery_facility": "prison"|"detention_center",
//      "custody":  [{"event", "date", "facility"}],
//      "changes":  [{"id", "type", "basis", "proposal_date", "decision_date",
//                    "effective_date", "reduction_months", "reduction_days", "new_term_end",
//                    "new_penalty", "new_term_months", "probation_end", "opinion",
//                    "opinion_date", "reason_text"}],
//      "property": {"due", "payments": [{"date", "amount"}], "done", "able_to_pay"},
//      "accounts": [{"month": "2025-01", "deposits", "spending", "balance"}],
//      "reviews":  [{"date", "conclusion"}],
//      "new_crimes": [{"effective_date", "penalty"}],
//      "options":  {"restricted_floor_counts_reprieve", "life_start_from_effective",
//                   "ability_spending", "ability_window_months", "recommit_days"},
//      "expect":   {...}                           // see Expectation
//    } ]}
//
// Codes are EXCHANGE v1 codes; money is yuan as a string or number. Unknown keys are
// errors (a typo must not silently drop a fact). Errors are Chinese and name the case and
// the key.
//
// Pure; thread-safe.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "law/facts.h"
#include "law/judge.h"
#include "law/rulebook.h"

namespace zj::law {

// What a golden case expects of one subject (the sentence, or a change by id).
struct SubjectExpectation {
  std::optional<Verdict> verdict;
  // Exactly the rule IDs of the subject's findings that are not `info`; unset = unchecked.
  std::optional<std::vector<std::string>> rules;
  // Rule IDs that must appear among the `info` findings.
  std::vector<std::string> info;
  // name → expected value in ValueToJson form, searched in the subject's findings.
  std::map<std::string, std::string> values;
};

struct Expectation {
  std::optional<Verdict> verdict;  // overall
  std::optional<SubjectExpectation> sentence;
  std::map<std::string, SubjectExpectation> changes;  // by change id
  std::optional<std::string> term_end;                 // current_term_end, "YYYY-MM-DD"
  std::optional<std::string> release_due;
  // Eligibility: "commutation" / "parole" → status code; "*_from" → date; "commutation_cap".
  std::map<std::string, std::string> eligibility;
};

struct CaseSpec {
  std::string name;
  Case facts;
  Options options;
  std::optional<Expectation> expect;
};

struct CaseFile {
  std::string rule;  // the "rule" key of a golden file, empty otherwise
  std::vector<CaseSpec> cases;
};

// Parses a file's text. `source` names it in error messages.
Result<CaseFile> ParseCaseFile(std::string_view json_text, std::string_view source);

// Compares a judgment with the expectation; returns one Chinese line per mismatch
// (empty = as expected).
std::vector<std::string> CheckExpectation(const CaseSpec& spec, const Judgment& j);

}  // namespace zj::law
