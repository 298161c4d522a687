#pragma once
// Streaming SHA-256 (OpenSSL libcrypto), hex-encoded lowercase.
// Not thread-safe per object; independent objects may be used concurrently.

#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace zj {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void Update(const void* data, size_t size);
  void Update(std::string_view s) { Update(s.data(), s.size()); }
  // Returns the hex digest; the object must not be updated afterwards.
  std::string HexDigest();

  static std::string Of(std::string_view data);
  static Result<std::string> OfFile(const std::string& path);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace zj
