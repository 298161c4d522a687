// Deadlines at their boundaries (JX-CONV-02: the start day is not counted).
#include "workflow/deadlines.h"

#include <gtest/gtest.h>

namespace zj::workflow {
namespace {

Date D(int y, int m, int d) { return *Date::FromCivil(y, m, d); }

TEST(Deadlines, DaysCountFromTheDayAfter) {
  DeadlineSettings s;
  auto d = ComputeDeadline(DeadlineKind::kProposalOpinion, D(2026, 11, 24), s);
  EXPECT_EQ(d.due, D(2026, 12, 4));  // JX-PROS-01: 10 days
  EXPECT_EQ(d.rule, "JX-PROS-01");
  EXPECT_NE(d.label.find("10日"), std::string::npos);
  EXPECT_EQ(ComputeDeadline(DeadlineKind::kRulingCorrection, D(2026, 12, 20), s).due,
            D(2027, 1, 9));  // JX-PROS-02: 20 days, across the year
  EXPECT_EQ(ComputeDeadline(DeadlineKind::kTempOpinion, D(2026, 2, 20), s).due, D(2026, 3, 2));
  EXPECT_EQ(ComputeDeadline(DeadlineKind::kOralFix, D(2026, 2, 25), s).due, D(2026, 3, 4));
}

TEST(Deadlines, MonthsUseTheCorrespondingDay) {
  DeadlineSettings s;
  // JX-COURT-07 / JX-ZJ-08: one month; a month-end start ends on the target month's last day.
  EXPECT_EQ(ComputeDeadline(DeadlineKind::kCourtRehear, D(2026, 1, 31), s).due, D(2026, 2, 28));
  EXPECT_EQ(ComputeDeadline(DeadlineKind::kTempObjection, D(2028, 1, 31), s).due, D(2028, 2, 29));
  EXPECT_EQ(ComputeDeadline(DeadlineKind::kTempObjection, D(2026, 3, 15), s).due, D(2026, 4, 15));
  auto sug = ComputeDeadline(DeadlineKind::kSuggestionReply, D(2026, 12, 31), s);
  EXPECT_EQ(sug.due, D(2027, 2, 28));
  EXPECT_EQ(sug.rule, "PARAM:suggestion_reply_months");
  s.suggestion_reply_months = 1;
  EXPECT_EQ(ComputeDeadline(DeadlineKind::kSuggestionReply, D(2026, 12, 31), s).due,
            D(2027, 1, 31));
}

TEST(Deadlines, ReplyDaysAreASetting) {
  DeadlineSettings s;
  EXPECT_EQ(ComputeDeadline(DeadlineKind::kReply, D(2026, 11, 24), s).due, D(2026, 12, 9));
  s.correction_reply_days = 30;
  auto d = ComputeDeadline(DeadlineKind::kReply, D(2026, 11, 24), s);
  EXPECT_EQ(d.due, D(2026, 12, 24));
  EXPECT_EQ(d.rule, "PARAM:correction_reply_days");
}

TEST(Deadlines, WorkingDaysSkipWeekendsHolidaysAndCountMakeUpDays) {
  DeadlineSettings s;
  // JX-PTS-11: 5 working days from Friday 2026-11-20 → Friday 2026-11-27.
  auto d = ComputeDeadline(DeadlineKind::kPointsReply, D(2026, 11, 20), s);
  EXPECT_EQ(d.due, D(2026, 11, 27));
  EXPECT_EQ(d.rule, "JX-PTS-11");
  EXPECT_NE(d.label.find("工作日"), std::string::npos);
  // From a Saturday: Mon..Fri.
  EXPECT_EQ(AddWorkingDays(D(2026, 11, 21), 5, s), D(2026, 11, 27));
  // A holiday on Wednesday pushes it to Monday.
  s.holidays = {D(2026, 11, 25)};
  EXPECT_EQ(AddWorkingDays(D(2026, 11, 20), 5, s), D(2026, 11, 30));
  // A make-up Saturday counts.
  s.workdays = {D(2026, 11, 28)};
  EXPECT_EQ(AddWorkingDays(D(2026, 11, 20), 5, s), D(2026, 11, 28));
  EXPECT_EQ(AddWorkingDays(D(2026, 11, 20), 0, s), D(2026, 11, 20));
}

TEST(Deadlines, OnlyTheProposalOpinionExtends) {
  auto e = ExtendedDue(DeadlineKind::kProposalOpinion, D(2026, 12, 4));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(*e, D(2026, 12, 14));  // JX-PROS-01: +10 days
  auto no = ExtendedDue(DeadlineKind::kRulingCorrection, D(2026, 12, 4));
  EXPECT_EQ(no.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(no.status().message().find("没有法定延长"), std::string::npos);
}

TEST(Deadlines, SpecsAreComplete) {
  for (const DeadlineSpec& s : DeadlineSpecs()) {
    EXPECT_EQ(&Spec(s.kind), FindDeadlineSpec(s.code));
    EXPECT_FALSE(ComputeDeadline(s.kind, D(2026, 1, 1), {}).rule.empty()) << s.code;
  }
  EXPECT_EQ(FindDeadlineSpec("nope"), nullptr);
}

}  // namespace
}  // namespace zj::workflow
