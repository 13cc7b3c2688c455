// The supervisor of `scanstraat run`: finds and hashes the inputs, records
// the run, then runs the work in a child worker process and restarts it if
// it dies (a crash inside a C library on a damaged file, or the watchdog
// ending a hang). Documents in progress when a worker died are redone one
// at a time; one that crashes again alone is recorded as failed (`crashed`).
// Prints the summary and returns the process exit code (see ExitCode).
#pragma once

#include <string>
#include <vector>

#include "pipeline/core/options.h"

namespace scanstraat {

// Exit codes of `scanstraat run` (documented in --help and the README).
enum ExitCode : int {
  kExitOk = 0,           // the run finished (also when some documents failed)
  kExitInternal = 1,     // the worker kept dying; the run cannot finish
  kExitUsage = 2,        // bad arguments, missing inputs, bad rules
  kExitWorkspace = 3,    // the workspace cannot be created, opened or written
  kExitBusy = 4,         // another run is using the workspace
  kExitInterrupted = 130 // stopped by SIGINT/SIGTERM; run again to resume
};

// `argv` is the command line of this process, passed on to the worker.
int SuperviseRun(const RunOptions& options, const std::vector<std::string>& argv);

}  // namespace scanstraat
