// The invisible text layer of a searchable PDF page: PDF content-stream
// operators that place every OCR word over its box in text render mode 3
// (neither fill nor stroke), so text extraction and selection find the words
// where they stand on the scan.
//
// Words are shown in the glyphless font (glyphless_font.h): every character is
// one empty glyph half an em wide, the font size is the height of the word's
// line, and horizontal scaling (Tz) stretches the word to its box; when another
// word follows on the line, a space glyph stretched over the gap follows it.
// Thread-safety: pure function.
#pragma once

#include <string>

#include "pipeline/core/page_text.h"

namespace scanstraat {

// The resource name the operators use for the glyphless font.
inline constexpr const char* kTextLayerFontName = "/FTxt";

// Returns "BT … ET" for the words of `text`, in a page whose user space is
// points with the origin at the bottom left and `page_height_px` pixels high at
// `text.dpi`. Empty when there are no words. Characters outside the Basic
// Multilingual Plane are written as U+FFFD.
std::string TextLayerOperators(const PageText& text, int page_height_px);

// UTF-8 to the big-endian UTF-16 hex digits of a PDF hex string, e.g. "0041".
std::string Utf16BeHex(std::string_view utf8);

}  // namespace scanstraat
