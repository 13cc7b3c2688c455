// Checkbox and choice fields: decided by the ink in the boxes next to the
// option labels (InkRatioFn), or by tick glyphs read by OCR.
//
//  - checkbox: one box; ticked when its ink ratio is at least ink.threshold.
//  - choice: one box per option; the fullest box wins when it is at least
//    ink.threshold and beats the next by ink.margin (the printed outline of
//    an empty box is the same for every option, so the comparison cancels it).
//
// Thread-safety: pure functions (the InkRatioFn is called on this thread).
#pragma once

#include "pipeline/extract/analysis.h"
#include "pipeline/extract/extract_field.h"

namespace scanstraat {

// REQUIRES: the field's type is checkbox or choice.
[[nodiscard]] FieldValue ExtractTickField(const FieldRule& rule, size_t index, const ExtractContext& ctx);

}  // namespace scanstraat
