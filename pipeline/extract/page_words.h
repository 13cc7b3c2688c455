// Clean-up of a page's words before the rules look at them. OCR reports the
// ruled lines and box outlines of a form as "words" of blank text with boxes
// as wide as the page; a value search that meets one takes the outline for
// the value's row, or a box edge for the value itself.
//
// Thread-safety: pure functions.
#pragma once

#include <vector>

#include "pipeline/core/page_text.h"

namespace scanstraat {

// True for a word with no visible text (empty or only spaces and tabs).
[[nodiscard]] bool IsBlankWord(const Word& word);

// `page` without blank words; lines keep their order and boxes, their word
// ranges are renumbered, and lines left without words are dropped. The
// plain text is kept as it is.
[[nodiscard]] PageText WithoutBlankWords(const PageText& page);
[[nodiscard]] std::vector<PageText> WithoutBlankWords(const std::vector<PageText>& pages);

// `page` with labels OCR glued to their value split off as a word of their
// own: "BSN:123456782" → "BSN:" "123456782", "KvK65789362" → "KvK"
// "65789362". A word splits after a ':' that follows at least two letters,
// or where two or more letters (and an optional '.') are followed by nothing
// but a number of four digits or more. The parts share the word's box in
// proportion to their length and keep its confidence.
[[nodiscard]] PageText SplitGluedLabels(const PageText& page);
[[nodiscard]] std::vector<PageText> SplitGluedLabels(const std::vector<PageText>& pages);

// Where `text` splits into label and value (the start of the value), or 0
// when it does not (see SplitGluedLabels).
[[nodiscard]] size_t GluedLabelSplit(const std::string& text);

// Share (0..1) of the visible words of `pages` read with a confidence of at
// least `min_confidence`; 1 when there are no words. A value collected from
// the whole text (a repeat field: every date) cannot be surer than this,
// since what was misread may have held another occurrence.
[[nodiscard]] double SurelyReadShare(const std::vector<PageText>& pages, double min_confidence = 0.7);

}  // namespace scanstraat
