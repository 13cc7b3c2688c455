// Real OCR with Tesseract on real images (tesseract-test ground truth).
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <sstream>

#include "pipeline/ocr/tesseract_engine.h"

namespace scanstraat {
namespace {

const std::string kTesting = std::string(SCANSTRAAT_SHARED_DATA) + "/ocr-ground-truth/tesseract-test/testing/";

PixPtr ReadGrey(const std::string& name) {
  QuietLeptonica();
  PixPtr pix(pixRead((kTesting + name).c_str()));
  return PixPtr(pixConvertTo8(pix.get(), 0));
}

TEST(TesseractEngine, ReadsPhototestWithBoxesAndConfidences) {
  auto engine = TesseractEngine::Create("nld+eng");
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  PixPtr pix = ReadGrey("phototest.tif");
  Result<OcrOutput> out = engine.value()->Recognize(pix.get(), 300, 1, 60'000, nullptr);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  const PageText& t = out->text;
  EXPECT_NE(t.text.find("quick brown dog"), std::string::npos) << t.text;
  ASSERT_GT(t.words.size(), 40u);
  ASSERT_GT(t.lines.size(), 4u);
  for (const Word& w : t.words) {
    EXPECT_GE(w.box.x0, 0);
    EXPECT_LT(w.box.x0, w.box.x1);
    EXPECT_LE(w.box.x1, t.width);
    EXPECT_LE(w.box.y1, t.height);
    EXPECT_GE(w.confidence, 0.0f);
    EXPECT_LE(w.confidence, 1.0f);
  }
  EXPECT_GT(out->mean_confidence, 0.8f);
  EXPECT_NE(out->hocr.find("ocrx_word"), std::string::npos);
}

TEST(TesseractEngine, MissingLanguageIsNotFound) {
  auto engine = TesseractEngine::Create("xxx");
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), Code::kNotFound);
}

TEST(TesseractEngine, DeadlineStopsAPage) {
  auto engine = TesseractEngine::Create("nld+eng");
  ASSERT_TRUE(engine.ok());
  PixPtr pix = ReadGrey("eurotext.tif");
  Result<OcrOutput> out = engine.value()->Recognize(pix.get(), 300, 1, 1, nullptr);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), Code::kTimeout);
  // The engine stays usable after a timeout.
  Result<OcrOutput> again = engine.value()->Recognize(pix.get(), 300, 1, 60'000, nullptr);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_GT(again->text.words.size(), 10u);
}

TEST(TesseractEngine, CancelStopsAPage) {
  auto engine = TesseractEngine::Create("nld+eng");
  ASSERT_TRUE(engine.ok());
  PixPtr pix = ReadGrey("eurotext.tif");
  std::atomic<bool> cancel{true};
  Result<OcrOutput> out = engine.value()->Recognize(pix.get(), 300, 1, 60'000, &cancel);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), Code::kCancelled);
}

}  // namespace
}  // namespace scanstraat
