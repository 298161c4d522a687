#pragma once
// Reading exchange tables back: the counterpart of ExchangeStore for the stages that
// read the store (models, engine). The SQL is built here from the declaration in
// domain/exchange_tables.h, so the readers name tables and columns, never SQL.
//
//   ScanSpec spec{.table = "property_payments",
//                 .columns = {"exec_id.person_id", "exec_id", "date", "amount"},
//                 .order_by = {"exec_id.person_id", "row_no"}};
//   ZJ_ASSIGN_OR_RETURN(auto scan, TableScan::Open(db, spec));
//   while (true) { ZJ_ASSIGN_OR_RETURN(bool row, scan->Next()); if (!row) break; … }
//
// A column is written `name`, `ref.name` (the column `name` of the row that the reference
// column `ref` names, e.g. `facility_org_id.org_type`; a row whose reference is null or
// dangling gives null there), or `row_no` (the store's surrogate key, which follows the
// order rows were first written). Values come back as stored (schema_sql.h): dates as
// days, months as year*12+month-1, money as fen, codes and lists as text. Every name is
// checked against the declaration; an unknown one is kInvalidArgument, so nothing a
// caller passes reaches the SQL text unchecked.
//
// Sorted scans of different tables by the same leading column (e.g. person_id) can be
// merged in one pass: text compares bytewise, as std::string_view::compare does.
//
// Not thread-safe: a TableScan belongs to its Database (one thread) and must be destroyed
// before it. Packed series (positions) are not supported.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "storage/database.h"

namespace zj::storage {

struct ScanSpec {
  std::string table;
  std::vector<std::string> columns;
  std::vector<std::string> order_by;  // ascending; same notation as `columns`
  // Optional filter `where_column = $value` (bound as text; use it on id columns).
  std::string where_column;
};

class TableScan {
 public:
  static Result<std::unique_ptr<TableScan>> Open(Database& db, const ScanSpec& spec);
  TableScan(const TableScan&) = delete;
  TableScan& operator=(const TableScan&) = delete;

  // Runs the scan again from the start with `value` for the where filter.
  void Restart(std::string_view value);
  // Moves to the next row; false at the end.
  Result<bool> Next() { return stmt_->Step(); }

  // Columns of the current row, by index into ScanSpec::columns. Text is valid until the
  // next Next() or Restart().
  bool IsNull(int col) const { return stmt_->IsNull(col); }
  int64_t Int(int col) const { return stmt_->ColumnInt(col); }
  double Real(int col) const { return stmt_->ColumnReal(col); }
  std::optional<int64_t> OptInt(int col) const {
    return IsNull(col) ? std::nullopt : std::optional<int64_t>(Int(col));
  }
  std::optional<Date> OptDate(int col) const {
    return IsNull(col) ? std::nullopt
                       : std::optional<Date>(Date::FromDays(static_cast<int32_t>(Int(col))));
  }
  std::string_view Text(int col) const { return stmt_->ColumnText(col); }

  const std::string& sql() const { return sql_; }

 private:
  TableScan(std::unique_ptr<Statement> stmt, std::string sql)
      : stmt_(std::move(stmt)), sql_(std::move(sql)) {}
  std::unique_ptr<Statement> stmt_;
  std::string where_value_;
  std::string sql_;
};

// exported_at (Unix seconds) of the newest batch applied to the store, or nullopt if
// none has been applied. "Newest" is by export time: runs judge the data as of that
// moment (spec/MODELS.md).
Result<std::optional<Timestamp>> NewestExport(Database& db);

}  // namespace zj::storage
