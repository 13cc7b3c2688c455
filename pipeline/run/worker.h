// The worker process of a run: does the documents the run still has to do,
// suspects (documents in progress when a worker died) first and alone, then
// the rest in parallel. Started by the supervisor; exits 0 when done, 130
// when asked to stop (SIGINT/SIGTERM), 75 when the watchdog ended it.
#pragma once

#include <cstdint>

#include "pipeline/core/options.h"

namespace scanstraat {

int WorkerMain(const RunOptions& options, int64_t run_id);

}  // namespace scanstraat
