#include "pipeline/store/fault_spec.h"

#include <atomic>
#include <charconv>
#include <cstdlib>

namespace scanstraat {
namespace {

std::atomic<bool> g_worker_process{false};

constexpr FaultKind kKinds[] = {FaultKind::kWrite, FaultKind::kFull, FaultKind::kFsync,
                                FaultKind::kRename};

Status Bad(std::string_view text, std::string_view why) {
  return Status::InvalidArgument("fault injection spec '" + std::string(text) + "' " +
                                 std::string(why) +
                                 " (expected KIND:N[+][@worker], KIND write|full|fsync|rename)");
}

}  // namespace

std::string_view FaultKindName(FaultKind kind) {
  switch (kind) {
    case FaultKind::kWrite: return "write";
    case FaultKind::kFull: return "full";
    case FaultKind::kFsync: return "fsync";
    case FaultKind::kRename: return "rename";
  }
  return "write";
}

Result<FaultSpec> ParseFaultSpec(std::string_view text) {
  FaultSpec spec;
  std::string_view rest = text;
  if (size_t at = rest.find('@'); at != std::string_view::npos) {
    if (rest.substr(at + 1) != "worker") return Bad(text, "names an unknown process");
    spec.worker_only = true;
    rest = rest.substr(0, at);
  }
  if (!rest.empty() && rest.back() == '+') {
    spec.sticky = true;
    rest.remove_suffix(1);
  }
  size_t colon = rest.find(':');
  if (colon == std::string_view::npos) return Bad(text, "has no ':N'");
  const std::string_view kind = rest.substr(0, colon), count = rest.substr(colon + 1);
  bool known = false;
  for (FaultKind k : kKinds) {
    if (FaultKindName(k) == kind) {
      spec.kind = k;
      known = true;
    }
  }
  if (!known) return Bad(text, "has an unknown kind");
  auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), spec.nth);
  if (ec != std::errc() || end != count.data() + count.size() || spec.nth < 1)
    return Bad(text, "needs a count N of 1 or more");
  return spec;
}

Result<std::optional<FaultSpec>> FaultSpecFromEnv(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::optional<FaultSpec>();
  Result<FaultSpec> spec = ParseFaultSpec(value);
  if (!spec.ok()) return spec.status().WithContext(name);
  return std::optional<FaultSpec>(spec.value());
}

void SetFaultWorkerProcess() { g_worker_process = true; }

bool FaultAppliesHere(const FaultSpec& spec) { return !spec.worker_only || g_worker_process; }

}  // namespace scanstraat
