// Searchable PDF/A-2b from real scans and real OCR, checked with the real tools.
#include "pipeline/archive/pdfa_writer.h"

#include <gtest/gtest.h>

#include <regex>
#include <thread>

#include "archive_test_util.h"
#include "pipeline/archive/faulty_file_system.h"
#include "pipeline/archive/verify_pdfa.h"

namespace scanstraat {
namespace {

using testing::Quote;
using testing::Sh;
using testing::ScratchDir;

PdfInfo TestInfo() {
  PdfInfo info;
  info.title = "Aanvraag bijstand – testdocument <&>";
  info.author = "Gemeente Amsterdam";
  info.created = std::chrono::sys_days{std::chrono::year{2024} / 4 / 16} + std::chrono::hours{10};
  return info;
}

ArchivePage PageFrom(const std::string& image, int dpi) {
  PixPtr pix = testing::ReadPix(image);
  auto img = EncodeForArchive(pix.get(), dpi);
  EXPECT_TRUE(img.ok()) << img.status().ToString();
  ArchivePage page{std::move(*img), testing::OcrWithTesseractCli(image, dpi)};
  page.text.dpi = dpi;
  return page;
}

struct BboxWord {
  std::string text;
  double x0, y0, x1, y1;
};

// Words with their boxes (points, origin top left) from `pdftotext -bbox`.
std::vector<BboxWord> PdfWords(const std::filesystem::path& pdf, int page = 1) {
  const auto c = Sh("pdftotext -bbox -f " + std::to_string(page) + " -l " + std::to_string(page) +
                     " " + Quote(pdf) + " -");
  EXPECT_EQ(c.exit_code, 0) << c.output;
  static const std::regex re(
      R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
  std::vector<BboxWord> out;
  for (std::sregex_iterator it(c.output.begin(), c.output.end(), re), end; it != end; ++it) {
    const auto& m = *it;
    out.push_back({m[5], std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4])});
  }
  return out;
}

std::string Unescape(std::string s) {  // pdftotext -bbox escapes & < > in words
  for (auto [from, to] : {std::pair{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}}) {
    for (size_t p; (p = s.find(from)) != std::string::npos;) s.replace(p, strlen(from), to);
  }
  return s;
}

class PdfAWriter : public ::testing::Test {
 protected:
  ScratchDir dir_;
};

TEST_F(PdfAWriter, BilevelScanIsSearchablePdfAWithWordsWhereTheyStand) {
  const ArchivePage page = PageFrom(testing::Phototest(), 300);
  ASSERT_GT(page.text.words.size(), 40u);
  const auto out = dir_ / "document.pdf";
  ASSERT_TRUE(WritePdfA({page}, TestInfo(), out).ok());

  const auto check = Sh("qpdf --check " + Quote(out));
  EXPECT_EQ(check.exit_code, 0) << check.output;
  EXPECT_NE(check.output.find("No syntax or stream encoding errors"), std::string::npos)
      << check.output;

  // Every font embedded.
  const auto fonts = Sh("pdffonts " + Quote(out));
  ASSERT_EQ(fonts.exit_code, 0) << fonts.output;
  std::istringstream lines(fonts.output);
  std::string line;
  int font_lines = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0 || line.empty()) continue;
    ++font_lines;
    EXPECT_NE(line.find("CID TrueType"), std::string::npos) << line;
    EXPECT_TRUE(std::regex_search(line, std::regex(R"(Identity-H\s+yes\s+(yes|no)\s+yes)")))
        << "not embedded or no ToUnicode: " << line;
  }
  EXPECT_EQ(font_lines, 1) << fonts.output;

  // Page size = pixels * 72 / dpi: 640x480 at 300 dpi = 153.6 x 115.2 pt.
  const auto info = Sh("pdfinfo " + Quote(out));
  EXPECT_TRUE(std::regex_search(info.output, std::regex(R"(Page size:\s+153.6 x 115.2 pts)")))
      << info.output;
  EXPECT_TRUE(std::regex_search(info.output, std::regex(R"(Encrypted:\s+no)"))) << info.output;
  EXPECT_TRUE(std::regex_search(info.output,
                                std::regex(R"(Title:\s+Aanvraag bijstand – testdocument <&>)")))
      << info.output;
  const auto meta = Sh("pdfinfo -meta " + Quote(out));
  EXPECT_NE(meta.output.find("<pdfaid:part>2</pdfaid:part>"), std::string::npos) << meta.output;
  EXPECT_NE(meta.output.find("<pdfaid:conformance>B</pdfaid:conformance>"), std::string::npos);
  EXPECT_NE(meta.output.find("testdocument &lt;&amp;&gt;"), std::string::npos) << meta.output;
  EXPECT_NE(meta.output.find("2024-04-16T10:00:00+00:00"), std::string::npos);

  // The OutputIntent, read with qpdf: /GTS_PDFA1 with the shipped sRGB profile.
  const auto root = Sh("qpdf --show-object=trailer " + Quote(out));
  std::smatch m;
  ASSERT_TRUE(std::regex_search(root.output, m, std::regex(R"(/Root (\d+) 0 R)"))) << root.output;
  const auto catalog = Sh("qpdf --show-object=" + m[1].str() + " " + Quote(out));
  ASSERT_TRUE(std::regex_search(catalog.output, m, std::regex(R"(/OutputIntents \[ (\d+) 0 R \])")))
      << catalog.output;
  const auto intent = Sh("qpdf --show-object=" + m[1].str() + " " + Quote(out));
  EXPECT_NE(intent.output.find("/S /GTS_PDFA1"), std::string::npos) << intent.output;
  ASSERT_TRUE(std::regex_search(intent.output, m, std::regex(R"(/DestOutputProfile (\d+) 0 R)")));
  const auto icc = Sh("qpdf --show-object=" + m[1].str() + " --filtered-stream-data " + Quote(out));
  EXPECT_EQ(icc.output, testing::ReadAll(std::string(SCANSTRAAT_SOURCE_DIR) + "/resources/icc/sRGB.icc"));

  // Every OCR word comes back from pdftotext, over its box on the scan.
  const std::vector<BboxWord> words = PdfWords(out);
  ASSERT_EQ(words.size(), page.text.words.size());
  const double k = 72.0 / 300;
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& want = page.text.words[i];
    EXPECT_EQ(Unescape(words[i].text), want.text);
    EXPECT_NEAR(words[i].x0, want.box.x0 * k, 0.5) << want.text;
    EXPECT_NEAR(words[i].x1, want.box.x1 * k, 0.5) << want.text;
    const Line& l = page.text.lines[want.line];
    EXPECT_NEAR(words[i].y1, l.box.y1 * k, 1.0) << want.text;
    EXPECT_GT(words[i].y1 - words[i].y0, 0.5 * l.box.height() * k) << want.text;
  }
  // Plain extraction keeps reading order and spaces.
  const auto text = Sh("pdftotext " + Quote(out) + " -");
  EXPECT_NE(text.output.find("This is a lot of 12 point text"), std::string::npos) << text.output;

  auto problems = CheckPdfAEssentials(out);
  ASSERT_TRUE(problems.ok());
  for (const Problem& p : *problems) ADD_FAILURE() << p.check << ": " << p.message;
}

TEST_F(PdfAWriter, MixedDocumentHasOnePagePerScanAtItsOwnSize) {
  std::vector<ArchivePage> pages;
  pages.push_back(PageFrom(testing::Phototest(), 300));
  pages.push_back(PageFrom(testing::LeptProg("lighttext.jpg"), 150));
  pages.push_back(PageFrom(testing::LeptProg("1555.007.jpg"), 150));
  ASSERT_EQ(pages[1].image.components, 1);
  ASSERT_EQ(pages[2].image.components, 3);
  const auto out = dir_ / "document.pdf";
  ASSERT_TRUE(WritePdfA(pages, TestInfo(), out).ok());

  const auto check = Sh("qpdf --check " + Quote(out));
  EXPECT_EQ(check.exit_code, 0) << check.output;
  const auto info = Sh("pdfinfo -f 1 -l 3 " + Quote(out));
  EXPECT_TRUE(std::regex_search(info.output, std::regex(R"(Pages:\s+3\n)"))) << info.output;
  EXPECT_TRUE(std::regex_search(info.output, std::regex(R"(Page\s+2 size:\s+673.92 x 403.2 pts)")))
      << info.output;
  EXPECT_TRUE(std::regex_search(info.output, std::regex(R"(Page\s+3 size:\s+453.12 x 706.56 pts)")))
      << info.output;
  const auto images = Sh("pdfimages -list " + Quote(out));
  EXPECT_TRUE(std::regex_search(images.output, std::regex(R"(1\s+0 image\s+640\s+480\s+gray\s+1\s+1\s+ccitt)")))
      << images.output;
  EXPECT_TRUE(std::regex_search(images.output, std::regex(R"(3\s+2 image\s+944\s+1472\s+rgb\s+3\s+8)")))
      << images.output;
  // Words of the grey page come back too.
  // (pdftotext joins words whose boxes touch, so compare the letters.)
  // Multi-column reading order differs, so compare the letters as multisets.
  std::string want, got;
  for (const Word& w : pages[1].text.words) want += w.text;
  for (const BboxWord& w : PdfWords(out, 2)) got += Unescape(w.text);
  std::sort(want.begin(), want.end());
  std::sort(got.begin(), got.end());
  EXPECT_GT(pages[1].text.words.size(), 100u);
  EXPECT_EQ(got, want);
  auto problems = CheckPdfAEssentials(out);
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems->empty());

  // Report sizes per page for the closing note.
  for (const auto& p : pages)
    std::printf("[ size ] %dx%d @%d dpi, %s: image %zu bytes\n", p.image.width, p.image.height,
                p.image.dpi, std::string(FilterName(p.image.filter)).c_str(), p.image.data.size());
  std::printf("[ size ] 3-page PDF/A: %ju bytes\n", std::uintmax_t(std::filesystem::file_size(out)));
}

TEST_F(PdfAWriter, RendersLikeTheScan) {
  const ArchivePage page = PageFrom(testing::Phototest(), 300);
  const auto out = dir_ / "document.pdf";
  ASSERT_TRUE(WritePdfA({page}, TestInfo(), out).ok());
  // The image in the PDF is the scan, bit for bit (G4 is lossless).
  const auto ex = Sh("pdfimages -png " + Quote(out) + " " + Quote(dir_ / "ex"));
  ASSERT_EQ(ex.exit_code, 0) << ex.output;
  PixPtr extracted = testing::ReadPix((dir_ / "ex-000.png").string());
  PixPtr scan = testing::ReadPix(testing::Phototest());
  l_int32 same = 0;
  pixEqual(extracted.get(), scan.get(), &same);
  EXPECT_TRUE(same) << "image in the PDF differs from the scan";

  // Rendered at the scan's resolution, the page looks like the scan: right
  // place, right way up, not inverted (the text layer is invisible). Poppler
  // resamples 1-bit images, so edges differ by a pixel here and there.
  const auto r = Sh("pdftoppm -r 300 -gray -png -singlefile " + Quote(out) + " " +
                    Quote(dir_ / "render"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  PixPtr rendered = testing::ReadPix((dir_ / "render.png").string());
  ASSERT_EQ(pixGetWidth(rendered.get()), 640);
  ASSERT_EQ(pixGetHeight(rendered.get()), 480);
  PixPtr grey(pixConvertTo8(rendered.get(), 0));
  PixPtr bin(pixThresholdToBinary(grey.get(), 128));
  l_int32 diff = 0, black = 0, scan_black = 0;
  pixCountPixels(PixPtr(pixXor(nullptr, bin.get(), scan.get())).get(), &diff, nullptr);
  pixCountPixels(bin.get(), &black, nullptr);
  pixCountPixels(scan.get(), &scan_black, nullptr);
  EXPECT_LT(diff, scan_black / 2) << "rendered page differs from the scan in " << diff << " pixels";
  EXPECT_NEAR(black, scan_black, scan_black / 5);
}

TEST_F(PdfAWriter, PageWithoutWordsIsStillValid) {
  ArchivePage page = PageFrom(testing::LeptProg("form1.tif"), 300);
  page.text.words.clear();
  page.text.lines.clear();
  const auto out = dir_ / "blank-text.pdf";
  ASSERT_TRUE(WritePdfA({page}, TestInfo(), out).ok());
  EXPECT_EQ(Sh("qpdf --check " + Quote(out)).exit_code, 0);
}

TEST_F(PdfAWriter, NoPagesIsInvalidArgument) {
  EXPECT_EQ(WritePdfA({}, TestInfo(), dir_ / "x.pdf").code(), Code::kInvalidArgument);
  EXPECT_TRUE(dir_.Entries().empty());
}

TEST_F(PdfAWriter, DiskFullLeavesNoPdf) {
  const ArchivePage page = PageFrom(testing::Phototest(), 300);
  FaultyFileSystem fs(PosixFileSystem());
  fs.Inject(FaultyFileSystem::Fault::kDiskFull);
  EXPECT_EQ(WritePdfA(fs, {page}, TestInfo(), dir_ / "document.pdf").code(), Code::kIOError);
  EXPECT_TRUE(dir_.Entries().empty());
}

TEST_F(PdfAWriter, SameInputGivesSameBytes) {
  const ArchivePage page = PageFrom(testing::Phototest(), 300);
  auto a = RenderPdfA({page}, TestInfo());
  auto b = RenderPdfA({page}, TestInfo());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
}

TEST_F(PdfAWriter, ManyThreadsAtOnce) {
  const ArchivePage page = PageFrom(testing::Phototest(), 300);
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 3; ++i) {
        PixPtr pix = testing::ReadPix(testing::Phototest());
        auto img = EncodeForArchive(pix.get(), 300);
        if (!img.ok()) { ++failures; continue; }
        ArchivePage p{std::move(*img), page.text};
        if (!WritePdfA({p}, TestInfo(), dir_ / ("d" + std::to_string(t * 10 + i) + ".pdf")).ok())
          ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(dir_.Entries().size(), 12u);
  EXPECT_EQ(Sh("qpdf --check " + Quote(dir_ / "d31.pdf")).exit_code, 0);
}

}  // namespace
}  // namespace scanstraat
