// Routing: the reasons a document goes to review (RESULTS.md names), and the
// deterministic sample of sure documents that is sent to review anyway so the
// straight-through error rate can be measured.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include "pipeline/extract/analysis.h"
#include "pipeline/extract/rule_set.h"

namespace scanstraat {

// Reasons from the fields and checks of `analysis` for `type`, in rule
// order: missing:F (required and not found), invalid:F, low_confidence:F
// (valid but below the field's min_confidence), check_failed:NAME.
[[nodiscard]] std::vector<std::string> FieldReasons(const Analysis& analysis, const DocTypeRule& type);

// True for a share `rate` (0..1) of document ids, decided by SHA-256 of
// seed and id: the same document and seed always give the same answer.
[[nodiscard]] bool SampledForReview(const std::string& document_id, const std::string& seed, double rate);

}  // namespace scanstraat
