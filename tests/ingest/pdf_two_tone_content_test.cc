// PdfPageImages::DrawsInTwoTones: a page whose content plainly draws in black
// and white only is known two-tone without a drawing; anything it cannot
// vouch for is "no" (the caller then looks at a drawing). Every page it
// vouches for is also two-tone as Poppler draws it without anti-aliasing.
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

#include "pipeline/image/pix.h"
#include "pipeline/image/two_tone.h"
#include "pipeline/ingest/pdf_page_image.h"
#include "tests/ingest/made_pdf.h"

namespace scanstraat {
namespace {

using OH = QPDFObjectHandle;

struct Case {
  std::string name;
  std::string resources;   // the page's resource dictionary
  std::string page_extra;  // more keys of the page dictionary
  std::string content;     // the page's drawing
  bool two_tone;           // what DrawsInTwoTones must say
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

const std::string kFonts = "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>";
const std::string kText =
    "BT /F1 14 Tf 40 700 Td (Factuur 2024-0173) Tj 0 -20 Td (Totaal incl. btw 1.613,78) Tj ET "
    "0.5 w 40 650 m 500 650 l S ";

std::string MakePdf(const Case& c) {
  QPDF pdf;
  pdf.emptyPDF();
  OH page = OH::parse("<< /Type /Page /MediaBox [0 0 595.276 841.89] " + c.page_extra + " >>");
  OH resources = OH::parse(c.resources);
  if (resources.hasKey("/XObject")) {
    OH image = OH::newStream(&pdf, std::string(64 * 64, '\x80'));
    OH dict = OH::parse("<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
                        "/BitsPerComponent 8 >>");
    for (const std::string& key : dict.getKeys()) image.getDict().replaceKey(key, dict.getKey(key));
    resources.getKey("/XObject").replaceKey("/Im0", image);
  }
  AddMadePage(pdf, page, resources, c.content);
  return MadePdfBytes(pdf);
}

std::vector<Case> Cases() {
  const std::string type3 =
      "<< /Font << /F1 << /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [1 0 0 1 0 0] "
      "/CharProcs << >> /Encoding << /Differences [] >> /FirstChar 0 /LastChar 0 /Widths [0] >> >> >>";
  return {
      {"TextAndLines", kFonts, "", kText, true},
      {"LightShading", kFonts, "", "0.9 g 40 600 460 20 re f 0 g " + kText, true},
      {"BlackInCmyk", kFonts, "", "0 0 0 1 k " + kText, true},
      {"DeviceSpaceSetByName", kFonts, "", "/DeviceRGB cs 0 0 0 sc " + kText, true},
      {"MidGreyFill", kFonts, "", "0.5 g 100 100 300 300 re f 0 g " + kText, false},
      {"RedText", kFonts, "", "1 0 0 rg " + kText, false},
      {"GreyStroke", kFonts, "", "0.5 G " + kText, false},
      {"NamedColourSpace", kFonts, "", "/CS0 cs 0 sc " + kText, false},
      {"Image", "<< /XObject << >> >>", "", "q 200 0 0 200 100 100 cm /Im0 Do Q", false},
      {"Transparency", "<< /ExtGState << /GS0 << /ca 0.5 >> >> >>", "", "/GS0 gs " + kText, false},
      {"InlineImage", kFonts, "", "BI /W 2 /H 2 /BPC 8 /CS /G ID \x80\x80\x80\x80 EI", false},
      {"Type3Font", type3, "", kText, false},
      {"Annotation", kFonts, "/Annots [<< /Type /Annot /Subtype /Square /Rect [0 0 100 100] >>]", kText,
       false},
      {"ShadingOperator", kFonts, "", "/Sh0 sh " + kText, false},
  };
}

class TwoToneContentTest : public testing::TestWithParam<Case> {};

TEST_P(TwoToneContentTest, VouchesOnlyForPlainBlackAndWhite) {
  const Case& c = GetParam();
  const std::string bytes = MakePdf(c);
  PdfPageImages pages(bytes, 1, Limits{});
  EXPECT_EQ(pages.DrawsInTwoTones(0), c.two_tone);
  EXPECT_FALSE(pages.DrawsInTwoTones(1));  // no such page
  if (!c.two_tone) return;
  // What it vouches for, Poppler draws two-tone (without anti-aliasing).
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  ASSERT_TRUE(doc);
  std::unique_ptr<poppler::page> page(doc->create_page(0));
  poppler::page_renderer r;
  r.set_image_format(poppler::image::format_gray8);
  poppler::image img = r.render_page(page.get(), 100, 100);
  ASSERT_TRUE(img.is_valid());
  PixPtr pix(pixCreate(img.width(), img.height(), 8));
  for (int y = 0; y < img.height(); ++y)
    for (int x = 0; x < img.width(); ++x)
      pixSetPixel(pix.get(), x, y, static_cast<unsigned char>(img.const_data()[y * img.bytes_per_row() + x]));
  EXPECT_TRUE(IsTwoTone(pix.get()));
}

INSTANTIATE_TEST_SUITE_P(Pages, TwoToneContentTest, testing::ValuesIn(Cases()),
                         [](const testing::TestParamInfo<Case>& i) { return i.param.name; });

TEST(TwoToneContent, NotAPdfIsNo) {
  const std::string junk = "not a pdf at all";
  PdfPageImages pages(junk, 1, Limits{});
  EXPECT_FALSE(pages.DrawsInTwoTones(0));
}

}  // namespace
}  // namespace scanstraat
