// Classification: which document type is this? Each type's phrases are
// matched fuzzily against the document's words; a type's score is the share
// of its phrase weight found (must + may), 0 when a must phrase is missing or
// a must_not phrase is present. A form's own field labels (labels no other
// type uses) count too: the share of them found, times 0.8, when that is
// higher than the phrase score (a title worded otherwise). The best score at or above its threshold
// wins; within 0.02 of each other the higher priority wins.
//
// Thread-safety: pure functions over const data.
#pragma once

#include <vector>

#include "pipeline/core/page_text.h"
#include "pipeline/extract/analysis.h"
#include "pipeline/extract/rule_set.h"

namespace scanstraat {

// Best similarity of `phrase` anywhere in the pages (0 when not found at
// `min_similarity` or better).
[[nodiscard]] double FindPhrase(const std::vector<PageText>& pages, const Phrase& phrase, double min_similarity);

// Scores every type (archive fallbacks without phrases score 0), best first.
[[nodiscard]] std::vector<TypeScore> ScoreTypes(const RuleSet& rules, const std::vector<PageText>& pages);

// The winning type id among `scores` (sorted best first), or "" when none
// passes its threshold.
[[nodiscard]] std::string PickWinner(const std::vector<TypeScore>& scores);

}  // namespace scanstraat
