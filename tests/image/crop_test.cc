// Cutting a value's box out of a page for reading it again.
#include <gtest/gtest.h>

#include "pipeline/image/crop.h"

namespace scanstraat {
namespace {

// A white 8 bpp page of `w` x `h` with a black rectangle at `ink`.
PixPtr Page(int w, int h, Box ink) {
  PixPtr pix(pixCreate(w, h, 8));
  pixSetAllArbitrary(pix.get(), 255);
  pixRasterop(pix.get(), ink.x0, ink.y0, ink.width(), ink.height(), PIX_CLR, nullptr, 0, 0);
  return pix;
}

struct CropCase {
  const char* what;
  Box box;
  LineCropOptions options;
  int width, height, dpi;  // of the crop
};

TEST(CropLine, SizesFollowMarginScaleAndBorder) {
  const PixPtr page = Page(1000, 800, {100, 100, 300, 140});
  const CropCase cases[] = {
      // 200 x 40 box, margin 0.3 x 40 = 12 on each side, scaled 48/40 = 1.2, border 16.
      {"a line of text", {100, 100, 300, 140}, {}, static_cast<int>(224 * 1.2) + 32, static_cast<int>(64 * 1.2) + 32, 360},
      // Tall enough already: not scaled.
      {"large text", {100, 100, 300, 160}, {}, 236 + 32, 96 + 32, 300},
      // Small text is scaled up, but never more than max_scale.
      {"tiny text", {100, 100, 140, 110}, {}, static_cast<int>(46 * 3) + 32, static_cast<int>(16 * 3) + 32, 900},
      // The margin stops at the page edge.
      {"at the edge", {0, 0, 100, 60}, {}, 118 + 32, 78 + 32, 300},
      {"no margin, no border", {100, 100, 300, 160}, {.margin = 0, .border = 0}, 200, 60, 300},
  };
  for (const CropCase& c : cases) {
    Result<LineCrop> crop = CropLine(page.get(), 300, c.box, c.options);
    ASSERT_TRUE(crop.ok()) << c.what << ": " << crop.status().ToString();
    EXPECT_NEAR(pixGetWidth(crop->image.get()), c.width, 2) << c.what;
    EXPECT_NEAR(pixGetHeight(crop->image.get()), c.height, 2) << c.what;
    EXPECT_EQ(crop->dpi, c.dpi) << c.what;
    EXPECT_EQ(pixGetDepth(crop->image.get()), 8) << c.what;
  }
}

TEST(CropLine, KeepsTheInkAndAddsWhite) {
  const PixPtr page = Page(1000, 800, {100, 100, 300, 160});
  Result<LineCrop> crop = CropLine(page.get(), 300, {100, 100, 300, 160}, {.margin = 0, .border = 10});
  ASSERT_TRUE(crop.ok());
  l_uint32 v = 0;
  pixGetPixel(crop->image.get(), 2, 2, &v);
  EXPECT_EQ(v, 255u);  // border
  pixGetPixel(crop->image.get(), 110, 40, &v);
  EXPECT_EQ(v, 0u);  // the rectangle
}

TEST(CropLine, BoxOutsideThePageOrEmptyIsAnError) {
  const PixPtr page = Page(200, 200, {10, 10, 20, 20});
  EXPECT_EQ(CropLine(page.get(), 300, {300, 300, 400, 340}).status().code(), Code::kInvalidArgument);
  // Off the page by less than the margin: still outside.
  EXPECT_EQ(CropLine(page.get(), 300, {205, 0, 240, 40}).status().code(), Code::kInvalidArgument);
  EXPECT_EQ(CropLine(page.get(), 300, {50, 50, 50, 90}).status().code(), Code::kInvalidArgument);
}

}  // namespace
}  // namespace scanstraat
