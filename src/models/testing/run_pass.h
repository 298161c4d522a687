#pragma once
// Test support: runs one pass over a hand-built snapshot the way the engine does (Start, then
// every part in turn), so model tests state data and expected findings, not plumbing.
// Not thread-safe; for gtest tests only (failures are reported with EXPECT).

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "models/model.h"

namespace zj::models::testing {

// Parameters are those declared by the pass's models with `overrides` applied; an override
// with an org_id applies to that org only. Returns the findings by "<model>:<first key
// value>"; a key found twice fails the calling test.
std::map<std::string, Finding> RunPass(const Pass& pass, const Snapshot& snapshot,
                                       std::string_view as_of, std::vector<ParamOverride> overrides,
                                       std::vector<std::string_view> selected);

}  // namespace zj::models::testing
