#include "pipeline/image/crop.h"

#include <algorithm>
#include <cmath>

namespace scanstraat {

Result<LineCrop> CropLine(const PIX* grey, int dpi, const Box& box, const LineCropOptions& options) {
  PIX* page = const_cast<PIX*>(grey);
  const int w = static_cast<int>(pixGetWidth(page)), h = static_cast<int>(pixGetHeight(page));
  if (box.width() <= 0 || box.height() <= 0) return Status::InvalidArgument("empty box");
  if (box.x0 >= w || box.y0 >= h || box.x1 <= 0 || box.y1 <= 0) return Status::InvalidArgument("box outside the page");
  const int m = static_cast<int>(std::lround(options.margin * box.height()));
  const int x0 = std::max(box.x0 - m, 0), y0 = std::max(box.y0 - m, 0);
  const int x1 = std::min(box.x1 + m, w), y1 = std::min(box.y1 + m, h);
  if (x1 <= x0 || y1 <= y0) return Status::InvalidArgument("box outside the page");
  BOX* b = boxCreate(x0, y0, x1 - x0, y1 - y0);
  PixPtr clip(pixClipRectangle(page, b, nullptr));
  boxDestroy(&b);
  if (!clip) return Status::Internal("cannot cut the box out of the page");
  const double scale =
      std::clamp(static_cast<double>(options.min_height) / box.height(), 1.0, std::max(1.0, options.max_scale));
  if (scale > 1.0) {
    PixPtr scaled(pixScaleGrayLI(clip.get(), static_cast<float>(scale), static_cast<float>(scale)));
    if (!scaled) return Status::Internal("cannot scale the cut-out");
    clip = std::move(scaled);
  }
  PixPtr bordered(pixAddBorder(clip.get(), options.border, 0xff));
  if (!bordered) return Status::Internal("cannot add a border to the cut-out");
  return LineCrop{std::move(bordered), static_cast<int>(std::lround(dpi * scale))};
}

}  // namespace scanstraat
