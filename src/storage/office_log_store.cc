#include "storage/office_log_store.h"

#include "storage/sql_internal.h"

namespace zj::storage {
namespace {

using internal::Binder;
using internal::ReadAll;
using internal::Reader;
using internal::ScopeSql;

constexpr std::string_view kSelect =
    "SELECT l.log_id, l.org_id, l.author_id, l.log_date, l.category, l.content, l.created_at, "
    "COALESCE(o.name, l.org_id), COALESCE(u.username, ''), COALESCE(u.display_name, '') "
    "FROM office_logs l LEFT JOIN orgs o ON o.org_id = l.org_id "
    "LEFT JOIN users u ON u.user_id = l.author_id ";

OfficeLogRow ReadLog(Reader& r) {
  OfficeLogRow l;
  l.log_id = r.Int();
  l.org_id = r.Text();
  l.author_id = r.Int();
  l.log_date = r.Day();
  l.category = r.Text();
  l.content = r.Text();
  l.created_at = r.Int();
  l.org_name = r.Text();
  l.author = r.Text();
  l.author_name = r.Text();
  return l;
}

// WHERE of the list and the count: the scope at $1 (unless all), then the filter values in
// the order Bind() binds them; `*next` is the number of the next free parameter.
std::string Where(const OrgScope& scope, const OfficeLogFilter& f, int* next) {
  int& n = *next;
  n = scope.all() ? 1 : 2;
  std::string w = "WHERE " + ScopeSql(scope, {"l.org_id"}, 1);
  if (!f.org_id.empty()) w += " AND l.org_id = $" + std::to_string(n++);
  if (f.from) w += " AND l.log_date >= $" + std::to_string(n++);
  if (f.to) w += " AND l.log_date <= $" + std::to_string(n++);
  return w;
}

Binder& Bind(Binder& b, const OrgScope& scope, const OfficeLogFilter& f) {
  b.Scope(scope);
  if (!f.org_id.empty()) b.Text(f.org_id);
  if (f.from) b.Day(*f.from);
  if (f.to) b.Day(*f.to);
  return b;
}

}  // namespace

Result<int64_t> InsertOfficeLog(Database& db, const OfficeLogRow& row) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("INSERT INTO office_logs (org_id, author_id, log_date, "
                                          "category, content, created_at) VALUES ($1, $2, $3, "
                                          "$4, $5, $6)"));
  Binder(*st)
      .Text(row.org_id)
      .Int(row.author_id)
      .Day(row.log_date)
      .Text(row.category)
      .Text(row.content)
      .Int(row.created_at);
  ZJ_RETURN_IF_ERROR(st->Run());
  return QueryInt(db, "SELECT last_insert_rowid()");
}

Result<OfficeLogRow> GetOfficeLog(Database& db, const OrgScope& scope, int64_t log_id) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string(kSelect) + "WHERE l.log_id = $1 AND " +
                                          ScopeSql(scope, {"l.org_id"}, 2)));
  Binder(*st).Int(log_id).Scope(scope);
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) {
    return NotFound("检察日志 " + std::to_string(log_id) + " 不存在或不在本院管辖范围内");
  }
  Reader r(*st);
  return ReadLog(r);
}

Result<std::vector<OfficeLogRow>> ListOfficeLogs(Database& db, const OrgScope& scope,
                                                 const OfficeLogFilter& filter) {
  int n = 0;
  const std::string where = Where(scope, filter, &n);
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare(std::string(kSelect) + where +
                                          " ORDER BY l.log_date DESC, l.log_id DESC LIMIT $" +
                                          std::to_string(n) + " OFFSET $" + std::to_string(n + 1)));
  Binder b(*st);
  Bind(b, scope, filter).Int(filter.limit).Int(filter.offset);
  return ReadAll<OfficeLogRow>(*st, ReadLog);
}

Result<int64_t> CountOfficeLogs(Database& db, const OrgScope& scope,
                                const OfficeLogFilter& filter) {
  int n = 0;
  ZJ_ASSIGN_OR_RETURN(auto st,
                      db.Prepare("SELECT COUNT(*) FROM office_logs l " + Where(scope, filter, &n)));
  Binder b(*st);
  Bind(b, scope, filter);
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  return row ? st->ColumnInt(0) : 0;
}

}  // namespace zj::storage
