// `scanstraat audit`: read and check the audit log.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "pipeline/cli/args.h"
#include "pipeline/cli/commands.h"
#include "pipeline/core/log.h"
#include "pipeline/review/review_service.h"

namespace scanstraat {
namespace {

constexpr const char* kHelp = R"(Usage: scanstraat audit list [--limit N] [--before SEQ] [--actor NAME]
                            [--action ACTION] [--object PREFIX] [--since DATE]
                            [--json] [--workspace DIR]
       scanstraat audit verify [--workspace DIR]

The audit log records every login, view of a case or of a clear value,
change, approval, rejection and export, with actor, action, object, result,
origin and time (BIO 8.15). It is append-only and hash-chained.

  list     entries, newest first (a table, or JSON Lines with --json)
  verify   recomputes the chain; names the first entry that was changed,
           removed or reordered, and prints the hash of the last entry
           (keep it elsewhere: a log cut short after it shows as a
           different last hash)

Options:
  --limit N         entries to show (default 50)
  --before SEQ      only entries before number SEQ (to page back)
  --actor NAME, --action ACTION, --object PREFIX (e.g. case:17), --since DATE
  --json            one JSON object per line
  --workspace DIR   the workspace (default: $SCANSTRAAT_WORKSPACE, else ./workspace)
  -h, --help        show this help

Exit codes: 0 ok; 1 verify found tampering; 2 bad arguments; 3 no workspace.
)";

}  // namespace

int AuditCommand(const std::vector<std::string>& args) {
  Result<ParsedArgs> parsed = ParseArgs(args, {"workspace", "limit", "before", "actor", "action", "object", "since"},
                                        {"help", "h", "json"});
  if (!parsed.ok()) return UsageError("audit", parsed.status().message());
  if (parsed->Has("help") || parsed->Has("h") || parsed->positional.size() != 1) return Usage(kHelp);
  Result<std::unique_ptr<ReviewService>> service = ReviewService::Open(WorkspaceFrom(*parsed), nullptr);
  if (!service.ok()) {
    LogError(service.status().message());
    return 3;
  }
  AuditLog& log = (*service)->audit();
  const std::string action = parsed->positional[0];
  if (action == "verify") {
    Result<AuditVerdict> v = log.Verify();
    if (!v.ok()) {
      LogError(v.status().message());
      return 3;
    }
    if (!v->ok()) {
      std::printf("TAMPERED at entry %lld: %s (%lld entries)\n", static_cast<long long>(v->first_bad),
                  v->problem.c_str(), static_cast<long long>(v->entries));
      return 1;
    }
    std::printf("audit log intact: %lld entries, last hash %s\n", static_cast<long long>(v->entries),
                v->head.c_str());
    return 0;
  }
  if (action != "list") return UsageError("audit", "unknown action " + action + " (list, verify)");
  AuditLog::Query q;
  if (auto v = parsed->Get("limit")) {
    Result<int64_t> n = ParseInt("limit", *v, 1, 1000000);
    if (!n.ok()) return UsageError("audit", n.status().message());
    q.limit = static_cast<int>(*n);
  } else {
    q.limit = 50;
  }
  if (auto v = parsed->Get("before")) {
    Result<int64_t> n = ParseInt("before", *v, 1, INT64_MAX);
    if (!n.ok()) return UsageError("audit", n.status().message());
    q.before = *n;
  }
  q.actor = parsed->Get("actor").value_or("");
  q.action = parsed->Get("action").value_or("");
  q.object_prefix = parsed->Get("object").value_or("");
  q.since = parsed->Get("since").value_or("");
  Result<std::vector<AuditEntry>> entries = log.List(q);
  if (!entries.ok()) {
    LogError(entries.status().message());
    return 3;
  }
  // Reading the log is itself an audited act.
  (*service)->Audit({CliOrigin(), "read_audit", "audit", "ok", CliOrigin(),
                     "entries=" + std::to_string(entries->size())});
  for (const AuditEntry& e : *entries) {
    if (parsed->Has("json")) {
      nlohmann::json j = {{"seq", e.seq}, {"at", e.at}, {"actor", e.actor}, {"action", e.action},
                          {"object", e.object}, {"result", e.result}, {"origin", e.origin}, {"detail", e.detail}};
      std::printf("%s\n", j.dump().c_str());
    } else {
      std::printf("%6lld %s %-16s %-14s %-18s %-9s %-18s %s\n", static_cast<long long>(e.seq), e.at.c_str(),
                  e.actor.c_str(), e.action.c_str(), e.object.c_str(), e.result.c_str(), e.origin.c_str(),
                  e.detail.c_str());
    }
  }
  return 0;
}

}  // namespace scanstraat
