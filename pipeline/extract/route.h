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
// order: missing:F (required and not found; or not found at all while a page
// was read poorly, analysis.poorly_read_page, since it may be there unread),
// invalid:F, low_confidence:F (valid but below the field's min_confidence),
// check_failed:NAME.
[[nodiscard]] std::vector<std::string> FieldReasons(const Analysis& analysis, const DocTypeRule& type);

// Whether reading doubtful values again (reread.h) can change where a
// document with these first-reading `reasons` goes: yes when it goes to the
// archive (values just above their minimum are read again as a check, so a
// misread is caught before it is archived unseen), and when every reason is
// a value that was read but doubtful (invalid, low_confidence) or a failed
// check; no when a required value is missing, since a second reading of the
// others leaves the document in review anyway.
[[nodiscard]] bool RereadCanChangeOutcome(const std::vector<std::string>& reasons);

// True for a share `rate` (0..1) of document ids, decided by SHA-256 of
// seed and id: the same document and seed always give the same answer.
[[nodiscard]] bool SampledForReview(const std::string& document_id, const std::string& seed, double rate);

}  // namespace scanstraat
