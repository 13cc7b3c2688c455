#include "pipeline/image/ink.h"

#include <algorithm>

namespace scanstraat {

std::optional<double> InkRatio(const PIX* grey, const Box& box) {
  PIX* p = const_cast<PIX*>(grey);
  int w = pixGetWidth(p), h = pixGetHeight(p);
  int x0 = std::max(box.x0, 0), y0 = std::max(box.y0, 0);
  int x1 = std::min(box.x1, w), y1 = std::min(box.y1, h);
  if (x1 <= x0 || y1 <= y0) return std::nullopt;
  BOX* b = boxCreate(x0, y0, x1 - x0, y1 - y0);
  PixPtr clip(pixClipRectangle(p, b, nullptr));
  boxDestroy(&b);
  if (!clip) return std::nullopt;
  PixPtr bin(pixConvertTo1(clip.get(), 128));
  if (!bin) return std::nullopt;
  l_int32 dark = 0;
  pixCountPixels(bin.get(), &dark, nullptr);
  return static_cast<double>(dark) / (static_cast<double>(x1 - x0) * (y1 - y0));
}

}  // namespace scanstraat
