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

#include <algorithm>
#include <cstdlib>
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
      // #e1e1e1, a common table shading: grey level 225, just outside mid-grey
      {"TableShading", kFonts, "", ".882353 g 40 600 460 20 re B* 0 g " + kText, true},
      {"OutOfRangeGrey", kFonts, "", "1.5 g 40 600 460 20 re f 0 g " + kText, false},
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
      // what the content lexer must read past, or stop at
      {"OperatorsInStrings", kFonts, "",
       "BT /F1 12 Tf 40 700 Td (a \\) 0.5 g sh \\(Do\\) (nested) BI) Tj <41 42> Tj [(x) -20 (y\\)) 3] TJ ET " + kText,
       true},
      {"OperatorInComment", kFonts, "", "% 0.5 g /Sh0 sh\n" + kText, true},
      {"MarkedContentDictionary", kFonts, "", "/Span << /ActualText (0.5 g) /MCID 3 >> BDC " + kText + " EMC",
       true},
      {"NumbersWritten", kFonts, "", "+.0 g -0. G 1. 1 1.000 rg " + kText, true},
      {"MidGreyAfterString", kFonts, "", "BT /F1 12 Tf (g) Tj ET .5 g " + kText, false},
      {"UnterminatedString", kFonts, "", "BT /F1 12 Tf (open Tj ET", false},
      {"PatternColour", kFonts, "", "/Pattern cs /P0 scn " + kText, false},
      {"ExtGStateOperator", kFonts, "", "/GS0 gs " + kText, false},
  };
}

// Whether Poppler draws page 0 of `bytes` two-tone (grey, no anti-aliasing,
// as the pipeline's 50 dpi look does).
bool DrawnTwoTone(const std::string& bytes, double dpi) {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return false;
  std::unique_ptr<poppler::page> page(doc->create_page(0));
  poppler::page_renderer r;
  r.set_image_format(poppler::image::format_gray8);
  poppler::image img = r.render_page(page.get(), dpi, dpi);
  if (!img.is_valid()) return false;
  PixPtr pix(pixCreate(img.width(), img.height(), 8));
  for (int y = 0; y < img.height(); ++y)
    for (int x = 0; x < img.width(); ++x)
      pixSetPixel(pix.get(), x, y, static_cast<unsigned char>(img.const_data()[y * img.bytes_per_row() + x]));
  return IsTwoTone(pix.get());
}

class TwoToneContentTest : public testing::TestWithParam<Case> {};

TEST_P(TwoToneContentTest, VouchesOnlyForPlainBlackAndWhite) {
  const Case& c = GetParam();
  const std::string bytes = MakePdf(c);
  PdfPageImages pages(bytes, 1, Limits{});
  EXPECT_EQ(pages.DrawsInTwoTones(0), c.two_tone);
  EXPECT_FALSE(pages.DrawsInTwoTones(1));  // no such page
  // What it vouches for, Poppler draws two-tone (without anti-aliasing).
  if (c.two_tone) {
    EXPECT_TRUE(DrawnTwoTone(bytes, 100));
  }
}

// Every grey level, and near the two bounds of mid-grey also the values just
// beside each level and the other device colour spaces, filling a third of
// the page: the scan says "two-tone" exactly when Poppler's drawing is, so
// a page it passes needs no look, and one it sends to a look would have
// needed it.
TEST(TwoToneContent, AgreesWithTheDrawingOnEveryGreyLevel) {
  auto near_bound = [](int k) {
    return std::abs(k - static_cast<int>(kMidGreyLow)) <= 4 || std::abs(k - static_cast<int>(kMidGreyHigh)) <= 4;
  };
  std::vector<std::string> colours;
  for (int k = 0; k <= 255; ++k) {
    for (double d : {-0.3, 0.0, 0.3}) {
      if (d != 0.0 && !near_bound(k)) continue;
      const double v = std::clamp((k + d) / 255.0, 0.0, 1.0);
      const std::string g = std::to_string(v), inv = std::to_string(1.0 - v);
      colours.push_back(g + " g");
      if (!near_bound(k)) continue;
      colours.push_back(g + " " + g + " " + g + " rg");
      colours.push_back("0 0 0 " + inv + " k");
    }
  }
  colours.push_back("0.9 0.95 0.85 rg");  // near white, not grey
  colours.push_back("0.2 0 0 rg");       // dark red: near black as grey
  int vouched = 0;
  for (const std::string& colour : colours) {
    const Case c{colour, "<< >>", "", colour + " 50 300 500 300 re f", false};
    const std::string bytes = MakePdf(c);
    PdfPageImages pages(bytes, 1, Limits{});
    const bool scan = pages.DrawsInTwoTones(0);
    vouched += scan ? 1 : 0;
    EXPECT_EQ(scan, DrawnTwoTone(bytes, 20)) << colour;
  }
  // The ends of the range are vouched for.
  EXPECT_GT(vouched, static_cast<int>(colours.size()) / 5);
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
