#pragma once
// Jurisdiction (管辖范围): which orgs a procuratorate office oversees, from the orgs table.
//
//   spp, prov_proc        every org
//   city_proc             orgs whose region_code lies in the same city (first 4 digits)
//   county_proc           orgs with the same region_code (the county)
//   resident_office       itself and the facility it is stationed at (stationed_at)
//   dispatched_proc and   itself and every org below it through parent_id, and the
//   any other org         facilities its resident offices are stationed at
//
// Used to scope model runs (--org), per-jurisdiction parameters and clue lists. Pure
// function of the orgs frame; thread-safe.

#include <string_view>
#include <vector>

#include "common/status.h"
#include "models/frame.h"

namespace zj::models {

// The columns of `orgs` that Covered() reads.
TableNeed JurisdictionNeed();

// covered[dense org id] for the jurisdiction of `scope_org_id` (sized to the "orgs" id
// domain of the snapshot). Unknown org → kNotFound with a Chinese message.
Result<std::vector<bool>> Covered(const Snapshot& snapshot, std::string_view scope_org_id);

}  // namespace zj::models
