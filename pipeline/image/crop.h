// A piece of a page cut out for reading again: the box of a value with a
// margin, scaled up when its text is small, on a white border. A single
// line read on its own gives OCR a second, independent look at a value the
// page OCR was unsure of.
// Thread-safety: pure function of its input.
#pragma once

#include "pipeline/core/page_text.h"
#include "pipeline/core/status.h"
#include "pipeline/image/pix.h"

namespace scanstraat {

struct LineCropOptions {
  double margin = 0.3;      // added on every side, in multiples of the box height
  int min_height = 48;      // text boxes lower than this (pixels) are scaled up to it
  double max_scale = 3.0;   // but never more than this
  int border = 16;          // white border around the crop (pixels, after scaling)
};

struct LineCrop {
  PixPtr image;  // 8 bpp
  int dpi = 0;   // the page's resolution times the scale
};

// The part of the 8 bpp `grey` (at `dpi`) inside `box` plus the margin
// (clipped to the page), scaled and bordered as `options` say.
// kInvalidArgument when the box lies outside the page or is empty.
Result<LineCrop> CropLine(const PIX* grey, int dpi, const Box& box, const LineCropOptions& options = {});

}  // namespace scanstraat
