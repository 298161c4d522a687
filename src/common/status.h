#pragma once
// Status and Result<T>: how expected failures travel (DESIGN.md §3).
//
// A Status is either OK or carries a code and a message. Messages meant for users
// are Chinese; they are shown as they are. An OK Status costs one pointer-sized
// compare. Result<T> holds either a T or a non-OK Status.
//
// Thread-safety: values; safe to copy between threads.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace zj {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad input from a user or a file
  kNotFound,
  kAlreadyExists,
  kFailedPrecondition,
  kDataLoss,  // corrupt or truncated input (bad gzip, checksum mismatch)
  kIoError,
  kInternal,  // a bug or an unexpected library failure
  kAborted,   // concurrent change; retry
  kUnimplemented,
  kConflict,           // the record changed since the caller read it (stale version): re-read
  kUnauthenticated,    // no valid session
  kPermissionDenied,   // signed in, but the role may not do this
  kResourceExhausted,  // throttled (too many failed logins) or over a limit
};

class Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message)
      : rep_(code == StatusCode::kOk ? nullptr
                                     : std::make_shared<Rep>(Rep{code, std::move(message)})) {}

  static Status Ok() { return Status(); }
  bool ok() const { return rep_ == nullptr; }
  StatusCode code() const { return rep_ ? rep_->code : StatusCode::kOk; }
  const std::string& message() const;
  // "code: message", for logs.
  std::string ToString() const;

 private:
  struct Rep {
    StatusCode code;
    std::string message;
  };
  std::shared_ptr<const Rep> rep_;
};

inline Status InvalidArgument(std::string m) {
  return {StatusCode::kInvalidArgument, std::move(m)};
}
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
inline Status FailedPrecondition(std::string m) {
  return {StatusCode::kFailedPrecondition, std::move(m)};
}
inline Status DataLoss(std::string m) { return {StatusCode::kDataLoss, std::move(m)}; }
inline Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }
inline Status Aborted(std::string m) { return {StatusCode::kAborted, std::move(m)}; }
inline Status Conflict(std::string m) { return {StatusCode::kConflict, std::move(m)}; }
inline Status Unauthenticated(std::string m) {
  return {StatusCode::kUnauthenticated, std::move(m)};
}
inline Status PermissionDenied(std::string m) {
  return {StatusCode::kPermissionDenied, std::move(m)};
}
inline Status ResourceExhausted(std::string m) {
  return {StatusCode::kResourceExhausted, std::move(m)};
}

// Result<T>: a T, or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT
    if (std::get<Status>(v_).ok()) v_ = Status(StatusCode::kInternal, "Result 由 OK 状态构造");
  }
  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<Status, T> v_;
};

}  // namespace zj

#define ZJ_CONCAT_INNER_(a, b) a##b
#define ZJ_CONCAT_(a, b) ZJ_CONCAT_INNER_(a, b)

#define ZJ_RETURN_IF_ERROR(expr)             \
  do {                                       \
    ::zj::Status zj_status_ = (expr);        \
    if (!zj_status_.ok()) return zj_status_; \
  } while (0)

#define ZJ_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return tmp.status();             \
  lhs = std::move(tmp).value()

#define ZJ_ASSIGN_OR_RETURN(lhs, expr) \
  ZJ_ASSIGN_OR_RETURN_IMPL_(ZJ_CONCAT_(zj_result_, __LINE__), lhs, expr)
