#include "common/status.h"

#include <iterator>

namespace zj {

const std::string& Status::message() const {
  static const std::string kEmpty;
  return rep_ ? rep_->message : kEmpty;
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  static constexpr const char* kNames[] = {
      "OK",        "INVALID_ARGUMENT", "NOT_FOUND", "ALREADY_EXISTS", "FAILED_PRECONDITION",
      "DATA_LOSS", "IO_ERROR",         "INTERNAL",  "ABORTED",        "UNIMPLEMENTED",
      "CONFLICT",  "UNAUTHENTICATED",  "PERMISSION_DENIED", "RESOURCE_EXHAUSTED"};
  static_assert(std::size(kNames) == static_cast<size_t>(StatusCode::kResourceExhausted) + 1);
  return std::string(kNames[static_cast<int>(code())]) + ": " + message();
}

}  // namespace zj
