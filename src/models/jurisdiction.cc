#include "models/jurisdiction.h"

namespace zj::models {

TableNeed JurisdictionNeed() {
  return {"orgs", {"org_id", "org_type", "parent_id", "region_code", "stationed_at"}};
}

Result<std::vector<bool>> Covered(const Snapshot& snapshot, std::string_view scope_org_id) {
  const Frame& orgs = snapshot.Table("orgs");
  const IdDict& ids = snapshot.Ids("orgs");
  const int32_t scope = ids.Find(scope_org_id);
  const auto rows = orgs.RowOfKey();
  if (scope == kNull32 || rows[scope] < 0) {
    return NotFound("没有机构 " + std::string(scope_org_id));
  }
  const auto org_id = orgs.I32("org_id");
  const auto type = orgs.I32("org_type");
  const auto parent = orgs.I32("parent_id");
  const auto region = orgs.I32("region_code");
  const auto stationed = orgs.I32("stationed_at");
  const domain::CodeList& types = orgs.Codes("org_type");
  auto type_is = [&](int32_t row, std::string_view code) {
    return type[row] != kNull32 && types.codes[type[row]].code == code;
  };
  const int32_t scope_row = rows[scope];
  std::vector<bool> covered(static_cast<size_t>(ids.size()), false);
  covered[scope] = true;
  const int32_t scope_region = region[scope_row];

  if (type_is(scope_row, "spp") || type_is(scope_row, "prov_proc")) {
    covered.assign(covered.size(), true);
    return covered;
  }
  if (type_is(scope_row, "city_proc") || type_is(scope_row, "county_proc")) {
    const int32_t div = type_is(scope_row, "city_proc") ? 100 : 1;
    for (int32_t r = 0; r < orgs.rows(); ++r) {
      if (region[r] != kNull32 && scope_region != kNull32 && region[r] / div == scope_region / div) {
        covered[org_id[r]] = true;
      }
    }
    return covered;
  }
  if (type_is(scope_row, "resident_office")) {
    if (stationed[scope_row] != kNull32) covered[stationed[scope_row]] = true;
    return covered;
  }
  // Subtree by parent_id: repeat until no org is added (the tree is shallow).
  for (bool grew = true; grew;) {
    grew = false;
    for (int32_t r = 0; r < orgs.rows(); ++r) {
      if (covered[org_id[r]] || parent[r] == kNull32 || !covered[parent[r]]) continue;
      covered[org_id[r]] = true;
      grew = true;
    }
  }
  for (int32_t r = 0; r < orgs.rows(); ++r) {
    if (type_is(r, "resident_office") && covered[org_id[r]] && stationed[r] != kNull32) {
      covered[stationed[r]] = true;
    }
  }
  return covered;
}

}  // namespace zj::models
