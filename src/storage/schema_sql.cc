#include "storage/schema_sql.h"

namespace zj::storage {
namespace {

using domain::ColumnSpec;
using domain::Layout;
using domain::SqlType;
using domain::TableSpec;

const char* SqlTypeName(SqlType t) {
  switch (t) {
    case SqlType::kInteger:
      return "INTEGER";
    case SqlType::kReal:
      return "REAL";
    case SqlType::kText:
      return "TEXT";
  }
  return "ANY";
}

void KeyedTable(const TableSpec& t, std::string* out) {
  std::string& s = *out;
  s += "-- " + std::string(t.label) + "\n";
  s += "CREATE TABLE " + std::string(t.name) + " (\n  row_no INTEGER PRIMARY KEY,\n";
  std::string key;
  for (const ColumnSpec& c : t.columns) {
    s += "  " + std::string(c.name) + " " + SqlTypeName(domain::SqlTypeOf(c.type));
    if (c.IsRequired()) s += " NOT NULL";
    s += ",\n";
    if (c.key) key += (key.empty() ? "" : ", ") + std::string(c.name);
  }
  s += "  x_extra TEXT,\n  batch_no INTEGER NOT NULL,\n  UNIQUE (" + key + ")\n) STRICT;\n";
  const ColumnSpec* lead = nullptr;
  for (const ColumnSpec& c : t.columns) {
    if (c.key) {
      lead = &c;
      break;
    }
  }
  for (const ColumnSpec& c : t.columns) {
    if (c.ref.empty() || &c == lead) continue;
    std::string idx = std::string(t.name) + "_" + std::string(c.name);
    s += "CREATE INDEX " + idx + " ON " + std::string(t.name) + " (" + std::string(c.name) + ");\n";
  }
}

void PackedTable(const TableSpec& t, std::string* out) {
  std::string& s = *out;
  const ColumnSpec& parent = t.columns[0];
  const ColumnSpec& ts = t.columns[1];
  const TableSpec* parent_table = domain::FindTable(parent.ref);
  s += "-- " + std::string(t.label) + "（" + std::string(parent.name) + "、" +
       std::string(ts.name) + " 压缩为 pos_key）\n";
  s += "CREATE TABLE " + std::string(t.name) + " (\n  pos_key INTEGER PRIMARY KEY,\n";
  std::string view_cols = "  p.pos_key >> 32 AS parent_row_no,\n  c." + std::string(parent.name) +
                          " AS " + std::string(parent.name) + ",\n  (p.pos_key & 4294967295) + " +
                          std::to_string(kSeriesEpoch) + " AS " + std::string(ts.name);
  for (size_t i = 2; i < t.columns.size(); ++i) {
    const ColumnSpec& c = t.columns[i];
    s += "  " + std::string(c.name) + " " + SqlTypeName(domain::SqlTypeOf(c.type));
    if (c.IsRequired()) s += " NOT NULL";
    s += ",\n";
    view_cols += ",\n  p." + std::string(c.name);
  }
  s += "  x_extra TEXT,\n  batch_no INTEGER NOT NULL\n) STRICT;\n";
  s += "CREATE VIEW " + std::string(t.name) + "_v AS SELECT\n" + view_cols +
       ",\n  p.batch_no\nFROM " + std::string(t.name) + " p JOIN " +
       std::string(parent_table->name) + " c ON c.row_no = p.pos_key >> 32;\n";
}

}  // namespace

const char* RowKeyColumn(const TableSpec& table) {
  return table.layout == Layout::kPackedSeries ? "pos_key" : "row_no";
}

std::string ExchangeSchemaSql() {
  std::string s =
      "-- Exchange v1 tables. GENERATED from src/domain/exchange_tables.cc by\n"
      "-- `zhijian schema sql`; a test fails if this file and the declaration differ.\n\n";
  for (const TableSpec* t : domain::AllTables()) {
    if (t->layout == Layout::kPackedSeries) {
      PackedTable(*t, &s);
    } else {
      KeyedTable(*t, &s);
    }
    s += "\n";
  }
  return s;
}

}  // namespace zj::storage
