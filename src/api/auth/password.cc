#include "api/auth/password.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <vector>

namespace zj::auth {
namespace {

void EnsureSodium() {
  // sodium_init is idempotent and thread-safe; failing means no usable CSPRNG: fatal.
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium 初始化失败");
}

unsigned long long Ops(const HashParams& p) {
  return p.opslimit ? p.opslimit : crypto_pwhash_OPSLIMIT_INTERACTIVE;
}
size_t Mem(const HashParams& p) {
  return p.memlimit ? p.memlimit : crypto_pwhash_MEMLIMIT_INTERACTIVE;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return out;
}

// Lower case. Each passes the length and class rules in some capitalisation, so the list is
// what stops them.
constexpr std::array<std::string_view, 18> kCommon = {
    "password123!", "password@123", "p@ssw0rd123",  "p@ssword123",  "passw0rd@123", "admin@123456",
    "admin123456!", "1qaz@wsx3edc", "1qaz2wsx#edc", "1qaz!qaz2wsx", "qwer1234!@#$", "qwerty@12345",
    "abc@12345678", "abcd@1234567", "aa123456789!", "zxcvbnm@123",  "woaini@1314",  "root@123456"};

}  // namespace

HashParams HashParams::Min() { return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}; }

Result<std::string> HashPassword(std::string_view password, const HashParams& params) {
  EnsureSodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), Ops(params), Mem(params)) != 0) {
    return Internal("计算密码哈希失败（内存不足）");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  EnsureSodium();
  const std::string h(hash);
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

bool NeedsRehash(std::string_view hash, const HashParams& params) {
  EnsureSodium();
  const std::string h(hash);
  return crypto_pwhash_str_needs_rehash(h.c_str(), Ops(params), Mem(params)) != 0;
}

Status CheckPasswordPolicy(std::string_view username, std::string_view password) {
  std::vector<std::string> reasons;
  int64_t chars = 0;
  bool upper = false, lower = false, digit = false, other = false;
  for (unsigned char c : password) {
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
    ++chars;
    if (c >= 'A' && c <= 'Z') {
      upper = true;
    } else if (c >= 'a' && c <= 'z') {
      lower = true;
    } else if (c >= '0' && c <= '9') {
      digit = true;
    } else {
      other = true;
    }
  }
  if (chars < 10) reasons.push_back("长度至少 10 个字符（现为 " + std::to_string(chars) + " 个）");
  if (upper + lower + digit + other < 3) {
    reasons.push_back("须包含大写字母、小写字母、数字、符号四类中的至少三类");
  }
  const std::string lowered = Lower(password);
  if (!username.empty() && lowered.find(Lower(username)) != std::string::npos) {
    reasons.push_back("不得包含用户名");
  }
  if (std::find(kCommon.begin(), kCommon.end(), lowered) != kCommon.end()) {
    reasons.push_back("过于常见，容易被猜中");
  }
  if (reasons.empty()) return Status::Ok();
  std::string message = "密码不符合要求：";
  for (size_t i = 0; i < reasons.size(); ++i) message += (i ? "；" : "") + reasons[i];
  return InvalidArgument(message);
}

std::string GeneratePassword(std::string_view username) {
  EnsureSodium();
  // No look-alikes (I l 1 O 0) in a password that is read off a screen and typed, and no
  // symbols a shell would interpret if it is pasted into one.
  constexpr std::string_view kAlphabet =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789#%+-=@_";
  while (true) {
    std::string p;
    for (int i = 0; i < 16; ++i) {
      p += kAlphabet[randombytes_uniform(static_cast<uint32_t>(kAlphabet.size()))];
    }
    if (CheckPasswordPolicy(username, p).ok()) return p;
  }
}

std::string RandomToken(size_t bytes) {
  EnsureSodium();
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  sodium_memzero(raw.data(), raw.size());
  return out;
}

}  // namespace zj::auth
