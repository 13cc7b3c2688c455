// IsTwoTone: the share of mid-grey pixels against the limit, on pages made
// of white paper, black text-like bars and a patch of a given grey.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/image/pix.h"
#include "pipeline/image/two_tone.h"

namespace scanstraat {
namespace {

struct Case {
  std::string name;
  int patch_pixels;  // of a 1000 x 1000 page
  int patch_grey;    // the patch's level
  int sampling;
  bool two_tone;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

// White, with black bars over 5% of the page and a patch of `grey` pixels.
PixPtr Page(int patch_pixels, int grey) {
  PixPtr pix(pixCreate(1000, 1000, 8));
  pixSetAll(pix.get());
  for (int y = 100; y < 600; y += 20) pixRasterop(pix.get(), 100, y, 200, 10, PIX_CLR, nullptr, 0, 0);
  for (int i = 0; i < patch_pixels; ++i) pixSetPixel(pix.get(), i % 1000, 700 + i / 1000, grey);
  return pix;
}

std::vector<Case> Cases() {
  return {
      {"WhitePaperAndBlackText", 0, 0, 1, true},
      {"MidGreyAtTheLimit", 2000, 128, 1, true},      // 0.2%
      {"MidGreyPastTheLimit", 2001, 128, 1, false},
      {"LightGreyIsNotMid", 500'000, 224, 1, true},   // 224 and up counts as light
      {"DarkGreyIsNotMid", 500'000, 31, 1, true},     // below 32 as dark
      {"LowestMidLevel", 3000, 32, 1, false},
      {"HighestMidLevel", 3000, 223, 1, false},
      // Every third pixel of every third row (rows 0, 3, ..., 699, 702): a
      // patch of 30 whole rows is seen in the same share as unsampled; one
      // on row 700 alone is not seen at all.
      {"SampledLikeTheWhole", 1000 * 30, 128, 3, false},
      {"SampledLikeTheWholeSmall", 1000, 128, 3, true},
  };
}

class TwoToneTest : public testing::TestWithParam<Case> {};

TEST_P(TwoToneTest, CountsMidGreyAgainstTheLimit) {
  const Case& c = GetParam();
  PixPtr page = Page(c.patch_pixels, c.patch_grey);
  EXPECT_EQ(IsTwoTone(page.get(), c.sampling), c.two_tone);
}

INSTANTIATE_TEST_SUITE_P(Pages, TwoToneTest, testing::ValuesIn(Cases()),
                         [](const testing::TestParamInfo<Case>& i) { return i.param.name; });

// A width that is no multiple of 4: the row's last pixels count, the padding
// after them (here made mid-grey) does not.
TEST(TwoTone, RowTailsCountPaddingDoesNot) {
  PixPtr pix(pixCreate(1001, 10, 8));
  pixSetAll(pix.get());
  const int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < 10; ++y) {
    l_uint32* line = pixGetData(pix.get()) + y * wpl;
    for (int x = 1001; x < wpl * 4; ++x) SET_DATA_BYTE(line, x, 128);
  }
  EXPECT_TRUE(IsTwoTone(pix.get()));
  for (int y = 0; y < 10; ++y) pixSetPixel(pix.get(), 1000, y, 128);  // 10 of 10,010: 0.1%
  EXPECT_TRUE(IsTwoTone(pix.get()));
  for (int y = 0; y < 10; ++y) pixSetPixel(pix.get(), 999, y, 128);   // 0.2%
  EXPECT_TRUE(IsTwoTone(pix.get()));
  pixSetPixel(pix.get(), 998, 0, 128);
  EXPECT_FALSE(IsTwoTone(pix.get()));
}

TEST(TwoTone, OnlyEightBitGreyCanBeTwoTone) {
  PixPtr bw(pixCreate(10, 10, 1));
  PixPtr rgb(pixCreate(10, 10, 32));
  EXPECT_FALSE(IsTwoTone(bw.get()));
  EXPECT_FALSE(IsTwoTone(rgb.get()));
  EXPECT_FALSE(IsTwoTone(nullptr));
}

}  // namespace
}  // namespace scanstraat
