#include "storage/scope.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace zj::storage {

OrgScope OrgScope::Of(std::vector<std::string> org_ids) {
  std::sort(org_ids.begin(), org_ids.end());
  org_ids.erase(std::unique(org_ids.begin(), org_ids.end()), org_ids.end());
  return OrgScope(false, std::move(org_ids));
}

OrgScope::OrgScope(bool all, std::vector<std::string> org_ids)
    : all_(all), org_ids_(std::move(org_ids)), json_(nlohmann::json(org_ids_).dump()) {}

bool OrgScope::Contains(const std::string& org_id) const {
  return all_ || std::binary_search(org_ids_.begin(), org_ids_.end(), org_id);
}

}  // namespace zj::storage
