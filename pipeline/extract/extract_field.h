// Extraction of one field: label matches → positions → value pattern →
// field type → confidence; or context patterns over running text; or ticks
// for checkbox/choice fields. Every value carries its page, box, raw text and
// the rule it came from.
//
// Thread-safety: pure functions over const data (the InkRatioFn is called on
// the calling thread).
#pragma once

#include <string>
#include <vector>

#include "pipeline/core/page_text.h"
#include "pipeline/extract/analysis.h"
#include "pipeline/extract/checkbox.h"
#include "pipeline/extract/confidence.h"
#include "pipeline/extract/fuzzy_match.h"
#include "pipeline/extract/label_index.h"
#include "pipeline/extract/locate.h"
#include "pipeline/extract/reread.h"
#include "pipeline/extract/rule_set.h"

namespace scanstraat {

struct ExtractContext {
  const std::vector<PageText>* pages = nullptr;
  const LabelIndex* labels = nullptr;
  InkRatioFn ink_ratio;       // may be empty
  RereadFn reread;            // may be empty: doubtful values are not read again
  std::string today;          // YYYY-MM-DD, for not_in_future
  ConfidenceModel model;
};

// Extracts field number `index` of `type`. Always returns a FieldValue; when
// nothing was found it has found=false and the error "missing".
[[nodiscard]] FieldValue ExtractField(const DocTypeRule& type, size_t index, const ExtractContext& ctx);

}  // namespace scanstraat
