#pragma once
// The legal numbers and small date functions behind the supervision models M09–M25
// (RULEBOOK §7 社区矫正, §8 羁押期限, §9 计分考核, §10 劳动时间, §11 财产刑,
// §12 看守所/强制医疗/指定居所监视居住), so that no model writes a legal number itself.
//
// Every number here comes from a row of the rulebook tables: periods are `law::N` rows of
// rulebook.cc (ask `Number(N::kX)`), other quantities (points, hours, shares) are `law::Q`
// rows below; each row carries its rule ID, citation, Chinese note, UNCONFIRMED flag and the
// date range in which it is in force where the RULEBOOK gives one. A function that depends on
// the date takes the date that decides which rule applies and says which date that is.
//
// Deadlines follow JX-CONV-02 (period.h): the day a period runs from is not counted; a period
// of N days ends on from + N, a period of months on CorrespondingDay(from, months). The
// returned `Deadline::date` is the last day on which the act is in time; an act (or custody)
// after that day is late. No holiday extension: the periods here either concern people in
// custody (在押, never extended) or are compared by models that flag, not convict.
//
// Pure (no I/O, no clock, no globals beyond immutable tables) and thread-safe.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "common/date.h"
#include "common/period.h"
#include "common/status.h"
#include "law/rulebook.h"

namespace zj::law {

// ---------------------------------------------------------------------------------------
// Quantities that are not periods. Periods (days, months, years) are `N` rows in rulebook.h.

enum class Q : uint8_t {
  // JX-PTS-01 monthly base (司规〔2021〕3号 第10–13条、第20条)
  kPointsBaseSupervision,        // 监管改造 35
  kPointsBaseEducation,          // 教育和文化改造 35
  kPointsBaseLabour,             // 劳动改造 30
  kPointsBaseUnableSupervision,  // 丧失劳动能力: 监管改造 50
  kPointsBaseUnableEducation,    // 丧失劳动能力: 教育和文化改造 50
  // JX-PTS-02 ordinary bonus per part ≤ this share of the part's base (50%)
  kPointsBonusShare,
  // JX-PTS-03 专项加分
  kPointsSpecialPerEvent,
  kPointsSpecialPerYear,
  // JX-PTS-04 deductions
  kPointsWarning,
  kPointsDemerit,
  kPointsConfinement,
  // JX-PTS-05 cycle
  kPointsCycle,
  // JX-LAB-02 (UNCONFIRMED: overridable, see LabourLimits)
  kLabourDayHours,
  kLabourWeekHours,
  kJuvenileDayHours,
  kJuvenileWeekHours,
  kRestDaysPerWeek,
  // JX-CC-14 脱管: lost contact / left without approval / overstayed leave, hours (from 2026-02-21)
  kAbsenceHours,
  // JX-CC-10 court decides on arrest with a revocation proposal, hours
  kRevocationArrestHours,
  // JX-ZJJ-01 family notified of 指定居所监视居住, hours
  kRsdlFamilyNoticeHours,
  kCount
};

struct LawQuantity {
  Q name;
  double value;
  std::string_view unit;           // 中文: "分", "小时", "日"
  std::string_view rule;           // RULEBOOK rule ID
  std::string_view citation;       // 条文
  std::string_view note;           // 中文: what the quantity is
  bool unconfirmed = false;        // RULEBOOK marks it UNCONFIRMED
  std::optional<Date> from = {};   // in force from (inclusive); nullopt = RULEBOOK gives no date
  std::optional<Date> until = {};  // in force until (inclusive); nullopt = still in force

  bool InForceOn(Date d) const { return (!from || d >= *from) && (!until || d <= *until); }
};

const LawQuantity& Quantity(Q name);
std::span<const LawQuantity> AllQuantities();

// ---------------------------------------------------------------------------------------
// Deadlines.

struct Deadline {
  Date date;                  // last day on which the act is in time (JX-CONV-02)
  Date from;                  // the day the period runs from (not counted)
  Period period;              // the period counted from `from`
  std::string_view rule;      // RULEBOOK rule ID, e.g. "JX-CC-01"
  std::string_view citation;  // 条文
};

// ---- §7 community correction (社区矫正) ----

// JX-CC-01: a person under 管制/缓刑/假释 reports to the county office within 10 days of the
// judgment or ruling taking effect (`effective`). Late when reported_date > date.
Deadline ReportDeadline(Date effective);

// JX-CC-14 / JX-CC-06..09: how long an absence (lost contact, leaving the city/county without
// approval, overstaying an approved leave) may last before it is 脱管.
//   From 2026-02-21 (司发通〔2026〕8号): more than 48 hours → rule "JX-CC-14".
//   Before: no numeric national definition; the only numbers are those of the sanctions:
//   more than 10 days → 警告 (rule "JX-CC-07"), more than 1 month → revocation (JX-CC-08/09).
// "超过" excludes the number (JX-CONV-03): an absence counts when it lasts strictly longer
// than `seconds`. `on` is the Beijing date on which the absence began (for an overdue leave:
// the day the leave ended).
struct AbsenceThreshold {
  int64_t seconds;            // strictly longer than this counts
  int hours;                  // the same, in hours (48 or 240)
  bool national_48h;          // true from 2026-02-21
  std::string_view rule;      // "JX-CC-14" or "JX-CC-07"
  std::string_view citation;  // 条文
  std::string_view note;      // 中文: which threshold applies and why
  Period revocation;  // absence longer than this → 撤销缓刑/假释 (JX-CC-08/09): 1 month
};
AbsenceThreshold AbsenceThresholdOn(Date on);
inline const Date kAbsence48hFrom = *Date::FromCivil(2026, 2, 21);  // 司发通〔2026〕8号

// JX-CC-03 leaving the city/county (请假外出), by the date the leave starts:
//   from 2020-07-01 (社区矫正法实施办法 第26–28条): apply normally 3 days ahead (一般: not a
//   violation alone); ≤ 7 days 司法所 may approve; county approves at most 30 days a trip;
//   more than 30 days, or more than 30 days in total within 2 months → next-level approval.
//   before 2020-07-01 (司发通〔2012〕12号 第13条): ≤ 7 days 司法所, > 7 days county, absence
//   ≤ 1 month in total; no advance-application or 2-month window numbers.
struct LeaveRules {
  std::optional<Period> apply_ahead;        // 3 days (2020); nullopt (2012)
  Period sub_office_max;                    // 7 days: 司法所 may approve up to this
  Period county_max;                        // 30 days a trip (2020) / 1 month in all (2012)
  std::optional<Period> cumulative_window;  // 2 months (2020)
  std::optional<Period> cumulative_max;     // 30 days within the window (2020)
  std::string_view rule;                    // "JX-CC-03" (the 2012 text is under JX-CC-08)
  std::string_view citation;
};
LeaveRules LeaveRulesOn(Date leave_start);
inline const Date kCorrectionLaw2020From = *Date::FromCivil(2020, 7, 1);  // 社区矫正法

// JX-ZJ-09: the next 保外就医 medical re-examination is due 3 months after the previous
// one (or the decision): CorrespondingDay(previous, 3 months).
Deadline MedicalReviewDue(Date previous);
// JX-ZJ-10: after a `no_longer_eligible` review, 收监 within `o.recommit_days` (PARAM, default
// 30; the RULEBOOK's 30 days is for the deciding body's ruling, 社区矫正法 第49条).
Deadline RecommitDue(Date review, const Options& o = {});

// ---- §8 custody limits (羁押期限, JX-CUST-*) ----

// The limit of one EXCHANGE `detention_stage`, counted from the row's `stage_start`:
//   criminal_detention_7   start + 7 days (刑诉法 第91条: 3 + 4); extended: + 7 days while the
//                          procuratorate decides an arrest request (第91条第3款)
//   criminal_detention_30  start + 30 days (流窜、多次、结伙); extended: + 7 days as above
//   investigation          2 months (第156条); no extension within this stage code
//   investigation_ext1     1 month (第156条)   — each ext row runs from its own stage_start
//   investigation_ext2     2 months (第158条)  — (chained counting, see InvestigationDeadline)
//   investigation_ext3     2 months (第159条)
//   prosecution_review     1 month; extended: + 15 days (重大复杂, 第172条)
//   first_instance         3 months ("二个月以内宣判，至迟不得超过三个月", 第208条: no
//                          document needed up to 3 months); extended: + 3 months (上一级法院)
//   second_instance        2 months; extended: + 2 months (高级法院, 第243条)
//   awaiting_delivery      (stage_start = the judgment's effective date) documents within 10
//                          days (JX-DELIV-01), then 公安 delivers within 1 month (JX-DELIV-02):
//                          CorrespondingDay(start + 10 days, 1 month); rule "JX-DELIV-02"
//   serving_in_center      no stage limit: the remainder rule JX-DELIV-03 (ServeInCentre) and
//                          the term end decide; `deadline` is nullopt
// Further extensions with no fixed limit (最高法/最高检/全国人大常委会 approval; 第157条) and
// restarts (new crime, identity, 退回补充侦查, 精神病鉴定 not counted) show as a new stage row.
// A model reports JX-CUST-01 when custody continues after `deadline` with no extension
// document, and needs a person's review (not a violation) between `deadline` and
// `extended_deadline` when there is one. Unknown stage code → kInvalidArgument (Chinese).
struct StageLimit {
  std::string_view stage;                 // EXCHANGE code
  std::optional<Date> deadline;           // last lawful day without a further document
  Period period;                          // counted from `from`
  Date from;                              // stage_start (+ 10 days for awaiting_delivery)
  std::optional<Date> extended_deadline;  // last lawful day with the stage's own extension
  Period extension;                       // what the extension adds (0 when none)
  bool chain_ambiguous = false;           // JX-CONV-02 / UNCONFIRMED #4 (investigation_ext*)
  std::string_view rule;                  // "JX-CUST-01", "JX-DELIV-02", "JX-DELIV-03"
  std::string_view citation;              // 条文 of the base limit
  std::string_view note;                  // 中文: how the limit is counted
};
Result<StageLimit> CustodyStageLimit(std::string_view stage, Date stage_start);
// The EXCHANGE detention_stage codes, in EXCHANGE order.
std::span<const std::string_view> CustodyStages();

// Investigation custody after arrest (逮捕后侦查羁押) with `extensions` (0–3) approved
// extensions, counted two ways (JX-CONV-02; UNCONFIRMED #4): chained — each extension from
// the previous deadline — and cumulative — all months from the arrest. When they differ a
// model emits a boundary-ambiguous warning, not a violation.
struct ChainedDeadline {
  Date chained;
  Date cumulative;
  bool ambiguous() const { return chained != cumulative; }
};
ChainedDeadline InvestigationDeadline(Date arrest, int extensions);

// JX-CUST-04 久押不决 (UNCONFIRMED date of the 2015 规定): custody of more than 5 years while
// the case is still before investigation/prosecution/first or second instance. The first day
// on which a person held since `custody_start` has been held more than 5 years:
// CorrespondingDay(custody_start, 5 years).
Date ProtractedCustodyFrom(Date custody_start);

// JX-DELIV-03 (for M23): may a person delivered on `delivery` with term end `term_end` serve
// the rest in the detention centre? Remainder counted to the release day (term_end + 1):
// within 3 months → allowed; exactly 3 months → boundary (刑诉规则 第659条 "三个月以上":
// WARNING only); longer → not allowed. Same arithmetic as the law engine's own check.
enum class CentreServe : uint8_t { kAllowed, kBoundary, kNotAllowed };
CentreServe ServeInCentre(Date delivery, Date term_end);

// ---- §9 prison scoring (计分考核) ----

// JX-PTS-01/02/04 for the month that starts on `month_start` (any day of the month works;
// the rules in force on its first day apply). nullopt before 2021-10-01: no national cap
// existed and models decide nothing about the bonus cap for that month.
struct PointsRules {
  struct Part {
    std::string_view name;  // 中文: "监管改造"
    double base;
    double bonus_cap;  // ≤ 50% of base (JX-PTS-02); parts cannot offset each other
  };
  std::array<Part, 3> parts;  // the first `part_count` are used
  int part_count;             // 3, or 2 for a person assessed as unable to work
  double base_total;          // 100
  double monthly_bonus_cap;   // sum of the part caps: 50 (17.5 + 17.5 + 15, or 25 + 25)
  double warning;             // 警告 −100
  double demerit;             // 记过 −200
  double confinement;         // 禁闭 −400
  std::string_view citation;  // "司规〔2021〕3号"
};
std::optional<PointsRules> PointsRulesOn(Date month_start, bool unable_to_work = false);
inline const Date kPoints2021From = *Date::FromCivil(2021, 10, 1);  // 司规〔2021〕3号

// ---- §10 labour time (JX-LAB-02, UNCONFIRMED) ----

// Defaults from the Q rows; every field is UNCONFIRMED, so models expose each as a parameter
// defaulting to this value (`PARAM:` in a finding's basis when the user changed it).
struct LabourLimits {
  double day_hours;            // 8
  double week_hours;           // 48 (the rule says "average"; models compare per ISO week)
  double juvenile_day_hours;   // 4
  double juvenile_week_hours;  // 24
  int min_rest_days_per_week;  // 1
};
LabourLimits DefaultLabourLimits();

// ---- §11 property penalties (财产刑, 法释〔2014〕13号 from 2014-11-06) ----

// JX-FIN-02: 立案 within 7 days of the transfer (移送) when the file is complete. `transferred`
// is the transfer date. nullopt before 2014-11-06. The transfer itself has no period in the
// RULEBOOK: M19 uses its own PARAM property_transfer_days (MODELS.md default 30 days after
// the judgment takes effect), cited as `PARAM:property_transfer_days`, not as law.
std::optional<Deadline> PropertyFilingDeadline(Date transferred);
// JX-FIN-03: the execution case closes within 6 months of 立案 (`filed`), extendable with the
// court president's approval. nullopt before 2014-11-06.
std::optional<Deadline> PropertyExecutionDeadline(Date filed);

// ---- §12 compulsory medical treatment, residential surveillance ----

// JX-QZYL-01: the court serves the 强制医疗 decision and execution notice on 公安 within 5
// days of the decision (解释 第641条). The RULEBOOK gives no separate period for 公安's
// delivery to the institution; M25 compares `delivered_date` with this deadline.
Deadline CompulsoryMedicalServeDeadline(Date decision);
// JX-ZJJ-01: 指定居所监视居住 lasts at most 6 months from `start` (刑诉法 第79条), counted as a
// procedural period: the last lawful day is CorrespondingDay(start, 6 months).
Deadline ResidenceSurveillanceEnd(Date start);

}  // namespace zj::law
