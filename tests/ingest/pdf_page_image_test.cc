// A scanned PDF page read as its embedded image: each case makes a one-page
// PDF around a known image, encoded as scanners do, and checks that the
// image is taken (size, depth, dpi, and the same pixels as Poppler draws at
// that dpi) or that the page is left to Poppler, with the reason.
#include <gtest/gtest.h>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/image/pix.h"
#include "pipeline/image/tiff_g4.h"
#include "pipeline/ingest/pdf_page_image.h"
#include "pipeline/ingest/poppler_doc.h"
#include "pipeline/ingest/source_document.h"
#include "tests/ingest/made_pdf.h"

namespace scanstraat {
namespace {

using OH = QPDFObjectHandle;

// A page-like test image: light grey paper, a grey band, black bars of
// several widths (text-like strokes) and a mark in one corner so that a turn
// or a flip shows. Width and height are no multiples of 8 or 4, so row tails
// and padding are exercised.
constexpr int kW = 413, kH = 585, kDpi = 100;

PixPtr Page8() {
  PixPtr pix(pixCreate(kW, kH, 8));
  pixSetAllArbitrary(pix.get(), 235);
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x) {
      int v = 235;
      if (y > 60 && y < 90) v = 160 + (x % 64);                                // band
      if (y > 120 && y < 520 && (y / 12) % 2 == 0 && ((x / 7) % 3 != 0)) v = 20;  // bars
      if (x < 40 && y < 30) v = 0;                                             // corner mark
      pixSetPixel(pix.get(), x, y, v);
    }
  return pix;
}

PixPtr Page1() { return PixPtr(pixConvertTo1(Page8().get(), 128)); }

PixPtr PageRgb() {
  PixPtr grey = Page8();
  PixPtr rgb(pixConvertTo32(grey.get()));
  for (int y = 200; y < 260; ++y)
    for (int x = 0; x < kW; ++x) pixSetRGBPixel(rgb.get(), x, y, 200, 40, 40);  // a red bar
  return rgb;
}

std::string Bytes(const l_uint8* data, size_t n) { return std::string(reinterpret_cast<const char*>(data), n); }

std::string Encode(const PIX* pix, int format) {
  l_uint8* data = nullptr;
  size_t n = 0;
  EXPECT_EQ(pixWriteMem(&data, &n, const_cast<PIX*>(pix), format), 0);
  std::string s = Bytes(data, n);
  lept_free(data);
  return s;
}

// Rows as a PDF image holds them: 8-bit grey or RGB bytes, or 1-bit with 0 = black.
std::string Rows(const PIX* pix) {
  PIX* p = const_cast<PIX*>(pix);
  const int d = pixGetDepth(p);
  std::string out;
  for (int y = 0; y < kH; ++y) {
    if (d == 1) {
      for (int x = 0; x < kW; x += 8) {
        unsigned char byte = 0;
        for (int b = 0; b < 8; ++b) {
          l_uint32 v = 1;
          if (x + b < kW) pixGetPixel(p, x + b, y, &v);
          byte |= static_cast<unsigned char>((v ? 0 : 1) << (7 - b));  // Leptonica 1 = black
        }
        out.push_back(static_cast<char>(byte));
      }
    } else {
      for (int x = 0; x < kW; ++x) {
        l_uint32 v = 0;
        pixGetPixel(p, x, y, &v);
        if (d == 8) {
          out.push_back(static_cast<char>(v));
        } else {
          out.push_back(static_cast<char>(GET_DATA_BYTE(&v, COLOR_RED)));
          out.push_back(static_cast<char>(GET_DATA_BYTE(&v, COLOR_GREEN)));
          out.push_back(static_cast<char>(GET_DATA_BYTE(&v, COLOR_BLUE)));
        }
      }
    }
  }
  return out;
}

// Flate with PNG predictors (/Predictor 15), rows filtered None, Sub or Up in turn.
std::string FlatePng(const std::string& rows, int bytes_per_pixel) {
  const size_t stride = rows.size() / kH;
  std::string out;
  for (int y = 0; y < kH; ++y) {
    const int type = y % 3;
    out.push_back(static_cast<char>(type));
    for (size_t i = 0; i < stride; ++i) {
      const auto cur = static_cast<unsigned char>(rows[y * stride + i]);
      unsigned char pred = 0;
      if (type == 1 && i >= size_t(bytes_per_pixel)) pred = static_cast<unsigned char>(rows[y * stride + i - bytes_per_pixel]);
      if (type == 2 && y > 0) pred = static_cast<unsigned char>(rows[(y - 1) * stride + i]);
      out.push_back(static_cast<char>(cur - pred));
    }
  }
  size_t n = 0;
  l_uint8* z = zlibCompress(reinterpret_cast<const l_uint8*>(out.data()), out.size(), &n);
  std::string s = Bytes(z, n);
  lept_free(z);
  return s;
}

std::string G4(const PIX* bw) {
  Result<G4Strip> strip = ExtractG4FromTiff(Encode(bw, IFF_TIFF_G4));
  EXPECT_TRUE(strip.ok());
  return strip.ok() ? strip->data : "";
}

// One page: an image stream (`data` as stored, `dict` its dictionary) drawn
// by `content`; `page_extra` goes into the page dictionary.
struct PageSpec {
  std::string dict;
  std::string data;
  std::string content;
  std::string media_box;
  std::string page_extra;
};

const double kPageW = kW * 72.0 / kDpi, kPageH = kH * 72.0 / kDpi;

std::string Num(double v) { return std::to_string(v); }

std::string Upright() { return "q " + Num(kPageW) + " 0 0 " + Num(kPageH) + " 0 0 cm /Im0 Do Q"; }
std::string PortraitBox() { return "[0 0 " + Num(kPageW) + " " + Num(kPageH) + "]"; }

// `pages` pages alike, each its own page object drawing the one image.
std::string MakePdf(const PageSpec& s, int pages = 1) {
  QPDF pdf;
  pdf.emptyPDF();
  OH image = OH::newStream(&pdf, s.data);
  OH dict = OH::parse("<< /Type /XObject /Subtype /Image /Width " + std::to_string(kW) + " /Height " +
                      std::to_string(kH) + " " + s.dict + " >>");
  // An ICC profile must be a stream: a dictionary in the case's colour space becomes one.
  OH cs = dict.getKey("/ColorSpace");
  if (cs.isArray() && cs.getArrayNItems() == 2 && cs.getArrayItem(1).isDictionary()) {
    OH profile = OH::newStream(&pdf, std::string());
    for (const std::string& key : cs.getArrayItem(1).getKeys())
      profile.getDict().replaceKey(key, cs.getArrayItem(1).getKey(key));
    cs.setArrayItem(1, profile);
  }
  for (const std::string& key : dict.getKeys()) image.getDict().replaceKey(key, dict.getKey(key));
  for (int i = 0; i < pages; ++i) {
    OH page = OH::parse("<< /Type /Page /MediaBox " + (s.media_box.empty() ? PortraitBox() : s.media_box) +
                        " " + s.page_extra + " >>");
    OH resources = OH::parse("<< /XObject << >> >>");
    resources.getKey("/XObject").replaceKey("/Im0", image);
    AddMadePage(pdf, page, resources, s.content);
  }
  return MadePdfBytes(pdf, /*as_made=*/true);  // the image data stays as the case made it
}

std::unique_ptr<SourceDocument> OpenPdfBytes(std::string bytes) {
  QuietPoppler();
  QuietLeptonica();
  Result<std::unique_ptr<SourceDocument>> d = OpenSourceDocument(std::move(bytes), FileKind::kPdf, Limits{});
  EXPECT_TRUE(d.ok()) << d.status().ToString();
  return d.ok() ? std::move(d).value() : nullptr;
}

// Grey view of any pix, as clean-up makes it (pipeline/image/preprocess.cc).
PixPtr Grey(PIX* p) {
  if (pixGetDepth(p) == 32) return PixPtr(pixConvertRGBToLuminance(p));
  return PixPtr(pixConvertTo8(p, 0));
}

// Share of pixels of `a` whose grey differs by more than `tolerance` from
// every pixel of `b` within one pixel of the same place. Splash draws an
// image onto a page of the image's own size a little stretched (up to a
// pixel over the width: a stroke edge at 100 dpi blends up to 50%), so
// pixels are matched within one pixel.
double DifferingShare(PIX* a, PIX* b, int tolerance) {
  PixPtr ga = Grey(a), gb = Grey(b);
  const int w = pixGetWidth(ga.get()), h = pixGetHeight(ga.get());
  auto at = [](PIX* p, int x, int y) {
    return int(GET_DATA_BYTE(pixGetData(p) + y * pixGetWpl(p), x));
  };
  long differ = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      int best = 255;
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
          const int xx = x + dx, yy = y + dy;
          if (xx >= 0 && yy >= 0 && xx < w && yy < h)
            best = std::min(best, std::abs(at(ga.get(), x, y) - at(gb.get(), xx, yy)));
        }
      differ += best > tolerance;
    }
  return double(differ) / (double(w) * h);
}

struct Case {
  std::string name;
  std::function<PageSpec()> make;
  bool fast;             // the image is taken
  int depth = 8;         // of the image taken
  int width = kW, height = kH;
  int tolerance = 0;     // grey levels the drawn page may differ by (JPEG, colour)
  std::string why_not;   // part of the reason, for a page left to Poppler
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

PageSpec Spec(std::string dict, std::string data) {
  return {std::move(dict), std::move(data), Upright(), "", ""};
}

std::vector<Case> Cases() {
  const std::string grey8 = "/ColorSpace /DeviceGray /BitsPerComponent 8";
  const std::string grey1 = "/ColorSpace /DeviceGray /BitsPerComponent 1";
  const std::string rgb8 = "/ColorSpace /DeviceRGB /BitsPerComponent 8";
  const std::string g4 = grey1 + " /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns " +
                         std::to_string(kW) + " /Rows " + std::to_string(kH) + " >>";
  auto flate = [](int colors, int bits) {
    return " /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors " + std::to_string(colors) +
           " /BitsPerComponent " + std::to_string(bits) + " /Columns " + std::to_string(kW) + " >>";
  };
  return {
      {"JpegGrey", [=] { return Spec(grey8 + " /Filter /DCTDecode", Encode(Page8().get(), IFF_JFIF_JPEG)); },
       true, 8, kW, kH, 24, ""},
      {"JpegColour", [=] { return Spec(rgb8 + " /Filter /DCTDecode", Encode(PageRgb().get(), IFF_JFIF_JPEG)); },
       true, 32, kW, kH, 24, ""},
      {"FlateGrey8", [=] { return Spec(grey8 + flate(1, 8), FlatePng(Rows(Page8().get()), 1)); }, true, 8, kW, kH, 0, ""},
      {"FlateRgb8", [=] { return Spec(rgb8 + flate(3, 8), FlatePng(Rows(PageRgb().get()), 3)); },
       true, 32, kW, kH, 16, ""},
      {"FlateOneBit", [=] { return Spec(grey1 + flate(1, 1), FlatePng(Rows(Page1().get()), 1)); }, true, 1, kW, kH, 0, ""},
      {"Unfiltered8", [=] { return Spec(grey8, Rows(Page8().get())); }, true, 8, kW, kH, 0, ""},
      {"IccGrey", [=] { return Spec("/ColorSpace [/ICCBased << /N 1 /Alternate /DeviceGray >>] /BitsPerComponent 8", Rows(Page8().get())); },
       true, 8, kW, kH, 2, ""},
      {"CcittG4", [=] { return Spec(g4, G4(Page1().get())); }, true, 1, kW, kH, 0, ""},
      {"CcittG4BlackIs1", [=] {
         PixPtr inverted(pixInvert(nullptr, Page1().get()));
         PageSpec s = Spec(g4, G4(inverted.get()));
         s.dict.replace(s.dict.find("/K -1"), 5, "/K -1 /BlackIs1 true");
         return s; },
       true, 1, kW, kH, 0, ""},
      {"PageRotate90", [=] {
         PageSpec s = Spec(grey8, Rows(Page8().get()));
         s.page_extra = "/Rotate 90";
         return s; },
       true, 8, kH, kW, 0, ""},
      {"PageRotate270", [=] {
         PageSpec s = Spec(grey8, Rows(Page8().get()));
         s.page_extra = "/Rotate -90";
         return s; },
       true, 8, kH, kW, 0, ""},
      {"PageRotateUndoesTurnedImage", [=] {
         // A landscape page holding the image turned a quarter anticlockwise,
         // shown upright by /Rotate 90, as some scanners write a sideways scan.
         PageSpec s = Spec(grey8, Rows(Page8().get()));
         s.media_box = "[0 0 " + Num(kPageH) + " " + Num(kPageW) + "]";
         s.content = "q 0 " + Num(kPageW) + " " + Num(-kPageH) + " 0 " + Num(kPageH) + " 0 cm /Im0 Do Q";
         s.page_extra = "/Rotate 90";
         return s; },
       true, 8, kW, kH, 0, ""},
      {"ImageTurned180", [=] {
         PageSpec s = Spec(grey8, Rows(Page8().get()));
         s.content = "q " + Num(-kPageW) + " 0 0 " + Num(-kPageH) + " " + Num(kPageW) + " " + Num(kPageH) +
                     " cm /Im0 Do Q";
         return s; },
       true, 8, kW, kH, 0, ""},
      {"TwoStepMatrix", [=] {
         PageSpec s = Spec(grey8, Rows(Page8().get()));
         s.content = "q 2 0 0 2 0 0 cm q " + Num(kPageW / 2) + " 0 0 " + Num(kPageH / 2) + " 0 0 cm /Im0 Do Q Q";
         return s; },
       true, 8, kW, kH, 0, ""},
      {"TextOnTop", [=] {
         PageSpec s = Spec(grey8, Rows(Page8().get()));
         s.content += " BT /F1 12 Tf 50 50 Td (Hallo) Tj ET";
         return s; },
       false, 8, kW, kH, 0, "BT"},
      {"LineOnTop", [=] {
         PageSpec s = Spec(grey8, Rows(Page8().get()));
         s.content += " 0 0 m 100 100 l S";
         return s; },
       false, 8, kW, kH, 0, "content operator m"},
      {"ImageNotCoveringPage", [=] {
         PageSpec s = Spec(grey8, Rows(Page8().get()));
         s.content = "q " + Num(kPageW / 2) + " 0 0 " + Num(kPageH / 2) + " 20 20 cm /Im0 Do Q";
         return s; },
       false, 8, kW, kH, 0, "does not cover"},
      {"ImageSkewed", [=] {
         PageSpec s = Spec(grey8, Rows(Page8().get()));
         s.content = "q " + Num(kPageW) + " 3 0 " + Num(kPageH) + " 0 0 cm /Im0 Do Q";
         return s; },
       false, 8, kW, kH, 0, "skewed"},
      {"Mirrored", [=] {
         PageSpec s = Spec(grey8, Rows(Page8().get()));
         s.content = "q " + Num(-kPageW) + " 0 0 " + Num(kPageH) + " " + Num(kPageW) + " 0 cm /Im0 Do Q";
         return s; },
       false, 8, kW, kH, 0, "mirrored"},
      {"Indexed", [=] { return Spec("/ColorSpace [/Indexed /DeviceGray 1 <00ff>] /BitsPerComponent 8", Rows(Page8().get())); },
       false, 8, kW, kH, 0, "colour space"},
      {"DecodeInverted", [=] { return Spec(grey8 + " /Decode [1 0]", Rows(Page8().get())); },
       false, 8, kW, kH, 0, "Decode"},
      {"SoftMask", [=] { return Spec(grey8 + " /SMask 0", Rows(Page8().get())); },
       false, 8, kW, kH, 0, "mask"},
      {"Annotation", [=] {
         PageSpec s = Spec(grey8, Rows(Page8().get()));
         s.page_extra = "/Annots [<< /Type /Annot /Subtype /Square /Rect [10 10 50 50] >>]";
         return s; },
       false, 8, kW, kH, 0, "annotation"},
      {"CorruptFlate", [=] {
         std::string z = FlatePng(Rows(Page8().get()), 1);
         for (size_t i = z.size() / 3; i < z.size(); i += 7) z[i] = static_cast<char>(z[i] ^ 0x5a);
         return Spec(grey8 + flate(1, 8), z); },
       false, 8, kW, kH, 0, ""},
      {"FlateBomb", [=] {
         // 64 MB of zeros in ~64 KB: refused once past the image's size, not inflated whole.
         const std::string zeros(64 << 20, '\0');
         size_t n = 0;
         l_uint8* z = zlibCompress(reinterpret_cast<const l_uint8*>(zeros.data()), zeros.size(), &n);
         std::string s = Bytes(z, n);
         lept_free(z);
         return Spec(grey8 + " /Filter /FlateDecode", s); },
       false, 8, kW, kH, 0, "cannot be read"},
      {"TruncatedFlate", [=] {
         std::string z = FlatePng(Rows(Page8().get()), 1);
         return Spec(grey8 + flate(1, 8), z.substr(0, z.size() / 2)); },
       false, 8, kW, kH, 0, ""},
      {"CorruptJpeg", [=] {
         std::string j = Encode(Page8().get(), IFF_JFIF_JPEG);
         return Spec(grey8 + " /Filter /DCTDecode", j.substr(0, 200) + std::string(500, '\x17')); },
       false, 8, kW, kH, 0, ""},
      {"TruncatedG4", [=] {
         std::string code = G4(Page1().get());
         return Spec(g4, code.substr(0, code.size() / 3)); },
       true, 1, kW, kH, 0, ""},
      {"ShortRows", [=] { return Spec(grey8, Rows(Page8().get()).substr(0, kW * 100)); },
       false, 8, kW, kH, 0, ""},
      {"Jbig2", [=] { return Spec(grey1 + " /Filter /JBIG2Decode", "not really jbig2"); },
       false, 8, kW, kH, 0, "filter /JBIG2Decode"},
  };
}

class PdfPageImageTest : public testing::TestWithParam<Case> {};

TEST_P(PdfPageImageTest, TakesTheImageOnlyWhenThatIsWhatThePageShows) {
  const Case& c = GetParam();
  const std::string pdf = MakePdf(c.make());
  PdfPageImages images(pdf, 1, Limits{});
  Result<SourcePage> page = images.Read(0);
  if (!c.fast) {
    ASSERT_FALSE(page.ok());
    EXPECT_EQ(page.status().code(), Code::kUnsupported);
    EXPECT_NE(page.status().message().find(c.why_not), std::string::npos) << page.status().message();
    return;
  }
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  PIX* pix = page->image.get();
  EXPECT_EQ(pixGetWidth(pix), c.width);
  EXPECT_EQ(pixGetHeight(pix), c.height);
  EXPECT_EQ(pixGetDepth(pix), c.depth);
  EXPECT_EQ(page->dpi, kDpi);
  EXPECT_EQ(pixGetXRes(pix), kDpi);

  // What Poppler draws at that dpi is what the page shows.
  std::unique_ptr<SourceDocument> doc = OpenPdfBytes(pdf);
  ASSERT_NE(doc, nullptr);
  Result<SourcePage> drawn = doc->RenderPage(0, kDpi);
  ASSERT_TRUE(drawn.ok()) << drawn.status().ToString();
  ASSERT_EQ(pixGetWidth(drawn->image.get()), c.width);
  ASSERT_EQ(pixGetHeight(drawn->image.get()), c.height);
  EXPECT_LE(DifferingShare(pix, drawn->image.get(), c.tolerance + 2), 0.002);
}

INSTANTIATE_TEST_SUITE_P(Cases, PdfPageImageTest, testing::ValuesIn(Cases()),
                         [](const testing::TestParamInfo<Case>& i) { return i.param.name; });

TEST(PdfPageImage, PixelLimitRefusesFromTheDictionaryBeforeDecoding) {
  const std::string pdf = MakePdf(Spec("/ColorSpace /DeviceGray /BitsPerComponent 8", Rows(Page8().get())));
  Limits small;
  small.max_pixels = kW * kH - 1;
  PdfPageImages images(pdf, 1, small);
  Result<SourcePage> page = images.Read(0);
  ASSERT_FALSE(page.ok());
  EXPECT_NE(page.status().message().find("pixel limit"), std::string::npos);
}

TEST(PdfPageImage, PageCountThatDiffersFromPopplersTurnsTheFastPathOff) {
  const std::string pdf = MakePdf(Spec("/ColorSpace /DeviceGray /BitsPerComponent 8", Rows(Page8().get())));
  PdfPageImages images(pdf, 2, Limits{});
  EXPECT_FALSE(images.Read(0).ok());
}

TEST(PdfPageImage, NotAPdfIsANoNotACrash) {
  PdfPageImages images("%PDF-1.4 this is not a pdf", 1, Limits{});
  EXPECT_EQ(images.Read(0).status().code(), Code::kUnsupported);
  EXPECT_EQ(images.Read(0).status().code(), Code::kUnsupported);  // and stays so
}

// The PDF document asks for the image first and draws only when it is refused
// or its resolution would change the page's size (pipeline/ingest/poppler_doc.cc).
TEST(PdfPageImage, LoadPageTakesTheImageWhenItKeepsThePageSize) {
  std::unique_ptr<SourceDocument> doc =
      OpenPdfBytes(MakePdf(Spec("/ColorSpace /DeviceGray /BitsPerComponent 8", Rows(Page8().get()))));
  ASSERT_NE(doc, nullptr);
  struct Want {
    int asked_dpi;
    ImageOrigin origin;
    int dpi;
  };
  // The image is at 100 dpi: taken at 100 (and 101: within 1%), and at 300,
  // which clean-up scales it to; at 105 clean-up would leave it 5% small.
  for (Want w : {Want{100, ImageOrigin::kPdfImage, 100}, Want{101, ImageOrigin::kPdfImage, 100},
                 Want{300, ImageOrigin::kPdfImage, 100}, Want{105, ImageOrigin::kPdfDrawn, 105}}) {
    Result<SourcePage> page = doc->LoadPage(0, w.asked_dpi);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_FALSE(page->text_layer.has_value());
    EXPECT_EQ(page->origin, w.origin) << w.asked_dpi;
    EXPECT_EQ(page->dpi, w.dpi) << w.asked_dpi;
  }
}

// Pages of one document are read on several threads at once (the run's
// parallel stage), while Poppler draws others: qpdf and Poppler each behind
// their own lock (run under TSan: scripts/sanitize.sh thread).
TEST(PdfPageImage, PagesOfOneDocumentReadOnSeveralThreads) {
  constexpr int kPages = 8;
  std::unique_ptr<SourceDocument> doc = OpenPdfBytes(
      MakePdf(Spec("/ColorSpace /DeviceGray /BitsPerComponent 8", Rows(Page8().get())), kPages));
  ASSERT_NE(doc, nullptr);
  ASSERT_EQ(doc->PageCount(), kPages);
  std::atomic<int> taken{0}, drawn{0}, failed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 3; ++t)
    threads.emplace_back([&, t] {
      // Threads 0 and 1 load the even and the odd pages; thread 2 draws all.
      for (int i = t < 2 ? t : 0; i < kPages; i += t < 2 ? 2 : 1) {
        Result<SourcePage> page = t < 2 ? doc->LoadPage(i, kDpi) : doc->RenderPage(i, kDpi);
        if (!page.ok() || !page->image) ++failed;
        else if (page->origin == ImageOrigin::kPdfImage) ++taken;
        else ++drawn;
      }
    });
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(taken.load(), kPages);       // every page read by LoadPage was taken
  EXPECT_EQ(drawn.load(), kPages);       // and RenderPage drew every page
}

TEST(PdfPageImage, LoadPageDrawsAPageWithTextOnTheScan) {
  PageSpec s = Spec("/ColorSpace /DeviceGray /BitsPerComponent 8", Rows(Page8().get()));
  s.content += " 0 0 m 100 100 l S";
  std::unique_ptr<SourceDocument> doc = OpenPdfBytes(MakePdf(s));
  ASSERT_NE(doc, nullptr);
  Result<SourcePage> page = doc->LoadPage(0, 100);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->origin, ImageOrigin::kPdfDrawn);
}

}  // namespace
}  // namespace scanstraat
