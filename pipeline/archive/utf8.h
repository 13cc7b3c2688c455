// Minimal UTF-8 decoding and encoding for the archive's text output (XML,
// XMP, the PDF text layer), which must never pass broken bytes on.
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace scanstraat {

// Decodes the UTF-8 sequence at s[i] and advances i past it. Returns U+FFFD
// for a malformed, overlong or surrogate sequence (advancing one byte).
// REQUIRES: i < s.size().
char32_t NextCodePoint(std::string_view s, size_t& i);

// Appends `cp` as UTF-8. REQUIRES: cp <= 0x10FFFF and not a surrogate.
void AppendUtf8(std::string& out, char32_t cp);

}  // namespace scanstraat
