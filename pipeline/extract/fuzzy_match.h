// Fuzzy matching of labels and phrases against OCR words. OCR misreads
// letters (rn/m, l/1, é/e), splits or joins words and adds stray
// punctuation, so matching works on "keys": folded (case, diacritics) with
// only letters and digits kept, and compares keys by normalised edit
// similarity. A label may span several OCR words ("Burger service nummer").
//
// Thread-safety: pure functions over const data.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/page_text.h"

namespace scanstraat {

// Folded, letters and digits only: "Sofinummer/BSN:" → "sofinummerbsn".
[[nodiscard]] std::string MatchKey(std::string_view text);

// Similarity of two keys in 0..1. Keys of 4 characters or fewer must be equal
// (a short label like "BSN" is too easy to hit by accident). With a `floor`,
// a similarity below it comes back as 0.0 (cheaper: SimilarityAtLeast).
[[nodiscard]] double KeySimilarity(std::string_view a, std::string_view b, double floor = 0.0);

// A run of consecutive words on one line that matches a key.
struct WordSpan {
  int page_index = 0;  // index into the pages vector
  int first = 0;       // first word index on that page
  int count = 0;
  double similarity = 0;
  Box box;             // union of the words' boxes
};

// The keys of a page's words, made once per page for matching many keys
// against it, and the word runs a label may be: from each word, 1 to 6
// words on its line without a column gap, each with its characters as a set
// (a bit per letter or digit) that rules out most runs before an edit
// distance.
struct WordKeySet {
  struct Run {
    uint64_t letters = 0;  // LetterSet of the run's keys joined
    size_t length = 0;     // bytes of the run's keys joined
    int count = 0;         // words
  };
  std::vector<std::string> keys;
  std::vector<Run> runs;         // by first word, then by length
  std::vector<size_t> run_from;  // runs of word i: [run_from[i], run_from[i + 1])
};

[[nodiscard]] WordKeySet WordKeys(const PageText& page);

// The characters of `key` as a set: a bit for each letter and digit; other
// bytes share the remaining bits (so two may look alike, never unlike).
[[nodiscard]] uint64_t LetterSet(std::string_view key);

// Returns the spans of `page` whose words (1 to key-length-dependent many,
// consecutive on one line) match `key` with similarity >= `min_similarity`.
// Overlapping spans keep only the best; spans are in reading order.
[[nodiscard]] std::vector<WordSpan> FindKey(const PageText& page, int page_index, std::string_view key,
                                            double min_similarity);
// The same with the page's WordKeys computed once by the caller, for matching
// many keys against one page.
[[nodiscard]] std::vector<WordSpan> FindKey(const PageText& page, const WordKeySet& words, int page_index,
                                            std::string_view key, double min_similarity);

[[nodiscard]] Box UnionBox(const Box& a, const Box& b);

}  // namespace scanstraat
