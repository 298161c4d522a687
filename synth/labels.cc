#include "synth/labels.h"

#include <algorithm>

namespace zj::synth {

std::span<const ModelKeys> AllModelKeys() {
  static const std::vector<ModelKeys> kKeys = {
      {"M01", {{"change_id"}}},
      {"M02", {{"change_id"}}},
      {"M03", {{"change_id"}}},
      {"M04", {{"change_id"}}},
      {"M05", {{"change_id"}}},
      {"M06", {{"sentence_id"}, {"change_id"}}},
      {"M07", {{"sentence_id"}}},
      {"M08", {{"change_id"}}},
      {"M09", {{"person_id", "month"}}},
      {"M10", {{"job_id"}}},
      {"M11", {{"facility_org_id", "unit", "week"}}},
      {"M12", {{"correction_id", "due"}}},
      {"M13", {{"sentence_id"}, {"change_id"}}},
      {"M14", {{"correction_id", "from"}}},
      {"M15", {{"correction_id", "from"}}},
      {"M16", {{"leave_id"}}},
      {"M17", {{"correction_id"}}},
      {"M18", {{"person_id"}}},
      {"M19", {{"sentence_id"}}},
      {"M20", {{"exec_id"}}},
      {"M21", {{"detention_id"}}},
      {"M22", {{"sentence_id"}}},
      {"M23", {{"detention_id"}}},
      {"M24", {{"rs_id"}}},
      {"M25", {{"cm_id"}}},
  };
  return kKeys;
}

std::string LabelToJson(const Label& label, const std::string& detected_at) {
  nlohmann::ordered_json j;
  j["model"] = label.model;
  nlohmann::ordered_json key = nlohmann::ordered_json::object();
  for (const auto& [k, v] : label.key) key[k] = v;
  j["key"] = key;
  j["person_id"] =
      label.person_id.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(label.person_id);
  j["org_id"] = label.org_id;
  j["severity"] = label.severity;
  j["detected_at"] = detected_at;
  j["title"] = label.title;
  j["summary"] = label.summary;
  j["facts"] = label.facts;
  j["basis"] = label.basis;
  j["window"] = label.window;
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::strict);
}

void SortLabels(std::vector<Label>* labels) {
  std::stable_sort(labels->begin(), labels->end(), [](const Label& a, const Label& b) {
    if (a.model != b.model) return a.model < b.model;
    return a.key < b.key;
  });
}

}  // namespace zj::synth
