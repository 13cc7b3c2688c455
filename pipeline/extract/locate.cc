#include "pipeline/extract/locate.h"

#include <algorithm>

#include "pipeline/validate/text_util.h"

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

// Within a row of words sorted by x, takes words from the start while the
// gaps stay small (a value is one phrase); the first gap may be wide (form
// columns). Specks before the first word are skipped. Stops at a word that
// starts another label or ends with ':'.
std::vector<int> TakePhrase(const PageText& page, const std::vector<int>& row, const LabelMask& stop,
                            int line_height, bool* cut_at_colon = nullptr) {
  std::vector<int> out;
  for (int w : row) {
    if (Stops(stop, w)) break;
    // A speck before the value ("'", "_") is no part of it and does not
    // set where the phrase starts (its gap to the value would end it).
    if (out.empty() && !HasLetterOrDigit(page.words[w].text)) continue;
    if (!out.empty()) {
      const Box& prev = page.words[out.back()].box;
      const Box& cur = page.words[w].box;
      if (cur.x0 - prev.x1 > 3 * line_height) break;
    }
    const std::string& t = page.words[w].text;
    if (!out.empty() && !t.empty() && t.back() == ':' && t.size() > 2) {
      // Another label, or a speck read as ':' in the middle of the value
      // ("Verbouwen van winkel: tot woning"): the value may go on.
      if (cut_at_colon != nullptr) *cut_at_colon = true;
      break;
    }
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

// Words right of the label on its row, by x.
std::vector<int> RowRightOf(const PageText& page, const WordSpan& label) {
  std::vector<int> row;
  for (int w = 0; w < static_cast<int>(page.words.size()); ++w) {
    if (w >= label.first && w < label.first + label.count) continue;
    const Box& b = page.words[w].box;
    if (b.x0 >= label.box.x1 - 2 && SameRow(b, label.box)) row.push_back(w);
  }
  SortByX(page, row);
  return row;
}

// A run of `words` that skips the label's tail when something follows it.
WordRun AfterTail(const PageText& page, const WordSpan& label, const std::vector<int>& tail,
                  std::vector<int> rest) {
  WordRun run{label.page_index, std::move(rest), false};
  if (!run.words.empty() || tail.empty() || IsHint(page, tail)) return run;
  run.words = tail;
  run.label_tail = true;
  return run;
}

WordRun Right(const PageText& page, const WordSpan& label, const LabelMask& stop) {
  std::vector<int> row = RowRightOf(page, label);
  const std::vector<int> tail = LabelTail(page, label, stop);
  row.erase(row.begin(), row.begin() + static_cast<long>(std::min(tail.size(), row.size())));
  bool cut = false;
  WordRun run = AfterTail(page, label, tail, TakePhrase(page, row, stop, std::max(1, label.box.height()), &cut));
  run.may_continue = cut && !run.label_tail;
  return run;
}

WordRun Below(const PageText& page, const WordSpan& label, const LabelMask& stop) {
  const int h = std::max(1, label.box.height());
  // The label's column starts where its phrase does: "Inschrijving KvK"
  // over the value, with "KvK" the label matched.
  Box column = label.box;
  for (int w : LabelHead(page, label)) column.x0 = std::min(column.x0, page.words[w].box.x0);
  // The first row under the label that starts within the label's column.
  int best = -1;
  for (int w = 0; w < static_cast<int>(page.words.size()); ++w) {
    const Box& b = page.words[w].box;
    // A speck or a box edge ("_", "|") under the label is no row of text.
    if (!HasLetterOrDigit(page.words[w].text)) continue;
    // Directly under the label: further down is the next row of the form
    // (an empty box must not lend its neighbour's value).
    if (b.y0 < label.box.y1 - h / 4 || b.y0 > label.box.y1 + (11 * h) / 5) continue;
    if (b.x1 < column.x0 - h || b.x0 > column.x1 + h) continue;
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
    if (b.x1 < column.x0 - h || b.x0 > column.x1 + h || b.y0 < label.box.y1 - h / 4) continue;
    if (!HasLetterOrDigit(page.words[w].text)) continue;
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
  WordRun run{label.page_index, {}};
  run.words = TakePhrase(page, row, stop, h, &run.may_continue);
  return run;
}

WordRun SameCell(const PageText& page, const WordSpan& label, const LabelMask& stop) {
  std::vector<int> words;
  const int last = label.first + label.count - 1;
  const int block = page.lines.empty() ? 0 : page.lines[page.words[last].line].block;
  for (int w = last + 1; w < static_cast<int>(page.words.size()); ++w) {
    if (!page.lines.empty() && page.lines[page.words[w].line].block != block) break;
    if (Stops(stop, w)) break;
    words.push_back(w);
  }
  std::vector<int> tail = LabelTail(page, label, stop);
  size_t skip = 0;
  while (skip < tail.size() && skip < words.size() && words[skip] == tail[skip]) ++skip;
  tail.resize(skip);
  words.erase(words.begin(), words.begin() + static_cast<long>(skip));
  return AfterTail(page, label, tail, std::move(words));
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

bool IsHeadingNumber(const std::string& t) {
  if (t.empty() || t.size() > 3) return false;
  const std::string core = (t.back() == '.' || t.back() == ')' || t.back() == ':') ? t.substr(0, t.size() - 1) : t;
  if (core.empty()) return false;
  return std::all_of(core.begin(), core.end(), IsAsciiDigit) || (core.size() == 1 && IsAsciiAlpha(core[0]));
}

bool IsHint(const PageText& page, const std::vector<int>& words) {
  // Specks around the hint ("(1234 AB) _") do not count.
  size_t a = 0, b = words.size();
  while (a < b && !HasLetterOrDigit(page.words[words[a]].text) && page.words[words[a]].text != "(") ++a;
  while (b > a && !HasLetterOrDigit(page.words[words[b - 1]].text) && page.words[words[b - 1]].text != ")") --b;
  if (a == b) return false;
  const std::string& first = page.words[words[a]].text;
  const std::string& last = page.words[words[b - 1]].text;
  return !first.empty() && first.front() == '(' && !last.empty() && last.back() == ')';
}

std::vector<int> LabelHead(const PageText& page, const WordSpan& label) {
  std::vector<int> row;
  for (int w = 0; w < static_cast<int>(page.words.size()); ++w) {
    if (w >= label.first && w < label.first + label.count) continue;
    const Box& b = page.words[w].box;
    if (b.x1 <= label.box.x0 + 2 && SameRow(b, label.box)) row.push_back(w);
  }
  SortByX(page, row);
  std::vector<int> head;
  const int h = std::max(1, label.box.height());
  int next_x0 = label.box.x0;
  for (auto it = row.rbegin(); it != row.rend(); ++it) {
    const Word& w = page.words[*it];
    if (next_x0 - w.box.x1 > kWideGap * h || !HasLetterOrDigit(w.text) || IsSectionNumber(w.text) ||
        (!w.text.empty() && w.text.back() == ':')) {
      break;
    }
    head.insert(head.begin(), *it);
    next_x0 = w.box.x0;
  }
  return head;
}

std::vector<int> LabelTail(const PageText& page, const WordSpan& label, const LabelMask& stop,
                           bool* runs_into_label) {
  constexpr size_t kMaxTailWords = 6;
  std::vector<int> tail;
  if (runs_into_label != nullptr) *runs_into_label = false;
  const std::string& label_end = page.words[label.first + label.count - 1].text;
  // "Naam:", "Hoeveel personen verhuizen?" end their label.
  if (EndsPhrase(label_end)) return tail;
  const int h = std::max(1, label.box.height());
  int prev_x1 = label.box.x1;
  bool in_parentheses = false;  // "(eigen naam)": a label word inside a hint is part of the hint
  for (int w : RowRightOf(page, label)) {
    const Box& b = page.words[w].box;
    const std::string& t = page.words[w].text;
    if (t.find('(') != std::string::npos) in_parentheses = true;
    const bool at_label = Stops(stop, w) && !in_parentheses;
    const bool wide_gap = b.x0 - prev_x1 > kWideGap * h;
    if (at_label || wide_gap || tail.size() >= kMaxTailWords || StartsBox(t)) {
      if (runs_into_label != nullptr) *runs_into_label = at_label && !wide_gap;
      break;
    }
    tail.push_back(w);
    prev_x1 = b.x1;
    if (t.find(')') != std::string::npos) in_parentheses = false;
    if (EndsPhrase(t)) break;
  }
  return tail;
}

bool QualifiesLabel(const PageText& page, const std::vector<int>& head) {
  return std::any_of(head.begin(), head.end(), [&](int w) {
    const std::string word = AsciiLower(page.words[w].text);
    return word != "uw" && word != "je" && word != "jouw";
  });
}

bool ClosesQuestion(const PageText& page, const WordSpan& label, const std::vector<int>& tail) {
  if (label.count < 2 || tail.empty() || tail.size() > 2) return false;
  const std::string& last = page.words[tail.back()].text;
  return !last.empty() && last.back() == '?';
}

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
