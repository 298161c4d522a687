#pragma once
// Small helpers the subcommands share: aligned columns of mixed Chinese and ASCII text, and
// reading a whole text file (configuration, case files).

#include <string>
#include <string_view>

#include "common/status.h"

namespace zj::cli {

// Terminal columns of UTF-8 text: CJK and full-width characters take two.
int DisplayWidth(std::string_view s);

// `s` padded with spaces to `width` columns (left-aligned, or right-aligned).
std::string Pad(std::string_view s, int width, bool right = false);

// The whole file; kIoError with a Chinese message naming it when it cannot be read.
Result<std::string> ReadTextFile(const std::string& path);

}  // namespace zj::cli
