// Labels known by their words: a form may ask for a field in a wording no
// rule lists ("Met hoeveel personen?" where the rule knows "Met hoeveel
// personen verhuist u"). A phrase on the page whose every word is a word of
// the field's own labels, with at least one word that no other field of the
// type uses in its labels, is taken for the field's label, a little less
// surely than a listed wording. Only for a field none of whose labels was
// found.
//
// Thread-safety: pure functions over const data.
#pragma once

#include <string>
#include <vector>

#include "pipeline/core/page_text.h"
#include "pipeline/extract/fuzzy_match.h"
#include "pipeline/extract/locate.h"
#include "pipeline/extract/rule_set.h"

namespace scanstraat {

// Label similarity of a phrase found by its words: a listed wording matched
// exactly is 1.0, the loosest accepted fuzzy match 0.8.
inline constexpr double kByWordsSimilarity = 0.85;

// Fills FieldRule::label_words (the MatchKey forms of the words of a field's
// labels and combined labels, without filler words; sorted, each once) and
// own_label_words for every field of `type`.
void AssignLabelWords(DocTypeRule& type);

// True for words that carry no meaning of their own in a label.
[[nodiscard]] bool IsFillerWord(std::string_view key);

// The phrases of `page` that are a label of `field` by their words: runs of
// words on one line between wide gaps, box edges, a ':' or '?' that ends
// them, and words of other labels (`stop`), up to six words, without digits.
[[nodiscard]] std::vector<WordSpan> FindByWords(const PageText& page, int page_index, const FieldRule& field,
                                                const LabelMask& stop);

}  // namespace scanstraat
