#include "pipeline/extract/locate.h"

#include <algorithm>

namespace scanstraat {
namespace {

// "4." or "12)": the number of a form section heading, not a value.
bool IsSectionNumber(const std::string& t) {
  if (t.size() < 2 || t.size() > 3 || (t.back() != '.' && t.back() != ')')) return false;
  return std::all_of(t.begin(), t.end() - 1, [](char c) { return c >= '0' && c <= '9'; });
}

bool HasLetterOrDigit(std::string t) {
  for (const char* dash : {"\u2014", "\u2013"}) {
    for (size_t at; (at = t.find(dash)) != std::string::npos;) t.erase(at, 3);
  }
  // Bytes >= 0x80 belong to non-ASCII letters (é, ë) and signs (€); count
  // them, so only plain ASCII punctuation is taken for a separator.
  return std::any_of(t.begin(), t.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z');
  });
}

bool Stops(const LabelMask& stop, int w) { return w >= 0 && w < static_cast<int>(stop.size()) && stop[w]; }

// Within a row of words sorted by x, takes words from the start while the
// gaps stay small (a value is one phrase); the first gap may be wide (form
// columns). Stops at a word that starts another label or ends with ':'.
std::vector<int> TakePhrase(const PageText& page, const std::vector<int>& row, const LabelMask& stop,
                            int line_height) {
  std::vector<int> out;
  for (int w : row) {
    if (Stops(stop, w)) break;
    if (!out.empty()) {
      const Box& prev = page.words[out.back()].box;
      const Box& cur = page.words[w].box;
      if (cur.x0 - prev.x1 > 3 * line_height) break;
    }
    const std::string& t = page.words[w].text;
    if (!out.empty() && !t.empty() && t.back() == ':' && t.size() > 2) break;
    out.push_back(w);
  }
  // A lone dash, bar or dot after the value is a separator or a box edge.
  while (!out.empty() && !HasLetterOrDigit(page.words[out.back()].text)) out.pop_back();
  return out;
}

void SortByX(const PageText& page, std::vector<int>& words) {
  std::sort(words.begin(), words.end(),
            [&](int a, int b) { return page.words[a].box.x0 < page.words[b].box.x0; });
}

WordRun Right(const PageText& page, const WordSpan& label, const LabelMask& stop) {
  std::vector<int> row;
  for (int w = 0; w < static_cast<int>(page.words.size()); ++w) {
    if (w >= label.first && w < label.first + label.count) continue;
    const Box& b = page.words[w].box;
    if (b.x0 >= label.box.x1 - 2 && SameRow(b, label.box)) row.push_back(w);
  }
  SortByX(page, row);
  return {label.page_index, TakePhrase(page, row, stop, std::max(1, label.box.height()))};
}

WordRun Below(const PageText& page, const WordSpan& label, const LabelMask& stop) {
  const int h = std::max(1, label.box.height());
  // The first row under the label that starts within the label's column.
  int best = -1;
  for (int w = 0; w < static_cast<int>(page.words.size()); ++w) {
    const Box& b = page.words[w].box;
    // Directly under the label: further down is the next row of the form
    // (an empty box must not lend its neighbour's value).
    if (b.y0 < label.box.y1 - h / 4 || b.y0 > label.box.y1 + (11 * h) / 5) continue;
    if (b.x1 < label.box.x0 - h || b.x0 > label.box.x1 + h) continue;
    if (best < 0 || b.y0 < page.words[best].box.y0 - h / 2 ||
        (std::abs(b.y0 - page.words[best].box.y0) <= h / 2 && b.x0 < page.words[best].box.x0)) {
      best = w;
    }
  }
  if (best < 0) return {label.page_index, {}};
  // The row starts at its leftmost word in the label's column: a word that
  // OCR boxed a little higher ("00" of "203.844, 00") must not cut the row.
  for (int w = 0; w < static_cast<int>(page.words.size()); ++w) {
    const Box& b = page.words[w].box;
    if (b.x1 < label.box.x0 - h || b.x0 > label.box.x1 + h || b.y0 < label.box.y1 - h / 4) continue;
    if (b.x0 < page.words[best].box.x0 && SameRow(b, page.words[best].box)) best = w;
  }
  if (Stops(stop, best) || IsSectionNumber(page.words[best].text)) return {label.page_index, {}};
  const Box anchor = page.words[best].box;
  std::vector<int> row;
  for (int w = 0; w < static_cast<int>(page.words.size()); ++w) {
    const Box& b = page.words[w].box;
    if (b.x0 >= anchor.x0 && SameRow(b, anchor)) row.push_back(w);
  }
  SortByX(page, row);
  return {label.page_index, TakePhrase(page, row, stop, h)};
}

WordRun SameCell(const PageText& page, const WordSpan& label, const LabelMask& stop) {
  WordRun run{label.page_index, {}};
  const int last = label.first + label.count - 1;
  const int block = page.lines.empty() ? 0 : page.lines[page.words[last].line].block;
  for (int w = last + 1; w < static_cast<int>(page.words.size()); ++w) {
    if (!page.lines.empty() && page.lines[page.words[w].line].block != block) break;
    if (Stops(stop, w)) break;
    run.words.push_back(w);
  }
  return run;
}

WordRun NextLine(const PageText& page, const WordSpan& label, const LabelMask& stop) {
  WordRun run{label.page_index, {}};
  const int line = page.words[label.first + label.count - 1].line;
  if (line + 1 >= static_cast<int>(page.lines.size())) return run;
  const Line& next = page.lines[line + 1];
  for (int w = next.first_word; w < next.first_word + next.word_count; ++w) {
    if (Stops(stop, w)) break;
    run.words.push_back(w);
  }
  return run;
}

WordRun After(const PageText& page, const WordSpan& label, const LabelMask& stop, int max_words) {
  WordRun run{label.page_index, {}};
  for (int w = label.first + label.count; w < static_cast<int>(page.words.size()); ++w) {
    if (static_cast<int>(run.words.size()) >= max_words || Stops(stop, w)) break;
    run.words.push_back(w);
  }
  return run;
}

}  // namespace

bool SameRow(const Box& a, const Box& b) {
  // A third of the smaller height: a skewed scan shifts a value in a far
  // column by half a line or so.
  const int overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
  const int smaller = std::max(1, std::min(a.height(), b.height()));
  return overlap * 3 >= smaller;
}

WordRun LocateValue(const PageText& page, const WordSpan& label, Position position, const LabelMask& stop,
                    int max_words) {
  switch (position) {
    case Position::kRight: return Right(page, label, stop);
    case Position::kBelow: return Below(page, label, stop);
    case Position::kSameCell: return SameCell(page, label, stop);
    case Position::kNextLine: return NextLine(page, label, stop);
    case Position::kAfter: return After(page, label, stop, max_words);
  }
  return {};
}

}  // namespace scanstraat
