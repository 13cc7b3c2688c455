#include "pipeline/ingest/text_layer.h"

#include <algorithm>

namespace scanstraat {
namespace {

bool SameLine(const Box& line, const Box& word) {
  int top = std::max(line.y0, word.y0);
  int bottom = std::min(line.y1, word.y1);
  int overlap = bottom - top;
  int h = std::min(line.height(), word.height());
  return h > 0 && overlap * 2 >= h && word.x0 + h >= line.x0;
}

void Extend(Box& a, const Box& b) {
  a.x0 = std::min(a.x0, b.x0);
  a.y0 = std::min(a.y0, b.y0);
  a.x1 = std::max(a.x1, b.x1);
  a.y1 = std::max(a.y1, b.y1);
}

}  // namespace

void BuildLinesAndText(PageText& page) {
  page.lines.clear();
  page.text.clear();
  for (int i = 0; i < static_cast<int>(page.words.size()); ++i) {
    Word& w = page.words[i];
    if (page.lines.empty() || !SameLine(page.lines.back().box, w.box) ||
        w.box.x0 < page.words[i - 1].box.x0) {
      Line line;
      line.box = w.box;
      line.first_word = i;
      if (!page.lines.empty()) {
        const Line& prev = page.lines.back();
        int gap = w.box.y0 - prev.box.y1;
        line.block = prev.block + ((gap > prev.box.height() * 3 / 2 || gap < -prev.box.height() * 4) ? 1 : 0);
      }
      page.lines.push_back(line);
    }
    Line& line = page.lines.back();
    Extend(line.box, w.box);
    ++line.word_count;
    w.line = static_cast<int>(page.lines.size()) - 1;
  }
  for (size_t l = 0; l < page.lines.size(); ++l) {
    const Line& line = page.lines[l];
    if (l > 0) page.text += (line.block != page.lines[l - 1].block) ? "\n\n" : "\n";
    for (int i = 0; i < line.word_count; ++i) {
      if (i > 0) page.text += ' ';
      page.text += page.words[line.first_word + i].text;
    }
  }
  if (!page.text.empty()) page.text += '\n';
}

bool IsUsableTextLayer(const std::vector<Word>& words, int min_chars) {
  int good = 0, bad = 0;
  for (const Word& w : words) {
    const std::string& t = w.text;
    for (size_t i = 0; i < t.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(t[i]);
      if (c < 0x20) {
        ++bad;
      } else if (c < 0x80) {
        if (std::isalnum(c)) ++good;
      } else if (c == 0xEF && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xBF &&
                 static_cast<unsigned char>(t[i + 2]) == 0xBD) {
        ++bad;  // U+FFFD replacement character: glyphs without a Unicode mapping
        i += 2;
      } else if ((c & 0xC0) == 0xC0) {
        ++good;  // a non-ASCII letter (é, ë, ...)
      }
    }
  }
  return good >= min_chars && bad * 10 <= good;
}

}  // namespace scanstraat
