#pragma once
// Clues (线索) and model runs in the store (migrations/sqlite/0003_model_runs_and_clues.sql).
//
// A clue is one finding identified by (model, key) and kept across runs:
//  - RecordRun writes the run record and reconciles the run's findings with the clues of
//    the models it ran, within its scope, in ONE write transaction:
//      new (model, key)                       → clue `open`, history `created`
//      found again, content unchanged         → last_run moves on, no history
//      found again, content changed           → content replaced, history `updated` (with
//                                               the previous summary and facts)
//      found again after resolved_by_data     → `open` again, history `reopened`
//      an `open` clue of a model that ran, in scope, not found
//                                             → `resolved_by_data`, resolved_run = this run,
//                                               history `resolved_by_data`
//    Nothing is ever deleted. Re-running on unchanged data creates no clue and no history.
//  - A trial run (clues_updated = false) records the run and touches no clue.
//
// Not thread-safe: uses one Database.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "storage/database.h"
#include "storage/scope.h"

namespace zj::storage {

struct ClueContent {
  std::string model;
  std::string key;        // canonical JSON
  std::string person_id;  // empty = null
  std::string org_id;
  std::string severity;
  std::string title;
  std::string summary;
  std::string facts;   // JSON
  std::string basis;   // JSON
  std::string window;  // JSON text; "null" or empty = null
};

struct RunRecord {
  Timestamp started_at = 0;
  Timestamp finished_at = 0;
  Timestamp as_of = 0;
  std::string scope_org_id;  // empty = the whole store
  std::string models;        // JSON array
  std::string versions;      // JSON object
  std::string params;        // JSON object
  std::string batches;       // JSON array
  std::string stats;         // JSON object
  bool clues_updated = true;
};

struct ReconcileCounts {
  int64_t created = 0;
  int64_t updated = 0;
  int64_t unchanged = 0;
  int64_t reopened = 0;
  int64_t resolved = 0;
};

struct RecordedRun {
  int64_t run_no = 0;
  ReconcileCounts total;
  std::vector<std::pair<std::string, ReconcileCounts>> per_model;  // in `models` order
};

// Records a run and (when `run.clues_updated`) reconciles `findings` — of `models` only,
// no (model, key) twice — with the stored clues. `in_scope(org_id)` says which existing
// clues the run could have found again (its --org jurisdiction); clues outside it are left
// alone. Duplicate (model, key) in `findings` → kInternal, nothing written.
// `in_transaction`, when set, is called with the new run_no inside the same write
// transaction, after the run is recorded (e.g. the audit row of who asked for the run); an
// error from it rolls everything back.
Result<RecordedRun> RecordRun(
    Database& db, const RunRecord& run, std::span<const std::string> models,
    std::span<const ClueContent> findings,
    const std::function<bool(std::string_view org_id)>& in_scope,
    const std::function<Status(Database&, int64_t run_no)>& in_transaction = {});

struct ClueRow {
  int64_t clue_no = 0;
  ClueContent content;
  std::string status;
  int64_t first_run = 0;
  int64_t last_run = 0;
  std::optional<int64_t> resolved_run;
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
  // Casework (migrations 0005 clue_triage): "" = 待分派 (no triage row yet).
  std::string triage_state;
  std::optional<int64_t> assignee_id;
  int64_t triage_version = 0;
  std::optional<int64_t> case_id;
  std::string person_name;    // persons.name, "" when the clue is about no person
  std::string assignee_name;  // the assignee's users.display_name, "" when unassigned
};

struct ClueFilter {
  std::vector<std::string> models;   // empty = all
  std::string status;                // empty = all
  // Only clues about these orgs (a jurisdiction, resolved by the caller); nullopt = all.
  std::optional<std::vector<std::string>> org_ids;
  std::string person_id;             // empty = all
  std::vector<std::string> severities;     // empty = all
  std::vector<std::string> triage_states;  // empty = all; "new" = 待分派 (no triage row)
  std::optional<int64_t> assignee_id;
  int64_t limit = 1000;
  int64_t offset = 0;
};

// Clues matching `filter`, by model then clue_no, with their triage state, the person's name
// and the assignee's name. Filter values are bound as parameters.
Result<std::vector<ClueRow>> ListClues(Database& db, const ClueFilter& filter);
// Number of clues matching `filter` (limit/offset ignored).
Result<int64_t> CountClues(Database& db, const ClueFilter& filter);

struct ClueEvent {
  int64_t run_no = 0;  // 0 = not caused by a run
  Timestamp at = 0;
  std::string event;
  std::string status;
  std::string detail;  // JSON
};
Result<std::vector<ClueEvent>> ClueHistory(Database& db, int64_t clue_no);

struct RunRow {
  int64_t run_no = 0;
  RunRecord record;
  // Who asked for the run: the username of its `models_run` audit row (ListRunsInScope
  // only; empty for runs from the command line).
  std::string requested_by;
};
// The most recent runs first.
Result<std::vector<RunRow>> ListRuns(Database& db, int64_t limit);
// The most recent runs first, limited to what `scope` may see: runs limited to an org in
// `scope`, and whole-store runs only when `scope` is the whole store.
Result<std::vector<RunRow>> ListRunsInScope(Database& db, const OrgScope& scope, int64_t limit,
                                            int64_t offset);
Result<int64_t> CountRunsInScope(Database& db, const OrgScope& scope);
// What run `run_no` did to the clues, per model, from the clue history (`unchanged` is not
// recorded there and stays 0). Models with no change are absent.
Result<std::map<std::string, ReconcileCounts>> RunClueChanges(Database& db, int64_t run_no);

// The batch_ids applied to the store, in the order they were applied.
Result<std::vector<std::string>> AppliedBatches(Database& db);

}  // namespace zj::storage
