#include "models/model.h"

#include <algorithm>

namespace zj::models {

std::string_view SeverityCode(Severity s) {
  switch (s) {
    case Severity::kHigh:
      return "high";
    case Severity::kMedium:
      return "medium";
    case Severity::kLow:
      return "low";
  }
  return "high";
}

std::string_view SeverityLabel(Severity s) {
  switch (s) {
    case Severity::kHigh:
      return "高";
    case Severity::kMedium:
      return "中";
    case Severity::kLow:
      return "低";
  }
  return "高";
}

std::string KeyJson(const Finding& f) {
  // Written by hand to keep the spec's key order (nlohmann::json sorts object keys).
  std::string s = "{";
  for (const auto& [k, v] : f.key) {
    if (s.size() > 1) s += ',';
    s += nlohmann::json(std::string(k)).dump() + ":" + nlohmann::json(v).dump();
  }
  return s + "}";
}

nlohmann::json FindingJson(const Finding& f, std::string_view detected_at) {
  nlohmann::ordered_json key = nlohmann::ordered_json::object();
  for (const auto& [k, v] : f.key) key[std::string(k)] = v;
  nlohmann::json j = nlohmann::json::object();
  j["model"] = f.model;
  j["key"] = nlohmann::json::parse(key.dump());
  j["person_id"] = f.person_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(f.person_id);
  j["org_id"] = f.org_id;
  j["severity"] = SeverityCode(f.severity);
  j["detected_at"] = detected_at;
  j["title"] = f.title;
  j["summary"] = f.summary;
  j["facts"] = f.facts;
  j["basis"] = f.basis;
  j["window"] = f.window;
  return j;
}

void PassOutput::Scanned(std::string_view model, int64_t rows) {
  for (auto& [m, n] : scanned_) {
    if (m == model) {
      n += rows;
      return;
    }
  }
  scanned_.emplace_back(model, rows);
}

bool RunContext::Selected(std::string_view model) const {
  return std::find(selected.begin(), selected.end(), model) != selected.end();
}

}  // namespace zj::models
