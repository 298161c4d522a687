// zhijian.toml [casework] → WorkflowOptions: every key, and every error located.
#include "workflow/config.h"

#include <gtest/gtest.h>

namespace zj::workflow {
namespace {

TEST(WorkflowConfig, ReadsEveryKey) {
  auto o = WorkflowOptionsFromToml(R"(
[models.M14]
out_of_area_minutes = 180
[casework]
correction_reply_days = 30
suggestion_reply_months = 1
due_soon_days = 5
holidays = ["2026-10-01", "2026-10-02"]
workdays = ["2026-09-27"]
[casework.abbrev]
"510104-PROC" = "锦"
)",
                                   "zhijian.toml");
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(o->deadlines.correction_reply_days, 30);
  EXPECT_EQ(o->deadlines.suggestion_reply_months, 1);
  EXPECT_EQ(o->deadlines.due_soon_days, 5);
  ASSERT_EQ(o->deadlines.holidays.size(), 2u);
  EXPECT_EQ(o->deadlines.holidays[1], *Date::FromCivil(2026, 10, 2));
  EXPECT_EQ(o->deadlines.workdays.at(0), *Date::FromCivil(2026, 9, 27));
  ASSERT_EQ(o->org_abbrev.size(), 1u);
  EXPECT_EQ(o->org_abbrev[0].second, "锦");
  // The setting reaches the deadline.
  EXPECT_EQ(ComputeDeadline(DeadlineKind::kReply, *Date::FromCivil(2026, 11, 24), o->deadlines).due,
            *Date::FromCivil(2026, 12, 24));
}

TEST(WorkflowConfig, NoSectionKeepsTheDefaults) {
  auto o = WorkflowOptionsFromToml("[models.M02]\n", "zhijian.toml");
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->deadlines.correction_reply_days, 15);
  EXPECT_TRUE(o->org_abbrev.empty());
}

TEST(WorkflowConfig, ErrorsNameTheKey) {
  struct Case {
    const char* text;
    const char* needle;
  };
  for (const Case& c : {Case{"[casework]\ncorrection_reply_days = 0\n", "correction_reply_days"},
                        Case{"[casework]\nsuggestion_reply_months = \"2\"\n", "suggestion_reply_months"},
                        Case{"[casework]\nholidays = [\"2026-13-01\"]\n", "holidays"},
                        Case{"[casework]\nworkdays = \"2026-09-27\"\n", "workdays"},
                        Case{"[casework]\nreply_days = 3\n", "没有这个设置项"},
                        Case{"[casework.abbrev]\n\"510104-PROC\" = \"\"\n", "abbrev.510104-PROC"},
                        Case{"[casework\n", "第 1 行"}}) {
    auto o = WorkflowOptionsFromToml(c.text, "zhijian.toml");
    ASSERT_FALSE(o.ok()) << c.text;
    EXPECT_EQ(o.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(o.status().message().find(c.needle), std::string::npos) << o.status().message();
    EXPECT_NE(o.status().message().find("zhijian.toml"), std::string::npos);
  }
}

}  // namespace
}  // namespace zj::workflow
