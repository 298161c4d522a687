#pragma once
// A person's records from the exchange data, as the person page shows them beside the
// sentences: custody events (出入监), monthly points (计分考核), rewards and sanctions (奖惩),
// jobs (岗位), the monthly account (罪犯账户), property-penalty execution with its payments
// (财产刑执行), and community corrections (社区矫正) with their events and leaves (请假).
//
// Codes are returned as stored (labels are the caller's: domain/codes.h); money in fen; dates
// as Date; months as year*12 + month-1 (common/date.h ParseMonth). Facility / office / court
// names are joined from orgs.
//
// Scope: every query is bound to an OrgScope — the person must be inside it
// (case_store.h PersonInScope); then the whole record is returned, including what happened in
// facilities of other jurisdictions (a person's history is one history). Outside the scope →
// kNotFound, like an unknown person.
//
// Not thread-safe: uses one Database.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "storage/database.h"
#include "storage/scope.h"

namespace zj::storage {

struct CustodyRecord {
  Date date;
  std::string event;
  std::string facility_org_id;
  std::string facility_name;
  std::string note;
};

struct PointsRecord {
  int32_t month = 0;
  std::string facility_name;
  std::optional<double> base, bonus, deduction, total;
  std::string rating;
};

struct RewardRecord {
  Date date;
  std::string kind;
  std::optional<int64_t> days;
  std::string reason;
  std::string facility_name;
};

struct JobRecord {
  std::optional<Date> start_date, end_date;
  std::string unit, post, post_class;
  std::string facility_name;
};

struct AccountRecord {
  int32_t month = 0;
  std::optional<int64_t> deposits, spending, balance;  // fen
};

struct PaymentRecord {
  Date date;
  int64_t amount = 0;  // fen
  std::string source;
};

struct PropertyRecord {
  std::string exec_id;
  std::string sentence_id;
  std::string court_name;
  std::optional<Date> filed_date;
  std::optional<int64_t> amount_due;  // fen
  std::string status;
  int64_t paid = 0;  // fen, the sum of the payments
  std::vector<PaymentRecord> payments;
};

struct CorrectionEventRecord {
  Date date;
  std::string event;
  std::string note;
};

struct LeaveRecord {
  std::string leave_id;
  std::string correction_id;
  Timestamp start_ts = 0;
  Timestamp end_ts = 0;
  std::string destination_region_code;
  std::string status;
  std::optional<Timestamp> returned_ts;
};

struct CorrectionRecord {
  std::string correction_id;
  int64_t row_no = 0;  // positions refer to it (storage/position_reader.h)
  std::string correction_type;
  std::string office_org_id;
  std::string office_name;
  std::string office_region_code;
  std::string residence_region_code;
  std::optional<Date> start_date, end_date, reported_date;
  std::string status;
  std::optional<bool> monitored;
  std::vector<CorrectionEventRecord> events;
  std::vector<LeaveRecord> leaves;
};

struct PersonRecords {
  std::vector<CustodyRecord> custody;
  std::vector<PointsRecord> points;
  std::vector<RewardRecord> rewards;
  std::vector<JobRecord> jobs;
  std::vector<AccountRecord> accounts;
  std::vector<PropertyRecord> property;
  std::vector<CorrectionRecord> corrections;
};

// Every record of the person, each list in date (month) order. Call inside one read
// transaction for a consistent view.
Result<PersonRecords> GetPersonRecords(Database& db, const OrgScope& scope,
                                       const std::string& person_id);

// One correction whose office is in scope, with its events and leaves; kNotFound otherwise.
Result<CorrectionRecord> GetCorrection(Database& db, const OrgScope& scope,
                                       const std::string& correction_id);

// The leave's correction_id, if the leave exists and its correction's office is in scope.
Result<std::string> CorrectionOfLeave(Database& db, const OrgScope& scope,
                                      const std::string& leave_id);

struct TrackPoint {
  Timestamp ts = 0;
  int32_t lon_e6 = 0;
  int32_t lat_e6 = 0;
  std::string source;  // bracelet | phone | checkin | ""
};
struct Track {
  std::vector<TrackPoint> points;  // in time order
  int64_t stored = 0;              // positions in the range
  bool thinned = false;            // more than max_points: every k-th kept
};
// The positions of the correction at `row_no` in [ts_from, ts_to] (inclusive), if its office is
// in scope (else kNotFound). More than `max_points` are thinned evenly (every k-th position,
// k = ceil(stored / max_points)).
Result<Track> ReadTrack(Database& db, const OrgScope& scope, int64_t row_no, Timestamp ts_from,
                        Timestamp ts_to, int64_t max_points);

}  // namespace zj::storage
