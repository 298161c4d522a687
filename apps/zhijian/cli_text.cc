#include "apps/zhijian/cli_text.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace zj::cli {

int DisplayWidth(std::string_view s) {
  int w = 0;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    w += len >= 3 ? 2 : 1;
    i += static_cast<size_t>(len);
  }
  return w;
}

std::string Pad(std::string_view s, int width, bool right) {
  const std::string fill(static_cast<size_t>(std::max(0, width - DisplayWidth(s))), ' ');
  return right ? fill + std::string(s) : std::string(s) + fill;
}

Result<std::string> ReadTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError("无法读取文件 " + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace zj::cli
