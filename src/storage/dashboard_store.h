#pragma once
// Aggregates for the home page (首页) and the indicator pickers: open clues by region, model
// and supervised org, the clue trend by month, open deadlines, the months that hold data, and
// the org tree (flat) — each limited by an OrgScope bound in SQL (storage/scope.h).
//
// An open clue (待办线索) is one still `open` in the data whose triage awaits a decision:
// no triage row yet (待分派) or assigned / verifying / verified. Dismissed, merged and promoted
// clues are no longer open (kOpenClueTriageStates; the clue list filter
// ?status=open&triage=new,assigned,verifying,verified gives the same clues).
//
// Not thread-safe: uses one Database.

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "storage/case_store.h"
#include "storage/database.h"
#include "storage/scope.h"

namespace zj::storage {

inline constexpr std::array<std::string_view, 4> kOpenClueTriageStates = {"new", "assigned",
                                                                          "verifying", "verified"};

// Open clues counted by the region_code of the clue's org ("" when the org has none), by code.
Result<std::vector<std::pair<std::string, int64_t>>> OpenCluesByRegion(Database& db,
                                                                       const OrgScope& scope);

// Open clues created in [t0, t1) (instants): of the clues found in a period, those still open.
Result<int64_t> CountOpenCluesCreated(Database& db, const OrgScope& scope, Timestamp t0,
                                      Timestamp t1);

struct ModelClueCount {
  std::string model;
  int64_t open = 0;
  int64_t total = 0;  // every clue of the model, whatever its state
};
// Per model that has clues in scope, by model id.
Result<std::vector<ModelClueCount>> CluesByModel(Database& db, const OrgScope& scope);

struct OrgClueCount {
  OrgBrief org;
  int64_t open = 0;
};
// The `limit` orgs with the most open clues (ties by org_id); orgs with none are left out.
Result<std::vector<OrgClueCount>> OpenCluesByOrg(Database& db, const OrgScope& scope,
                                                 int64_t limit);

struct PeriodCount {
  int64_t found = 0;     // clues created in the period
  int64_t resolved = 0;  // clues that stopped being open in the period
};
// For the periods [bounds[i], bounds[i+1]) (instants, ascending; at least two bounds): clues
// created, and clues resolved — dismissed or merged (the triage decision's time), promoted to a
// case that has been closed (the Beijing start of the closing day), or resolved by the data
// (the run that no longer found them) — in each period.
Result<std::vector<PeriodCount>> ClueTrend(Database& db, const OrgScope& scope,
                                           std::span<const Timestamp> bounds);

struct DeadlineCounts {
  int64_t overdue = 0;   // open and due before `today`
  int64_t due_soon = 0;  // open and due from `today` to `due_by`
};
// Open deadlines (not met, not cancelled) of cases in scope.
Result<DeadlineCounts> CountOpenDeadlines(Database& db, const OrgScope& scope, Date today,
                                          Date due_by);

// For the periods [bounds[i], bounds[i+1]) (instants, ascending): how many clues were created,
// cases accepted and documents issued in each (accepted_on / issued_on taken at the Beijing
// start of the day) — the casework "data" of a month.
Result<std::vector<int64_t>> CaseworkActivity(Database& db, const OrgScope& scope,
                                              std::span<const Timestamp> bounds);

// The orgs in scope (every org for OrgScope::All), by org_id.
Result<std::vector<OrgBrief>> OrgsInScope(Database& db, const OrgScope& scope);

struct OrgUsers {
  OrgBrief org;
  int64_t users = 0;  // accounts of the org, disabled ones included
};
// Every org with its number of user accounts, by org_id (system administration: accounts are
// not casework and not limited by jurisdiction).
Result<std::vector<OrgUsers>> OrgsWithUserCounts(Database& db);

}  // namespace zj::storage
