// Uncompressed rows as PDF stores them become a pix with the same pixels.
#include <gtest/gtest.h>

#include <string>

#include "pipeline/image/pix.h"

namespace scanstraat {
namespace {

l_uint32 At(PIX* p, int x, int y) {
  l_uint32 v = 0;
  pixGetPixel(p, x, y, &v);
  return v;
}

// 11 pixels wide: 2 bytes a row at 1 bit, with padding bits in the second.
TEST(PixFromRows, OneBitZeroIsBlack) {
  // Row 0: 4 black, 7 white; row 1: 4 white, 7 black, and black (0) padding bits.
  const std::string rows = {'\x0f', '\xff', '\xf0', '\x00'};
  Result<PixPtr> pix = PixFromRows(rows, 11, 2, 1, 1);
  ASSERT_TRUE(pix.ok()) << pix.status().ToString();
  EXPECT_EQ(pixGetDepth(pix->get()), 1);
  for (int x = 0; x < 11; ++x) {
    EXPECT_EQ(At(pix->get(), x, 0), x < 4 ? 1u : 0u) << x;  // Leptonica: 1 = black
    EXPECT_EQ(At(pix->get(), x, 1), x < 4 ? 0u : 1u) << x;
  }
  l_int32 black = 0;
  pixCountPixels(pix->get(), &black, nullptr);
  EXPECT_EQ(black, 11);  // the padding is not counted as ink
}

TEST(PixFromRows, GreyBytesInOrder) {
  std::string rows;
  for (int i = 0; i < 5 * 3; ++i) rows.push_back(static_cast<char>(i * 17));
  Result<PixPtr> pix = PixFromRows(rows, 5, 3, 8, 1);
  ASSERT_TRUE(pix.ok());
  for (int y = 0; y < 3; ++y)
    for (int x = 0; x < 5; ++x) EXPECT_EQ(At(pix->get(), x, y), l_uint32((y * 5 + x) * 17));
}

TEST(PixFromRows, RgbTriples) {
  const std::string rows = {'\x10', '\x20', '\x30', '\x40', '\x50', '\x60', '\x70', '\x80', '\x90'};
  Result<PixPtr> pix = PixFromRows(rows, 3, 1, 8, 3);
  ASSERT_TRUE(pix.ok());
  EXPECT_EQ(pixGetDepth(pix->get()), 32);
  l_int32 r = 0, g = 0, b = 0;
  pixGetRGBPixel(pix->get(), 2, 0, &r, &g, &b);
  EXPECT_EQ(r, 0x70);
  EXPECT_EQ(g, 0x80);
  EXPECT_EQ(b, 0x90);
}

// Rows 4 bytes apart (as Poppler pads them) of an image 11 pixels wide: the
// bytes past each row's pixels are left out, whatever they hold.
TEST(PixFromRows, OneBitRowsWithAStride) {
  const std::string rows = {'\x0f', '\xff', '\x00', '\x00',   // 4 black, 7 white; 2 bytes of padding
                            '\xf0', '\x00', '\x00', '\x00',   // 4 white, 7 black
                            '\x00', '\x1f'};                  // 11 black; the last row ends at its pixels
  Result<PixPtr> pix = PixFromRows(rows, 11, 3, 1, 1, 4);
  ASSERT_TRUE(pix.ok()) << pix.status().ToString();
  for (int x = 0; x < 11; ++x) {
    EXPECT_EQ(At(pix->get(), x, 0), x < 4 ? 1u : 0u) << x;
    EXPECT_EQ(At(pix->get(), x, 1), x < 4 ? 0u : 1u) << x;
    EXPECT_EQ(At(pix->get(), x, 2), 1u) << x;
  }
  l_int32 black = 0;
  pixCountPixels(pix->get(), &black, nullptr);
  EXPECT_EQ(black, 4 + 7 + 11);
  EXPECT_EQ(PixFromRows(rows.substr(0, 9), 11, 3, 1, 1, 4).status().code(), Code::kCorrupt);
  EXPECT_EQ(PixFromRows(rows, 11, 3, 1, 1, 1).status().code(), Code::kInvalidArgument);
}

TEST(PixFromRows, ShortDataIsCorruptOtherLayoutsRefused) {
  EXPECT_EQ(PixFromRows(std::string(9, 'x'), 5, 2, 8, 1).status().code(), Code::kCorrupt);
  EXPECT_EQ(PixFromRows(std::string(64, 'x'), 4, 2, 4, 1).status().code(), Code::kInvalidArgument);
  EXPECT_EQ(PixFromRows(std::string(64, 'x'), 4, 2, 1, 3).status().code(), Code::kInvalidArgument);
}

}  // namespace
}  // namespace scanstraat
