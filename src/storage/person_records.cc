#include "storage/person_records.h"

#include <algorithm>

#include "storage/case_store.h"
#include "storage/position_reader.h"
#include "storage/schema_sql.h"
#include "storage/sql_internal.h"

namespace zj::storage {
namespace {

using internal::Binder;
using internal::ReadAll;
using internal::Reader;
using internal::ScopeSql;

// The rows of one person (or one parent record): `sql` has `$1` = the id.
template <typename Row, typename ReadFn>
Result<std::vector<Row>> Rows(Database& db, const std::string& sql, const std::string& id,
                              ReadFn read) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare(sql));
  Binder(*st).Text(id);
  return ReadAll<Row>(*st, read);
}

int32_t Month(Reader& r) { return static_cast<int32_t>(r.Int()); }

constexpr std::string_view kCorrectionSelect =
    "SELECT k.correction_id, k.row_no, k.correction_type, k.office_org_id, "
    "COALESCE(o.name, k.office_org_id), COALESCE(o.region_code, ''), "
    "COALESCE(k.residence_region_code, ''), k.start_date, k.end_date, k.reported_date, "
    "COALESCE(k.status, ''), k.monitored FROM corrections k LEFT JOIN orgs o ON o.org_id = "
    "k.office_org_id ";

CorrectionRecord ReadCorrection(Reader& r) {
  CorrectionRecord c;
  c.correction_id = r.Text();
  c.row_no = r.Int();
  c.correction_type = r.Text();
  c.office_org_id = r.Text();
  c.office_name = r.Text();
  c.office_region_code = r.Text();
  c.residence_region_code = r.Text();
  c.start_date = r.OptDay();
  c.end_date = r.OptDay();
  c.reported_date = r.OptDay();
  c.status = r.Text();
  if (auto m = r.OptInt()) c.monitored = *m != 0;
  return c;
}

// Events and leaves of `c`.
Status FillCorrection(Database& db, CorrectionRecord& c) {
  ZJ_ASSIGN_OR_RETURN(c.events,
                      Rows<CorrectionEventRecord>(
                          db,
                          "SELECT date, event, COALESCE(note, '') FROM correction_events WHERE "
                          "correction_id = $1 ORDER BY date, event_id",
                          c.correction_id, [](Reader& r) {
                            CorrectionEventRecord e;
                            e.date = r.Day();
                            e.event = r.Text();
                            e.note = r.Text();
                            return e;
                          }));
  ZJ_ASSIGN_OR_RETURN(c.leaves,
                      Rows<LeaveRecord>(db,
                                        "SELECT leave_id, correction_id, start_ts, end_ts, "
                                        "COALESCE(destination_region_code, ''), "
                                        "COALESCE(status, ''), returned_ts FROM leaves WHERE "
                                        "correction_id = $1 ORDER BY start_ts, leave_id",
                                        c.correction_id, [](Reader& r) {
                                          LeaveRecord l;
                                          l.leave_id = r.Text();
                                          l.correction_id = r.Text();
                                          l.start_ts = r.Int();
                                          l.end_ts = r.Int();
                                          l.destination_region_code = r.Text();
                                          l.status = r.Text();
                                          l.returned_ts = r.OptInt();
                                          return l;
                                        }));
  return Status::Ok();
}

}  // namespace

Result<PersonRecords> GetPersonRecords(Database& db, const OrgScope& scope,
                                       const std::string& person_id) {
  ZJ_ASSIGN_OR_RETURN(bool in_scope, PersonInScope(db, scope, person_id));
  if (!in_scope) return NotFound("人员 " + person_id + " 不存在或不在本院管辖范围内");
  PersonRecords p;
  ZJ_ASSIGN_OR_RETURN(p.custody,
                      Rows<CustodyRecord>(db,
                                          "SELECT e.date, e.event, e.facility_org_id, "
                                          "COALESCE(o.name, e.facility_org_id), "
                                          "COALESCE(e.note, '') FROM custody_events e LEFT JOIN "
                                          "orgs o ON o.org_id = e.facility_org_id WHERE "
                                          "e.person_id = $1 ORDER BY e.date, e.event_id",
                                          person_id, [](Reader& r) {
                                            CustodyRecord c;
                                            c.date = r.Day();
                                            c.event = r.Text();
                                            c.facility_org_id = r.Text();
                                            c.facility_name = r.Text();
                                            c.note = r.Text();
                                            return c;
                                          }));
  ZJ_ASSIGN_OR_RETURN(p.points,
                      Rows<PointsRecord>(db,
                                         "SELECT x.month, COALESCE(o.name, x.facility_org_id, ''), "
                                         "x.base, x.bonus, x.deduction, x.total, "
                                         "COALESCE(x.rating, '') FROM points x LEFT JOIN orgs o "
                                         "ON o.org_id = x.facility_org_id WHERE x.person_id = $1 "
                                         "ORDER BY x.month",
                                         person_id, [](Reader& r) {
                                           PointsRecord t;
                                           t.month = Month(r);
                                           t.facility_name = r.Text();
                                           t.base = r.OptReal();
                                           t.bonus = r.OptReal();
                                           t.deduction = r.OptReal();
                                           t.total = r.OptReal();
                                           t.rating = r.Text();
                                           return t;
                                         }));
  ZJ_ASSIGN_OR_RETURN(p.rewards,
                      Rows<RewardRecord>(db,
                                         "SELECT x.date, x.kind, x.days, COALESCE(x.reason, ''), "
                                         "COALESCE(o.name, x.facility_org_id, '') FROM rewards x "
                                         "LEFT JOIN orgs o ON o.org_id = x.facility_org_id WHERE "
                                         "x.person_id = $1 ORDER BY x.date, x.reward_id",
                                         person_id, [](Reader& r) {
                                           RewardRecord w;
                                           w.date = r.Day();
                                           w.kind = r.Text();
                                           w.days = r.OptInt();
                                           w.reason = r.Text();
                                           w.facility_name = r.Text();
                                           return w;
                                         }));
  ZJ_ASSIGN_OR_RETURN(p.jobs,
                      Rows<JobRecord>(db,
                                      "SELECT x.start_date, x.end_date, COALESCE(x.unit, ''), "
                                      "COALESCE(x.post, ''), COALESCE(x.post_class, ''), "
                                      "COALESCE(o.name, x.facility_org_id, '') FROM jobs x LEFT "
                                      "JOIN orgs o ON o.org_id = x.facility_org_id WHERE "
                                      "x.person_id = $1 ORDER BY x.start_date, x.job_id",
                                      person_id, [](Reader& r) {
                                        JobRecord j;
                                        j.start_date = r.OptDay();
                                        j.end_date = r.OptDay();
                                        j.unit = r.Text();
                                        j.post = r.Text();
                                        j.post_class = r.Text();
                                        j.facility_name = r.Text();
                                        return j;
                                      }));
  ZJ_ASSIGN_OR_RETURN(p.accounts,
                      Rows<AccountRecord>(db,
                                          "SELECT month, deposits, spending, balance FROM "
                                          "accounts WHERE person_id = $1 ORDER BY month",
                                          person_id, [](Reader& r) {
                                            AccountRecord a;
                                            a.month = Month(r);
                                            a.deposits = r.OptInt();
                                            a.spending = r.OptInt();
                                            a.balance = r.OptInt();
                                            return a;
                                          }));
  ZJ_ASSIGN_OR_RETURN(
      p.property,
      Rows<PropertyRecord>(db,
                           "SELECT x.exec_id, x.sentence_id, COALESCE(o.name, x.court_org_id, ''),"
                           " x.filed_date, x.amount_due, COALESCE(x.status, '') FROM "
                           "property_cases x LEFT JOIN orgs o ON o.org_id = x.court_org_id WHERE "
                           "x.person_id = $1 ORDER BY x.filed_date, x.exec_id",
                           person_id, [](Reader& r) {
                             PropertyRecord c;
                             c.exec_id = r.Text();
                             c.sentence_id = r.Text();
                             c.court_name = r.Text();
                             c.filed_date = r.OptDay();
                             c.amount_due = r.OptInt();
                             c.status = r.Text();
                             return c;
                           }));
  for (PropertyRecord& c : p.property) {
    ZJ_ASSIGN_OR_RETURN(c.payments,
                        Rows<PaymentRecord>(db,
                                            "SELECT date, amount, COALESCE(source, '') FROM "
                                            "property_payments WHERE exec_id = $1 ORDER BY date, "
                                            "payment_id",
                                            c.exec_id, [](Reader& r) {
                                              PaymentRecord m;
                                              m.date = r.Day();
                                              m.amount = r.Int();
                                              m.source = r.Text();
                                              return m;
                                            }));
    for (const PaymentRecord& m : c.payments) c.paid += m.amount;
  }
  ZJ_ASSIGN_OR_RETURN(p.corrections,
                      Rows<CorrectionRecord>(db,
                                             std::string(kCorrectionSelect) +
                                                 "WHERE k.person_id = $1 ORDER BY k.start_date, "
                                                 "k.correction_id",
                                             person_id, ReadCorrection));
  for (CorrectionRecord& c : p.corrections) ZJ_RETURN_IF_ERROR(FillCorrection(db, c));
  return p;
}

Result<CorrectionRecord> GetCorrection(Database& db, const OrgScope& scope,
                                       const std::string& correction_id) {
  ZJ_ASSIGN_OR_RETURN(
      auto st, db.Prepare(std::string(kCorrectionSelect) + "WHERE k.correction_id = $1 AND " +
                          ScopeSql(scope, {"k.office_org_id"}, 2)));
  Binder(*st).Text(correction_id).Scope(scope);
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return NotFound("社区矫正记录 " + correction_id + " 不存在或不在本院管辖范围内");
  Reader r(*st);
  CorrectionRecord c = ReadCorrection(r);
  st.reset();
  ZJ_RETURN_IF_ERROR(FillCorrection(db, c));
  return c;
}

Result<std::string> CorrectionOfLeave(Database& db, const OrgScope& scope,
                                      const std::string& leave_id) {
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT l.correction_id FROM leaves l JOIN corrections "
                                          "k ON k.correction_id = l.correction_id WHERE "
                                          "l.leave_id = $1 AND " +
                                          ScopeSql(scope, {"k.office_org_id"}, 2)));
  Binder(*st).Text(leave_id).Scope(scope);
  ZJ_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return NotFound("请假记录 " + leave_id + " 不存在或不在本院管辖范围内");
  return std::string(st->ColumnText(0));
}

Result<Track> ReadTrack(Database& db, const OrgScope& scope, int64_t row_no, Timestamp ts_from,
                        Timestamp ts_to, int64_t max_points) {
  // The correction must be in scope; its positions are the key range of its row.
  const std::string where =
      " FROM positions p WHERE p.pos_key >= $1 AND p.pos_key <= $2 AND EXISTS (SELECT 1 FROM "
      "corrections k WHERE k.row_no = $3 AND " +
      ScopeSql(scope, {"k.office_org_id"}, 4) + ")";
  auto bind = [&](Statement& st) {
    Binder(st)
        .Int(PositionKey(row_no, ts_from))
        .Int(PositionKey(row_no, ts_to))
        .Int(row_no)
        .Scope(scope);
  };
  ZJ_ASSIGN_OR_RETURN(auto in_scope,
                      db.Prepare("SELECT 1 FROM corrections k WHERE k.row_no = $1 AND " +
                                 ScopeSql(scope, {"k.office_org_id"}, 2)));
  Binder(*in_scope).Int(row_no).Scope(scope);
  ZJ_ASSIGN_OR_RETURN(bool found, in_scope->Step());
  if (!found) return NotFound("社区矫正记录不存在或不在本院管辖范围内");
  Track t;
  if (ts_from > ts_to) return t;
  ZJ_ASSIGN_OR_RETURN(auto count, db.Prepare("SELECT COUNT(*)" + where));
  bind(*count);
  ZJ_ASSIGN_OR_RETURN(bool row, count->Step());
  t.stored = row ? count->ColumnInt(0) : 0;
  const int64_t cap = std::max<int64_t>(max_points, 1);
  const int64_t stride = t.stored > cap ? (t.stored + cap - 1) / cap : 1;
  t.thinned = stride > 1;
  ZJ_ASSIGN_OR_RETURN(auto st, db.Prepare("SELECT p.pos_key, p.lon, p.lat, COALESCE(p.source, '')" +
                                          where + " ORDER BY p.pos_key"));
  bind(*st);
  constexpr int64_t kOffsetMask = (int64_t{1} << 32) - 1;
  for (int64_t i = 0;; ++i) {
    ZJ_ASSIGN_OR_RETURN(bool more, st->Step());
    if (!more) break;
    if (i % stride != 0) continue;
    TrackPoint q;
    // pos_key = row_no << 32 | (ts - kSeriesEpoch), as PositionScan reads it.
    q.ts = (st->ColumnInt(0) & kOffsetMask) + kSeriesEpoch;
    q.lon_e6 = static_cast<int32_t>(st->ColumnInt(1));
    q.lat_e6 = static_cast<int32_t>(st->ColumnInt(2));
    q.source = std::string(st->ColumnText(3));
    t.points.push_back(std::move(q));
  }
  return t;
}

}  // namespace zj::storage
