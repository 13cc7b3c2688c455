// Opens real files from ../shared/data and checks the outcome per class.
#include <gtest/gtest.h>

#include "pipeline/ingest/discover.h"
#include "pipeline/ingest/poppler_doc.h"
#include "pipeline/ingest/source_document.h"

namespace scanstraat {
namespace {

const std::string kData = SCANSTRAAT_SHARED_DATA;

Result<std::unique_ptr<SourceDocument>> Open(const std::string& rel, Limits limits = {}) {
  QuietPoppler();
  QuietLeptonica();
  Result<std::string> bytes = ReadWholeFile(kData + "/" + rel, limits.max_file_bytes);
  if (!bytes.ok()) return bytes.status();
  FileKind kind = SniffKind(std::string_view(bytes.value()).substr(0, 1024));
  return OpenSourceDocument(std::move(bytes).value(), kind, limits);
}

TEST(SourceDocument, EncryptedPdfIsEncrypted) {
  auto d = Open("robustness/poppler-test/unittestcases/PasswordEncrypted.pdf");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), Code::kEncrypted);
}

TEST(SourceDocument, DamagedPdfIsCorrupt) {
  auto d = Open("robustness/ocrmypdf/tests/resources/invalid.pdf");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), Code::kCorrupt);
}

TEST(SourceDocument, TextOnlyIsUnsupported) {
  auto d = Open("robustness/ocrmypdf/tests/resources/linn.txt");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), Code::kUnsupported);
}

TEST(SourceDocument, PixelLimitRefusesBeforeDecoding) {
  Limits small;
  small.max_pixels = 10'000;
  auto d = Open("ocr-ground-truth/tesseract-test/testing/phototest.tif", small);
  ASSERT_TRUE(d.ok()) << d.status().ToString();  // the header is fine...
  Result<SourcePage> p = d.value()->LoadPage(0, 300);
  ASSERT_FALSE(p.ok());  // ...but the page is over the limit
  EXPECT_EQ(p.status().code(), Code::kTooLarge);
  auto png = Open("robustness/ocrmypdf/tests/resources/linn.png", small);
  ASSERT_FALSE(png.ok());
  EXPECT_EQ(png.status().code(), Code::kTooLarge);
}

TEST(SourceDocument, TextLayerPageGivesWordsWithoutOcr) {
  auto d = Open("robustness/poppler-test/unittestcases/WithActualText.pdf");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  Result<SourcePage> p = d.value()->LoadPage(0, 300);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  if (p->text_layer) {
    EXPECT_GT(p->text_layer->words.size(), 0u);
    EXPECT_GT(p->text_layer->width, 0);
  } else {
    EXPECT_NE(p->image, nullptr);
  }
}

TEST(SourceDocument, ScannedPdfRendersAt300Dpi) {
  auto d = Open("robustness/ocrmypdf/tests/resources/skew.pdf");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d.value()->PageCount(), 1);
  Result<SourcePage> p = d.value()->LoadPage(0, 300);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_FALSE(p->text_layer.has_value());
  ASSERT_NE(p->image, nullptr);
  EXPECT_EQ(p->dpi, 300);
  EXPECT_GT(pixGetWidth(p->image.get()), 1000);
}

TEST(SourceDocument, EnormousPageIsRenderedSmallerNotRefused) {
  Limits limits;
  limits.max_pixels = 20'000'000;
  auto d = Open("robustness/ocrmypdf/tests/resources/enormous.pdf", limits);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  Result<SourcePage> p = d.value()->RenderPage(0, 300);
  if (p.ok()) {
    EXPECT_LE(int64_t{pixGetWidth(p->image.get())} * pixGetHeight(p->image.get()), limits.max_pixels);
    EXPECT_LT(p->dpi, 300);
  } else {
    EXPECT_EQ(p.status().code(), Code::kTooLarge);
  }
}

TEST(Discover, WalksFoldersSortedAndSkipsHidden) {
  auto dir = std::filesystem::temp_directory_path() / ("ss_discover_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir / "b" / ".hidden");
  std::filesystem::create_directories(dir / "a");
  for (auto p : {"b/2.pdf", "a/1.png", "b/.hidden/x.pdf", ".dot.pdf"}) {
    FILE* f = std::fopen((dir / p).c_str(), "w");
    std::fputs("x", f);
    std::fclose(f);
  }
  DiscoverResult r = DiscoverInputs({dir, dir / "missing"}, 0);
  ASSERT_EQ(r.files.size(), 2u);
  EXPECT_EQ(r.files[0].path.filename(), "1.png");
  EXPECT_EQ(r.files[1].path.filename(), "2.pdf");
  ASSERT_EQ(r.problems.size(), 1u);
  DiscoverResult ex = DiscoverInputs({dir}, 0, {"*.png"});
  ASSERT_EQ(ex.files.size(), 1u);
  EXPECT_EQ(ex.files[0].path.filename(), "2.pdf");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace scanstraat
