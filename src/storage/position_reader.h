#pragma once
// PositionScan: streams stored positions (定位轨迹, the packed series of schema_sql.h) in
// key order — by parent correction row, then by time — without building a row object
// per position.
//
//   ZJ_ASSIGN_OR_RETURN(auto scan, PositionScan::Open(db));
//   ZJ_RETURN_IF_ERROR(scan->Scan({.first_row_no = r, .last_row_no = r,
//                                  .ts_from = from, .ts_to = to}));
//   StoredPosition p;
//   while (true) {
//     ZJ_ASSIGN_OR_RETURN(bool more, scan->Next(&p));
//     if (!more) break;
//     …
//   }
//
// A scan reads one key range with one prepared statement (`pos_key >= $1`, stopped by
// Next() at the range's end): for a single parent row that range holds exactly the
// positions of [ts_from, ts_to]; for several parent rows it spans the rows in between too,
// and Next() skips their positions outside [ts_from, ts_to] (read, but not returned).
// Timestamps outside the series range (schema_sql.h) are clamped to it.
//
// On SQLite, Open() sets the connection's mmap_size so that pages are read through the
// file mapping instead of being copied into the page cache (a tenth less CPU a position);
// give the scan a connection of its own if that matters to other statements.
//
// Positions are returned exactly as stored: lon/lat in microdegrees (the importer rounds
// to whole microdegrees), ts in Unix seconds.
//
// Not thread-safe: a PositionScan belongs to one Database (one thread) and must be
// destroyed before it. The caller decides the transaction (BeginRead for a consistent
// view across several scans).

#include <cstdint>
#include <memory>
#include <optional>

#include "common/status.h"
#include "storage/database.h"

namespace zj::storage {

struct StoredPosition {
  int64_t row_no = 0;  // the correction's row_no (corrections table)
  int64_t ts = 0;      // Unix seconds
  int32_t lon_e6 = 0;
  int32_t lat_e6 = 0;
};

struct PositionRange {
  int64_t first_row_no = 0;  // parent rows [first_row_no, last_row_no]
  int64_t last_row_no = 0;
  int64_t ts_from = 0;  // [ts_from, ts_to], inclusive
  int64_t ts_to = 0;
};

class PositionScan {
 public:
  // Prepares the statements. kIoError (SQL) if the store has no positions table.
  static Result<std::unique_ptr<PositionScan>> Open(Database& db);

  // Starts a scan of `range` (replacing any scan under way). An empty range
  // (first > last or ts_from > ts_to) yields nothing.
  Status Scan(const PositionRange& range);
  // The next position of the scan; false once it is exhausted.
  Result<bool> Next(StoredPosition* out);

  // The latest position of parent row `row_no` strictly before `ts`, if any (one index
  // seek). Does not disturb a scan under way.
  Result<std::optional<StoredPosition>> LastBefore(int64_t row_no, int64_t ts);

  // Positions read from the store by Next() since Open, including those skipped because
  // they fell outside a multi-row scan's time range.
  int64_t rows_read() const { return rows_read_; }

 private:
  PositionScan() = default;

  std::unique_ptr<Statement> range_;
  std::unique_ptr<Statement> last_before_;
  bool active_ = false;
  bool filter_ = false;  // multi-row scan: check each position's time
  int64_t ts_from_ = 0, ts_to_ = 0;
  int64_t end_key_ = 0;  // exclusive
  int64_t rows_read_ = 0;
};

// The pos_key of (row_no, ts), ts clamped to the series range; exposed for tests.
int64_t PositionKey(int64_t row_no, int64_t ts);

}  // namespace zj::storage
