// Where a value stands relative to its label: turns a label match and a
// Position into the words that may hold the value. Geometry only; no
// patterns, no types.
//
// Thread-safety: pure functions over const data.
#pragma once

#include <string>
#include <vector>

#include "pipeline/core/page_text.h"
#include "pipeline/extract/fuzzy_match.h"
#include "pipeline/extract/rule_set.h"

namespace scanstraat {

// Words of one page, as indices into PageText::words, in reading order.
struct WordRun {
  int page_index = 0;
  std::vector<int> words;
  // The words are the label's tail (LabelTail): what follows the label in
  // the same phrase, with no value further on. That is the value in running
  // text ("BSN: 123456782", "KvK 12345678"), but on a form it is more often
  // the rest of a longer label ("Achternaam aanvrager", "Postcode (1234 AB)").
  bool label_tail = false;
  // The run ended at a word ending in ':' that is no known label: the value
  // may go on beyond it.
  bool may_continue = false;
};

// Marks, per word of a page, that it belongs to some field's label: the
// value search stops there (the next field begins).
using LabelMask = std::vector<char>;

// True when word `w` is marked in `stop` (a word of some label).
[[nodiscard]] inline bool Stops(const LabelMask& stop, int w) {
  return w >= 0 && w < static_cast<int>(stop.size()) && stop[w];
}

// A wide gap between two words: more than this many label heights (a normal
// space is well under half a height; form columns and box margins are
// several).
inline constexpr double kWideGap = 1.2;

// A box's left edge read as a sign ("|", "[", or glued to the value:
// "[Julianastraat"): a label ends there and the value begins.
[[nodiscard]] inline bool StartsBox(const std::string& t) {
  return !t.empty() && (t.front() == '|' || t.front() == '[');
}

// A word that ends a label's phrase: "Naam:", "verhuizen?".
[[nodiscard]] inline bool EndsPhrase(const std::string& t) {
  return !t.empty() && (t.back() == ':' || t.back() == '?');
}

// The words right after `label` on its row that continue its phrase: each
// closer to the previous word than a wide gap (a column or a box's margin),
// up to a word that starts another label or ends with ':'.
// `runs_into_label`, when given, tells whether the tail ended at a word of
// another label, not in parentheses, within the phrase: with an empty tail
// ("Inschrijving" before "KvK") the two are one longer label, another
// field's, and `label` is part of it.
[[nodiscard]] std::vector<int> LabelTail(const PageText& page, const WordSpan& label, const LabelMask& stop,
                                         bool* runs_into_label = nullptr);

// True when `tail` (LabelTail of `label`) only closes the label's question:
// a label of two words or more, then one or two words up to a '?'
// ("Hoeveel personen verhuizen" + "mee?"). The label is then a wording of
// its own, not part of another field's longer label.
[[nodiscard]] bool ClosesQuestion(const PageText& page, const WordSpan& label, const std::vector<int>& tail);

// The words left of `label` on its row that belong to its phrase ("Uw" in
// "Uw burgerservicenummer", "Tel." in "Tel. nummer"); a section number or a
// word ending in ':' is no part of it.
[[nodiscard]] std::vector<int> LabelHead(const PageText& page, const WordSpan& label);

// True when `head` (LabelHead of a label) qualifies the label: some word in
// it is more than the form's way of addressing the reader ("Uw" in "Uw
// postcode" leaves the label as it is; "Oude" in "Oude postcode" does not).
[[nodiscard]] bool QualifiesLabel(const PageText& page, const std::vector<int>& head);

// True when `words` are a hint in parentheses ("(1234 AB)", "(dd-mm-jjjj)").
[[nodiscard]] bool IsHint(const PageText& page, const std::vector<int>& words);

// Returns the words that `position` designates for the label `label` on
// `page`. Empty when nothing stands there. `max_words` bounds kAfter. For
// kRight and kSameCell the label's tail is skipped when a value follows it;
// when only the tail is there, it is returned with `label_tail` set (a hint
// in parentheses, "(dd-mm-jjjj)", never).
[[nodiscard]] WordRun LocateValue(const PageText& page, const WordSpan& label, Position position,
                                  const LabelMask& stop, int max_words);

// "2.", "B)", "12", "3:": the number or letter of a section heading.
[[nodiscard]] bool IsHeadingNumber(const std::string& t);

// True when the vertical extents of a and b overlap by at least a third of
// the smaller height (same visual row, allowing for skew).
[[nodiscard]] bool SameRow(const Box& a, const Box& b);

}  // namespace scanstraat
