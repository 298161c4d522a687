#include "workflow/office_log.h"

#include <array>

#include <nlohmann/json.hpp>

#include "storage/audit_store.h"

namespace zj::workflow {
namespace {

constexpr std::array<OfficeLogCategory, 7> kCategories = {{
    {"daily", "日常检察"},
    {"safety", "安全防范检察"},
    {"talk", "谈话教育"},
    {"inspection", "巡视检察"},
    {"meeting", "列席会议"},
    {"complaint", "受理控告申诉"},
    {"other", "其他"},
}};

// Characters (code points) of UTF-8 text.
int64_t Chars(std::string_view s) {
  int64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool Blank(std::string_view s) {
  // ASCII blanks and the ideographic space (U+3000, E3 80 80).
  for (size_t i = 0; i < s.size();) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
      ++i;
    } else if (s.substr(i, 3) == "\xE3\x80\x80") {
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

std::span<const OfficeLogCategory> OfficeLogCategories() { return kCategories; }

std::string_view OfficeLogCategoryLabel(std::string_view code) {
  for (const OfficeLogCategory& c : kCategories) {
    if (c.code == code) return c.label;
  }
  return {};
}

Result<storage::OfficeLogRow> AddOfficeLog(storage::Database& db, const Clock& clock,
                                           const Actor& actor, const NewOfficeLog& entry) {
  if (!actor.May(Duty::kEdit) || !actor.user_id || actor.org_id.empty()) {
    return PermissionDenied("当前账号没有“" + std::string(DutyLabel(Duty::kEdit)) +
                            "”权限，不能填写检察日志");
  }
  if (OfficeLogCategoryLabel(entry.category).empty()) {
    std::string list;
    for (const OfficeLogCategory& c : kCategories) {
      if (!list.empty()) list += "、";
      list += std::string(c.code) + " " + std::string(c.label);
    }
    return InvalidArgument("category：没有日志类别“" + entry.category + "”，应为 " + list);
  }
  if (Blank(entry.content)) return InvalidArgument("content：日志内容不能为空");
  if (Chars(entry.content) > kOfficeLogMaxChars) {
    return InvalidArgument("content：日志内容不能超过 " + std::to_string(kOfficeLogMaxChars) +
                           " 字");
  }
  const Date today = clock.TodayBeijing();
  if (entry.log_date > today) {
    return InvalidArgument("log_date：日志日期不能晚于今天（" + today.ToString() + "）");
  }
  storage::OfficeLogRow row;
  row.org_id = actor.org_id;
  row.author_id = *actor.user_id;
  row.log_date = entry.log_date;
  row.category = entry.category;
  row.content = entry.content;
  row.created_at = clock.Now();

  storage::Transaction txn(db);
  ZJ_RETURN_IF_ERROR(txn.BeginWrite());
  ZJ_ASSIGN_OR_RETURN(row.log_id, storage::InsertOfficeLog(db, row));
  storage::AuditEntry e;
  e.at = row.created_at;
  e.user_id = actor.user_id;
  e.username = actor.username;
  e.action = "office_log_add";
  e.object_type = "office_log";
  e.object_id = std::to_string(row.log_id);
  e.detail = nlohmann::json({{"org_id", row.org_id},
                             {"log_date", row.log_date.ToString()},
                             {"category", row.category}})
                 .dump();
  e.request_id = actor.request_id;
  e.ip = actor.ip;
  ZJ_RETURN_IF_ERROR(storage::AppendAudit(db, e).status());
  // Read back with the joined org and author names (scoped to the entry's own org).
  ZJ_ASSIGN_OR_RETURN(storage::OfficeLogRow stored,
                      storage::GetOfficeLog(db, storage::OrgScope::Of({row.org_id}), row.log_id));
  ZJ_RETURN_IF_ERROR(txn.Commit());
  return stored;
}

}  // namespace zj::workflow
