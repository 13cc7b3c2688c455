// Archive image encoding on real scans: bilevel → G4, grey/colour → JPEG or Flate.
#include "pipeline/archive/image_encode.h"

#include <gtest/gtest.h>

#include "archive_test_util.h"

namespace scanstraat {
namespace {

using testing::LeptProg;
using testing::ReadPix;

PixPtr DecodePng(const std::string& png) {
  return PixPtr(pixReadMemPng(reinterpret_cast<const l_uint8*>(png.data()), png.size()));
}

TEST(EncodeForArchive, BilevelScanIsLosslessG4) {
  PixPtr pix = ReadPix(testing::Phototest());
  ASSERT_EQ(pixGetDepth(pix.get()), 1);
  auto img = EncodeForArchive(pix.get(), 300);
  ASSERT_TRUE(img.ok()) << img.status().ToString();
  EXPECT_EQ(img->filter, ImageFilter::kCcittG4);
  EXPECT_EQ(img->bits_per_component, 1);
  EXPECT_EQ(img->components, 1);
  EXPECT_EQ(img->width, 640);
  EXPECT_EQ(img->height, 480);
  EXPECT_EQ(img->dpi, 300);
  // Far smaller than the raw bitmap (640*480/8 = 38400 bytes).
  EXPECT_LT(img->data.size(), 38400u / 3);
  auto png = EncodedImageToPng(*img);
  ASSERT_TRUE(png.ok()) << png.status().ToString();
  PixPtr back = DecodePng(*png);
  ASSERT_TRUE(back);
  l_int32 same = 0;
  pixEqual(back.get(), pix.get(), &same);
  EXPECT_TRUE(same) << "G4 round trip changed pixels";
}

TEST(EncodeForArchive, TwoToneEightBitPageBecomesG4) {
  // The bilevel scan stored as 8-bit grey, as some scanners do.
  PixPtr bilevel = ReadPix(LeptProg("feyn.tif"));
  PixPtr pix(pixConvert1To8(nullptr, bilevel.get(), 255, 0));
  ASSERT_EQ(pixGetDepth(pix.get()), 8);
  auto img = EncodeForArchive(pix.get(), 300);
  ASSERT_TRUE(img.ok()) << img.status().ToString();
  EXPECT_EQ(img->filter, ImageFilter::kCcittG4);
  EXPECT_EQ(img->width, pixGetWidth(pix.get()));
  auto png = EncodedImageToPng(*img);
  ASSERT_TRUE(png.ok());
  PixPtr back = DecodePng(*png);
  l_int32 same = 0;
  pixEqual(back.get(), bilevel.get(), &same);
  EXPECT_TRUE(same);
}

TEST(EncodeForArchive, GreyscaleScanStaysGrey) {
  PixPtr pix = ReadPix(LeptProg("lighttext.jpg"));
  auto img = EncodeForArchive(pix.get(), 150);
  ASSERT_TRUE(img.ok()) << img.status().ToString();
  EXPECT_NE(img->filter, ImageFilter::kCcittG4);
  EXPECT_EQ(img->components, 1);
  EXPECT_EQ(img->bits_per_component, 8);
  EXPECT_EQ(img->dpi, 150);
  auto png = EncodedImageToPng(*img);
  ASSERT_TRUE(png.ok());
  PixPtr back = DecodePng(*png);
  ASSERT_TRUE(back);
  EXPECT_EQ(pixGetWidth(back.get()), pixGetWidth(pix.get()));
  // Lossy at most a little: mean absolute difference under 3 grey levels.
  l_float32 diff = 0;
  PixPtr d(pixAbsDifference(back.get(), pix.get()));
  ASSERT_TRUE(d);
  pixGetAverageMasked(d.get(), nullptr, 0, 0, 1, L_MEAN_ABSVAL, &diff);
  EXPECT_LT(diff, 3.0f);
}

TEST(EncodeForArchive, ColourScanIsRgb) {
  PixPtr pix = ReadPix(LeptProg("1555.007.jpg"));
  pixSetResolution(pix.get(), 200, 200);
  auto img = EncodeForArchive(pix.get(), 0);
  ASSERT_TRUE(img.ok()) << img.status().ToString();
  EXPECT_EQ(img->components, 3);
  EXPECT_EQ(img->filter, ImageFilter::kDct);
  EXPECT_EQ(img->dpi, 200);  // from the pix when not given
}

TEST(EncodeForArchive, RgbWithoutColourBecomesGrey) {
  PixPtr grey = ReadPix(LeptProg("w91frag.jpg"));
  PixPtr pix(pixConvertTo32(grey.get()));
  ASSERT_EQ(pixGetDepth(pix.get()), 32);
  auto img = EncodeForArchive(pix.get(), 300);
  ASSERT_TRUE(img.ok()) << img.status().ToString();
  EXPECT_EQ(img->components, 1);
}

TEST(EncodeForArchive, SyntheticFlatImageIsLosslessFlate) {
  // Large flat areas with sharp edges: Flate beats JPEG, and is lossless.
  PixPtr pix(pixCreate(400, 300, 8));
  pixSetAll(pix.get());
  for (int y = 50; y < 250; ++y)
    for (int x = 100; x < 300; ++x) pixSetPixel(pix.get(), x, y, (x / 20) * 10 + 40);
  auto img = EncodeForArchive(pix.get(), 200);
  ASSERT_TRUE(img.ok()) << img.status().ToString();
  EXPECT_EQ(img->filter, ImageFilter::kFlate);
  auto png = EncodedImageToPng(*img);
  ASSERT_TRUE(png.ok());
  PixPtr back = DecodePng(*png);
  l_int32 same = 0;
  pixEqual(back.get(), pix.get(), &same);
  EXPECT_TRUE(same);
}

TEST(EncodeForArchive, ColormappedImageIsAccepted) {
  PixPtr pix = ReadPix(LeptProg("colorpage.030.jpg"));
  PixPtr cmapped(pixConvertRGBToColormap(pix.get(), 1));
  ASSERT_TRUE(cmapped && pixGetColormap(cmapped.get()));
  auto img = EncodeForArchive(cmapped.get(), 300);
  ASSERT_TRUE(img.ok()) << img.status().ToString();
  EXPECT_GT(img->data.size(), 0u);
}

TEST(EncodeForArchive, NullImageIsInvalidArgument) {
  EXPECT_EQ(EncodeForArchive(nullptr, 300).status().code(), Code::kInvalidArgument);
}

}  // namespace
}  // namespace scanstraat
