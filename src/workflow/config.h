#pragma once
// The [casework] section of zhijian.toml → WorkflowOptions (text in, options out; the caller
// reads the file):
//
//   [casework]
//   correction_reply_days = 15          # 纠正违法通知书 回复期限（日）
//   suggestion_reply_months = 2         # 检察建议书 回复期限（月）
//   due_soon_days = 3                   # “即将到期”
//   holidays = ["2026-10-01", …]        # 法定节假日（工作日期限跳过）
//   workdays = ["2026-09-27", …]        # 调休上班日
//   [casework.abbrev]                   # 院简称（案号、文号）
//   "510104-PROC" = "锦"
//
// A missing section leaves the defaults. An unknown key, a wrong type, a value out of range
// or a bad date → kInvalidArgument naming the file, key and value, in Chinese. Pure.

#include <string_view>

#include "common/status.h"
#include "workflow/casework.h"

namespace zj::workflow {

Result<WorkflowOptions> WorkflowOptionsFromToml(std::string_view text, std::string_view source);

}  // namespace zj::workflow
