#pragma once
// Supervision models (spec/MODELS.md): what a model declares, what it emits, and how the
// engine runs it.
//
//   ModelSpec   a model's fixed description: ID, Chinese name, finding key, the tables and
//               columns it reads, its parameters with defaults and Chinese descriptions,
//               the RULEBOOK rules it may cite, and a version that changes whenever its
//               logic does (recorded with every run).
//   Pass        one unit of execution that produces the findings of one or more models.
//               Models that must share one scan of their data share a pass: M01–M08, M12,
//               M22, M23 share one judgement of every sentence by the law engine; M14–M16
//               share one time-ordered pass over each subject's positions.
//   Finding     one finding in the MODELS.md format. (model, key) identifies it: two runs
//               over the same data give the same keys.
//
// A run: the engine loads the union of the selected models' TableNeeds into a Snapshot,
// calls Pass::Start once per pass on one thread, then PassRun::RunPart for every part,
// in parallel. Parts of one PassRun must not share mutable state (each writes to its own
// PassOutput). Models read no wall clock: "now" is RunContext::as_of.
//
// Legal numbers: a model never holds one that the RULEBOOK ties to a rule; it asks
// src/law (rulebook.h, supervision.h) for the rule in force on the date that matters.
// Thresholds that are the user's choice are parameters, cited as `PARAM:<name>`.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/date.h"
#include "common/status.h"
#include "law/rulebook.h"
#include "models/frame.h"
#include "models/params.h"

namespace zj::models {

enum class Severity : uint8_t { kHigh, kMedium, kLow };
std::string_view SeverityCode(Severity s);   // "high" | "medium" | "low"
std::string_view SeverityLabel(Severity s);  // 高 | 中 | 低

struct ModelSpec {
  std::string_view id;                // "M02"
  std::string_view name;              // 减刑间隔不足
  // Finding key columns, as MODELS.md names them: together (M14: correction_id + from), or,
  // when `key_one_of`, exactly one of them per finding (M06: sentence_id, or change_id).
  std::vector<std::string_view> key;
  bool key_one_of = false;
  std::string_view summary;           // 中文: what it finds, one sentence
  std::vector<TableNeed> inputs;
  std::vector<ParamSpec> params;
  std::vector<std::string_view> basis;  // RULEBOOK rule IDs it may cite
  int version = 1;
};

struct Finding {
  std::string_view model;  // ModelSpec::id
  // Key column → value in the MODELS.md text form (ids as given, month YYYY-MM, week
  // YYYY-Www, due YYYY-MM-DD, from ISO 8601 with +08:00), in ModelSpec::key order.
  std::vector<std::pair<std::string_view, std::string>> key;
  std::string person_id;  // empty → null (e.g. M11 is about a unit, not a person)
  std::string org_id;     // the facility or office the finding is about
  Severity severity = Severity::kHigh;
  std::string title;    // empty → the model's name (filled in by the engine)
  std::string summary;  // 中文, one sentence with the numbers
  nlohmann::json facts = nlohmann::json::object();  // values a person can check by hand
  std::vector<std::string> basis;                    // rule IDs and PARAM:<name>
  nlohmann::json window;                             // null or {"from":…, "to":…}
};

// Canonical text of a finding's key: {"change_id":"C-1"} with the keys in spec order.
std::string KeyJson(const Finding& f);
// The MODELS.md JSON object of a finding (detected_at given by the run).
nlohmann::json FindingJson(const Finding& f, std::string_view detected_at);

// What one part of a pass produced. Not shared between parts.
class PassOutput {
 public:
  void Emit(Finding f) { findings_.push_back(std::move(f)); }
  // Rows (or positions) of its input a model looked at, for the run record.
  void Scanned(std::string_view model, int64_t rows);
  std::vector<Finding>& findings() { return findings_; }
  const std::vector<std::pair<std::string_view, int64_t>>& scanned() const { return scanned_; }

 private:
  std::vector<Finding> findings_;
  std::vector<std::pair<std::string_view, int64_t>> scanned_;
};

// Everything a pass may read during a run. Shared read-only by all parts.
struct RunContext {
  const Snapshot* data = nullptr;
  Timestamp as_of = 0;  // the moment the data is judged at
  Date as_of_date;      // its Beijing calendar day
  const ParamSet* params = nullptr;
  // Selected models, by id: a pass computes only what they need.
  std::vector<std::string_view> selected;
  // Opens a read connection to the store, for passes that stream rather than use frames
  // (law cases, positions). One connection per thread.
  DatabaseOpener open_db;
  std::string data_dir;  // shipped data (data/geo …)
  int threads = 1;       // parts a pass may usefully split into

  bool Selected(std::string_view model) const;
};

class PassRun {
 public:
  virtual ~PassRun() = default;
  virtual int parts() const { return 1; }
  // Runs part `part` (0 ≤ part < parts()); distinct parts may run concurrently.
  virtual Status RunPart(int part, PassOutput& out) = 0;
};

class Pass {
 public:
  virtual ~Pass() = default;
  virtual std::string_view name() const = 0;  // "law", "trajectory", "M09" …
  virtual std::span<const ModelSpec* const> models() const = 0;
  // Prepares a run (indexes, groupings). Called once, on one thread.
  virtual Result<std::unique_ptr<PassRun>> Start(const RunContext& ctx) const = 0;
};

}  // namespace zj::models
