// Joining words into text and mapping pattern matches back to the words they
// came from (for the value's box and OCR confidence).
//
// Thread-safety: pure functions; RE2 objects are used const (thread-safe).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/page_text.h"
#include "pipeline/extract/analysis.h"
#include "pipeline/extract/locate.h"

namespace re2 {
class RE2;
}

namespace scanstraat {

// Pattern quality × this when a value may hold a word OCR split in two
// ("Haar lem"): a person reads it again.
inline constexpr double kSplitWordFactor = 0.8;

struct MatchedText {
  int page_index = 0;
  std::string text;            // the matched text as read
  Box bbox;                    // union of the words it touches
  ValueSpan span;               // the same per line, and the characters of its words outside it
  double ocr_confidence = 0;   // blend of the mean and the lowest word confidence
  double pattern_quality = 0;  // 1: the pattern took the whole text; less when text was left over
  bool split_word = false;     // two words closer than a normal space: maybe one word split
  bool small_part = false;     // the pattern took a small part of a longer text
};

// Finds the value in `run`: the first match of `re` (group "value", else
// group 1, else the whole match), or the whole text when `re` is null. Text
// beside the value lowers its pattern quality; with `combined` (the pattern
// describes a value of several parts, the group one of them) only text
// outside the whole match does.
[[nodiscard]] std::optional<MatchedText> MatchInRun(const PageText& page, const WordRun& run, const re2::RE2* re,
                                                    bool combined = false);

// The first match of `re` in a plain `text` (a value read again on its
// own), judged as MatchInRun judges it; the whole text when `re` is null.
// Only `text`, `pattern_quality` and `small_part` are set.
[[nodiscard]] std::optional<MatchedText> MatchInText(const std::string& text, const re2::RE2* re);

// Every match of `re` over the document's running text (words joined by
// spaces, lines by newlines), value from group "value" or group 1.
[[nodiscard]] std::vector<MatchedText> MatchContext(const std::vector<PageText>& pages, const re2::RE2& re);

}  // namespace scanstraat
