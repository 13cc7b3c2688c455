#include "pipeline/extract/page_words.h"

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
