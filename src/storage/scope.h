#pragma once
// OrgScope: the jurisdiction (管辖范围) a storage query is limited to.
//
// Every storage query that returns or changes casework data about people, clues, cases or
// documents takes an OrgScope and filters in SQL (the org ids are bound as one JSON-array
// parameter and read with json_each), so a caller cannot forget the jurisdiction: there is
// no overload without it. The api layer builds the scope of a signed-in user from the org
// tree (models/jurisdiction.h) plus the user's unexpired grants; command-line tools run
// with OrgScope::All().
//
// A record outside the scope is reported exactly like a record that does not exist
// (kNotFound), so a user cannot learn whether another jurisdiction's record exists.
//
// Value type; thread-compatible.

#include <string>
#include <utility>
#include <vector>

namespace zj::storage {

class OrgScope {
 public:
  // The whole store (省院, command-line tools).
  static OrgScope All() { return OrgScope(true, {}); }
  // Exactly these orgs (sorted, unique). An empty list sees nothing.
  static OrgScope Of(std::vector<std::string> org_ids);

  bool all() const { return all_; }
  const std::vector<std::string>& org_ids() const { return org_ids_; }
  bool Contains(const std::string& org_id) const;
  // JSON array of the org ids, to bind as the parameter that json_each reads.
  // Only meaningful when !all().
  const std::string& json() const { return json_; }

 private:
  OrgScope(bool all, std::vector<std::string> org_ids);
  bool all_;
  std::vector<std::string> org_ids_;
  std::string json_;
};

}  // namespace zj::storage
