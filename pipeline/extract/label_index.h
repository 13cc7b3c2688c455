// The labels of a document type found on a document's pages, once per
// document: every field's label matches (variants merged, shorter matches
// inside longer labels dropped, sections applied), the option labels of
// choice fields, and per page the words that belong to some label (where a
// value search stops).
//
// Thread-safety: pure functions over const data.
#pragma once

#include <vector>

#include "pipeline/core/page_text.h"
#include "pipeline/extract/fuzzy_match.h"
#include "pipeline/extract/locate.h"
#include "pipeline/extract/rule_set.h"

namespace scanstraat {

// A label match of a field: one of its labels, or (combined >= 0) one of the
// labels of its combined entry number `combined`.
struct LabelSpan : WordSpan {
  int combined = -1;
  // Found by its words (label_words.h), not as one of the listed labels.
  bool by_words = false;
};

// Label matches of every field of a type, found once per document.
struct LabelIndex {
  // fields[i]: every label match of field i (all variants, combined labels
  // too, all pages), best similarity first.
  std::vector<std::vector<LabelSpan>> fields;
  // options[i][o]: spans of option o of field i (choice/checkbox fields).
  std::vector<std::vector<std::vector<WordSpan>>> options;
  // Per page: words that belong to some label (value searches stop there).
  std::vector<LabelMask> stops;
};

// Finds all labels of `type` in `pages`. A span that lies inside a longer
// label of another field ("Datum" inside "Datum ondertekening") is dropped.
[[nodiscard]] LabelIndex IndexLabels(const DocTypeRule& type, const std::vector<PageText>& pages);

}  // namespace scanstraat
