// Real OCR with Tesseract on real images (tesseract-test ground truth).
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <sstream>

#include "pipeline/image/crop.h"
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

// The cheap check before a run agrees with Create on installed and missing
// languages.
TEST(TesseractEngine, CheckLanguagesFindsInstalledAndMissingOnes) {
  EXPECT_TRUE(TesseractEngine::CheckLanguages("nld+eng").ok());
  EXPECT_TRUE(TesseractEngine::CheckLanguages("eng").ok());
  const Status missing = TesseractEngine::CheckLanguages("xxx");
  EXPECT_EQ(missing.code(), Code::kNotFound);
  EXPECT_NE(missing.message().find("'xxx'"), std::string::npos) << missing.message();
  EXPECT_TRUE(TesseractEngine::Create("nld+eng").ok());  // a full engine after the check
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

// The first line of phototest.tif cut out as the rules cut a value out.
struct FirstLine {
  LineCrop crop;
  std::string page_text;  // the line as the page OCR read it
};

FirstLine CutFirstLine(TesseractEngine& engine, const PIX* page) {
  Result<OcrOutput> out = engine.Recognize(page, 300, 1, 60'000, nullptr);
  EXPECT_TRUE(out.ok());
  const PageText& t = out->text;
  FirstLine first;
  for (int w = 0; w < t.lines[0].word_count; ++w) {
    first.page_text += (w ? " " : "") + t.words[t.lines[0].first_word + w].text;
  }
  Result<LineCrop> crop = CropLine(page, 300, t.lines[0].box);
  EXPECT_TRUE(crop.ok());
  first.crop = std::move(crop).value();
  return first;
}

TEST(TesseractEngine, ReadsALineOnItsOwn) {
  auto engine = TesseractEngine::Create("nld+eng");
  ASSERT_TRUE(engine.ok());
  PixPtr pix = ReadGrey("phototest.tif");
  const FirstLine first = CutFirstLine(**engine, pix.get());
  Result<LineReading> line = engine.value()->ReadLine(first.crop.image.get(), first.crop.dpi, "", 10'000);
  ASSERT_TRUE(line.ok()) << line.status().ToString();
  EXPECT_EQ(line->text, first.page_text);
  ASSERT_FALSE(line->confidences.empty());
  for (float c : line->confidences) {
    EXPECT_GT(c, 0.5f);
    EXPECT_LE(c, 1.0f);
  }
}

TEST(TesseractEngine, AWhitelistLimitsTheCharactersAndIsForgottenAfter) {
  auto engine = TesseractEngine::Create("nld+eng");
  ASSERT_TRUE(engine.ok());
  PixPtr pix = ReadGrey("phototest.tif");
  const FirstLine first = CutFirstLine(**engine, pix.get());
  Result<LineReading> digits = engine.value()->ReadLine(first.crop.image.get(), first.crop.dpi, "0123456789", 10'000);
  ASSERT_TRUE(digits.ok());
  EXPECT_EQ(digits->text.find_first_not_of("0123456789 "), std::string::npos) << digits->text;
  // The next reading of a line and of the whole page is as before.
  Result<LineReading> again = engine.value()->ReadLine(first.crop.image.get(), first.crop.dpi, "", 10'000);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->text, first.page_text);
  Result<OcrOutput> page = engine.value()->Recognize(pix.get(), 300, 1, 60'000, nullptr);
  ASSERT_TRUE(page.ok());
  EXPECT_NE(page->text.text.find("quick brown dog"), std::string::npos);
}

}  // namespace
}  // namespace scanstraat
