#include "storage/exchange_reader.h"

#include <map>

#include "domain/exchange_tables.h"

namespace zj::storage {
namespace {

using domain::ColumnSpec;
using domain::TableSpec;

// Builds the FROM … JOIN clause as columns are resolved.
class Query {
 public:
  explicit Query(const TableSpec& table) : table_(table) {}

  // "name" | "ref.name" | "row_no" → the SQL expression, or an error.
  Result<std::string> Resolve(std::string_view name) {
    if (name == "row_no") return std::string("t.row_no");
    const size_t dot = name.find('.');
    if (dot == std::string_view::npos) {
      if (!table_.Find(name)) return Unknown(table_, name);
      return "t." + std::string(name);
    }
    const std::string_view ref_name = name.substr(0, dot), column = name.substr(dot + 1);
    const ColumnSpec* ref = table_.Find(ref_name);
    if (!ref || ref->ref.empty()) {
      return InvalidArgument("数据表 " + std::string(table_.name) + " 没有引用列 " +
                             std::string(ref_name));
    }
    const TableSpec* target = domain::FindTable(ref->ref);
    if (!target || target->layout != domain::Layout::kKeyed) {
      return InvalidArgument("引用列 " + std::string(ref_name) + " 指向的数据表无法连接");
    }
    if (column != "row_no" && !target->Find(column)) return Unknown(*target, column);
    auto [it, added] = joins_.try_emplace(std::string(ref_name), "");
    if (added) {
      const std::string alias = "r" + std::to_string(joins_.size());
      it->second = alias;
      const std::vector<int> key = target->KeyIndexes();
      from_ += " LEFT JOIN " + std::string(target->name) + " " + alias + " ON " + alias + "." +
               std::string(target->columns[key.at(0)].name) + " = t." + std::string(ref_name);
    }
    return it->second + "." + std::string(column);
  }

  std::string From() const { return std::string(table_.name) + " t" + from_; }

 private:
  static Status Unknown(const TableSpec& t, std::string_view column) {
    return InvalidArgument("数据表 " + std::string(t.name) + " 没有列 " + std::string(column));
  }
  const TableSpec& table_;
  std::map<std::string, std::string> joins_;  // ref column → alias
  std::string from_;
};

}  // namespace

Result<std::unique_ptr<TableScan>> TableScan::Open(Database& db, const ScanSpec& spec) {
  const TableSpec* table = domain::FindTable(spec.table);
  if (!table) return InvalidArgument("没有数据表 " + spec.table);
  if (table->layout != domain::Layout::kKeyed) {
    return InvalidArgument("数据表 " + spec.table + " 不支持按列读取");
  }
  if (spec.columns.empty()) return InvalidArgument("读取数据表 " + spec.table + " 未指定列");
  Query q(*table);
  std::string select;
  for (const std::string& c : spec.columns) {
    ZJ_ASSIGN_OR_RETURN(std::string expr, q.Resolve(c));
    select += (select.empty() ? "" : ", ") + expr;
  }
  std::string where;
  if (!spec.where_column.empty()) {
    ZJ_ASSIGN_OR_RETURN(std::string expr, q.Resolve(spec.where_column));
    where = " WHERE " + expr + " = $1";
  }
  std::string order;
  for (const std::string& c : spec.order_by) {
    ZJ_ASSIGN_OR_RETURN(std::string expr, q.Resolve(c));
    order += (order.empty() ? " ORDER BY " : ", ") + expr;
  }
  std::string sql = "SELECT " + select + " FROM " + q.From() + where + order;
  ZJ_ASSIGN_OR_RETURN(auto stmt, db.Prepare(sql));
  return std::unique_ptr<TableScan>(new TableScan(std::move(stmt), std::move(sql)));
}

void TableScan::Restart(std::string_view value) {
  stmt_->Reset();
  where_value_.assign(value);
  stmt_->BindTextView(1, where_value_);
}

Result<std::optional<Timestamp>> NewestExport(Database& db) {
  ZJ_ASSIGN_OR_RETURN(auto q, db.Prepare("SELECT max(exported_at) FROM batches"));
  ZJ_ASSIGN_OR_RETURN(bool row, q->Step());
  if (!row || q->IsNull(0)) return std::optional<Timestamp>();
  return std::optional<Timestamp>(q->ColumnInt(0));
}

}  // namespace zj::storage
