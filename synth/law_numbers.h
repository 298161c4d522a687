#pragma once
// Every legal number the generator uses, in one place, with the RULEBOOK rule ID (or the
// MODELS.md parameter) beside it. Lawful background histories keep a margin away from
// each of these (see `policy` below); planted violations miss one of them by a wide margin.
//
// Histories are generated under 法释〔2016〕23号 only: every commutation or parole
// proposal is dated on or after kFirstProposal, so the 2012 regime never applies.
// Pure constants; thread-safe.

#include "common/date.h"
#include "common/period.h"

namespace zj::synth {
namespace law {

// ---- Regimes (JX-CONV-04) ----
// 法释〔2016〕23号 in force from 2017-01-01; background proposals start two months later.
inline const Date kRegime2016 = *Date::FromCivil(2017, 1, 1);     // JX-CONV-04
inline const Date kFirstProposal = *Date::FromCivil(2017, 3, 1);  // (policy, see above)
// 司规〔2021〕3号 scoring from 2021-10-01: points rows start in that month.
inline const Date kPointsRegime = *Date::FromCivil(2021, 10, 1);  // JX-PTS-01

// ---- Commutation start time, fixed term (counted from delivery, 交付执行) ----
inline constexpr Period kStartUnder5y = Period::Years(1);          // JX-START-01
inline constexpr Period kStart5To10y = Period::YearsMonths(1, 6);  // JX-START-01
inline constexpr Period kStart10yUp = Period::Years(2);            // JX-START-01
inline constexpr Period kStartSpecial = Period::Years(2);          // JX-START-02 (第7条)
inline constexpr Period kStartDuty10yUp = Period::Years(3);        // JX-START-03 (2019)
inline constexpr Period kStartLifeDuty = Period::Years(4);         // JX-START-03 (life)
inline constexpr Period kStartLife = Period::Years(2);             // JX-START-04
inline constexpr Period kReprieve = Period::Years(2);              // JX-TERM-05 (死缓 2 years)

// ---- Cap on one reduction, fixed term (months) ----
inline constexpr int kCapRepentanceOrMerit = 9;      // JX-CAP-01 悔改 or 立功
inline constexpr int kCapRepentanceAndMerit = 12;    // JX-CAP-01 悔改 and 立功
inline constexpr int kCapMajorMerit = 18;            // JX-CAP-01 重大立功
inline constexpr int kCapRepentanceMajorMerit = 24;  // JX-CAP-01 悔改 and 重大立功
inline constexpr int kCapSpecial = 12;               // JX-CAP-02 第7条 categories
inline constexpr int kCapDutyRepentanceOrMerit = 6;  // JX-CAP-03 贪污贿赂 (2019)
// Life reduced to a fixed term for 悔改 or 立功: exactly 22 years.
inline constexpr int kLifeToFixedMonths = 22 * 12;  // JX-START-04 / JX-CAP-04

// ---- Interval between commutations (from the previous ruling to the next proposal) ----
inline constexpr Period kIntervalUnder10y = Period::Years(1);               // JX-INTV-01
inline constexpr Period kInterval10yUp = Period::YearsMonths(1, 6);         // JX-INTV-01
inline constexpr Period kIntervalSpecial10yUp = Period::YearsMonths(1, 6);  // JX-INTV-03
inline constexpr Period kIntervalDuty10yUp = Period::Years(2);              // JX-INTV-05
inline constexpr Period kIntervalLife = Period::Years(2);                   // JX-INTV-04
// The interval is also at least the previous reduction.                  // JX-INTV-02

// ---- Floors ----
// Fixed term: actually executed ≥ 1/2 of the original term, credited custody included.
inline constexpr int kFloorNumerator = 1, kFloorDenominator = 2;  // JX-FLOOR-01
inline constexpr Period kFloorLife = Period::Years(13);           // JX-FLOOR-02

// ---- Parole ----
// Fixed term: executed ≥ 1/2 of the original term, counted from the first custody day.
inline constexpr int kParoleShareNumerator = 1, kParoleShareDenominator = 2;  // JX-PAROLE-01
// 累犯 and violent_10y are barred (JX-PAROLE-04); property ability unpaid barred (JX-PAROLE-05).
inline constexpr Period kParoleAfterCommutation = Period::Years(1);              // JX-PAROLE-06
inline constexpr Period kParoleAfterBigCommutation = Period::YearsMonths(1, 6);  // JX-PAROLE-06

// ---- Sentence ranges (EXCHANGE §5; JX-TERM-02/03/06) ----
inline constexpr int kSurveillanceMinMonths = 3, kSurveillanceMaxMonths = 24;  // JX-TERM-03
inline constexpr int kDetentionMinMonths = 1, kDetentionMaxMonths = 6;         // JX-TERM-02
inline constexpr int kFixedMinMonths = 6, kFixedMaxMonths = 180;               // 刑法 第45条
inline constexpr int kProbationDetentionMinMonths = 2;                         // JX-TERM-06
inline constexpr int kProbationDetentionMaxMonths = 12;                        // JX-TERM-06
inline constexpr int kProbationFixedMinMonths = 12;                            // JX-TERM-06
inline constexpr int kProbationFixedMaxMonths = 60;                            // JX-TERM-06
inline constexpr int kProbationMaxTermMonths = 36;  // only terms ≤ 3 years      // JX-TERM-06

// ---- Release (JX-TERM-10): release on term_end or term_end + 1 is lawful ----
inline constexpr int kReleaseLatestExtraDays = 1;  // JX-TERM-10

// ---- Delivery to execution ----
inline constexpr int kDocumentsDays = 10;                     // JX-DELIV-01
inline constexpr Period kDeliveryPeriod = Period::Months(1);  // JX-DELIV-02
// A remaining term of at most 3 months may be served in the detention centre.
inline constexpr Period kServeInCentreMax = Period::Months(3);  // JX-DELIV-03

// ---- Community correction ----
inline constexpr int kReportDays = 10;                               // JX-CC-01
inline constexpr int kLostContactHours = 48;                         // JX-CC-14 (M15)
inline constexpr int kLeaveOverdueHours = 48;                        // JX-CC-14 (M16)
inline constexpr int kOutOfAreaMinutes = 120;                        // PARAM (M14)
inline constexpr Period kMedicalReviewInterval = Period::Months(3);  // JX-ZJ-09
inline constexpr int kRecommitDays = 30;                             // PARAM (M12)

// ---- Prison scoring (司规〔2021〕3号) ----
inline constexpr int kPointsBase = 100;  // JX-PTS-01
// Ordinary bonus per part ≤ 50% of its base: 17.5 + 17.5 + 15 = 50 a month in all.
inline constexpr int kPointsBonusCap = 50;     // JX-PTS-02
inline constexpr int kWarningDeduction = 100;  // JX-PTS-04
inline constexpr int kDemeritDeduction = 200;  // JX-PTS-04
inline constexpr double kPointsFenceK = 3.0;   // PARAM (M09)
inline constexpr int kTrustyMaxMonths = 24;    // PARAM (M10)

// ---- Labour (JX-LAB-02) ----
inline constexpr double kLabourDayHours = 8, kLabourWeekHours = 48;      // JX-LAB-02
inline constexpr double kJuvenileDayHours = 4, kJuvenileWeekHours = 24;  // JX-LAB-02
inline constexpr double kOvertimeUnitShare = 0.10;                       // PARAM (M11)

// ---- Property penalties ----
inline constexpr int kPropertyFilingDays = 30;          // PARAM (M19; JX-FIN-02 gives 7 for 立案)
inline constexpr int64_t kAbilitySpendingFen = 300000;  // 3,000 yuan, PARAM (M08, M20)

// ---- Custody limits (§8 table; JX-CUST-01) ----
inline constexpr int kCriminalDetentionDays = 7;       // 刑诉法 第91条 (3 + 4)
inline constexpr int kCriminalDetentionLongDays = 30;  // 刑诉法 第91条 流窜、多次、结伙
inline constexpr int kArrestReviewDays = 7;            // 刑诉法 第91条第3款
inline constexpr Period kInvestigation = Period::Months(2);      // 刑诉法 第156条
inline constexpr Period kInvestigationExt1 = Period::Months(1);  // 刑诉法 第156条
inline constexpr Period kInvestigationExt2 = Period::Months(2);  // 刑诉法 第158条
inline constexpr Period kInvestigationExt3 = Period::Months(2);  // 刑诉法 第159条
inline constexpr Period kProsecutionReview = Period::Months(1);  // 刑诉法 第172条 (+15 days)
inline constexpr int kProsecutionReviewExtraDays = 15;           // 刑诉法 第172条
inline constexpr Period kFirstInstance = Period::Months(3);      // 刑诉法 第208条 (2, max 3)
inline constexpr Period kFirstInstanceExt = Period::Months(3);   // 刑诉法 第208条 (+3 上级)
inline constexpr Period kSecondInstance = Period::Months(2);     // 刑诉法 第243条
inline constexpr Period kSecondInstanceExt = Period::Months(2);  // 刑诉法 第243条

// ---- Residence surveillance and compulsory medical treatment ----
inline constexpr int kRsdlCopyDays = 3;                // PARAM (M24; seed 001, local rule)
inline constexpr Period kRsdlMax = Period::Months(6);  // JX-ZJJ-01
inline constexpr int kCmServeDays = 5;                 // JX-QZYL-01 (decision served within 5 days)

}  // namespace law

// Generator policy: margins that keep the lawful background clear of every number above,
// so that no interpretation of a boundary (inclusive/exclusive, decision vs. effective date,
// tier edges) can turn a background record into a finding.
namespace policy {

// Background commutations: first proposal ≥ the strictest start any category could need
// (3 years for long duty-crime terms, else 2 years) plus this margin.
inline constexpr Period kStartOrdinary = Period::YearsMonths(2, 3);
inline constexpr Period kStartStrict = Period::YearsMonths(3, 3);   // special categories
inline constexpr Period kStartLifeAll = Period::YearsMonths(4, 3);  // life → fixed
// Next proposal ≥ this after the previous decision, and ≥ previous cut + 3 months.
inline constexpr Period kInterval = Period::YearsMonths(2, 3);
inline constexpr int kIntervalOverCutMonths = 3;
// One reduction: ordinary 4–8 months (cap 9/12), special categories 3–5 (cap 6/12).
inline constexpr int kCutMin = 4, kCutMax = 8, kCutSpecialMin = 3, kCutSpecialMax = 5;
// All reductions together ≤ 30% of the original term (floor: 50%).
inline constexpr double kMaxTotalCutShare = 0.30;
// Parole: ≥ 62% of the original term served (law: 1/2); ≥ 2y1m after the last commutation.
inline constexpr double kParoleServedShare = 0.62;
inline constexpr Period kParoleAfterCommutation = Period::YearsMonths(2, 1);
// Delivery to prison within 7–25 days of the judgment taking effect (law: 10 days + 1 month;
// 25 days stays inside even a bare "1 month from the effective date" from 31 January).
inline constexpr int kDeliveryMinDays = 7, kDeliveryMaxDays = 25;
// Property case filed 1–6 days after the judgment takes effect (M19 default 30; 立案 7).
inline constexpr int kFilingMaxDays = 6;
// Paid in full at least this many days before the first reduction or parole proposal.
inline constexpr int kPaidBeforeProposalDays = 200;
// Community correction: report within 1–7 days (law: 10).
inline constexpr int kReportMaxDays = 7;
// Medical reviews every 75–85 days (law: 3 months), the first 60–75 days after the decision.
inline constexpr int kReviewMinDays = 75, kReviewMaxDays = 85;
// Detention stages: elapsed ≤ 45% of the base limit.
inline constexpr double kStageMaxShare = 0.45;
// Serving in the detention centre: remaining ≤ 55 days at delivery (law: 3 months).
inline constexpr int kServeInCentreMaxDays = 55;
// Monthly bonus level 1–6 (± 1); cap is 50.
inline constexpr int kBonusLevelMin = 1, kBonusLevelMax = 6;
// Labour: ≤ 7.5 h on working days, ≤ 4 h education on Saturday, Sunday rest.
inline constexpr double kLabourHours = 7.5;
// Trusty posts last ≤ 12 months (M10: 24).
inline constexpr int kTrustyMaxMonths = 12;
// Trajectory gaps ≤ 6 hours (M15: 48 h); positions stay within half the clearance of home.
inline constexpr int kMaxGapMinutes = 360;
// RSDL copy received within 0–2 days (M24: 3); CM delivered within 1–4 days.
inline constexpr int kRsdlCopyMaxDays = 2, kCmDeliveryMaxDays = 4;

}  // namespace policy
}  // namespace zj::synth
