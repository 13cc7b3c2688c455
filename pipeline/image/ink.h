// How much ink is in a box of a page: the share of dark pixels, for
// checkboxes and choice groups. Thread-safety: pure function.
#pragma once

#include <optional>

#include "pipeline/core/page_text.h"
#include "pipeline/image/pix.h"

namespace scanstraat {

// Share (0..1) of pixels darker than mid-grey inside `box` of an 8 bpp
// page; nullopt when the box lies outside the page or is empty.
std::optional<double> InkRatio(const PIX* grey, const Box& box);

}  // namespace scanstraat
