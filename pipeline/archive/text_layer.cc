#include "pipeline/archive/text_layer.h"

#include <algorithm>
#include <charconv>

#include "pipeline/archive/utf8.h"

namespace scanstraat {
namespace {

// Locale-independent number with at most three decimals.
std::string Num(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3);
  std::string s(buf, ec == std::errc() ? end : buf);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" || s.empty() ? "0" : s;
}

// The box that sets a word's font size and baseline: its line's box when the
// line is known and sane, else the word's own box.
Box SizingBox(const PageText& text, const Word& w) {
  if (w.line >= 0 && w.line < int(text.lines.size())) {
    const Box& lb = text.lines[w.line].box;
    if (lb.height() > 0 && lb.y0 <= w.box.y1 && lb.y1 >= w.box.y0) return lb;
  }
  return w.box;
}

}  // namespace

std::string Utf16BeHex(std::string_view utf8) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    char32_t cp = NextCodePoint(utf8, i);
    if (cp < 0x20 || cp > 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    for (int shift = 12; shift >= 0; shift -= 4) out.push_back(kHex[(cp >> shift) & 0xF]);
  }
  return out;
}

std::string TextLayerOperators(const PageText& text, int page_height_px) {
  if (text.words.empty()) return {};
  const double k = 72.0 / (text.dpi > 0 ? text.dpi : 300);  // points per pixel
  std::string ops = "BT\n3 Tr\n";
  for (size_t i = 0; i < text.words.size(); ++i) {
    const Word& w = text.words[i];
    std::string hex = Utf16BeHex(w.text);
    if (hex.empty() || w.box.width() <= 0 || w.box.height() <= 0) continue;
    const Box sizing = SizingBox(text, w);

    const double size = sizing.height() * k;
    const double glyph_width = 0.5 * size;  // each glyph is half an em wide
    const int glyphs = int(hex.size() / 4);
    const double scale = std::clamp(100.0 * w.box.width() * k / (glyphs * glyph_width), 1.0, 1e4);
    const double x = w.box.x0 * k;
    const double y = (page_height_px - sizing.y1) * k;

    ops += kTextLayerFontName;
    ops += " " + Num(size) + " Tf\n" + Num(scale) + " Tz\n";
    ops += "1 0 0 1 " + Num(x) + " " + Num(y) + " Tm\n";
    ops += "<" + hex + "> Tj\n";
    // A space that fills the gap to the next word on the same line, so that
    // extraction sees a real space and selection has no holes.
    if (i + 1 < text.words.size()) {
      const Word& next = text.words[i + 1];
      const int gap = next.box.x0 - w.box.x1;
      if (next.line == w.line && gap > 0 && !next.text.empty()) {
        ops += Num(std::min(100.0 * gap * k / glyph_width, 1e4)) + " Tz\n<0020> Tj\n";
      }
    }
  }
  ops += "ET\n";
  return ops;
}

}  // namespace scanstraat
