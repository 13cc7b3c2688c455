// Connects the rules (pipeline/extract/) to the run: loads the rule set
// named by the options and returns the function the pipeline calls per
// document. Until rules are configured the function is empty and every
// document is `unknown` (routed to review).
#pragma once

#include "pipeline/core/options.h"
#include "pipeline/run/pipeline.h"

namespace scanstraat {

Result<AnalyzeFn> MakeAnalyzer(const RunOptions& options);

}  // namespace scanstraat
