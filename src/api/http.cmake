# zj_http: the HTTP adapter over cpp-httplib (src/api/http, docs/adr/0006-http-adapter.md).
find_package(spdlog REQUIRED)

zj_cc_library(NAME zj_http
  SRCS http/route.cc http/request.cc http/response.cc http/static_files.cc http/server.cc
  DEPS zj_common PkgConfig::HTTPLIB nlohmann_json::nlohmann_json spdlog::spdlog Threads::Threads)

zj_cc_test(NAME http_test
  SRCS http/route_test.cc http/response_test.cc http/static_files_test.cc http/server_test.cc
  DEPS zj_http)
