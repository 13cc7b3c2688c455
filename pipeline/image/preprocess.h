// Page clean-up with Leptonica before OCR: greyscale, resolution
// normalised to the target dpi, orientation (0/90/180/270) and skew
// corrected. Each step is skipped when the page does not need it.
// Thread-safety: a pure function of its input.
#pragma once

#include "pipeline/core/status.h"
#include "pipeline/image/pix.h"

namespace scanstraat {

struct PreprocessOptions {
  int target_dpi = 300;     // pages at another known resolution are scaled to this
  bool orient = true;       // detect and correct 90/180/270 rotation
  bool deskew = true;       // detect and correct small skew
};

struct PreprocessInfo {
  int rotation = 0;         // degrees clockwise applied (0, 90, 180, 270)
  double skew_degrees = 0;  // skew found and removed
  double scale = 1.0;       // resolution scaling applied
  int source_dpi = 0;       // resolution found in the image (0: unknown, 300 assumed)
};

struct Preprocessed {
  PixPtr grey;              // 8 bpp, target dpi, upright
  PreprocessInfo info;
};

// True when Preprocess scales a page at `dpi` (known, > 0) to `target_dpi`;
// a page within 10% of the target keeps its size.
bool RescalesTo(int dpi, int target_dpi);

// The clockwise quarter turns (0..3) that make a page upright, from
// Leptonica's orientation confidences (pixOrientDetect: `up` > 0 upright,
// < 0 upside down; `left` > 0 turned left, < 0 turned right), or 0 when they
// do not tell. Leptonica's makeOrientDecision gives up when one of the two
// is exactly 0 (up -16.6 with left 0 stayed upside down) and asks more than
// noisy scans give.
[[nodiscard]] int QuarterTurnsFromConfidence(float up, float left);

// REQUIRES: pix != nullptr. `dpi` is the page's resolution, 0 if unknown.
Result<Preprocessed> Preprocess(const PIX* pix, int dpi, const PreprocessOptions& options);

}  // namespace scanstraat
