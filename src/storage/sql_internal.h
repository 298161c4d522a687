#pragma once
// Helpers shared by the store files of src/storage that write SQL by hand (account_store,
// case_store, dashboard_store, office_log_store, person_records, track_store). Not a public
// interface: nothing outside src/storage includes it.
//
// Parameters are bound in order ($1, $2, …) through Binder; a jurisdiction is bound as one
// JSON array read with json_each (storage/scope.h), written by ScopeSql / PersonScopeSql.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "storage/case_store.h"
#include "storage/database.h"
#include "storage/scope.h"

namespace zj::storage::internal {

// Binds parameters in order: $1, $2, …
class Binder {
 public:
  explicit Binder(Statement& st) : st_(st) {}
  Binder& Text(const std::string& s) {
    st_.BindText(++i_, s);
    return *this;
  }
  Binder& OptText(const std::string& s) {
    if (s.empty()) {
      st_.BindNull(++i_);
    } else {
      st_.BindText(++i_, s);
    }
    return *this;
  }
  Binder& Int(int64_t v) {
    st_.BindInt(++i_, v);
    return *this;
  }
  Binder& OptInt(const std::optional<int64_t>& v) {
    if (v) {
      st_.BindInt(++i_, *v);
    } else {
      st_.BindNull(++i_);
    }
    return *this;
  }
  Binder& Day(Date d) { return Int(d.days()); }
  Binder& OptDay(const std::optional<Date>& d) {
    return OptInt(d ? std::optional<int64_t>(d->days()) : std::nullopt);
  }
  // The scope's JSON, unless the scope is the whole store (ScopeSql then wrote no parameter).
  Binder& Scope(const OrgScope& scope) {
    if (!scope.all()) Text(scope.json());
    return *this;
  }
  int next() const { return i_ + 1; }

 private:
  Statement& st_;
  int i_ = 0;
};

// Reads result columns in order.
class Reader {
 public:
  explicit Reader(const Statement& st) : st_(st) {}
  std::string Text() {
    int c = i_++;
    return st_.IsNull(c) ? std::string() : std::string(st_.ColumnText(c));
  }
  int64_t Int() { return st_.ColumnInt(i_++); }
  std::optional<int64_t> OptInt() {
    int c = i_++;
    if (st_.IsNull(c)) return std::nullopt;
    return st_.ColumnInt(c);
  }
  std::optional<double> OptReal() {
    int c = i_++;
    if (st_.IsNull(c)) return std::nullopt;
    return st_.ColumnReal(c);
  }
  Date Day() { return Date::FromDays(static_cast<int32_t>(st_.ColumnInt(i_++))); }
  std::optional<Date> OptDay() {
    auto v = OptInt();
    if (!v) return std::nullopt;
    return Date::FromDays(static_cast<int32_t>(*v));
  }

 private:
  const Statement& st_;
  int i_ = 0;
};

// The columns of an OrgBrief from `orgs o`, in the order ReadOrgBrief reads them.
inline constexpr std::string_view kOrgBriefColumns =
    "o.org_id, o.name, o.org_type, o.parent_id, o.region_code, o.stationed_at";

inline OrgBrief ReadOrgBrief(Reader& r) {
  OrgBrief o;
  o.org_id = r.Text();
  o.name = r.Text();
  o.org_type = r.Text();
  o.parent_id = r.Text();
  o.region_code = r.Text();
  o.stationed_at = r.Text();
  return o;
}

// "1" for the whole store, else `expr IN (json_each($n))` for each expr, OR-ed, binding the
// scope's JSON at $n.
inline std::string ScopeSql(const OrgScope& scope, std::initializer_list<std::string_view> exprs,
                            int param) {
  if (scope.all()) return "1";
  std::string s = "(";
  for (std::string_view e : exprs) {
    if (s.size() > 1) s += " OR ";
    s += std::string(e) + " IN (SELECT value FROM json_each($" + std::to_string(param) + "))";
  }
  return s + ")";
}

// `text` as a LIKE pattern matching it anywhere, with % _ \ escaped (use ESCAPE '\').
inline std::string LikePattern(const std::string& text) {
  std::string p = "%";
  for (char ch : text) {
    if (ch == '%' || ch == '_' || ch == '\\') p += '\\';
    p += ch;
  }
  return p + "%";
}

// EXISTS over every table that ties a person to an org, for person `person_expr`, with the
// scope's JSON at $`param` (storage/case_store.h PersonInScope).
inline std::string PersonScopeSql(const OrgScope& scope, const std::string& person_expr,
                                  int param) {
  if (scope.all()) return "1";
  const std::string in = " IN (SELECT value FROM json_each($" + std::to_string(param) + "))";
  const std::string p = person_expr;
  return "(EXISTS (SELECT 1 FROM custody_events x WHERE x.person_id = " + p +
         " AND x.facility_org_id" + in +
         ") OR EXISTS (SELECT 1 FROM corrections x WHERE "
         "x.person_id = " +
         p + " AND x.office_org_id" + in +
         ") OR EXISTS (SELECT 1 FROM "
         "detentions x WHERE x.person_id = " +
         p + " AND x.facility_org_id" + in +
         ") OR EXISTS (SELECT 1 FROM term_changes x WHERE x.person_id = " + p +
         " AND x.proposing_org_id" + in +
         ") OR EXISTS (SELECT 1 FROM sentences x WHERE "
         "x.person_id = " +
         p + " AND x.court_org_id" + in +
         ") OR EXISTS (SELECT 1 FROM clues x "
         "WHERE x.person_id = " +
         p + " AND x.org_id" + in + "))";
}

// Every row of a stepped statement, through `read(Reader&)`.
template <typename Row, typename ReadFn>
Result<std::vector<Row>> ReadAll(Statement& st, ReadFn read) {
  std::vector<Row> out;
  while (true) {
    ZJ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    Reader r(st);
    out.push_back(read(r));
  }
  return out;
}

}  // namespace zj::storage::internal
