#include "pipeline/extract/page_words.h"

#include <algorithm>

namespace scanstraat {

bool IsBlankWord(const Word& word) { return word.text.find_first_not_of(" \t\r\n") == std::string::npos; }

PageText WithoutBlankWords(const PageText& page) {
  PageText out;
  out.page_no = page.page_no;
  out.width = page.width;
  out.height = page.height;
  out.dpi = page.dpi;
  out.source = page.source;
  out.text = page.text;
  const int n = static_cast<int>(page.words.size());
  if (page.lines.empty()) {  // words without lines: keep them as they are
    for (const Word& w : page.words)
      if (!IsBlankWord(w)) out.words.push_back(w);
    return out;
  }
  for (const Line& line : page.lines) {
    Line kept = line;
    kept.first_word = static_cast<int>(out.words.size());
    kept.word_count = 0;
    for (int w = line.first_word; w < line.first_word + line.word_count && w < n; ++w) {
      if (w < 0 || IsBlankWord(page.words[w])) continue;
      Word word = page.words[w];
      word.line = static_cast<int>(out.lines.size());
      out.words.push_back(std::move(word));
      ++kept.word_count;
    }
    if (kept.word_count > 0) out.lines.push_back(kept);
  }
  return out;
}

std::vector<PageText> WithoutBlankWords(const std::vector<PageText>& pages) {
  std::vector<PageText> out;
  out.reserve(pages.size());
  for (const PageText& p : pages) out.push_back(WithoutBlankWords(p));
  return out;
}

size_t GluedLabelSplit(const std::string& t) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const size_t colon = t.find(':');
  if (colon != std::string::npos && colon + 1 < t.size()) {
    const auto letters = std::count_if(t.begin(), t.begin() + static_cast<long>(colon), letter);
    if (letters >= 2) return colon + 1;
  }
  size_t i = 0;
  while (i < t.size() && letter(t[i])) ++i;
  if (i < 2 || i == t.size()) return 0;
  const size_t split = i + (t[i] == '.' ? 1 : 0);
  int digits = 0;
  for (size_t k = split; k < t.size(); ++k) {
    if (digit(t[k])) {
      ++digits;
    } else if (t[k] != '.' && t[k] != '-' && t[k] != '/') {
      return 0;
    }
  }
  return split < t.size() && digit(t[split]) && digits >= 4 ? split : 0;
}

PageText SplitGluedLabels(const PageText& page) {
  PageText out = page;
  out.words.clear();
  for (size_t l = 0; l < out.lines.size(); ++l) {
    Line& line = out.lines[l];
    const int first = line.first_word, count = line.word_count;
    line.first_word = static_cast<int>(out.words.size());
    for (int w = first; w < first + count && w < static_cast<int>(page.words.size()); ++w) {
      const Word& word = page.words[w];
      const size_t at = GluedLabelSplit(word.text);
      if (at == 0) {
        out.words.push_back(word);
        continue;
      }
      Word label = word, value = word;
      label.text = word.text.substr(0, at);
      value.text = word.text.substr(at);
      const int cut = word.box.x0 + static_cast<int>(static_cast<long>(word.box.width()) * static_cast<long>(at) /
                                                     static_cast<long>(word.text.size()));
      label.box.x1 = cut;
      value.box.x0 = cut;
      out.words.push_back(std::move(label));
      out.words.push_back(std::move(value));
    }
    line.word_count = static_cast<int>(out.words.size()) - line.first_word;
  }
  if (page.lines.empty()) out.words = page.words;
  return out;
}

std::vector<PageText> SplitGluedLabels(const std::vector<PageText>& pages) {
  std::vector<PageText> out;
  out.reserve(pages.size());
  for (const PageText& p : pages) out.push_back(SplitGluedLabels(p));
  return out;
}

double SurelyReadShare(const std::vector<PageText>& pages, double min_confidence) {
  int total = 0, sure = 0;
  for (const PageText& p : pages) {
    for (const Word& w : p.words) {
      if (IsBlankWord(w)) continue;
      ++total;
      sure += w.confidence >= min_confidence ? 1 : 0;
    }
  }
  return total ? static_cast<double>(sure) / total : 1.0;
}

}  // namespace scanstraat
