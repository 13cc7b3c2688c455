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
