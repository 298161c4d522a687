# zj_api: the routes of the HTTP JSON API (src/api/app.h) over zj_http and zj_auth.
zj_cc_library(NAME zj_api
  SRCS app.cc document_json.cc routes_auth.cc routes_clues.cc routes_cases.cc
       routes_documents.cc routes_people.cc routes_reports.cc routes_admin.cc
       routes_dashboard.cc routes_data.cc jobs.cc openapi.cc
  DEPS zj_http zj_auth zj_workflow zj_report zj_engine zj_ingest zj_geo nlohmann_json::nlohmann_json)
