#pragma once
// The model engine: runs supervision models (src/models) over one snapshot of the store,
// in parallel, and keeps their findings as clues (storage/clue_store.h).
//
// A run:
//   1. fixes the data snapshot: the batches applied (recorded) and the as-of moment (by
//      default the newest batch's exported_at, never the wall clock);
//   2. loads the union of the selected models' inputs into columnar frames, one table per
//      thread (models::LoadSnapshot);
//   3. resolves parameters (declared defaults < configuration < jurisdiction < command line);
//   4. starts every pass and runs all their parts on `threads` worker threads;
//   5. checks every finding (declared model and key, nothing keyed twice), keeps those in
//      the --org jurisdiction, sorts them by (model, key);
//   6. checks that no batch was applied meanwhile (else kAborted: run again);
//   7. writes findings.jsonl if asked, records the run and reconciles clues in one write
//      transaction (a trial run records the run only).
//
// Thread-safe to call from several threads on different stores; on one store, writes are
// serialised by the store's single-writer lock.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "models/model.h"
#include "storage/clue_store.h"

namespace zj::engine {

struct RunOptions {
  std::vector<std::string> models;  // model IDs; empty = every model
  std::string org_id;               // limit to this org's jurisdiction; empty = whole store
  // Parameter settings, lowest precedence first (configuration, then command line).
  std::vector<models::ParamOverride> params;
  std::optional<Timestamp> as_of;  // default: newest batch's exported_at
  int threads = 2;
  bool update_clues = true;  // false: trial run (试算), clues untouched
  std::string data_dir = "data";
  std::string findings_path;  // write findings.jsonl here when not empty
  // Called as the run advances with (stage in Chinese: 载入数据, 运行 M13、M17 …, 更新线索;
  // models finished; models selected). Called from worker threads, one call at a time.
  std::function<void(const std::string& stage, int done, int total)> progress;
  // Passed to storage::RecordRun: called with the new run_no inside the write transaction
  // that records the run (e.g. the audit row of who asked for it).
  std::function<Status(storage::Database&, int64_t run_no)> in_transaction;
};

struct ModelStats {
  std::string id;
  std::string name;
  int version = 0;
  std::string pass;       // the pass that produced it; models of one pass share its time
  int64_t scanned = 0;    // input rows (or positions) looked at
  int64_t findings = 0;
  double pass_ms = 0;     // wall time of its pass (Start to last part)
  double pass_cpu_ms = 0; // sum over the pass's Start and parts
  storage::ReconcileCounts clues;
};

struct RunResult {
  int64_t run_no = 0;
  Timestamp started_at = 0;
  Timestamp as_of = 0;
  std::vector<std::string> batches;
  double load_ms = 0;   // loading frames
  double total_ms = 0;  // the whole run, including reconciliation
  std::vector<ModelStats> models;
  std::vector<models::Finding> findings;  // sorted by (model, key)
  storage::ReconcileCounts clues;
};

// Runs on the store at `db_url`. Bad options (unknown model, parameter, org; bad value)
// → kInvalidArgument/kNotFound with a Chinese message, nothing written.
Result<RunResult> RunModels(const std::string& db_url, const RunOptions& options);

// Parameter settings from the text of zhijian.toml:
//   [models.M14]
//   out_of_area_minutes = 180
//   [models.M14.jurisdiction."510100-PROC"]
//   out_of_area_minutes = 240
// Values may be numbers or strings (code lists "gang;terrorism"). Other sections are
// ignored. Syntax errors → kInvalidArgument with line and column.
Result<std::vector<models::ParamOverride>> ParamOverridesFromToml(std::string_view text,
                                                                  std::string_view source);

}  // namespace zj::engine
