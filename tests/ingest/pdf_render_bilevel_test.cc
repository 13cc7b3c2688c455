// Crisp drawing of born-digital pages: a two-tone page comes as a 1-bit image
// with the pixels Poppler draws in grey without anti-aliasing, at the size
// of the grey drawing (also turned, and at widths that are no multiple of 8
// or 32); a page with a photo or a large grey area stays 8-bit grey.
#include <gtest/gtest.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>
#include <string>
#include <vector>

#include "pipeline/ingest/poppler_doc.h"
#include "pipeline/ingest/source_document.h"
#include "tests/ingest/made_pdf.h"

namespace scanstraat {
namespace {

using OH = QPDFObjectHandle;

struct Case {
  std::string name;
  std::string media_box;   // "[0 0 w h]" in points
  std::string page_extra;  // more keys of the page dictionary
  std::string content;     // the page's drawing
  int depth;               // the crisp drawing's: 1 or 8
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

const std::string kText =
    "BT /F1 14 Tf 40 700 Td (Factuur 2024-0173) Tj 0 -20 Td (Totaal incl. btw 1.613,78) Tj ET "
    "0.5 w 40 650 m 500 650 l S ";

// A grey ramp of 64 x 64 pixels, as a photo has every level of grey.
std::string Ramp() {
  std::string rows;
  for (int y = 0; y < 64; ++y)
    for (int x = 0; x < 64; ++x) rows.push_back(static_cast<char>((x + y) * 2));
  return rows;
}

std::string MakePdf(const Case& c) {
  QPDF pdf;
  pdf.emptyPDF();
  OH image = OH::newStream(&pdf, Ramp());
  OH dict = OH::parse("<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
                      "/BitsPerComponent 8 >>");
  for (const std::string& key : dict.getKeys()) image.getDict().replaceKey(key, dict.getKey(key));
  OH page = OH::parse("<< /Type /Page /MediaBox " + c.media_box + " " + c.page_extra + " >>");
  OH resources = OH::parse("<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> "
                           "/XObject << >> >>");
  resources.getKey("/XObject").replaceKey("/Im0", image);
  AddMadePage(pdf, page, resources, c.content);
  return MadePdfBytes(pdf);
}

std::vector<Case> Cases() {
  const std::string a4 = "[0 0 595.276 841.89]";
  return {
      {"TextAndLines", a4, "", kText, 1},
      // Table headers shaded light grey (as invoices have) keep the page
      // two-tone; the shading comes as a fine dot pattern.
      {"LightShading", a4, "", "0.9 g 40 600 460 20 re f 0 g " + kText, 1},
      {"LargeGreyArea", a4, "", "0.5 g 100 100 300 300 re f 0 g " + kText, 8},
      {"Photo", a4, "", "q 200 0 0 200 100 100 cm /Im0 Do Q " + kText, 8},
      // 333 pt wide: no multiple of 8 or 32 pixels at the dpi below.
      {"NarrowPage", "[0 0 333 720]", "", kText, 1},
      {"TurnedAQuarter", "[0 0 333 720]", "/Rotate 90", kText, 1},
      {"TurnedUpsideDown", "[0 0 333 720]", "/Rotate 180", kText, 1},
  };
}

// Poppler's own grey drawing without anti-aliasing.
poppler::image GreyCrisp(const std::string& bytes, int dpi) {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  std::unique_ptr<poppler::page> page(doc->create_page(0));
  poppler::page_renderer r;
  r.set_image_format(poppler::image::format_gray8);
  return r.render_page(page.get(), dpi, dpi);
}

class CrispDrawingTest : public testing::TestWithParam<Case> {};

TEST_P(CrispDrawingTest, TwoTonePagesComeInOneBitOthersInGrey) {
  const Case& c = GetParam();
  constexpr int kDpi = 150;
  QuietPoppler();
  const std::string bytes = MakePdf(c);
  Result<std::unique_ptr<SourceDocument>> doc = OpenSourceDocument(bytes, FileKind::kPdf, Limits{});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  Result<SourcePage> crisp = (*doc)->RenderPage(0, kDpi, RenderStyle::kCrisp);
  ASSERT_TRUE(crisp.ok()) << crisp.status().ToString();
  PIX* pix = crisp->image.get();
  EXPECT_EQ(pixGetDepth(pix), c.depth);
  EXPECT_EQ(crisp->dpi, kDpi);
  EXPECT_EQ(pixGetXRes(pix), kDpi);

  const poppler::image grey = GreyCrisp(bytes, kDpi);
  ASSERT_EQ(pixGetWidth(pix), grey.width());
  ASSERT_EQ(pixGetHeight(pix), grey.height());
  if (c.depth != 1) return;
  // Black where the grey drawing is dark, white where it is light; the
  // shading (light grey) may differ as its dots.
  long differ = 0, ink = 0;
  for (int y = 0; y < grey.height(); ++y) {
    const auto* row = reinterpret_cast<const unsigned char*>(grey.const_data() + y * grey.bytes_per_row());
    const l_uint32* line = pixGetData(pix) + y * pixGetWpl(pix);
    for (int x = 0; x < grey.width(); ++x) {
      const bool black = GET_DATA_BIT(line, x);
      ink += black;
      if (row[x] < 32 || row[x] >= 240) differ += black != (row[x] < 32);
    }
  }
  EXPECT_GT(ink, 1000) << "the text and line are drawn";
  EXPECT_EQ(differ, 0);
}

INSTANTIATE_TEST_SUITE_P(Pages, CrispDrawingTest, testing::ValuesIn(Cases()),
                         [](const testing::TestParamInfo<Case>& i) { return i.param.name; });

// At the pipeline's 300 dpi the shading's dots are the same in every drawing
// (Splash's screen above 299.9 dpi is randomly seeded), and the page keeps
// the size of its grey drawing.
TEST(CrispDrawing, ShadedPageAt300DpiIsTheSameEveryTime) {
  const Case c = Cases()[1];
  ASSERT_EQ(c.name, "LightShading");
  QuietPoppler();
  const std::string bytes = MakePdf(c);
  std::vector<PixPtr> drawn;
  for (int i = 0; i < 2; ++i) {
    Result<std::unique_ptr<SourceDocument>> doc = OpenSourceDocument(bytes, FileKind::kPdf, Limits{});
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    Result<SourcePage> page = (*doc)->RenderPage(0, 300, RenderStyle::kCrisp);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    ASSERT_EQ(pixGetDepth(page->image.get()), 1);
    drawn.push_back(std::move(page->image));
  }
  const poppler::image grey = GreyCrisp(bytes, 300);
  EXPECT_EQ(pixGetWidth(drawn[0].get()), grey.width());
  EXPECT_EQ(pixGetHeight(drawn[0].get()), grey.height());
  l_int32 same = 0;
  pixEqual(drawn[0].get(), drawn[1].get(), &same);
  EXPECT_TRUE(same);
}

}  // namespace
}  // namespace scanstraat
