#pragma once
// ImportBatch: applies one exchange batch (EXCHANGE v1) to the store.
//
// Contract:
//  - The whole batch is applied in one write transaction: all of it or none. A crash
//    or kill midway leaves the store exactly as it was before (WAL rollback).
//  - Strict mode (default): any rejected row rejects the batch; nothing is stored,
//    and the report lists every problem (the first `max_listed_issues` in full).
//  - Quarantine mode: good rows are applied; each rejected row is kept verbatim in
//    the `quarantine` table with its reasons. Problems that concern the whole batch
//    (manifest, sha256, row count, gzip, header, unlisted files, deletes that would
//    orphan stored rows, self-references) still reject the batch in both modes.
//  - A batch whose batch_id was applied before is a no-op (outcome kAlreadyApplied).
//  - Batches from one source must arrive in exported_at order; an older one is rejected.
//  - Every problem names file, line, column, value and rule, in Chinese.
//
// Returns a non-OK Status only for failures of the store or the machine (disk full,
// locked store); bad input is reported in ImportReport with outcome kRejected.
// Not thread-safe; one import at a time per Database (the store's writer lock
// serialises imports across processes).

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "storage/database.h"

namespace zj::ingest {

struct ImportReport;

struct ImportOptions {
  bool quarantine = false;
  size_t max_listed_issues = 1000;
  const Clock* clock = &SystemClock::Get();
  // Called now and then with (table, rows read so far); may be empty.
  std::function<void(const std::string&, int64_t)> progress;
  // Called inside the import's write transaction just before an applied batch commits
  // (e.g. the audit row of who imported it); an error rolls the batch back and is returned.
  std::function<Status(storage::Database&, const ImportReport&)> before_commit;
};

struct ImportIssue {
  std::string file;
  int64_t line = 0;  // 0: the file as a whole
  std::string column;
  std::string value;
  std::string rule;
  std::string message;  // Chinese
  std::string ToChinese() const;
};

struct TableReport {
  std::string table;
  std::string file;
  int64_t read = 0, inserted = 0, updated = 0, deleted = 0, delete_missing = 0, rejected = 0;
  double seconds = 0;
};

enum class ImportOutcome { kApplied, kAlreadyApplied, kRejected };

struct ImportReport {
  std::string batch_id, source_org_id, exported_at, mode;
  ImportOutcome outcome = ImportOutcome::kRejected;
  int64_t batch_no = 0;
  std::vector<TableReport> tables;
  std::vector<ImportIssue> issues;  // the first max_listed_issues
  int64_t issue_count = 0;
  int64_t quarantined = 0;
  std::string fatal;  // why the whole batch was rejected, if it was
  double seconds = 0;

  std::string ToJson() const;
  std::string ToChinese() const;  // the report as printed by `zhijian import`
};

Result<ImportReport> ImportBatch(storage::Database& db, const std::string& path,
                                 const ImportOptions& options = {});

}  // namespace zj::ingest
