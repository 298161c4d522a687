#pragma once
// 检察日志 (office logs) in the store (migrations/sqlite/0007_office_logs.sql): the daily log a
// procuratorate office keeps — inspections, talks, meetings attended. The platform is where
// these live; the exchange data carry none.
//
// Contract:
//  - Reads take an OrgScope and filter in SQL: an entry is visible when its org is in scope;
//    outside the scope it is kNotFound like a missing one.
//  - Entries are append-only (no update, no delete). InsertOfficeLog runs inside the caller's
//    write transaction, which also writes the audit row.
//  - What a category means and who may write is the api's business; this is SQL only.
//
// Not thread-safe: uses one Database.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "storage/database.h"
#include "storage/scope.h"

namespace zj::storage {

struct OfficeLogRow {
  int64_t log_id = 0;
  std::string org_id;
  int64_t author_id = 0;
  Date log_date;
  std::string category;
  std::string content;
  Timestamp created_at = 0;
  // Read only (joined): orgs.name, users.username, users.display_name.
  std::string org_name;
  std::string author;
  std::string author_name;
};

// Inserts `row` (log_id and the joined names ignored); returns the log_id.
Result<int64_t> InsertOfficeLog(Database& db, const OfficeLogRow& row);

Result<OfficeLogRow> GetOfficeLog(Database& db, const OrgScope& scope, int64_t log_id);

struct OfficeLogFilter {
  std::string org_id;        // empty = every org in scope
  std::optional<Date> from;  // log_date >= from
  std::optional<Date> to;    // log_date <= to
  int64_t limit = 50;
  int64_t offset = 0;
};
// Newest first (log_date, then log_id, descending).
Result<std::vector<OfficeLogRow>> ListOfficeLogs(Database& db, const OrgScope& scope,
                                                 const OfficeLogFilter& filter);
// Number of entries matching `filter` (limit/offset ignored).
Result<int64_t> CountOfficeLogs(Database& db, const OrgScope& scope, const OfficeLogFilter& filter);

}  // namespace zj::storage
