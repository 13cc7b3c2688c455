// Scanned PDFs from other projects' test sets (../shared/data), as scanners
// and converters wrote them: which pages are read as their embedded image,
// and that such an image shows what Poppler draws; the others are drawn.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

#include "pipeline/image/pix.h"
#include "pipeline/ingest/pdf_page_image.h"
#include "pipeline/ingest/poppler_doc.h"
#include "pipeline/ingest/source_document.h"

namespace scanstraat {
namespace {

const std::string kResources = std::string(SCANSTRAAT_SHARED_DATA) + "/robustness/ocrmypdf/tests/resources/";

struct FileCase {
  std::string file;
  int page;              // from 0
  bool fast;             // read as its image
  int width = 0, height = 0, depth = 0, dpi = 0;
  std::string why_not;   // part of the reason, for a page that is drawn
  // Grey levels an image pixel may differ from the drawn page: a 1-bit page
  // is drawn with smoothed edges, colour is made grey with other weights
  // (Poppler 0.30/0.59/0.11, Leptonica's 0.3/0.5/0.2 as for image files).
  int tolerance = 24;
};

void PrintTo(const FileCase& c, std::ostream* os) { *os << c.file << " page " << c.page + 1; }

std::string Name(const FileCase& c) {
  std::string n = c.file.substr(0, c.file.find('.')) + "_p" + std::to_string(c.page + 1);
  for (char& ch : n)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return n;
}

PixPtr Grey(PIX* p) {
  if (pixGetDepth(p) == 32) return PixPtr(pixConvertRGBToLuminance(p));
  return PixPtr(pixConvertTo8(p, 0));
}

// Share of pixels of `a` whose grey lies more than `tolerance` outside the
// range of `b` within one pixel of the same place. Splash draws an image
// onto a page of the image's own size a little stretched and shifted (under
// a pixel), which blurs edges: a 2-pixel stroke that the image has as
// 64/85/243 is drawn 184/102/170. What matters here (place, turn, polarity,
// content) shows; that does not.
double DifferingShare(PIX* a, PIX* b, int tolerance) {
  PixPtr ga = Grey(a), gb = Grey(b);
  const int w = pixGetWidth(ga.get()), h = pixGetHeight(ga.get());
  auto at = [](PIX* p, int x, int y) { return int(GET_DATA_BYTE(pixGetData(p) + y * pixGetWpl(p), x)); };
  long differ = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      int lo = 255, hi = 0;
      for (int yy = std::max(0, y - 1); yy <= std::min(h - 1, y + 1); ++yy)
        for (int xx = std::max(0, x - 1); xx <= std::min(w - 1, x + 1); ++xx) {
          lo = std::min(lo, at(gb.get(), xx, yy));
          hi = std::max(hi, at(gb.get(), xx, yy));
        }
      const int v = at(ga.get(), x, y);
      differ += v < lo - tolerance || v > hi + tolerance;
    }
  return double(differ) / (double(w) * h);
}

class PdfPageImageFiles : public testing::TestWithParam<FileCase> {};

TEST_P(PdfPageImageFiles, ReadsScannerPagesAsTheirImage) {
  const FileCase& c = GetParam();
  QuietPoppler();
  QuietLeptonica();
  Result<std::string> bytes = ReadWholeFile(kResources + c.file, Limits{}.max_file_bytes);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  Result<std::unique_ptr<SourceDocument>> doc = OpenSourceDocument(*bytes, FileKind::kPdf, Limits{});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  PdfPageImages images(*bytes, (*doc)->PageCount(), Limits{});
  Result<SourcePage> page = images.Read(c.page);
  if (!c.fast) {
    ASSERT_FALSE(page.ok());
    EXPECT_NE(page.status().message().find(c.why_not), std::string::npos) << page.status().message();
    return;
  }
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(pixGetWidth(page->image.get()), c.width);
  EXPECT_EQ(pixGetHeight(page->image.get()), c.height);
  EXPECT_EQ(pixGetDepth(page->image.get()), c.depth);
  EXPECT_EQ(page->dpi, c.dpi);
  Result<SourcePage> drawn = (*doc)->RenderPage(c.page, page->dpi);
  ASSERT_TRUE(drawn.ok()) << drawn.status().ToString();
  ASSERT_EQ(pixGetWidth(drawn->image.get()), c.width);
  ASSERT_EQ(pixGetHeight(drawn->image.get()), c.height);
  EXPECT_LE(DifferingShare(page->image.get(), drawn->image.get(), c.tolerance), 0.005);
}

INSTANTIATE_TEST_SUITE_P(
    Resources, PdfPageImageFiles,
    testing::Values(
        FileCase{"ccitt.pdf", 0, true, 2550, 3300, 1, 300, ""},
        FileCase{"francais.pdf", 0, true, 900, 900, 8, 300, "", 64},  // strokes blurred most
        FileCase{"c02-22.pdf", 0, true, 800, 981, 32, 150, "", 64},
        FileCase{"graph.pdf", 0, true, 958, 400, 32, 96, "", 64},
        FileCase{"cmyk.pdf", 0, false, 0, 0, 0, 0, "BT"},
        FileCase{"jbig2.pdf", 0, false, 0, 0, 0, 0, "JBIG2"},
        FileCase{"palette.pdf", 0, false, 0, 0, 0, 0, "colour space"},
        FileCase{"masks.pdf", 0, false, 0, 0, 0, 0, ""},
        FileCase{"aspect.pdf", 0, false, 0, 0, 0, 0, ""},
        FileCase{"hugemono.pdf", 0, false, 0, 0, 0, 0, "pixel limit"},
        FileCase{"vector.pdf", 0, false, 0, 0, 0, 0, ""},
        FileCase{"multipage.pdf", 1, false, 0, 0, 0, 0, ""}),
    [](const testing::TestParamInfo<FileCase>& i) { return Name(i.param); });

}  // namespace
}  // namespace scanstraat
