#pragma once
// zhijian.toml as a toml::table, for the sections each stage reads ([models.*] in engine.h,
// [casework] in workflow/config.h). Pure: text in, table out.

#include <string_view>

#include <toml++/toml.h>

#include "common/status.h"

namespace zj::engine {

// A syntax error → kInvalidArgument "配置文件格式错误：<source> 第 L 行第 C 列：…".
Result<toml::table> ParseConfigToml(std::string_view text, std::string_view source);

}  // namespace zj::engine
