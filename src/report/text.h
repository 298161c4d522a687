#pragma once
// Small text helpers shared by the writers of this folder. Pure and thread-safe.

#include <cstddef>
#include <string>
#include <string_view>

namespace zj::report {

// `&<>"'` as entities.
std::string XmlEscape(std::string_view text);

// The length in bytes of the UTF-8 character at s[i], or 0 if the bytes there are not valid
// UTF-8 or encode a character XML 1.0 forbids (a surrogate, U+FFFE, U+FFFF). i < s.size().
size_t Utf8CharLength(std::string_view s, size_t i);

// True if the whole of `s` passes Utf8CharLength.
bool ValidUtf8(std::string_view s);

}  // namespace zj::report
