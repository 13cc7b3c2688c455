// Connects the rules (pipeline/extract/) to the run: loads the rule set
// named by the options and returns the function the pipeline calls per
// document. Until rules are configured the function is empty and every
// document is `unknown` (routed to review).
#pragma once

#include <nlohmann/json.hpp>

#include "pipeline/core/options.h"
#include "pipeline/extract/rule_set.h"
#include "pipeline/run/pipeline.h"

namespace scanstraat {

Result<AnalyzeFn> MakeAnalyzer(const RunOptions& options);

// What the archive step needs of a result record besides its doctype
// (archive_step.h): {"archive_settings": the type's archive settings,
// "document_dates": valid values of its date fields that are not personal
// data (a birth date is masked)}. Empty when `rules` lack the record's type.
nlohmann::json ArchiveFacts(const RuleSet& rules, const nlohmann::json& record);

}  // namespace scanstraat
