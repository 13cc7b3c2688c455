// Drawing PDF pages: the pixels reach the pix unchanged, and the crisp style
// draws a born-digital text page in pure black and white (more cases in
// pdf_render_bilevel_test.cc).
#include <gtest/gtest.h>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>

#include "pipeline/ingest/poppler_doc.h"
#include "pipeline/ingest/source_document.h"

namespace scanstraat {
namespace {

const std::string kDigital = std::string(SCANSTRAAT_SOURCE_DIR) + "/samples/factuur/01-digital.pdf";

std::unique_ptr<SourceDocument> OpenDigital() {
  QuietPoppler();
  Result<std::string> bytes = ReadWholeFile(kDigital, Limits{}.max_file_bytes);
  EXPECT_TRUE(bytes.ok());
  if (!bytes.ok()) return nullptr;
  Result<std::unique_ptr<SourceDocument>> d =
      OpenSourceDocument(std::move(bytes).value(), FileKind::kPdf, Limits{});
  EXPECT_TRUE(d.ok()) << d.status().ToString();
  return d.ok() ? std::move(d).value() : nullptr;
}

double MidToneShare(PIX* pix) {
  long mid = 0;
  const int w = pixGetWidth(pix), h = pixGetHeight(pix);
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = pixGetData(pix) + y * pixGetWpl(pix);
    for (int x = 0; x < w; ++x) {
      const int v = GET_DATA_BYTE(line, x);
      mid += v >= 32 && v < 224;
    }
  }
  return double(mid) / (double(w) * h);
}

// 101 dpi: a width that is no multiple of 4, so the row tails are copied too.
TEST(PdfRender, PixHoldsPopplersPixelsExactly) {
  std::unique_ptr<SourceDocument> d = OpenDigital();
  ASSERT_NE(d, nullptr);
  Result<SourcePage> p = d->RenderPage(0, 101, RenderStyle::kSmooth);
  ASSERT_TRUE(p.ok()) << p.status().ToString();

  std::unique_ptr<poppler::document> ref(poppler::document::load_from_file(kDigital));
  ASSERT_NE(ref, nullptr);
  std::unique_ptr<poppler::page> page(ref->create_page(0));
  poppler::page_renderer r;
  r.set_render_hint(poppler::page_renderer::antialiasing, true);
  r.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  r.set_image_format(poppler::image::format_gray8);
  poppler::image img = r.render_page(page.get(), 101, 101);
  ASSERT_EQ(pixGetWidth(p->image.get()), img.width());
  ASSERT_EQ(pixGetHeight(p->image.get()), img.height());
  ASSERT_NE(img.width() % 4, 0);
  long differ = 0;
  for (int y = 0; y < img.height(); ++y) {
    const auto* row = reinterpret_cast<const unsigned char*>(img.const_data() + y * img.bytes_per_row());
    const l_uint32* line = pixGetData(p->image.get()) + y * pixGetWpl(p->image.get());
    for (int x = 0; x < img.width(); ++x) differ += GET_DATA_BYTE(line, x) != row[x];
  }
  EXPECT_EQ(differ, 0);
}

TEST(PdfRender, CrispDrawsATextPageInBlackAndWhite) {
  std::unique_ptr<SourceDocument> d = OpenDigital();
  ASSERT_NE(d, nullptr);
  Result<SourcePage> crisp = d->RenderPage(0, 150, RenderStyle::kCrisp);
  Result<SourcePage> smooth = d->RenderPage(0, 150, RenderStyle::kSmooth);
  ASSERT_TRUE(crisp.ok() && smooth.ok());
  EXPECT_EQ(pixGetDepth(crisp->image.get()), 1);  // two-tone: drawn in 1 bit, the archive stores G4
  EXPECT_GT(MidToneShare(smooth->image.get()), 0.002);
}

}  // namespace
}  // namespace scanstraat
