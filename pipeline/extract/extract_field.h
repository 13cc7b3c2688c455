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
#include "pipeline/extract/locate.h"
#include "pipeline/extract/rule_set.h"

namespace scanstraat {

// Label matches of every field of a type, found once per document.
struct LabelIndex {
  // fields[i]: every label match of field i (all variants, all pages),
  // best similarity first.
  std::vector<std::vector<WordSpan>> fields;
  // options[i][o]: spans of option o of field i (choice/checkbox fields).
  std::vector<std::vector<std::vector<WordSpan>>> options;
  // Per page: words that belong to some label (value searches stop there).
  std::vector<LabelMask> stops;
};

// Finds all labels of `type` in `pages`. A span that lies inside a longer
// label of another field ("Datum" inside "Datum ondertekening") is dropped.
[[nodiscard]] LabelIndex IndexLabels(const DocTypeRule& type, const std::vector<PageText>& pages);

struct ExtractContext {
  const std::vector<PageText>* pages = nullptr;
  const LabelIndex* labels = nullptr;
  InkRatioFn ink_ratio;       // may be empty
  std::string today;          // YYYY-MM-DD, for not_in_future
  ConfidenceModel model;
};

// Extracts field number `index` of `type`. Always returns a FieldValue; when
// nothing was found it has found=false and the error "missing".
[[nodiscard]] FieldValue ExtractField(const DocTypeRule& type, size_t index, const ExtractContext& ctx);

}  // namespace scanstraat
