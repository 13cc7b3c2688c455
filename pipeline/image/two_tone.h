// Whether a grey page image is two-tone: black text and lines on white, with
// (almost) nothing in between. Such a page is stored as 1-bit CCITT G4 in the
// archive; a page with photos or grey areas keeps its grey levels.
//
// Thread-safety: safe to call from many threads at once, also on the same
// PIX (it is only read).
#pragma once

#include <leptonica/allheaders.h>

namespace scanstraat {

// The share of pixels that may lie outside the darkest and lightest 1/8 of
// the range on a two-tone page: 0.2% (a grey logo of ~11 x 11 mm on A4 is
// more, so it keeps its greys).
inline constexpr double kTwoToneMidFraction = 0.002;

// Mid-grey: the 8-bit grey levels from kMidGreyLow up to, not including,
// kMidGreyHigh (the darkest and lightest 1/8 of the range are not mid-grey).
inline constexpr unsigned kMidGreyLow = 32, kMidGreyHigh = 224;

// True when at most `mid_fraction` of the pixels of the 8-bit `grey` lie in
// [32, 224). Counts every `sampling`-th pixel of every `sampling`-th row.
// False for an empty image or one of another depth.
bool IsTwoTone(const PIX* grey, int sampling = 1, double mid_fraction = kTwoToneMidFraction);

}  // namespace scanstraat
