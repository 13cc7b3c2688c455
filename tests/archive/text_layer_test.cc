// The invisible text layer operators, the XMP packet and the G4 container,
// tested directly.
#include "pipeline/archive/text_layer.h"

#include <gtest/gtest.h>

#include "archive_test_util.h"
#include "pipeline/archive/glyphless_font.h"
#include "pipeline/archive/pdf_info.h"
#include "pipeline/image/tiff_g4.h"

namespace scanstraat {
namespace {

TEST(TextLayer, Utf16BeHex) {
  EXPECT_EQ(Utf16BeHex("Az"), "0041007A");
  EXPECT_EQ(Utf16BeHex("é€"), "00E920AC");
  EXPECT_EQ(Utf16BeHex("\xF0\x9F\x98\x80"), "FFFD");  // outside the BMP
  EXPECT_EQ(Utf16BeHex("\xC3"), "FFFD");              // broken UTF-8
  EXPECT_EQ(Utf16BeHex(""), "");
}

TEST(TextLayer, PlacesWordsOverTheirBoxesInvisibly) {
  PageText t;
  t.dpi = 300;
  t.width = 1000;
  t.height = 600;
  t.lines.push_back({{100, 200, 500, 250}, 0, 0, 2});
  t.words.push_back({"Naam", {100, 210, 200, 250}, 0.9f, 0});
  t.words.push_back({"Jansen", {250, 200, 500, 245}, 0.9f, 0});
  const std::string ops = TextLayerOperators(t, 600);
  // Render mode 3, one text object.
  EXPECT_EQ(ops.rfind("BT\n3 Tr\n", 0), 0u) << ops;
  EXPECT_EQ(ops.substr(ops.size() - 3), "ET\n");
  // Font size = line height in points (50 px = 12 pt), baseline at the
  // line's bottom: (600 - 250) px = 84 pt; x = 100 px = 24 pt.
  EXPECT_NE(ops.find("/FTxt 12 Tf\n"), std::string::npos) << ops;
  EXPECT_NE(ops.find("1 0 0 1 24 84 Tm\n<004E00610061006D> Tj\n"), std::string::npos) << ops;
  // Word width 100 px = 24 pt over 4 glyphs of 6 pt → 100 %.
  EXPECT_NE(ops.find("100 Tz\n1 0 0 1 24 84 Tm"), std::string::npos) << ops;
  // Space stretched over the 50 px gap (12 pt) with 6 pt glyphs → 200 %.
  EXPECT_NE(ops.find("200 Tz\n<0020> Tj\n"), std::string::npos) << ops;
  // No space after the last word of the line.
  const auto last = ops.find("<004A0061006E00730065006E> Tj\n");
  ASSERT_NE(last, std::string::npos) << ops;
  EXPECT_EQ(ops.find("<0020>", last), std::string::npos) << ops;
}

TEST(TextLayer, SkipsEmptyAndDegenerateWords) {
  PageText t;
  t.words.push_back({"", {0, 0, 10, 10}, 1, 0});
  t.words.push_back({"x", {10, 10, 10, 20}, 1, 0});
  EXPECT_EQ(TextLayerOperators(t, 100), "BT\n3 Tr\nET\n");
  EXPECT_EQ(TextLayerOperators(PageText{}, 100), "");
}

TEST(TextLayer, ToUnicodeCMapCoversTheBmpWithoutSurrogates) {
  const std::string cmap = GlyphlessToUnicodeCMap();
  EXPECT_NE(cmap.find("<0000> <00FF> <0000>"), std::string::npos);
  EXPECT_NE(cmap.find("<2000> <20FF> <2000>"), std::string::npos);
  EXPECT_EQ(cmap.find("<D800>"), std::string::npos);
  EXPECT_NE(cmap.find("<FF00> <FFFF> <FF00>"), std::string::npos);
  EXPECT_EQ(cmap.find("101 beginbfrange"), std::string::npos);  // at most 100 per block
}

TEST(PdfInfo, XmpIsWellFormedAndEscaped) {
  PdfInfo info;
  info.title = "Titel & <meer>";
  info.created = std::chrono::sys_days{std::chrono::year{2024} / 4 / 16};
  const std::string xmp = MakeXmpPacket(info);
  testing::ScratchDir dir;
  testing::WriteAll(dir / "xmp.xml", xmp);
  const auto lint = testing::Sh("xmllint --noout " + testing::Quote(dir / "xmp.xml"));
  EXPECT_EQ(lint.exit_code, 0) << lint.output;
  EXPECT_NE(xmp.find("Titel &amp; &lt;meer&gt;"), std::string::npos);
  EXPECT_NE(xmp.find("<xmp:CreateDate>2024-04-16T00:00:00+00:00</xmp:CreateDate>"),
            std::string::npos);
  EXPECT_EQ(PdfDate(info.created), "D:20240416000000+00'00'");
}

TEST(PdfInfo, XmlEscapeDropsForbiddenCharacters) {
  EXPECT_EQ(XmlEscape("a\x01\x0b" "b\tc"), "ab\tc");
  EXPECT_EQ(XmlEscape("\xff"), "\xEF\xBF\xBD");
  EXPECT_EQ(XmlEscape("\"'"), "&quot;&apos;");
}

TEST(TiffG4, RejectsWhatIsNotASingleStripG4Tiff) {
  EXPECT_EQ(ExtractG4FromTiff("").status().code(), Code::kCorrupt);
  EXPECT_EQ(ExtractG4FromTiff("GIF89a..").status().code(), Code::kCorrupt);
  std::string tiff = WrapG4InTiff("abcd", 8, 2);
  EXPECT_TRUE(ExtractG4FromTiff(tiff).ok());
  EXPECT_EQ(ExtractG4FromTiff(tiff.substr(0, tiff.size() - 20)).status().code(), Code::kCorrupt);
  tiff[4] = '\x7f';  // directory offset out of range
  EXPECT_EQ(ExtractG4FromTiff(tiff).status().code(), Code::kCorrupt);
}

}  // namespace
}  // namespace scanstraat
