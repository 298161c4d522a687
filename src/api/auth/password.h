#pragma once
// Passwords: argon2id hashes (libsodium crypto_pwhash_str) and the password policy.
//
// Policy (every rule has a Chinese reason; CheckPasswordPolicy reports all that fail):
//  - at least 10 characters (Unicode code points, not bytes);
//  - at least 3 of the 4 classes: upper-case letter, lower-case letter, digit, other
//    character (punctuation, space, any non-ASCII character);
//  - must not contain the username (ignoring case);
//  - not one of a short list of common passwords (ignoring case).
//
// Hashing costs a lot of memory and time on purpose (production: libsodium's INTERACTIVE
// limits, 64 MiB); tests may pass the MIN limits.
//
// Thread-safe.

#include <cstddef>
#include <string>
#include <string_view>

#include "common/status.h"

namespace zj::auth {

struct HashParams {
  unsigned long long opslimit = 0;  // 0 = crypto_pwhash_OPSLIMIT_INTERACTIVE
  size_t memlimit = 0;              // 0 = crypto_pwhash_MEMLIMIT_INTERACTIVE
  // libsodium's minimum limits: fast, for tests only.
  static HashParams Min();
};

// The crypto_pwhash_str string ("$argon2id$v=19$m=…"). kInternal when libsodium fails
// (out of memory).
Result<std::string> HashPassword(std::string_view password, const HashParams& params);
// Whether `password` matches `hash` (constant time in the password; false on a bad hash).
bool VerifyPassword(std::string_view hash, std::string_view password);
// Whether `hash` was made with other parameters than `params` (re-hash at the next login).
bool NeedsRehash(std::string_view hash, const HashParams& params);

// OK, or kInvalidArgument whose message lists every rule `password` breaks, in Chinese.
Status CheckPasswordPolicy(std::string_view username, std::string_view password);

// A random 16-character password that passes the policy for `username` (letters without
// look-alikes, digits, symbols).
std::string GeneratePassword(std::string_view username);

// A random token: `bytes` bytes from the system CSPRNG, base64url without padding.
std::string RandomToken(size_t bytes = 32);

}  // namespace zj::auth
