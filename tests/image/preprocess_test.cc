// Clean-up on real rotated and skewed pages.
#include <gtest/gtest.h>

#include <cmath>

#include "pipeline/image/preprocess.h"

namespace scanstraat {
namespace {

const std::string kTesting = std::string(SCANSTRAAT_SHARED_DATA) + "/ocr-ground-truth/tesseract-test/testing/";

PixPtr Read(const std::string& name) {
  QuietLeptonica();
  return PixPtr(pixRead((kTesting + name).c_str()));
}

struct Case {
  const char* file;
  int rotation;
};

TEST(Preprocess, TurnsRotatedPagesUpright) {
  const Case cases[] = {{"phototest.tif", 0},
                        {"phototest-rotated-180.png", 180},
                        {"phototest-rotated-L.png", 90},
                        {"phototest-rotated-R.png", 270}};
  for (const Case& c : cases) {
    PixPtr pix = Read(c.file);
    ASSERT_NE(pix, nullptr) << c.file;
    Result<Preprocessed> r = Preprocess(pix.get(), 0, {});
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->info.rotation, c.rotation) << c.file;
    EXPECT_EQ(pixGetDepth(r->grey.get()), 8);
  }
}

// Confidences that pixOrientDetect gave on noisy generated scans (dev and
// val sets), with the turn that made them upright. The first five are pages
// Leptonica's makeOrientDecision left unturned.
TEST(Preprocess, DecidesQuarterTurnsFromConfidence) {
  struct Row {
    float up, left;
    int turns;
  };
  const Row rows[] = {
      {-16.6f, 0.0f, 2}, {-7.6f, 2.1f, 2}, {-7.8f, 1.9f, 2}, {-11.0f, 4.5f, 2}, {-4.3f, -9.9f, 3},
      {1.3f, 8.3f, 1},   {-0.8f, -8.4f, 3}, {2.8f, 8.7f, 1},                         // turned
      {8.0f, -0.5f, 0},  {23.6f, -7.2f, 0},                                          // upright
      {-3.7f, -7.0f, 0},                                   // turned right, but too weak to tell
      {2.0f, 1.0f, 0},   {0.0f, 0.0f, 0},   {6.9f, 0.0f, 0},  // too weak
      {6.6f, -10.6f, 0}, {-11.6f, 5.9f, 0},                   // no clear winner (upscaled text)
  };
  for (const Row& r : rows) {
    EXPECT_EQ(QuarterTurnsFromConfidence(r.up, r.left), r.turns) << "up " << r.up << " left " << r.left;
  }
}

TEST(Preprocess, ScalesKnownResolutionTo300) {
  PixPtr pix = Read("phototest.tif");
  ASSERT_NE(pix, nullptr);
  Result<Preprocessed> r = Preprocess(pix.get(), 150, {});
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->info.scale, 2.0, 0.01);
  EXPECT_NEAR(pixGetWidth(r->grey.get()), 2 * pixGetWidth(pix.get()), 2);
}

TEST(Preprocess, RemovesSkew) {
  PixPtr pix = Read("phototest.tif");
  ASSERT_NE(pix, nullptr);
  PixPtr skewed(pixRotate(pix.get(), 2.0f * 3.14159265f / 180.0f, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
  Result<Preprocessed> r = Preprocess(skewed.get(), 0, {});
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(std::fabs(r->info.skew_degrees), 2.0, 0.4);
  PreprocessOptions off;
  off.deskew = false;
  off.orient = false;
  Result<Preprocessed> r2 = Preprocess(skewed.get(), 0, off);
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->info.skew_degrees, 0.0);
}

}  // namespace
}  // namespace scanstraat
