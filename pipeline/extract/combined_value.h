// Values of several parts found without the combined label the rules list:
// a field's combined patterns (rule_set.h: CombinedLabel) also read the text
// at its own labels ("Woonplaats" over "3811 BB Amersfoort") and at the
// labels of the fields it shares a combined label with (the place's label
// over a box with postcode and place, the street's over "Emmastraat 12").
//
// Thread-safety: pure functions over const data.
#pragma once

#include <optional>
#include <vector>

#include "pipeline/core/page_text.h"
#include "pipeline/extract/locate.h"
#include "pipeline/extract/rule_set.h"
#include "pipeline/extract/text_run.h"

namespace scanstraat {

// The field's part of `run` by the first of its combined patterns whose whole
// match is all of the run's text (a few specks aside); nullopt when none is.
[[nodiscard]] std::optional<MatchedText> WholeCombinedMatch(const FieldRule& rule, const PageText& page,
                                                            const WordRun& run);

// A field that shares a combined label with the field asked about, and the
// number of the asked field's combined entry it shares.
struct SiblingField {
  size_t field = 0;
  int combined = 0;
};

// The other fields of `type` with a combined entry of the same labels as one
// of field `index`'s entries ("Postcode en woonplaats" at postcode and at
// woonplaats).
[[nodiscard]] std::vector<SiblingField> SiblingFields(const DocTypeRule& type, size_t index);

}  // namespace scanstraat
