#pragma once
// The deadlines (办案期限) a supervision case carries, each from a RULEBOOK rule (via
// law::Number) or, where no national rule gives a number, from a setting that cites its
// source and stays configurable.
//
//   proposal_opinion   检察意见（减刑、假释提请）   10 days from receiving the copy   JX-PROS-01
//                      (+10 days once, approved, for complex cases)
//   temp_opinion       书面意见（暂予监外执行提请） 10 days                          JX-ZJ-08
//   ruling_correction  书面纠正意见（减刑、假释裁定）20 days from receiving the ruling JX-PROS-02
//   temp_objection     书面意见（暂予监外执行决定） 1 month from receiving it        JX-ZJ-08
//   oral_fix           口头纠正后改正               7 days, then a written notice    JX-PROS-04
//   court_rehear       法院重新审理                 1 month from the opinion         JX-COURT-07
//   points_reply       计分考核纠正后整改或说明     5 working days                   JX-PTS-11
//   reply              纠正违法通知书回复           PARAM:correction_reply_days (15; no national
//                                                  rule — local practice, configurable)
//   suggestion_reply   检察建议书回复               PARAM:suggestion_reply_months (2;
//                                                  《人民检察院检察建议工作规定》第十九条)
//
// Periods count as JX-CONV-02: the start day is not counted; days → from + N; months →
// CorrespondingDay. Working days skip Saturdays, Sundays and configured holidays, and count
// configured make-up working days (调休). No holiday extension of calendar-day periods: the
// procuratorate's own deadlines are kept strictly.
//
// Pure; thread-safe.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/status.h"

namespace zj::workflow {

enum class DeadlineKind : uint8_t {
  kProposalOpinion,
  kTempOpinion,
  kRulingCorrection,
  kTempObjection,
  kOralFix,
  kCourtRehear,
  kPointsReply,
  kReply,
  kSuggestionReply,
};

struct DeadlineSettings {
  int correction_reply_days = 15;   // 纠正违法通知书 回复期限（日）
  int suggestion_reply_months = 2;  // 检察建议书 回复期限（月）
  std::vector<Date> holidays;       // 法定节假日 (non-working weekdays)
  std::vector<Date> workdays;       // 调休上班日 (working weekend days)
  int due_soon_days = 3;            // "即将到期": due within this many days
};

struct DeadlineSpec {
  DeadlineKind kind;
  std::string_view code;   // stored in case_deadlines.kind
  std::string_view label;  // 中文
};
std::span<const DeadlineSpec> DeadlineSpecs();
const DeadlineSpec* FindDeadlineSpec(std::string_view code);
const DeadlineSpec& Spec(DeadlineKind kind);

struct ComputedDeadline {
  DeadlineKind kind;
  Date from;
  Date due;
  std::string rule;      // RULEBOOK rule ID, or PARAM:<name>
  std::string citation;  // 条文
  std::string label;     // 中文, with the period: "检察意见（10日，JX-PROS-01）"
};

// The deadline of `kind` running from `from` (the day of receipt or issue; not counted).
ComputedDeadline ComputeDeadline(DeadlineKind kind, Date from, const DeadlineSettings& s);

// The extended due date of a proposal opinion (JX-PROS-01: +10 days, once). Other kinds have
// no statutory extension → kFailedPrecondition with a Chinese message.
Result<Date> ExtendedDue(DeadlineKind kind, Date due);

// `n` working days after `from` (from not counted).
Date AddWorkingDays(Date from, int n, const DeadlineSettings& s);

}  // namespace zj::workflow
