#include "pipeline/extract/fuzzy_match.h"

#include <algorithm>

#include "pipeline/validate/text_util.h"

namespace scanstraat {

namespace {

// The widest gap between two words of one label, in word heights (a normal
// space is well under half a height).
constexpr double kMaxLabelGap = 1.5;

}  // namespace

std::string MatchKey(std::string_view text) {
  const std::string folded = FoldForMatch(text);
  return KeepIf(folded, [](char c) {
    return IsAsciiAlpha(c) || IsAsciiDigit(c) || static_cast<unsigned char>(c) >= 0x80;
  });
}

double KeySimilarity(std::string_view a, std::string_view b, double floor) {
  if (a.empty() || b.empty()) return 0.0;
  if (a.size() <= 4 || b.size() <= 4) return a == b ? 1.0 : 0.0;
  return SimilarityAtLeast(a, b, floor);
}

Box UnionBox(const Box& a, const Box& b) {
  if (a.width() <= 0 && a.height() <= 0) return b;
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

std::vector<std::string> WordKeys(const PageText& page) {
  std::vector<std::string> keys;
  keys.reserve(page.words.size());
  for (const Word& w : page.words) keys.push_back(MatchKey(w.text));
  return keys;
}

std::vector<WordSpan> FindKey(const PageText& page, int page_index, std::string_view key,
                              double min_similarity) {
  return FindKey(page, WordKeys(page), page_index, key, min_similarity);
}

std::vector<WordSpan> FindKey(const PageText& page, const std::vector<std::string>& keys, int page_index,
                              std::string_view key, double min_similarity) {
  std::vector<WordSpan> found;
  if (key.empty()) return found;
  const int n = static_cast<int>(std::min(page.words.size(), keys.size()));
  for (int start = 0; start < n; ++start) {
    if (keys[start].empty()) continue;
    std::string joined;
    WordSpan best;
    for (int k = start; k < n && k - start < 6; ++k) {
      if (page.words[k].line != page.words[start].line) break;
      // A label is one phrase: it does not jump a column gap to take the
      // first word of the value ("Plaats Haar" for "Plaatsnaam").
      if (k > start) {
        const Box& prev = page.words[k - 1].box;
        const Box& cur = page.words[k].box;
        if (cur.x0 - prev.x1 > kMaxLabelGap * std::max(prev.height(), cur.height())) break;
      }
      joined += keys[k];
      if (joined.size() > key.size() + 3) break;
      const double sim = KeySimilarity(joined, key, min_similarity);
      if (sim > best.similarity) {
        best = {page_index, start, k - start + 1, sim, {}};
      }
    }
    if (best.similarity >= min_similarity) {
      for (int k = best.first; k < best.first + best.count; ++k) best.box = UnionBox(best.box, page.words[k].box);
      // Keep the better of overlapping spans.
      if (!found.empty() && found.back().first + found.back().count > best.first) {
        if (best.similarity > found.back().similarity) found.back() = best;
      } else {
        found.push_back(best);
      }
    }
  }
  return found;
}

}  // namespace scanstraat
