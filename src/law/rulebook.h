#pragma once
// The rulebook as data: every RULEBOOK rule of §0–§12 (and the legacy regimes of §14) with
// its Chinese title, citation and whether the engine (§0–§6) or a supervision model (§7–§12)
// decides it; the rule sets in force by date (JX-CONV-04); every legal period the engine and
// the models use, each with its rule ID, citation and effective range (other quantities:
// law/supervision.h); the crime lists behind derived categories; and the few options the
// RULEBOOK marks UNCONFIRMED, which stay configurable (`Options`).
//
// Nothing else in src/law holds a legal number: the checks ask `Number(id)`, and models ask
// the functions of law/supervision.h.
// Immutable static data; thread-safe.

#include <optional>
#include <span>
#include <string_view>

#include "common/date.h"
#include "common/period.h"
#include "law/facts.h"

namespace zj::law {

enum class Coverage : uint8_t {
  kDecided,  // the engine decides it (finding with this rule ID)
  kPartial,  // decided where the facts allow; the rest listed in `gap`
  kNotYet,   // not decided; `gap` says why
};

struct Rule {
  std::string_view id;        // "JX-START-01"
  std::string_view title;     // 中文, short: "有期徒刑减刑起始时间"
  std::string_view citation;  // "法释〔2016〕23号 第6条第1款"
  Coverage coverage;
  std::string_view gap;    // 中文: what is not decided and why (empty when the engine decides)
  std::string_view model = {};  // supervision model(s) deciding it, "M13" or "M15、M16"; "" if none
};

// Every rule of RULEBOOK §0–§12 and §14, in RULEBOOK order. For §7–§12 the deciding party is
// a supervision model: `model` names it and `gap` says what it decides and what it does not.
std::span<const Rule> AllRules();
// The rule with this ID, or nullptr.
const Rule* FindRule(std::string_view id);

// Rule sets for commutation and parole (JX-CONV-04), chosen by the date of the act.
enum class Regime : uint8_t {
  k1997,  // 法释〔1997〕6号 (before 2012-07-01; details UNCONFIRMED: checked for floors only)
  k2012,  // 法释〔2012〕2号 2012-07-01 … 2016-12-31
  k2016,  // 法释〔2016〕23号 from 2017-01-01
};
Regime RegimeOn(Date act);
std::string_view RegimeName(Regime r);  // "法释〔2016〕23号"

// Overlays in force from a date (JX-CONV-04).
inline const Date kDuty2019From = *Date::FromCivil(2019, 6, 1);       // 法释〔2019〕6号
inline const Date kProperty2024From = *Date::FromCivil(2024, 5, 1);    // 法释〔2024〕5号
inline const Date kAmendment8From = *Date::FromCivil(2011, 5, 1);      // 刑法修正案(八)
inline const Date kAmendment9From = *Date::FromCivil(2015, 11, 1);     // 刑法修正案(九)
inline const Date kRegime2012From = *Date::FromCivil(2012, 7, 1);
inline const Date kRegime2016From = *Date::FromCivil(2017, 1, 1);

// Every legal period, by name, in years/months/days (counts in `Period::days`). Quantities
// that are not periods (points, hours, shares) are `law::Q` rows (law/supervision.h).
enum class N : uint8_t {
  // JX-TERM-*
  kSurveillanceMin, kSurveillanceMax, kDetentionMin, kDetentionMax,
  kProbationDetentionMin, kProbationDetentionMax, kProbationFixedMin, kProbationFixedMax,
  kProbationMaxTerm, kReprieve, kReleaseGraceDays, kLifeParoleProbation,
  kReprieveToFixedTerm,
  // 2016 start times (from delivery)
  kStart16Under5y, kStart16From5y, kStart16From10y, kStart16Special, kStart16Life,
  kStart16LifeSpecial, kStart16ReprieveLife, kStart16ReprieveLifeRestricted,
  // 2016 caps
  kCap16Repentance, kCap16RepentanceMerit, kCap16MajorMerit, kCap16RepentanceMajorMerit,
  kCap16Special, kCap16Restricted, kCap16RestrictedMajorMerit,
  // 2016 intervals
  kIntv16Under10y, kIntv16From10y, kIntv16Special, kIntv16SpecialFrom10y, kIntv16Life,
  // 2016 life / reprieve → fixed (months)
  kLife16Repentance, kLife16RepentanceMeritLo, kLife16MajorMeritLo, kLife16RepMajorMeritLo,
  kLife16SpecialMin, kReprieve16Repentance, kReprieve16RepentanceMeritLo,
  kReprieve16MajorMeritLo, kReprieve16RepMajorMeritLo, kReprieve16SpecialMeritLo,
  // 2019 贪污贿赂
  kStart19Under10y, kStart19From10y, kStart19Life, kIntv19Under10y, kIntv19From10y,
  kCap19Repentance, kCap19RepentanceMerit, kCap19MajorMerit, kLife19Repentance,
  kLife19RepentanceMeritLo, kLife19MajorMeritLo, kReprieve19Repentance,
  kReprieve19RepentanceMeritLo, kReprieve19MajorMeritLo,
  // 2012
  kStart12From5y, kStart12Life, kIntv12, kCap12Repentance, kCap12Major, kLife12Lo, kLife12Hi,
  kLife12MajorLo, kReprieve12Repentance, kReprieve12Major, kShort12Remaining, kShort16Remaining,
  // floors
  kFloorLife, kFloorLifePre2011, kFloorReprieve, kFloorRestrictedLife, kFloorRestrictedFixed,
  // parole
  kParoleLife, kParoleLifePre2011, kParoleReprieve, kParoleAfterCommutation16,
  kParoleAfterBigCommutation16, kParoleBigCut16, kParoleAfterCommutation12,
  kParoleAfterBigCommutation12, kParoleBigCut12, kParoleShortRemaining,
  // relaxation, new crimes, property
  kNewCrimeFixedWait, kNewCrimeLifeWait, kPropertyWait,
  // procedure
  kDocumentsDays, kDeliveryPeriod, kServeInCentreMax, kCourtRuling, kCourtRulingExt,
  kCourtRulingCommunity,
  kRulingServeDays, kOpinionDays, kOpinionExtDays, kCorrectionOpinionDays,
  // procuratorate casework deadlines (src/workflow)
  kTempOpinionDays, kTempObjection, kOralCorrectionFix, kCourtRehear,
  // 暂予监外执行
  kTempMinLifeFixed, kMedicalReview, kRecommitRuling, kRecommitTakeIn,
  // §7 社区矫正
  kReportDays, kCcNoticeDays, kCcDocumentsDays, kLeaveApplyAhead, kLeaveSubOfficeMax,
  kLeaveCountyMax, kLeaveCumulativeWindow, kLeaveCumulativeMax, kLeave2012SubOfficeMax,
  kLeave2012TotalMax, kFrequentTravelApproval, kTransferReportDays, kAbsenceWarning,
  kAbsenceRevocation, kRevocationCustodyMax, kRevocationRuling, kMonitoringMax,
  kMeasureNoticeDays,
  // §8 羁押期限
  kCriminalDetention, kCriminalDetentionLong, kArrestReview, kInvestigation, kInvestigationExt1,
  kInvestigationExt2, kInvestigationExt3, kProsecutionReview, kProsecutionReviewExt,
  kFirstInstanceUsual, kFirstInstance, kFirstInstanceExt, kSecondInstance, kSecondInstanceExt,
  kExpiryNoticeDays, kCustodyNoticeDays, kProtractedCustody, kNecessityReplyDays,
  // §9 计分考核
  kPointsCorrectionDays,
  // §11 财产刑
  kPropertyFilingDays, kPropertyExecution, kFineReliefDecision,
  // §12 强制医疗、指定居所监视居住
  kCmAcceptDays, kCmDecision, kCmServeDays, kCmReconsiderApplyDays, kCmReconsiderDecision,
  kCmReapplyAfter, kCmReleaseDecision, kCmCorrectionOpinionDays, kCmRehear, kCmTransferDays,
  kCmReviewDays, kCmComplaintDays, kCmForwardDays, kCmCaseForwardDays, kRsdlMax,
  kCount
};

struct LawNumber {
  N name;
  Period value;
  std::string_view rule;      // RULEBOOK rule ID
  std::string_view citation;  // 条文
  std::string_view note;      // 中文: what the number is
  bool unconfirmed = false;   // RULEBOOK marks it UNCONFIRMED
  std::optional<Date> from = {};   // in force from (inclusive); nullopt = RULEBOOK gives no date
  std::optional<Date> until = {};  // in force until (inclusive); nullopt = still in force
  bool working_days = false;  // `value.days` counts working days (工作日), not calendar days

  bool InForceOn(Date d) const { return (!from || d >= *from) && (!until || d <= *until); }
};

const LawNumber& Number(N name);
inline Period P(N name) { return Number(name).value; }
std::span<const LawNumber> AllNumbers();

// Crime names (罪名) behind the derived categories, as judgments print them.
std::span<const std::string_view> EmbezzlementBriberyCrimes();  // 刑法分则第八章
std::span<const std::string_view> ViolentCrimes();  // 刑法 第81条第2款 list

// The settings the RULEBOOK leaves open (UNCONFIRMED register §15) and the parameters a
// user may set. Defaults are the RULEBOOK's stated defaults.
struct Options {
  // JX-FLOOR-03: whether the 2-year reprieve counts toward the 25/20-year floor.
  bool restricted_floor_counts_reprieve = false;
  // JX-START-04: count the life start time from the judgment's effective date instead of
  // delivery (the convention is delivery, 法释〔2016〕23号 第40条).
  bool life_start_from_effective = false;
  // JX-PROP-03 / M08: ability to pay inferred from prison spending in the `window` months
  // before the act: spending ≥ this amount, or ≥ the amount still due.
  int64_t ability_spending_fen = 300000;  // PARAM:ability_spending
  int ability_window_months = 12;
  // JX-ZJ-10 / M12: days after a `no_longer_eligible` review by which 收监 must follow.
  int recommit_days = 30;  // PARAM:recommit_days
};

}  // namespace zj::law
