// GifPixelsToDecode counts what giflib will allocate, from the block
// structure only, and OpenSourceDocument refuses a GIF bomb before decoding.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/ingest/gif_frames.h"
#include "pipeline/ingest/source_document.h"

namespace scanstraat {
namespace {

std::string Le16(int v) { return {static_cast<char>(v & 0xFF), static_cast<char>(v >> 8)}; }

// A GIF89a with a 2-colour global table and one frame per entry of `frames`
// (width, height), each with a graphic-control extension and one data block.
std::string Gif(std::vector<std::pair<int, int>> frames, bool trailer = true) {
  std::string g = "GIF89a" + Le16(1) + Le16(1) + std::string("\x80\x00\x00", 3) + std::string(6, '\0');
  for (auto [w, h] : frames) {
    g += std::string("\x21\xF9\x04\x00\x00\x00\x00\x00", 8);
    g += "\x2C" + Le16(0) + Le16(0) + Le16(w) + Le16(h) + std::string("\x00", 1);
    g += std::string("\x02\x02\x4C\x01\x00", 5);  // code size 2, one 2-byte block, end
  }
  if (trailer) g += "\x3B";
  return g;
}

TEST(GifFrames, SumsEveryFrame) {
  EXPECT_EQ(GifPixelsToDecode(Gif({{32, 16}})), 512);
  EXPECT_EQ(GifPixelsToDecode(Gif({{32, 16}, {100, 100}, {1, 1}})), 512 + 10'000 + 1);
}

TEST(GifFrames, CountsADescriptorWithoutItsData) {
  std::string g = Gif({{20000, 20000}}, false);
  g.resize(g.size() - 5);  // cut after the descriptor: giflib allocates anyway
  EXPECT_EQ(GifPixelsToDecode(g), int64_t{20000} * 20000);
}

TEST(GifFrames, LocalColourTableIsSkipped) {
  std::string g = Gif({{2, 2}, {3, 3}});
  // Give the first frame a 4-colour local table (12 bytes) after its descriptor.
  size_t d = g.find('\x2C');
  g[d + 9] = '\x81';
  g.insert(d + 10, std::string(12, '\x2C'));  // colour bytes that look like descriptors
  EXPECT_EQ(GifPixelsToDecode(g), 4 + 9);
}

TEST(GifFrames, NotAGifIsZero) {
  EXPECT_EQ(GifPixelsToDecode("\x89PNG\r\n\x1a\n"), 0);
  EXPECT_EQ(GifPixelsToDecode("GIF89a"), 0);
  EXPECT_FALSE(IsGif("GIF90a"));
}

TEST(GifFrames, BombIsTooLargeBeforeDecoding) {
  Limits limits;
  limits.max_pixels = 1'000'000;
  Result<std::unique_ptr<SourceDocument>> doc =
      OpenSourceDocument(Gif({{500, 500}, {500, 500}, {500, 500}, {500, 500}, {500, 500}}), FileKind::kOtherImage, limits);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Code::kTooLarge) << doc.status().ToString();
  EXPECT_NE(doc.status().message().find("1250000"), std::string::npos) << doc.status().message();
}

}  // namespace
}  // namespace scanstraat
