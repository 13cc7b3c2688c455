#include "pipeline/core/status.h"

namespace scanstraat {

std::string_view CodeName(Code code) {
  switch (code) {
    case Code::kOk: return "ok";
    case Code::kInvalidArgument: return "invalid_argument";
    case Code::kNotFound: return "not_found";
    case Code::kIOError: return "io_error";
    case Code::kCorrupt: return "corrupt";
    case Code::kEncrypted: return "encrypted";
    case Code::kEmpty: return "empty";
    case Code::kUnsupported: return "unsupported_format";
    case Code::kTooLarge: return "too_large";
    case Code::kTimeout: return "timeout";
    case Code::kCancelled: return "cancelled";
    case Code::kInternal: return "internal";
    case Code::kConflict: return "conflict";
    case Code::kPermissionDenied: return "permission_denied";
  }
  return "internal";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(CodeName(code_)) + ": " + message_;
}

Status Status::WithContext(std::string_view context) const {
  if (ok()) return *this;
  return Status(code_, std::string(context) + ": " + message_);
}

}  // namespace scanstraat
