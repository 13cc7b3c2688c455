// Reading a doubtful value again: the page OCR read a field's value poorly
// (it fails its type, or OCR was unsure of its words), so the value's box is
// cut out of the page image and read on its own as a single line, limited to
// the characters of the field's type (ReadingCharset). The rules get words,
// not pixels: the caller supplies the reading through RereadFn.
//
// Thread-safety: pure functions; RereadFn is called on the thread that runs
// Analyze.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/page_text.h"
#include "pipeline/extract/analysis.h"
#include "pipeline/extract/rule_set.h"
#include "pipeline/extract/text_run.h"

namespace scanstraat {

// What a second reading of a box gave: the words joined by single spaces and
// OCR's confidence (0..1) per word.
struct Reread {
  std::string text;
  std::vector<float> confidences;
};

// Reads the box `box` of page `page_no` (from 1) again, taking only the
// characters in `charset` (empty: any). nullopt when it cannot (no page
// image, a text-layer page, an OCR error).
using RereadFn = std::function<std::optional<Reread>(int page_no, const Box& box, const std::string& charset)>;

// Below this share of dark pixels in its box a value is too faint to read
// again: OCR of a cut-out finds the faintest trace, and a faint value is one
// the writer left illegible, which must stay unread.
inline constexpr double kMinRereadInk = 0.02;

// A value less sure than this is read again even when it passes its field's
// minimum: a second reading that gives another value as surely catches a
// misread OCR was fairly sure of ("fatina68" for "fatima68" at 0.80).
inline constexpr double kCheckBelow = 0.9;

// Two readings that give different valid values, the second at most this
// much less sure than the first: which one is right cannot be told.
inline constexpr double kAsSure = 0.1;

// How a second reading that gives another valid value stands to the first
// (the raw texts as read).
enum class OtherReading {
  // Another value: which one is right cannot be told when both are about as
  // sure.
  kRival,
  // The same letters and digits apart from case and spaces ("Mo Lenweg" for
  // "Molenweg", "15C" for "15c"): the readings agree on what the value is.
  kSameLetters,
  // Less than half of the first's letters and digits ("€ 3" for "€ 376.691,00"):
  // the second reading stopped short; it says nothing about the rest.
  kCutShort,
  // The same value with a "1", "l", "I" or "|" more at one end ("1224" for
  // "224"): one of the readings took a box edge for a sign. A rival however
  // much less sure it is: the edge reads the same every time.
  kEdgeMark,
};

[[nodiscard]] OtherReading CompareReadings(const std::string& first, const std::string& second);

// True when `v` is worth reading again: found by OCR on a page of `pages`
// (not a text layer), with a box, and invalid or less sure than the rule's
// minimum or kCheckBelow.
[[nodiscard]] bool IsDoubtful(const FieldRule& rule, const FieldValue& v, const std::vector<PageText>& pages);

// `text` read again from a value's words without the signs the first
// reading left outside the value: up to span.outside_front leading and
// span.outside_back trailing characters that are no letter or digit ("." of
// "BZ-2024-2247." at a sentence end). Letters and digits stay: what they are
// is for the value's pattern to say.
[[nodiscard]] std::string TrimOutside(std::string text, const ValueSpan& span);

// Reads `v`'s box again through `reread`, limited to `charset` (empty: any
// character), and matches the field's value pattern in the new text (the whole text for a field without one). The
// match carries the second reading's OCR confidence (blended as for page
// words: the mean and the lowest) and `v`'s page and box. nullopt when the
// reading gives nothing, the pattern does not match it, or the match is a
// small part of a longer text (MatchedText::small_part).
[[nodiscard]] std::optional<MatchedText> RereadValue(const FieldRule& rule, const FieldValue& v,
                                                     const std::vector<PageText>& pages, const RereadFn& reread,
                                                     const std::string& charset);

}  // namespace scanstraat
