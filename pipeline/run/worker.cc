#include "pipeline/run/worker.h"

#include <csignal>
#include <unistd.h>

#include "pipeline/core/log.h"
#include "pipeline/ingest/poppler_doc.h"
#include "pipeline/run/archive_step.h"
#include "pipeline/run/pipeline.h"
#include "pipeline/run/progress.h"
#include "pipeline/run/result_record.h"
#include "pipeline/run/rules_hook.h"
#include "pipeline/store/fault_spec.h"

namespace scanstraat {
namespace {

std::atomic<bool> g_stop{false};
void OnSignal(int) { g_stop = true; }

// A document that was in progress, alone, when a worker died has crashed a
// library: record it as failed instead of trying again forever.
Status FailCrashedDocuments(Store& store, int64_t run_id) {
  SS_ASSIGN_OR_RETURN(std::vector<std::string> crashed, store.IsolatedCrashes(run_id));
  SS_ASSIGN_OR_RETURN(std::vector<PendingDocument> pending, store.PendingForRun(run_id));
  for (const std::string& id : crashed) {
    DocumentFacts facts;
    facts.id = id;
    for (const PendingDocument& d : pending)
      if (d.id == id) facts.source = d.source;
    facts.open_status = Status::Corrupt("reading this file crashed a library; it is probably damaged");
    facts.open_error_code = "crashed";
    LogError("doc " + ShortId(id) + " crashed the worker when read alone; recorded as failed");
    SS_RETURN_IF_ERROR(store.FinishDocument(id, run_id, DecideDocument(facts, nullptr)));
  }
  return Status::Ok();
}

}  // namespace

int WorkerMain(const RunOptions& options, int64_t run_id) {
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  QuietLeptonica();
  QuietPoppler();
  SetFaultWorkerProcess();  // test-only "@worker" store faults (store/fault_spec.h)

  Result<std::unique_ptr<Store>> store = Store::Open(options.workspace);
  if (!store.ok()) {
    LogError(store.status().ToString());
    return 3;
  }
  // Temporary files of archive writes a killed worker left (the run lock is held).
  if (Result<int> left = RemoveArchiveLeftovers(options.workspace); !left.ok()) {
    LogError(left.status().ToString());
    return 3;
  }
  if (Status s = FailCrashedDocuments(**store, run_id); !s.ok()) {
    LogError(s.ToString());
    return 3;
  }
  Result<std::vector<PendingDocument>> pending = store.value()->PendingForRun(run_id);
  if (!pending.ok()) {
    LogError(pending.status().ToString());
    return 3;
  }
  std::vector<PendingDocument> suspects, rest;
  for (PendingDocument& d : pending.value()) (d.suspect ? suspects : rest).push_back(std::move(d));

  Result<AnalyzeFn> analyze = MakeAnalyzer(options);
  if (!analyze.ok()) {
    LogError(analyze.status().ToString());
    return 2;
  }

  bool bar = options.progress == 1 || (options.progress == -1 && isatty(STDERR_FILENO));
  Progress progress(bar, static_cast<int>(suspects.size() + rest.size()));
  if (!suspects.empty())
    LogInfo(std::to_string(suspects.size()) +
            " documents were in progress when the last worker stopped; doing them one at a time");
  for (bool isolated : {true, false}) {
    const std::vector<PendingDocument>& docs = isolated ? suspects : rest;
    if (docs.empty()) continue;
    Result<PipelineStats> stats =
        RunPipeline(**store, run_id, docs, options, isolated, analyze.value(), progress, g_stop);
    if (!stats.ok()) {
      progress.Finish();
      LogError("run stopped: " + stats.status().ToString() +
               "; documents not finished are done by the next run");
      return 3;
    }
    if (stats->cancelled) break;
  }
  progress.Finish();
  if (g_stop.load()) {
    (void)store.value()->ResetInProgress(run_id);
    return 130;
  }
  return 0;
}

}  // namespace scanstraat
