#include "pipeline/archive/glyphless_font.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "pipeline/archive/embedded_resources.h"

namespace scanstraat {
namespace {

// The glyph's advance in PDF glyph space (1000 per em): 1024 of 2048 units.
constexpr int kGlyphWidth = 500;

QPDFObjectHandle Stream(QPDF& pdf, std::string data) {
  return QPDFObjectHandle::newStream(&pdf, std::move(data));
}

}  // namespace

std::string GlyphlessToUnicodeCMap() {
  std::string c =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  // One range per high byte (a bfrange may not carry into the high byte),
  // leaving out the surrogates, at most 100 ranges per block.
  std::vector<int> highs;
  for (int h = 0; h < 256; ++h)
    if (h < 0xD8 || h > 0xDF) highs.push_back(h);
  for (size_t i = 0; i < highs.size(); i += 100) {
    const size_t n = std::min<size_t>(100, highs.size() - i);
    c += std::to_string(n) + " beginbfrange\n";
    for (size_t j = i; j < i + n; ++j) {
      char buf[40];
      std::snprintf(buf, sizeof buf, "<%02X00> <%02XFF> <%02X00>\n", highs[j], highs[j], highs[j]);
      c += buf;
    }
    c += "endbfrange\n";
  }
  c += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return c;
}

QPDFObjectHandle AddGlyphlessFont(QPDF& pdf) {
  const std::string_view ttf = GlyphlessFontData();
  QPDFObjectHandle font_file = Stream(pdf, std::string(ttf));
  font_file.getDict().replaceKey("/Length1", QPDFObjectHandle::newInteger(int(ttf.size())));

  QPDFObjectHandle descriptor = pdf.makeIndirectObject(QPDFObjectHandle::parse(
      "<< /Type /FontDescriptor /FontName /GlyphLessFont /Flags 5"
      " /FontBBox [0 0 " + std::to_string(kGlyphWidth) + " 1000] /ItalicAngle 0"
      " /Ascent 1000 /Descent -1 /CapHeight 1000 /StemV 80 >>"));
  descriptor.replaceKey("/FontFile2", font_file);

  // Every CID (2 bytes) maps to glyph 1, never to .notdef (PDF/A-2 6.2.11.8).
  std::string cid_to_gid(65536 * 2, '\0');
  for (size_t i = 1; i < cid_to_gid.size(); i += 2) cid_to_gid[i] = 1;
  QPDFObjectHandle cid_font = pdf.makeIndirectObject(QPDFObjectHandle::parse(
      "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GlyphLessFont"
      " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
      " /DW " + std::to_string(kGlyphWidth) + " >>"));
  cid_font.replaceKey("/FontDescriptor", descriptor);
  cid_font.replaceKey("/CIDToGIDMap", Stream(pdf, std::move(cid_to_gid)));

  QPDFObjectHandle type0 = pdf.makeIndirectObject(QPDFObjectHandle::parse(
      "<< /Type /Font /Subtype /Type0 /BaseFont /GlyphLessFont /Encoding /Identity-H >>"));
  type0.replaceKey("/DescendantFonts", QPDFObjectHandle::newArray({cid_font}));
  type0.replaceKey("/ToUnicode", Stream(pdf, GlyphlessToUnicodeCMap()));
  return type0;
}

}  // namespace scanstraat
