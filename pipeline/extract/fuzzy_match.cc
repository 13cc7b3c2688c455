#include "pipeline/extract/fuzzy_match.h"

#include <algorithm>

#include "pipeline/validate/text_util.h"

namespace scanstraat {

namespace {

// The widest gap between two words of one label, in word heights (a normal
// space is well under half a height).
constexpr double kMaxLabelGap = 1.5;
// The most words a label may take.
constexpr int kMaxLabelWords = 6;

// Whether `bits` has more than `n` bits set; `n` is a few edits at most, so
// clearing the lowest set bit n times costs less than a population count
// without the CPU's instruction for it (not in the x86-64 baseline).
bool MoreBitsThan(uint64_t bits, int n) {
  for (int i = 0; i < n && bits != 0; ++i) bits &= bits - 1;
  return bits != 0;
}

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

uint64_t LetterSet(std::string_view key) {
  uint64_t set = 0;
  for (unsigned char c : key) {
    const unsigned bit = c >= 'a' && c <= 'z' ? c - 'a' : c >= '0' && c <= '9' ? 26 + (c - '0') : 36 + c % 28;
    set |= uint64_t{1} << bit;
  }
  return set;
}

WordKeySet WordKeys(const PageText& page) {
  WordKeySet words;
  const int n = static_cast<int>(page.words.size());
  words.keys.reserve(page.words.size());
  std::vector<uint64_t> letters;
  letters.reserve(page.words.size());
  for (const Word& w : page.words) {
    words.keys.push_back(MatchKey(w.text));
    letters.push_back(LetterSet(words.keys.back()));
  }
  words.run_from.reserve(page.words.size() + 1);
  for (int start = 0; start < n; ++start) {
    words.run_from.push_back(words.runs.size());
    if (words.keys[start].empty()) continue;
    WordKeySet::Run run;
    for (int k = start; k < n && k - start < kMaxLabelWords; ++k) {
      if (page.words[k].line != page.words[start].line) break;
      // A label is one phrase: it does not jump a column gap to take the
      // first word of the value ("Plaats Haar" for "Plaatsnaam").
      if (k > start) {
        const Box& prev = page.words[k - 1].box;
        const Box& cur = page.words[k].box;
        if (cur.x0 - prev.x1 > kMaxLabelGap * std::max(prev.height(), cur.height())) break;
      }
      run.letters |= letters[k];
      run.length += words.keys[k].size();
      run.count = k - start + 1;
      words.runs.push_back(run);
    }
  }
  words.run_from.push_back(words.runs.size());
  return words;
}

std::vector<WordSpan> FindKey(const PageText& page, int page_index, std::string_view key,
                              double min_similarity) {
  return FindKey(page, WordKeys(page), page_index, key, min_similarity);
}

std::vector<WordSpan> FindKey(const PageText& page, const WordKeySet& words, int page_index,
                              std::string_view key, double min_similarity) {
  std::vector<WordSpan> found;
  if (key.empty()) return found;
  const std::vector<std::string>& keys = words.keys;
  const int n = static_cast<int>(std::min(page.words.size(), keys.size()));
  if (words.run_from.size() < static_cast<size_t>(n) + 1) return found;
  const size_t key_length = key.size();
  // Edits allowed (KeySimilarity's floor) for a run of key_length + 0..3
  // characters, the only lengths longer than the key that are tried.
  int limit[4];
  for (int i = 0; i < 4; ++i)
    limit[i] = static_cast<int>((1.0 - min_similarity) * static_cast<double>(key_length + i) + 1e-9);
  const uint64_t key_letters = LetterSet(key);
  std::string joined;
  for (int start = 0; start < n; ++start) {
    WordSpan best;
    for (size_t r = words.run_from[start]; r < words.run_from[start + 1]; ++r) {
      const WordKeySet::Run& run = words.runs[r];
      if (run.length > key_length + 3) break;
      // Rule the run out without the string: an edit adds at most one
      // character and takes away at most one, so each character of one
      // missing from the other costs an edit; keys of 4 or fewer
      // characters must be equal (KeySimilarity).
      const uint64_t lacking = key_letters & ~run.letters, extra = run.letters & ~key_letters;
      if (min_similarity > 0 && (lacking | extra) != 0) {
        if (key_length <= 4 || run.length <= 4) continue;
        const int allowed = limit[run.length > key_length ? run.length - key_length : 0];
        if (MoreBitsThan(lacking, allowed) || MoreBitsThan(extra, allowed)) continue;
      }
      joined.clear();
      for (int j = start; j < start + run.count; ++j) joined += keys[j];
      const double sim = KeySimilarity(joined, key, min_similarity);
      if (sim > best.similarity) {
        best = {page_index, start, run.count, sim, {}};
      }
    }
    if (words.run_from[start] == words.run_from[start + 1]) continue;  // an empty key starts nothing
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
