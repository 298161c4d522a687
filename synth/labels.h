#pragma once
// Planted findings (labels.jsonl): what a correct model engine must report for the
// generated batch, one JSON object a line, in the finding format of spec/MODELS.md:
// model, key (exactly the model's key columns, as strings), person_id, org_id, severity,
// detected_at, title, summary (Chinese), facts, basis (RULEBOOK ids or PARAM:<name>), window.
// Pure data and formatting; thread-safe.

#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zj::synth {

struct Label {
  std::string model;  // "M01" … "M25"
  std::vector<std::pair<std::string, std::string>> key;
  std::string person_id;  // empty = null (unit-level findings)
  std::string org_id;
  std::string severity = "high";
  std::string title;
  std::string summary;
  nlohmann::ordered_json facts = nlohmann::ordered_json::object();
  std::vector<std::string> basis;
  nlohmann::ordered_json window;  // null, or {"from": …, "to": …}
};

// The key columns of each model (MODELS.md catalogue); a model with alternatives
// (M06, M13: sentence_id or change_id) lists each alternative.
struct ModelKeys {
  std::string_view model;
  std::vector<std::vector<std::string_view>> alternatives;
};
std::span<const ModelKeys> AllModelKeys();

// One JSON line (no trailing newline); `detected_at` is the as-of timestamp.
std::string LabelToJson(const Label& label, const std::string& detected_at);

// Sorts by (model, key) so the file does not depend on planting order.
void SortLabels(std::vector<Label>* labels);

}  // namespace zj::synth
