#include "pipeline/extract/text_run.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "pipeline/extract/fuzzy_match.h"

namespace scanstraat {
namespace {


// Text of some words with the byte range each word occupies.
struct JoinedText {
  std::string text;
  std::vector<int> words;                 // word index per piece
  std::vector<std::pair<size_t, size_t>> ranges;
};

JoinedText Join(const PageText& page, const std::vector<int>& words) {
  JoinedText j;
  int prev_line = -1;
  for (int w : words) {
    if (!j.text.empty()) j.text += page.words[w].line != prev_line ? "\n" : " ";
    prev_line = page.words[w].line;
    const size_t begin = j.text.size();
    j.text += page.words[w].text;
    j.words.push_back(w);
    j.ranges.emplace_back(begin, j.text.size());
  }
  return j;
}

int ValueGroup(const re2::RE2& re) {
  const auto& named = re.NamedCapturingGroups();
  if (auto it = named.find("value"); it != named.end()) return it->second;
  return re.NumberOfCapturingGroups() >= 1 ? 1 : 0;
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Two neighbouring words of one line, letters on both sides, closer than a
// quarter of their height or than 0.4 of their mean letter width (a space is
// wider, also in a typewriter font): OCR may have split one word ("Kerkst
// raat", "Haar lem").
bool HasSplitWord(const PageText& page, const JoinedText& j, size_t begin, size_t end) {
  for (size_t k = 1; k < j.words.size(); ++k) {
    if (j.ranges[k - 1].first < begin || j.ranges[k].second > end) continue;
    const Word& a = page.words[j.words[k - 1]];
    const Word& b = page.words[j.words[k]];
    if (a.line != b.line || a.text.empty() || b.text.empty()) continue;
    if (!IsAsciiLetter(a.text.back()) || !IsAsciiLetter(b.text.front())) continue;
    const int gap = b.box.x0 - a.box.x1;
    const int h = std::max(a.box.height(), b.box.height());
    const double letter = static_cast<double>(a.box.width() + b.box.width()) /
                          static_cast<double>(std::max<size_t>(1, a.text.size() + b.text.size()));
    if (gap >= 0 && (gap * 4 < h || gap < 0.4 * letter)) return true;
  }
  return false;
}

bool IsAsciiDigitChar(char c) { return c >= '0' && c <= '9'; }
bool SameClass(char a, char b) {
  return (IsAsciiDigitChar(a) && IsAsciiDigitChar(b)) || (IsAsciiLetter(a) && IsAsciiLetter(b));
}

// The value may go on beyond the match: the match stops inside a word
// ("Z/24/06579" of "Z/24/065791"), or a word glued to it without a space
// ("Z/24/06579" + "iy", a misread last digit).
bool MayContinue(const PageText& page, const JoinedText& j, size_t begin, size_t end) {
  if (begin > 0 && begin < j.text.size() && SameClass(j.text[begin - 1], j.text[begin])) return true;
  if (end > 0 && end < j.text.size() && SameClass(j.text[end - 1], j.text[end])) return true;
  // "2024- 67956": a joining sign after the match, then more of the same.
  if (end < j.text.size() && (j.text[end] == '-' || j.text[end] == '/')) {
    size_t k = end + 1;
    while (k < j.text.size() && j.text[k] == ' ') ++k;
    if (k < j.text.size() && std::isalnum(static_cast<unsigned char>(j.text[k]))) return true;
  }
  // "327. 476,00" taken as "327": a number's separator after the match, then
  // more digits: right after it, or after one space a group of three (not
  // "22, 3811 AB": a house number before a postcode).
  if (end > 0 && end + 1 < j.text.size() && IsAsciiDigitChar(j.text[end - 1]) &&
      (j.text[end] == '.' || j.text[end] == ',')) {
    if (IsAsciiDigitChar(j.text[end + 1])) return true;
    size_t k = end + 2, digits = 0;
    while (j.text[end + 1] == ' ' && k < j.text.size() && IsAsciiDigitChar(j.text[k])) ++k, ++digits;
    if (digits == 3) return true;
  }
  for (size_t k = 0; k < j.words.size(); ++k) {
    const bool last = j.ranges[k].first < end && j.ranges[k].second >= end;
    const bool first = j.ranges[k].first <= begin && j.ranges[k].second > begin;
    const Word& w = page.words[j.words[k]];
    auto glued = [&](const Word& a, const Word& b) {
      if (a.line != b.line || a.text.empty() || b.text.empty()) return false;
      const unsigned char ca = a.text.back(), cb = b.text.front();
      if (!(std::isalnum(ca) && std::isalnum(cb))) return false;
      const int gap = b.box.x0 - a.box.x1;
      const double letter = static_cast<double>(a.box.width() + b.box.width()) /
                            static_cast<double>(std::max<size_t>(1, a.text.size() + b.text.size()));
      return gap >= 0 && gap < 0.4 * letter;
    };
    if (last && end == j.ranges[k].second && k + 1 < j.words.size() && glued(w, page.words[j.words[k + 1]])) {
      return true;
    }
    if (first && begin == j.ranges[k].first && k > 0 && glued(page.words[j.words[k - 1]], w)) return true;
  }
  return false;
}

// Text left over beside the value lowers the pattern quality a little; a
// value that is a small part of a long text (a number inside a sentence) is
// likely not the value at all. Of a combined value the other parts are no
// left-over: the whole match is judged.
void JudgeLeftOver(const std::string& text, size_t judged_begin, size_t judged_size, bool combined,
                   MatchedText& m) {
  size_t rest = 0;
  for (char c : text.substr(0, judged_begin) + text.substr(judged_begin + judged_size)) {
    rest += (c != ' ' && c != '\n' && c != ':' && c != '.' && (c != ',' || !combined)) ? 1 : 0;
  }
  const double share = static_cast<double>(judged_size) / static_cast<double>(judged_size + rest);
  m.small_part = rest > 3 && share < 0.3;
  m.pattern_quality = rest == 0 ? 1.0 : rest <= 3 ? 0.97 : m.small_part ? 0.7 : 0.93;
}

MatchedText Cover(const PageText& page, int page_index, const JoinedText& j, size_t begin, size_t end) {
  MatchedText m;
  m.page_index = page_index;
  m.text = j.text.substr(begin, end - begin);
  for (char& c : m.text) {
    if (c == '\n') c = ' ';
  }
  double sum = 0, low = 1;
  int n = 0, line = -1;
  for (size_t k = 0; k < j.words.size(); ++k) {
    if (j.ranges[k].second <= begin || j.ranges[k].first >= end) continue;
    const Word& w = page.words[j.words[k]];
    m.bbox = UnionBox(m.bbox, w.box);
    if (m.span.lines.empty() || w.line != line) m.span.lines.push_back(w.box);
    else m.span.lines.back() = UnionBox(m.span.lines.back(), w.box);
    line = w.line;
    if (j.ranges[k].first < begin) m.span.outside_front = begin - j.ranges[k].first;
    if (j.ranges[k].second > end) m.span.outside_back = j.ranges[k].second - end;
    // A currency sign is no part of the normalised value: how sure OCR was
    // of "€" says nothing about the digits.
    if (w.text == "\u20ac" || w.text == "EUR") continue;
    sum += w.confidence;
    low = std::min(low, static_cast<double>(w.confidence));
    ++n;
  }
  m.ocr_confidence = n ? 0.5 * (sum / n + low) : 0.0;
  m.split_word = HasSplitWord(page, j, begin, end) || MayContinue(page, j, begin, end);
  return m;
}

}  // namespace

std::optional<MatchedText> MatchInRun(const PageText& page, const WordRun& run, const re2::RE2* re,
                                      bool combined) {
  const JoinedText j = Join(page, run.words);
  if (j.text.empty()) return std::nullopt;
  if (re == nullptr) {
    MatchedText m = Cover(page, run.page_index, j, 0, j.text.size());
    // Free text: the longer the run, the likelier it caught a neighbour
    // (the run is one phrase already: a column gap ends it).
    m.pattern_quality = run.words.size() <= 6 ? 0.97 : run.words.size() <= 10 ? 0.93 : 0.85;
    if (m.split_word) m.pattern_quality *= kSplitWordFactor;
    return m;
  }
  const int group = ValueGroup(*re);
  std::vector<re2::StringPiece> groups(group + 1);
  if (!re->Match(j.text, 0, j.text.size(), re2::RE2::UNANCHORED, groups.data(), group + 1)) return std::nullopt;
  const re2::StringPiece& g = groups[group];
  if (g.data() == nullptr || g.empty()) return std::nullopt;
  const size_t begin = g.data() - j.text.data();
  MatchedText m = Cover(page, run.page_index, j, begin, begin + g.size());
  const re2::StringPiece& judged = combined ? groups[0] : g;
  JudgeLeftOver(j.text, static_cast<size_t>(judged.data() - j.text.data()), judged.size(), combined, m);
  if (m.split_word) m.pattern_quality *= kSplitWordFactor;
  return m;
}

std::optional<MatchedText> MatchInText(const std::string& text, const re2::RE2* re) {
  if (text.empty()) return std::nullopt;
  MatchedText m;
  if (re == nullptr) {
    m.text = text;
    m.pattern_quality = 0.97;  // as free text of a short run (MatchInRun)
    return m;
  }
  const int group = ValueGroup(*re);
  std::vector<re2::StringPiece> groups(group + 1);
  if (!re->Match(text, 0, text.size(), re2::RE2::UNANCHORED, groups.data(), group + 1)) return std::nullopt;
  const re2::StringPiece& g = groups[group];
  if (g.data() == nullptr || g.empty()) return std::nullopt;
  m.text = std::string(g.data(), g.size());
  JudgeLeftOver(text, static_cast<size_t>(g.data() - text.data()), g.size(), false, m);
  return m;
}

std::vector<MatchedText> MatchContext(const std::vector<PageText>& pages, const re2::RE2& re) {
  std::vector<MatchedText> out;
  const int group = ValueGroup(re);
  for (size_t p = 0; p < pages.size(); ++p) {
    std::vector<int> all(pages[p].words.size());
    for (size_t w = 0; w < all.size(); ++w) all[w] = static_cast<int>(w);
    const JoinedText j = Join(pages[p], all);
    std::vector<re2::StringPiece> groups(group + 1);
    size_t pos = 0;
    while (pos < j.text.size() &&
           re.Match(j.text, pos, j.text.size(), re2::RE2::UNANCHORED, groups.data(), group + 1)) {
      const re2::StringPiece& whole = groups[0];
      const re2::StringPiece& g = groups[group];
      if (g.data() != nullptr && !g.empty()) {
        const size_t begin = g.data() - j.text.data();
        MatchedText m = Cover(pages[p], static_cast<int>(p), j, begin, begin + g.size());
        m.pattern_quality = m.split_word ? kSplitWordFactor : 1.0;
        out.push_back(std::move(m));
      }
      const size_t next = static_cast<size_t>(whole.data() - j.text.data()) + std::max<size_t>(whole.size(), 1);
      pos = next;
    }
  }
  return out;
}

}  // namespace scanstraat
