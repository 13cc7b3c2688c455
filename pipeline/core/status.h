// Status and Result<T>: errors as values.
//
// Every call that can fail on user data returns a Status (or a Result<T>,
// which holds either a value or a non-ok Status). Messages name the file or
// page and say what to do; they never contain personal data (see redact.h).
// Thread-safety: values; safe to copy and move between threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace scanstraat {

// A small, closed set of codes. Document-level codes map one to one onto the
// `error.code` of a failed result record, so keep them stable.
enum class Code {
  kOk = 0,
  kInvalidArgument,   // the caller (or the command line) asked for something wrong
  kNotFound,          // a file or record that should exist does not
  kIOError,           // the OS refused a read, write, sync or rename
  kCorrupt,           // input is damaged or not what its header claims
  kEncrypted,         // PDF needs a password
  kEmpty,             // zero bytes, or zero pages
  kUnsupported,       // a file type Scanstraat does not read
  kTooLarge,          // over a configured limit (pixels, pages, bytes)
  kTimeout,           // over the per-page time limit
  kCancelled,         // the run was asked to stop
  kInternal,          // a bug: an invariant did not hold
  kConflict,          // someone else holds it, or it changed meanwhile (review claims)
  kPermissionDenied,  // the user's role may not do this
};

// Stable lower_snake name of a code, as used in result records and logs.
std::string_view CodeName(Code code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {Code::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {Code::kNotFound, std::move(m)}; }
  static Status IOError(std::string m) { return {Code::kIOError, std::move(m)}; }
  static Status Corrupt(std::string m) { return {Code::kCorrupt, std::move(m)}; }
  static Status Encrypted(std::string m) { return {Code::kEncrypted, std::move(m)}; }
  static Status Empty(std::string m) { return {Code::kEmpty, std::move(m)}; }
  static Status Unsupported(std::string m) { return {Code::kUnsupported, std::move(m)}; }
  static Status TooLarge(std::string m) { return {Code::kTooLarge, std::move(m)}; }
  static Status Timeout(std::string m) { return {Code::kTimeout, std::move(m)}; }
  static Status Cancelled(std::string m) { return {Code::kCancelled, std::move(m)}; }
  static Status Internal(std::string m) { return {Code::kInternal, std::move(m)}; }
  static Status Conflict(std::string m) { return {Code::kConflict, std::move(m)}; }
  static Status PermissionDenied(std::string m) { return {Code::kPermissionDenied, std::move(m)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "code: message", or "ok".
  std::string ToString() const;

  // Returns a copy whose message is prefixed with `context: `.
  Status WithContext(std::string_view context) const;

 private:
  Code code_ = Code::kOk;
  std::string message_;
};

// Either a T or a non-ok Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT: REQUIRES: !status.ok()

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace scanstraat

// Returns early from the enclosing function when `expr` is not ok.
#define SS_RETURN_IF_ERROR(expr)             \
  do {                                       \
    ::scanstraat::Status ss_status_ = (expr); \
    if (!ss_status_.ok()) return ss_status_; \
  } while (0)

#define SS_CONCAT_INNER_(a, b) a##b
#define SS_CONCAT_(a, b) SS_CONCAT_INNER_(a, b)
// `SS_ASSIGN_OR_RETURN(auto x, F());` declares x from F()'s value, or returns
// F()'s status from the enclosing function.
#define SS_ASSIGN_OR_RETURN(lhs, expr)                       \
  auto SS_CONCAT_(ss_result_, __LINE__) = (expr);            \
  if (!SS_CONCAT_(ss_result_, __LINE__).ok())                \
    return SS_CONCAT_(ss_result_, __LINE__).status();        \
  lhs = std::move(SS_CONCAT_(ss_result_, __LINE__)).value()
