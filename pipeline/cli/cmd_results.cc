// `scanstraat results`: the result records as JSON Lines.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "pipeline/cli/args.h"
#include "pipeline/cli/commands.h"
#include "pipeline/core/log.h"
#include "pipeline/review/audit_log.h"
#include "pipeline/run/result_record.h"
#include "pipeline/store/store.h"

namespace scanstraat {
namespace {

constexpr const char* kHelp = R"(Usage: scanstraat results [--workspace DIR] [--run ID] [--since DATE]

Prints the result record (RESULTS.md, schema scanstraat.result/1) of every
finished document as JSON Lines on standard output, in the order they
finished. The records hold personal data in clear: they are for systems
that may see it.

Options:
  --workspace DIR   the workspace (default: $SCANSTRAAT_WORKSPACE, else ./workspace)
  --run ID          only documents finished by run ID ("latest" for the last run)
  --since DATE      only documents finished at or after DATE (2026-11-24 or
                    2026-11-24T08:00:00Z, UTC)
  -h, --help        show this help

Exit codes: 0 printed; 2 bad arguments; 3 no workspace or it cannot be read.
)";

}  // namespace

int ResultsCommand(const std::vector<std::string>& args) {
  Result<ParsedArgs> parsed = ParseArgs(args, {"workspace", "run", "since"}, {"help", "h"});
  if (!parsed.ok()) return UsageError("results", parsed.status().message());
  if (parsed->Has("help") || parsed->Has("h")) return Usage(kHelp);
  if (!parsed->positional.empty()) return UsageError("results", "unexpected argument " + parsed->positional[0]);
  std::string workspace = WorkspaceFrom(*parsed);

  Result<std::unique_ptr<Store>> store = Store::OpenExisting(workspace);
  if (!store.ok()) {
    LogError(store.status().message());
    return 3;
  }
  int64_t run_id = 0;
  if (auto v = parsed->Get("run")) {
    if (*v == "latest") {
      Result<int64_t> latest = store.value()->LatestRunId();
      if (!latest.ok()) {
        LogError(latest.status().ToString());
        return 3;
      }
      run_id = latest.value();
    } else {
      Result<int64_t> id = ParseInt("run", *v, 1, INT64_MAX);
      if (!id.ok()) return UsageError("results", id.status().message());
      run_id = id.value();
    }
  }
  std::string since;
  if (auto v = parsed->Get("since")) {
    if (v->size() < 10 || (*v)[4] != '-' || (*v)[7] != '-')
      return UsageError("results", "--since takes a date like 2026-11-24 or 2026-11-24T08:00:00Z");
    since = *v;
  }
  int64_t exported = 0;
  Status s = store.value()->ForEachResult(run_id, since, [&exported](const Store::ResultRow& row) {
    ++exported;
    nlohmann::ordered_json record = nlohmann::ordered_json::parse(row.result_json, nullptr, false);
    if (record.is_discarded()) return;
    record = WithReview(std::move(record), row.case_id, row.state_of_case, row.decided_by,
                        row.corrections_json);
    std::string line = record.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    line.push_back('\n');
    std::fwrite(line.data(), 1, line.size(), stdout);
  });
  std::fflush(stdout);
  if (!s.ok()) {
    LogError(s.ToString());
    return 3;
  }
  // The export holds masked fields in clear: it is a view, and audited as one.
  const std::string who = CliOrigin();
  Status audited = AuditLog(store.value()->db()).Append(
      {who, "export", run_id > 0 ? "run:" + std::to_string(run_id) : "results", "ok", who,
       "records=" + std::to_string(exported) + (since.empty() ? "" : " since=" + since)});
  if (!audited.ok()) LogWarn("the export could not be audited: " + audited.message());
  return 0;
}

}  // namespace scanstraat
