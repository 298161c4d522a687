#pragma once
// The OpenAPI 3 document of the API (docs/api/openapi.yaml), generated from the route table
// so it cannot drift: `zhijian serve --openapi` prints it and a test compares it with the
// committed file. Pure; thread-safe.

#include <string>
#include <vector>

#include "api/http/route.h"

namespace zj::api {

std::string OpenApiYaml(const std::vector<http::Route>& routes);

}  // namespace zj::api
