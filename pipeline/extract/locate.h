// Where a value stands relative to its label: turns a label match and a
// Position into the words that may hold the value. Geometry only; no
// patterns, no types.
//
// Thread-safety: pure functions over const data.
#pragma once

#include <vector>

#include "pipeline/core/page_text.h"
#include "pipeline/extract/fuzzy_match.h"
#include "pipeline/extract/rule_set.h"

namespace scanstraat {

// Words of one page, as indices into PageText::words, in reading order.
struct WordRun {
  int page_index = 0;
  std::vector<int> words;
};

// Marks, per word of a page, that it belongs to some field's label: the
// value search stops there (the next field begins).
using LabelMask = std::vector<char>;

// Returns the words that `position` designates for the label `label` on
// `page`. Empty when nothing stands there. `max_words` bounds kAfter.
[[nodiscard]] WordRun LocateValue(const PageText& page, const WordSpan& label, Position position,
                                  const LabelMask& stop, int max_words);

// True when the vertical extents of a and b overlap by at least a third of
// the smaller height (same visual row, allowing for skew).
[[nodiscard]] bool SameRow(const Box& a, const Box& b);

}  // namespace scanstraat
