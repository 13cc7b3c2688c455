// Turns the words of a PDF text layer into a PageText: lines (words whose
// vertical extents overlap, left to right), blocks (lines separated by a
// larger gap), and the plain text. Also decides whether a text layer is
// usable or too thin/garbled to trust (then the page is OCRed instead).
// Thread-safety: pure functions.
#pragma once

#include <vector>

#include "pipeline/core/page_text.h"

namespace scanstraat {

// Fills `page.lines` and `page.text` from `page.words` (words in reading order).
void BuildLinesAndText(PageText& page);

// True when the words carry enough real text to skip OCR: at least
// `min_chars` letters or digits, and few replacement or control characters.
bool IsUsableTextLayer(const std::vector<Word>& words, int min_chars = 20);

}  // namespace scanstraat
