#pragma once
// SQL for the exchange tables, derived from the declaration in domain/exchange_tables.h.
//
// Storage conventions (the same for every table):
//  - Keyed tables: `row_no INTEGER PRIMARY KEY`, the declared columns, `x_extra`
//    (JSON object of the file's `x_…` columns), `batch_no` (the batch that last wrote
//    the row), UNIQUE on the key columns, and an index on every reference column
//    that does not lead the key.
//  - Packed series (positions): `pos_key INTEGER PRIMARY KEY` = parent row_no << 32 |
//    (ts − kSeriesEpoch); a view `<table>_v` shows the declared columns.
//  - Types: dates INTEGER days since 1970-01-01; timestamps INTEGER Unix seconds;
//    months INTEGER year*12+month−1; money INTEGER fen (−1 = `all`); lon/lat INTEGER
//    microdegrees; hours and points REAL; codes, ids and text TEXT.
// Pure; thread-safe.

#include <cstdint>
#include <string>

#include "domain/exchange_tables.h"

namespace zj::storage {

// Series timestamps are stored relative to 2000-01-01T00:00:00Z; they must lie in
// [kSeriesEpoch, kSeriesEpoch + 2^32).
inline constexpr int64_t kSeriesEpoch = 946684800;

// The CREATE statements for every exchange table, as committed in
// migrations/sqlite/0001_exchange_v1.sql (a test keeps the two equal).
std::string ExchangeSchemaSql();

// Name of the surrogate key column of a table ("row_no" or "pos_key").
const char* RowKeyColumn(const domain::TableSpec& table);

}  // namespace zj::storage
