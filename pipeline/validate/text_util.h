// Small text helpers shared by the field types and the rule matcher:
// whitespace clean-up, ASCII case, folding of Dutch/Latin diacritics for
// fuzzy comparison, and edit distance.
//
// All functions work on UTF-8 and are pure. Thread-safety: thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace scanstraat {

// Returns `s` without leading/trailing whitespace, inner whitespace runs
// (including non-breaking spaces) replaced by one ASCII space.
[[nodiscard]] std::string CollapseSpaces(std::string_view s);

[[nodiscard]] std::string AsciiLower(std::string_view s);
[[nodiscard]] std::string AsciiUpper(std::string_view s);

// Returns `s` with only the characters for which `keep(c)` holds (bytewise).
template <typename Pred>
[[nodiscard]] std::string KeepIf(std::string_view s, Pred keep) {
  std::string out;
  for (char c : s) {
    if (keep(c)) out.push_back(c);
  }
  return out;
}

// Lower-cases and strips diacritics (é→e, ë→e, ĳ→ij, ß→ss, …), maps curly
// quotes to ASCII, and leaves other bytes as they are. "Geboortedätum" →
// "geboortedatum". Used for fuzzy label and phrase matching.
[[nodiscard]] std::string FoldForMatch(std::string_view s);

// Levenshtein distance over bytes (callers fold first, so this is ASCII in
// practice). Returns early with `limit + 1` once the distance exceeds `limit`.
[[nodiscard]] int EditDistance(std::string_view a, std::string_view b, int limit = 1 << 20);

// 1 - distance / max(len): 1.0 for equal strings, 0.0 for nothing in common.
[[nodiscard]] double Similarity(std::string_view a, std::string_view b);

// Similarity(a, b) when it is at least `floor`, else 0.0, computed with the
// edit distance cut off at the most edits `floor` allows (faster for matching
// many candidates against a threshold).
[[nodiscard]] double SimilarityAtLeast(std::string_view a, std::string_view b, double floor);

// A score or confidence with two decimals ("0.87"), for explanations.
[[nodiscard]] std::string FormatScore(double v);

[[nodiscard]] inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
[[nodiscard]] inline bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
// Whether `text` holds an ASCII letter or digit (not: a speck, a dash, "€").
[[nodiscard]] inline bool HasAsciiLetterOrDigit(std::string_view text) {
  for (char c : text) {
    if (IsAsciiAlpha(c) || IsAsciiDigit(c)) return true;
  }
  return false;
}

}  // namespace scanstraat
