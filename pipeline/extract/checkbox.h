// Checkboxes and choice groups. The rules get words, not pixels, so the ink
// in a box is asked of the caller through InkRatioFn (fraction of dark pixels
// in a box of a page image). Without it (or when it has no answer) a tick read
// by OCR next to the option label counts: "X", "☒", "[x]", "✓", …
//
// Thread-safety: pure functions; InkRatioFn must be safe to call from the
// thread that runs Analyze.
#pragma once

#include <functional>
#include <optional>

#include "pipeline/core/page_text.h"
#include "pipeline/extract/fuzzy_match.h"
#include "pipeline/extract/rule_set.h"

namespace scanstraat {

// page_no counts from 1; box in the page's pixels. Returns the fraction of
// dark pixels in the box, or nullopt when it cannot say. The box asked for is
// the middle 60% of where the checkbox should be (InnerBox), so the printed
// outline of an empty box does not count as ink.
using InkRatioFn = std::function<std::optional<double>(int page_no, Box box)>;

enum class TickGlyph { kNone, kTicked, kEmpty };

struct TickObservation {
  std::optional<double> ink;  // ink ratio of the box, when the caller could measure it
  TickGlyph glyph = TickGlyph::kNone;
  float glyph_confidence = 0;  // OCR confidence of the glyph word
  Box box;                     // where the box is expected (ink) or the glyph was read
};

// The box where the checkbox of an option with label box `label` should be.
[[nodiscard]] Box CheckboxBox(const Box& label, const InkRule& ink);

// The middle 60% of `box` (20% off each side).
[[nodiscard]] Box InnerBox(const Box& box);

// What the page says about the box next to `label`.
[[nodiscard]] TickObservation ObserveTick(const PageText& page, const WordSpan& label, const InkRule& ink,
                                          const InkRatioFn& ink_ratio);

// Classifies one OCR word as a tick mark, an empty box, or neither.
[[nodiscard]] TickGlyph ClassifyGlyph(std::string_view word);

}  // namespace scanstraat
