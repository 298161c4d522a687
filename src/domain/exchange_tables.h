#pragma once
// The tables of EXCHANGE v1 §4, declared once.
//
// Everything else follows from this declaration: the CSV parser and validator
// (ingest), the SQL tables and their migration (storage, checked by a test against
// migrations/sqlite/0001_exchange_v1.sql), the synthetic generator's headers (synth),
// and the table reference in docs/ (generated, checked by a test).
//
// A table lists its columns; key columns identify a row (upserts and `deleted`
// act on the key). The order of AllTables() is the apply order: a table only
// references tables before it (or itself), so a batch is applied front to back.
//
// Parsing a field (ParseField) is pure: text in, typed Value or a Chinese reason out.
// Immutable static data; thread-safe.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/codes.h"

namespace zj::domain {

enum class ColumnType {
  kId,           // identifier: 1–64 characters, no control characters, no ';'
  kText,         // free text (any UTF-8)
  kTextList,     // ';'-separated free text
  kCode,         // exactly one code of `codes`
  kCodeList,     // ';'-separated codes of `codes`, no repeats
  kDate,         // YYYY-MM-DD → days since 1970-01-01
  kTimestamp,    // ISO 8601 with offset, or Unix seconds → Unix seconds
  kMonth,        // YYYY-MM → year*12 + month-1
  kMoney,        // decimal yuan, ≥ 0, ≤ 2 decimals → fen
  kMoneyOrAll,   // kMoney, or `all` (没收全部财产) → kAllProperty
  kCount,        // integer in [min, max]
  kHours,        // decimal hours in [0, 24]
  kDecimal,      // signed decimal number (points) → REAL
  kBool,         // 0 or 1
  kIdNumber,     // 18-character 居民身份证号 with a valid check digit
  kRegionCode,   // 6-digit GB/T 2260 code
  kLongitude,    // decimal degrees in [73, 136] → microdegrees
  kLatitude,     // decimal degrees in [3, 54] → microdegrees
  kYearsOrLife,  // integer years in [0, 99], or `life` → kLifelong
};

// Stored in place of `all` (money) and `life` (years).
inline constexpr int64_t kAllProperty = -1;
inline constexpr int64_t kLifelong = -1;

enum class SqlType { kInteger, kReal, kText };
SqlType SqlTypeOf(ColumnType t);
// Chinese description of what a field of this type must look like.
std::string_view DescribeType(ColumnType t);

struct ColumnSpec {
  std::string_view name;
  std::string_view label;  // 中文
  ColumnType type;
  bool key = false;
  bool required = false;            // key columns are always required
  const CodeList* codes = nullptr;  // kCode / kCodeList
  std::string_view ref = {};        // table whose key this column names (single-key tables)
  int64_t min = 0;                  // kCount bounds
  int64_t max = 0;

  bool IsRequired() const { return key || required; }
};

struct TableSpec;

// A parsed field. `text` views memory owned by the caller's record (valid while
// the record is being processed).
struct Value {
  enum class Kind { kNull, kInt, kReal, kText };
  Kind kind = Kind::kNull;
  int64_t i = 0;
  double r = 0;
  std::string_view text;

  bool is_null() const { return kind == Kind::kNull; }
  static Value Null() { return {}; }
  static Value Int(int64_t v) { return {Kind::kInt, v, 0, {}}; }
  static Value Real(double v) { return {Kind::kReal, 0, v, {}}; }
  static Value Text(std::string_view v) { return {Kind::kText, 0, 0, v}; }
};

// A row's values in the table's column order, plus the raw field texts.
struct RowView {
  const TableSpec* table;
  std::span<const Value> values;
  std::span<const std::string_view> raw;
  const Value& operator[](std::string_view column) const;
  std::string_view Raw(std::string_view column) const;
};

// A broken rule found by a row check: which column, and why (Chinese).
struct RowProblem {
  std::string_view column;
  std::string_view rule;  // short rule id, e.g. "term_range"
  std::string reason;
};

// Pairs of columns where the second, if both are present, may not be earlier than the first.
struct OrderedColumns {
  std::string_view first;
  std::string_view second;
};

// A column whose value must agree with the same-named column of the row that
// another reference column names, e.g. term_changes.person_id must be the person
// of term_changes.sentence_id.
struct Agreement {
  std::string_view column;  // e.g. "person_id"
  std::string_view via;     // a reference column, e.g. "sentence_id"
};

using RowCheck = void (*)(const RowView& row, std::vector<RowProblem>* problems);

enum class Layout {
  kKeyed,         // rowid + UNIQUE(key columns)
  kPackedSeries,  // key (parent ref, timestamp) packed into the rowid: positions
};

struct TableSpec {
  std::string_view name;
  std::string_view label;  // 中文
  std::span<const ColumnSpec> columns;
  std::span<const OrderedColumns> ordered = {};
  RowCheck check = nullptr;  // cross-column rules beyond types and order
  Layout layout = Layout::kKeyed;
  std::span<const Agreement> agreements = {};

  // Index of `column`, or -1.
  int IndexOf(std::string_view column) const;
  const ColumnSpec* Find(std::string_view column) const;
  std::vector<int> KeyIndexes() const;
};

// All tables of EXCHANGE v1, in apply order.
std::span<const TableSpec* const> AllTables();
const TableSpec* FindTable(std::string_view name);

// Parses one non-empty field. On failure returns the Chinese reason.
// For kText/kTextList/kCode/kCodeList/kId/kIdNumber/kRegionCode the Value's text
// views `text`.
struct FieldResult {
  Value value;
  std::string error;  // empty on success
};
FieldResult ParseField(const ColumnSpec& column, std::string_view text);

// Validates an 18-character 居民身份证号: digits, a real birth date inside it and
// the ISO 7064 MOD 11-2 check character. Returns the Chinese reason, or empty.
std::string CheckIdNumber(std::string_view id);

// Renders a stored value back to its exchange text (inverse of ParseField).
std::string FormatValue(const ColumnSpec& column, const Value& value);

}  // namespace zj::domain
