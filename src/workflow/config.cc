#include "workflow/config.h"

#include "engine/toml_config.h"

namespace zj::workflow {
namespace {

Status Bad(std::string_view source, const std::string& key, const std::string& why) {
  return InvalidArgument(std::string(source) + " 中 casework." + key + "：" + why);
}

Result<std::vector<Date>> Dates(std::string_view source, const std::string& key,
                                const toml::node& node) {
  const toml::array* a = node.as_array();
  if (!a) return Bad(source, key, "应为日期列表，如 [\"2026-10-01\"]");
  std::vector<Date> out;
  for (const toml::node& item : *a) {
    auto text = item.value<std::string>();
    std::optional<Date> d = text ? Date::Parse(*text) : std::nullopt;
    if (!d) return Bad(source, key, "日期应写作 \"YYYY-MM-DD\"");
    out.push_back(*d);
  }
  return out;
}

Result<int> Int(std::string_view source, const std::string& key, const toml::node& node, int lo,
                int hi) {
  auto v = node.value<int64_t>();
  if (!v || *v < lo || *v > hi) {
    return Bad(source, key, "应为 " + std::to_string(lo) + " 到 " + std::to_string(hi) + " 的整数");
  }
  return static_cast<int>(*v);
}

}  // namespace

Result<WorkflowOptions> WorkflowOptionsFromToml(std::string_view text, std::string_view source) {
  ZJ_ASSIGN_OR_RETURN(toml::table cfg, engine::ParseConfigToml(text, source));
  WorkflowOptions opts;
  const toml::table* section = cfg["casework"].as_table();
  if (!section) return opts;
  for (const auto& [k, node] : *section) {
    const std::string key(k.str());
    if (key == "correction_reply_days") {
      ZJ_ASSIGN_OR_RETURN(opts.deadlines.correction_reply_days, Int(source, key, node, 1, 365));
    } else if (key == "suggestion_reply_months") {
      ZJ_ASSIGN_OR_RETURN(opts.deadlines.suggestion_reply_months, Int(source, key, node, 1, 24));
    } else if (key == "due_soon_days") {
      ZJ_ASSIGN_OR_RETURN(opts.deadlines.due_soon_days, Int(source, key, node, 0, 90));
    } else if (key == "holidays") {
      ZJ_ASSIGN_OR_RETURN(opts.deadlines.holidays, Dates(source, key, node));
    } else if (key == "workdays") {
      ZJ_ASSIGN_OR_RETURN(opts.deadlines.workdays, Dates(source, key, node));
    } else if (key == "abbrev") {
      const toml::table* t = node.as_table();
      if (!t) return Bad(source, key, "应为表，如 [casework.abbrev] \"510104-PROC\" = \"锦\"");
      for (const auto& [org, v] : *t) {
        auto abbrev = v.value<std::string>();
        if (!abbrev || abbrev->empty()) {
          return Bad(source, key + "." + std::string(org.str()), "院简称应为非空文字");
        }
        opts.org_abbrev.emplace_back(std::string(org.str()), *abbrev);
      }
    } else {
      return Bad(source, key, "没有这个设置项");
    }
  }
  return opts;
}

}  // namespace zj::workflow
