#include "pipeline/extract/checkbox.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "pipeline/extract/locate.h"

namespace scanstraat {
namespace {

constexpr std::array<std::string_view, 16> kTicked = {
    "x", "X", "\xE2\x98\x92" /*☒*/, "\xE2\x98\x91" /*☑*/, "\xE2\x9C\x93" /*✓*/, "\xE2\x9C\x94" /*✔*/,
    "\xE2\x9C\x97" /*✗*/, "\xE2\x9C\x98" /*✘*/, "[x]", "[X]", "(x)", "(X)", "\xE2\x96\xA0" /*■*/,
    "[v]", "[V]", "\xE2\x8A\xA0" /*⊠*/};
constexpr std::array<std::string_view, 15> kEmpty = {
    "\xE2\x98\x90" /*☐*/, "\xE2\x96\xA1" /*□*/, "[]", "[ ]", "()", "( )", "O", "o", "0", "|_|", "LJ", "[_]",
    "[|", "|]", "[1"};

}  // namespace

TickGlyph ClassifyGlyph(std::string_view w) {
  for (auto t : kTicked) {
    if (w == t) return TickGlyph::kTicked;
  }
  for (auto e : kEmpty) {
    if (w == e) return TickGlyph::kEmpty;
  }
  return TickGlyph::kNone;
}

Box InnerBox(const Box& box) {
  const int dx = box.width() / 5, dy = box.height() / 5;
  return {box.x0 + dx, box.y0 + dy, box.x1 - dx, box.y1 - dy};
}

Box CheckboxBox(const Box& label, const InkRule& ink) {
  const double h = std::max(1, label.height());
  const int size = static_cast<int>(std::lround(ink.size * h));
  const int gap = static_cast<int>(std::lround(ink.gap * h));
  const int yc = (label.y0 + label.y1) / 2;
  Box b;
  b.y0 = yc - size / 2;
  b.y1 = b.y0 + size;
  if (ink.left) {
    b.x1 = label.x0 - gap;
    b.x0 = b.x1 - size;
  } else {
    b.x0 = label.x1 + gap;
    b.x1 = b.x0 + size;
  }
  return b;
}

TickObservation ObserveTick(const PageText& page, const WordSpan& label, const InkRule& ink,
                            const InkRatioFn& ink_ratio) {
  TickObservation obs;
  obs.box = CheckboxBox(label.box, ink);
  if (ink_ratio) obs.ink = ink_ratio(page.page_no, InnerBox(obs.box));
  // A glyph on the same row, between the expected box and the label.
  const int h = std::max(1, label.box.height());
  const int reach = static_cast<int>((ink.gap + ink.size + 1.5) * h);
  int nearest = -1;
  int nearest_dist = 0;
  for (int w = 0; w < static_cast<int>(page.words.size()); ++w) {
    if (w >= label.first && w < label.first + label.count) continue;
    const Box& b = page.words[w].box;
    if (!SameRow(b, label.box)) continue;
    const int dist = ink.left ? label.box.x0 - b.x1 : b.x0 - label.box.x1;
    if (dist < -2 || dist > reach) continue;
    if (nearest < 0 || dist < nearest_dist) {
      nearest = w;
      nearest_dist = dist;
    }
  }
  if (nearest >= 0) {
    obs.glyph = ClassifyGlyph(page.words[nearest].text);
    obs.glyph_confidence = page.words[nearest].confidence;
    if (obs.glyph != TickGlyph::kNone && !obs.ink) obs.box = page.words[nearest].box;
  }
  // "[x]Huur" / "☒Huur": the mark glued to the label's first word.
  if (obs.glyph == TickGlyph::kNone) {
    const std::string& first = page.words[label.first].text;
    for (std::string_view prefix : {"[x]", "[X]", "\xE2\x98\x92", "\xE2\x98\x91", "(x)", "(X)"}) {
      if (first.starts_with(prefix) && first.size() > prefix.size()) {
        obs.glyph = TickGlyph::kTicked;
        obs.glyph_confidence = page.words[label.first].confidence;
      }
    }
  }
  return obs;
}

}  // namespace scanstraat
