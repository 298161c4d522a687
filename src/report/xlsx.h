#pragma once
// Lists as Excel workbooks (.xlsx), through libxlsxwriter.
//
// Each sheet is laid out as
//   title rows   (optional) each merged across all columns; the first bold and larger
//   header row   the column headers, bold, shaded, bordered; panes frozen below it and an
//                autofilter over it and the data
//   data rows    one per row, typed by the column:
//                  kText     a string                       (cell: std::string)
//                  kInt      a number, format 0             (cell: int64_t)
//                  kMoney    yuan with 2 decimals, #,##0.00 (cell: Money, in fen)
//                  kDate     a real Excel date, yyyy-mm-dd  (cell: Date)
//                  kPercent  a number, format 0.00%         (cell: double, 0.25 = 25.00%)
//                a std::monostate cell is left empty in any column.
// A column's width is given in characters, or 0 to fit its header and values (a CJK character
// counts two).
//
// Sheet names are sanitised (SanitizeSheetName) and made unique (a repeat gets " (2)", " (3)"
// …, compared without case as Excel does).
//
// libxlsxwriter writes to a file: WriteXlsx uses a private temporary file in the system's
// temporary directory, reads it back and removes it. docProps carry `created`; with the same
// workbook and `created` the output is the same.
//
// Thread-safety: WriteXlsx may be called from many threads (each call has its own file).

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/date.h"
#include "common/money.h"
#include "common/status.h"

namespace zj::report {

enum class ColumnType { kText, kInt, kMoney, kDate, kPercent };

struct Column {
  std::string header;  // 中文, e.g. 罪犯姓名
  ColumnType type = ColumnType::kText;
  double width = 0;  // characters; 0 = fit
};

using Cell = std::variant<std::monostate, std::string, int64_t, Money, Date, double>;

struct Sheet {
  std::string name;
  std::vector<std::string> title_rows;
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;  // each exactly columns.size() cells
};

struct Workbook {
  std::vector<Sheet> sheets;
  Timestamp created = 0;  // shown as the file's creation time; 0 = when written
};

// The .xlsx bytes. kInvalidArgument (Chinese, naming sheet, row and column) for: no sheet, a
// sheet without columns, a row of the wrong length, a cell of the wrong type for its column,
// a number Excel cannot hold exactly (beyond ±2^53), text that is not UTF-8 or over Excel's
// 32767 characters. kIoError if the temporary file cannot be written or read back.
Result<std::string> WriteXlsx(const Workbook& workbook);

// A name Excel accepts: []:*?/\ become "_", leading and trailing apostrophes and spaces are
// dropped, at most 31 characters (UTF-16 units, as Excel counts), never empty ("工作表") and
// never the reserved "History". Invalid UTF-8 bytes become "_".
std::string SanitizeSheetName(std::string_view name);

}  // namespace zj::report
