// FindKey rules out word runs by their sets of characters before computing
// an edit distance. That must never lose a match: on random pages of words
// made from a few letters (so that near misses are common), every span it
// returns is the one a plain scan of every run, scored by KeySimilarity,
// finds.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "pipeline/extract/fuzzy_match.h"
#include "tests/extract/page_fixture.h"

namespace scanstraat {
namespace {

// FindKey without the character-set shortcut: every run of up to 6 words on
// one line, without a column gap, of at most the key's length + 3.
std::vector<WordSpan> PlainFindKey(const PageText& page, const std::string& key, double min_similarity) {
  std::vector<WordSpan> found;
  const std::vector<std::string> keys = WordKeys(page).keys;
  const int n = static_cast<int>(keys.size());
  for (int start = 0; start < n; ++start) {
    if (keys[start].empty()) continue;
    WordSpan best;
    std::string joined;
    for (int k = start; k < n && k - start < 6; ++k) {
      if (page.words[k].line != page.words[start].line) break;
      if (k > start) {
        const Box& prev = page.words[k - 1].box;
        const Box& cur = page.words[k].box;
        if (cur.x0 - prev.x1 > 1.5 * std::max(prev.height(), cur.height())) break;
      }
      joined += keys[k];
      if (joined.size() > key.size() + 3) break;
      const double sim = KeySimilarity(joined, key, min_similarity);
      if (sim > best.similarity) best = {0, start, k - start + 1, sim, {}};
    }
    if (best.similarity >= min_similarity) {
      if (!found.empty() && found.back().first + found.back().count > best.first) {
        if (best.similarity > found.back().similarity) found.back() = best;
      } else {
        found.push_back(best);
      }
    }
  }
  return found;
}

std::string RandomWord(std::mt19937& rng, int min_len, int max_len) {
  static const std::string kLetters = "aeinrstdl0é";  // é: two UTF-8 bytes
  std::uniform_int_distribution<int> len(min_len, max_len), pick(0, static_cast<int>(kLetters.size()) - 2);
  std::string w;
  for (int n = len(rng); static_cast<int>(w.size()) < n;) {
    const int i = pick(rng);
    w += (kLetters[i] == '\xc3') ? std::string("é") : std::string(1, kLetters[i]);
  }
  return w;
}

TEST(FindKey, SameSpansAsScoringEveryRun) {
  std::mt19937 rng(20261124);
  int matches = 0;
  for (int round = 0; round < 200; ++round) {
    PageText page;
    for (int row = 0; row < 8; ++row) {
      std::vector<std::string> words;
      for (int i = 0; i < 6; ++i) words.push_back(RandomWord(rng, 1, 7));
      testing::AddRow(page, 100 + row * 60, 50, 0, words);
    }
    for (int k = 0; k < 10; ++k) {
      const std::string key = MatchKey(RandomWord(rng, 3, 14));
      for (double min_similarity : {0.0, 0.5, 0.75, 0.8, 0.9}) {
        const std::vector<WordSpan> want = PlainFindKey(page, key, min_similarity);
        const std::vector<WordSpan> got = FindKey(page, 0, key, min_similarity);
        ASSERT_EQ(got.size(), want.size()) << key << " at " << min_similarity;
        for (size_t i = 0; i < got.size(); ++i) {
          EXPECT_EQ(got[i].first, want[i].first) << key;
          EXPECT_EQ(got[i].count, want[i].count) << key;
          EXPECT_DOUBLE_EQ(got[i].similarity, want[i].similarity) << key;
        }
        if (min_similarity > 0) matches += static_cast<int>(got.size());
      }
    }
  }
  EXPECT_GT(matches, 100);  // the pages do hold matches to compare
}

}  // namespace
}  // namespace scanstraat
