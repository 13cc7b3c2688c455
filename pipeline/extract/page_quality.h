// How well OCR read a page, for routing: on a page read poorly, a field the
// rules did not find may be there, unread, so its absence is no reason to
// trust the document (route.h).
//
// Thread-safety: pure function.
#pragma once

#include <vector>

#include "pipeline/core/page_text.h"

namespace scanstraat {

// The mean OCR confidence (0..1) of the words of `page` that hold a letter or
// digit; -1 (not judged) for a page with a text layer (OCR read nothing) or
// with fewer than kMinJudgedWords such words (a near-empty page, such as a
// blank back side with a few specks, says nothing about the scan).
inline constexpr int kMinJudgedWords = 10;
[[nodiscard]] double ReadingQuality(const PageText& page);

// The page number (from 1) of the first page of `pages` whose ReadingQuality
// is at or above 0 and below `threshold`; 0 when there is none.
[[nodiscard]] int FirstPoorlyReadPage(const std::vector<PageText>& pages, double threshold);

}  // namespace scanstraat
