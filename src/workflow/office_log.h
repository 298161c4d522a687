#pragma once
// 检察日志: entries of an office's daily log (storage/office_log_store.h, migration 0007).
//
// AddOfficeLog checks an entry and writes it, with its audit row (action office_log_add), in
// one write transaction. The entry belongs to the actor's office and the actor is its author;
// it needs Duty::kEdit (the roles that do casework: dept_head, prosecutor, assistant,
// resident — not leaders or administrators). Checks, each a Chinese kInvalidArgument naming
// the field: category one of OfficeLogCategories(); content 1 to 4,000 characters (not only
// blanks); log_date not after today (Beijing).
//
// Thread-compatible: one Database per call.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/date.h"
#include "common/status.h"
#include "storage/database.h"
#include "storage/office_log_store.h"
#include "workflow/casework.h"

namespace zj::workflow {

struct OfficeLogCategory {
  std::string_view code;   // daily
  std::string_view label;  // 日常检察
};
// daily 日常检察, safety 安全防范检察, talk 谈话教育, inspection 巡视检察, meeting 列席会议,
// complaint 受理控告申诉, other 其他.
std::span<const OfficeLogCategory> OfficeLogCategories();
// The label of `code`, or "" when there is no such category.
std::string_view OfficeLogCategoryLabel(std::string_view code);

inline constexpr int64_t kOfficeLogMaxChars = 4000;

struct NewOfficeLog {
  Date log_date;
  std::string category;
  std::string content;
};

// Writes the entry; returns it as stored (with the org and author names).
Result<storage::OfficeLogRow> AddOfficeLog(storage::Database& db, const Clock& clock,
                                           const Actor& actor, const NewOfficeLog& entry);

}  // namespace zj::workflow
