#include "storage/dashboard_store.h"

#include <algorithm>

#include "storage/sql_internal.h"

namespace zj::storage {
namespace {

using internal::Binder;
using internal::ReadAll;
using internal::Reader;
using internal::ScopeSql;

// SQL true for an open clue `c` with its triage row `t` (LEFT JOIN clue_triage t).
std::string OpenClueSql() {
  std::string s = "(c.status = 'open' AND COALESCE(t.state, 'new') IN (";
  for (size_t i = 0; i < kOpenClueTriageStates.size(); ++i) {
    s += (i ? ", '" : "'") + std::string(kOpenClueTriageStates[i]) + "'";
  }
  return s + "))";
}

constexpr std::string_view kClueFrom =
    " FROM clues c LEFT JOIN clue_triage t ON t.clue_no = c.clue_no ";

// "SUM(x >= $a AND x < $b), …" for consecutive bounds at parameters first, first+1, ….
std::string PeriodSums(std::string_view x, size_t periods, int first) {
  std::string s;
  for (size_t i = 0; i < periods; ++i) {
    if (i) s += ", ";
    s += "COALESCE(SUM(" + std::string(x) + " >= $" + std::to_string(first + int(i)) + " AND " +
         std::string(x) + " < $" + std::to_string(first + int(i) + 1) + "), 0)";
  }
  return s;
}

Status CheckBounds(std::span<const Timestamp> bounds) {
  if (bounds.size() < 2) return InvalidArgument("统计期间至少需要两个边界");
  for (size_t i = 1; i < bounds.size(); ++i) {
    if (bounds[i] < bounds[i - 1]) return InvalidArgument("统计期间的边界应当递增");
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<std::pair<std::string, int64_t>>> OpenCluesByRegion(Database& db,
                                                                       const OrgScope& scope) {
  // Counted per org first, then summed per region: one org lookup per org, not per clue.
  ZJ_ASSIGN_OR_RETURN(
      auto st, db.Prepare("SELECT COALESCE(o.region_code, ''), SUM(n.open) FROM (SELECT c.org_id, "
                          "COUNT(*) AS open" +
                          std::string(kClueFrom) + "WHERE " + OpenClueSql() + " AND " +
                          ScopeSql(scope, {"c.org_id"}, 1) +
                          " GROUP BY c.org_id) n LEFT JOIN orgs o ON o.org_id = n.org_id "
                          "GROUP BY 1 ORDER BY 1"));
  Binder(*st).Scope(scope);
  return ReadAll<std::pair<std::string, int64_t>>(*st, [](Reader& r) {
    std::string code = r.Text();
    return std::make_pair(std::move(code), r.Int());
  });
}

Result<int64_t> CountOpenCluesCreated(Database& db, const OrgScope& scope, Timestamp t0,
                                      Timestamp t1) {
  ZJ_ASSIGN_OR_RETURN(
      auto st, db.Prepare("SELECT COUNT(*)" + std::string(kClueFrom) +
                          "WHERE c.created_at >= $1 AND c.created_at < $2 AND " + OpenClueSql() +
                          " AND " + ScopeSql(scope, {"c.org_id"}, 3)));
  Binder(*st).Int(t0).Int(t1).Scope(scope);
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  return row ? st->ColumnInt(0) : 0;
}

Result<std::vector<ModelClueCount>> CluesByModel(Database& db, const OrgScope& scope) {
  ZJ_ASSIGN_OR_RETURN(
      auto st, db.Prepare("SELECT c.model, COALESCE(SUM(" + OpenClueSql() + "), 0), COUNT(*)" +
                          std::string(kClueFrom) + "WHERE " + ScopeSql(scope, {"c.org_id"}, 1) +
                          " GROUP BY c.model ORDER BY c.model"));
  Binder(*st).Scope(scope);
  return ReadAll<ModelClueCount>(*st, [](Reader& r) {
    ModelClueCount m;
    m.model = r.Text();
    m.open = r.Int();
    m.total = r.Int();
    return m;
  });
}

Result<std::vector<OrgClueCount>> OpenCluesByOrg(Database& db, const OrgScope& scope,
                                                 int64_t limit) {
  ZJ_ASSIGN_OR_RETURN(auto st,
                      db.Prepare("SELECT " + std::string(internal::kOrgBriefColumns) +
                                 ", n.open FROM (SELECT c.org_id, COUNT(*) "
                                 "AS open" +
                                 std::string(kClueFrom) + "WHERE " + OpenClueSql() + " AND " +
                                 ScopeSql(scope, {"c.org_id"}, 2) +
                                 " GROUP BY c.org_id) n JOIN orgs o ON "
                                 "o.org_id = n.org_id ORDER BY n.open DESC, o.org_id LIMIT $1"));
  Binder(*st).Int(limit).Scope(scope);
  return ReadAll<OrgClueCount>(*st, [](Reader& r) {
    OrgClueCount c;
    c.org = internal::ReadOrgBrief(r);
    c.open = r.Int();
    return c;
  });
}

Result<std::vector<PeriodCount>> ClueTrend(Database& db, const OrgScope& scope,
                                           std::span<const Timestamp> bounds) {
  ZJ_RETURN_IF_ERROR(CheckBounds(bounds));
  const size_t n = bounds.size() - 1;
  // When a clue stopped being open: the triage decision, the closing of its case, or the run
  // that no longer found it.
  const std::string resolved_at =
      "CASE WHEN t.state IN ('dismissed', 'merged') THEN t.updated_at "
      "WHEN t.state = 'promoted' THEN (SELECT k.closed_on * 86400 - 28800 FROM cases k WHERE "
      "k.case_id = t.case_id AND k.closed_on IS NOT NULL) "
      "WHEN c.status = 'resolved_by_data' THEN (SELECT MAX(h.at) FROM clue_history h WHERE "
      "h.clue_no = c.clue_no AND h.event = 'resolved_by_data') END";
  // The rows touching the periods are read and put in their period here: one pass, where 2n
  // SQL sums per row cost ~20x more on a province.
  ZJ_ASSIGN_OR_RETURN(
      auto st, db.Prepare("SELECT x.created_at, x.resolved_at FROM (SELECT c.created_at, " +
                          resolved_at + " AS resolved_at" + std::string(kClueFrom) + "WHERE " +
                          ScopeSql(scope, {"c.org_id"}, 3) +
                          ") x WHERE (x.created_at >= $1 AND x.created_at < $2) OR "
                          "(x.resolved_at >= $1 AND x.resolved_at < $2)"));
  Binder(*st).Int(bounds.front()).Int(bounds.back()).Scope(scope);
  std::vector<PeriodCount> out(n);
  // The period holding instant t, or n when it is outside every period.
  const auto period = [&](std::optional<int64_t> t) -> size_t {
    if (!t || *t < bounds.front() || *t >= bounds.back()) return n;
    return static_cast<size_t>(std::upper_bound(bounds.begin(), bounds.end(), *t) -
                               bounds.begin()) -
           1;
  };
  for (;;) {
    ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    Reader r(*st);
    if (size_t i = period(r.Int()); i < n) ++out[i].found;
    if (size_t i = period(r.OptInt()); i < n) ++out[i].resolved;
  }
  return out;
}

Result<DeadlineCounts> CountOpenDeadlines(Database& db, const OrgScope& scope, Date today,
                                          Date due_by) {
  ZJ_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare("SELECT COALESCE(SUM(d.due_date < $1), 0), COALESCE(SUM(d.due_date >= $1 AND "
                 "d.due_date <= $2), 0) FROM case_deadlines d JOIN cases c ON c.case_id = "
                 "d.case_id WHERE d.met_on IS NULL AND d.cancelled = 0 AND " +
                 ScopeSql(scope, {"c.handling_org_id", "c.subject_org_id"}, 3)));
  Binder(*st).Day(today).Day(due_by).Scope(scope);
  DeadlineCounts k;
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  if (row) {
    k.overdue = st->ColumnInt(0);
    k.due_soon = st->ColumnInt(1);
  }
  return k;
}

Result<std::vector<int64_t>> CaseworkActivity(Database& db, const OrgScope& scope,
                                              std::span<const Timestamp> bounds) {
  ZJ_RETURN_IF_ERROR(CheckBounds(bounds));
  const size_t n = bounds.size() - 1;
  const int p = static_cast<int>(bounds.size()) + 1;
  const std::string case_scope = ScopeSql(scope, {"c.handling_org_id", "c.subject_org_id"}, p);
  ZJ_ASSIGN_OR_RETURN(
      auto st,
      db.Prepare("SELECT " + PeriodSums("x.at", n, 1) +
                 " FROM (SELECT c.created_at AS at FROM clues c WHERE " +
                 ScopeSql(scope, {"c.org_id"}, p) +
                 " UNION ALL SELECT c.accepted_on * 86400 - 28800 FROM cases c WHERE " +
                 case_scope +
                 " UNION ALL SELECT d.issued_on * 86400 - 28800 FROM documents d JOIN cases c ON "
                 "c.case_id = d.case_id WHERE d.state = 'issued' AND d.issued_on IS NOT NULL "
                 "AND " +
                 case_scope + ") x"));
  Binder b(*st);
  for (Timestamp t : bounds) b.Int(t);
  b.Scope(scope);
  std::vector<int64_t> out(n, 0);
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  if (row) {
    for (size_t i = 0; i < n; ++i) out[i] = st->ColumnInt(static_cast<int>(i));
  }
  return out;
}

Result<std::vector<OrgBrief>> OrgsInScope(Database& db, const OrgScope& scope) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT " + std::string(internal::kOrgBriefColumns) +
                                          " FROM orgs o WHERE " + ScopeSql(scope, {"o.org_id"}, 1) +
                                          " ORDER BY o.org_id"));
  Binder(*st).Scope(scope);
  return ReadAll<OrgBrief>(*st, internal::ReadOrgBrief);
}

Result<std::vector<OrgUsers>> OrgsWithUserCounts(Database& db) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT " + std::string(internal::kOrgBriefColumns) +
                                          ", (SELECT COUNT(*) FROM users u WHERE u.org_id = "
                                          "o.org_id) FROM orgs o ORDER BY o.org_id"));
  return ReadAll<OrgUsers>(*st, [](Reader& r) {
    OrgUsers o;
    o.org = internal::ReadOrgBrief(r);
    o.users = r.Int();
    return o;
  });
}

}  // namespace zj::storage
