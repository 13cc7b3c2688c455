#include "pipeline/extract/label_words.h"

#include <algorithm>
#include <array>
#include <set>

#include "pipeline/validate/text_util.h"

namespace scanstraat {
namespace {

// Articles, prepositions, pronouns and question words: a form's way of
// asking, not what it asks for ("Vanaf welke datum?", "Wat is uw e-mailadres?").
constexpr std::array<std::string_view, 40> kFillers = {
    "de",  "het",  "een",  "en",   "of",    "van",   "voor", "in",    "op",    "met",
    "aan", "bij",  "naar", "te",   "tot",   "uit",   "om",   "als",   "dat",   "die",
    "dit", "deze", "is",   "zijn", "wordt", "u",     "uw",   "je",    "jouw",  "ik",
    "mijn", "wij", "we",   "ons",  "onze",  "welke", "welk", "wat",   "hoe",   "wanneer"};

// Words of a phrase separated by spaces and slashes ("Sofinummer/BSN").
std::vector<std::string> Keys(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != ' ' && text[i] != '/') continue;
    std::string key = MatchKey(text.substr(start, i - start));
    if (!key.empty()) out.push_back(std::move(key));
    start = i + 1;
  }
  return out;
}

bool HasDigit(std::string_view key) { return std::any_of(key.begin(), key.end(), IsAsciiDigit); }

// A word of the phrase is one of `words` when equal, or for words of five
// letters or more one misread letter off (KeySimilarity).
bool AmongWords(const std::string& key, const std::vector<std::string>& words) {
  if (std::binary_search(words.begin(), words.end(), key)) return true;
  if (key.size() < 5) return false;
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& w) { return KeySimilarity(key, w, 0.8) >= 0.8; });
}

// True when the phrase of words [first, first + count) is a label of `field`.
bool IsLabelByWords(const PageText& page, int first, int count, const FieldRule& field) {
  int content = 0, own = 0;
  for (int w = first; w < first + count; ++w) {
    for (const std::string& key : Keys(page.words[w].text)) {
      if (IsFillerWord(key)) continue;
      if (HasDigit(key) || !AmongWords(key, field.label_words)) return false;
      ++content;
      if (AmongWords(key, field.own_label_words)) ++own;
    }
  }
  // One word alone is a heading as often as a label ("Personen"), unless it
  // asks ("Personen:").
  const bool asks = EndsPhrase(page.words[first + count - 1].text);
  return own > 0 && (content >= 2 || (content == 1 && asks));
}

constexpr int kMaxPhraseWords = 6;

// The words of a field's labels, without fillers: sorted, each once.
std::vector<std::string> LabelWordsOf(const FieldRule& field) {
  std::set<std::string> words;
  auto add = [&](const std::vector<std::string>& labels) {
    for (const std::string& label : labels) {
      for (std::string& key : Keys(label)) {
        if (!IsFillerWord(key)) words.insert(std::move(key));
      }
    }
  };
  add(field.labels);
  for (const CombinedLabel& c : field.combined) add(c.labels);
  return {words.begin(), words.end()};
}

}  // namespace

bool IsFillerWord(std::string_view key) {
  return std::find(kFillers.begin(), kFillers.end(), key) != kFillers.end();
}

void AssignLabelWords(DocTypeRule& type) {
  for (FieldRule& f : type.fields) f.label_words = LabelWordsOf(f);
  for (FieldRule& f : type.fields) {
    f.own_label_words.clear();
    for (const std::string& word : f.label_words) {
      const bool shared = std::any_of(type.fields.begin(), type.fields.end(), [&](const FieldRule& other) {
        return &other != &f && std::binary_search(other.label_words.begin(), other.label_words.end(), word);
      });
      if (!shared) f.own_label_words.push_back(word);
    }
  }
}

std::vector<WordSpan> FindByWords(const PageText& page, int page_index, const FieldRule& field,
                                  const LabelMask& stop) {
  std::vector<WordSpan> out;
  if (field.own_label_words.empty()) return out;
  auto emit = [&](int first, int count) {
    if (count <= 0 || count > kMaxPhraseWords || !IsLabelByWords(page, first, count, field)) return;
    WordSpan s{page_index, first, count, kByWordsSimilarity, page.words[first].box};
    for (int w = first + 1; w < first + count; ++w) s.box = UnionBox(s.box, page.words[w].box);
    out.push_back(s);
  };
  for (const Line& line : page.lines) {
    const int end = line.first_word + line.word_count;
    int first = line.first_word;
    // A section number starts a heading, not a label.
    bool heading = first < end && IsHeadingNumber(page.words[first].text);
    for (int w = line.first_word; w < end; ++w) {
      const Word& word = page.words[w];
      const bool is_stop = Stops(stop, w);
      const bool box_edge = StartsBox(word.text);
      bool wide_gap = false;
      if (w > first) {
        const Box& prev = page.words[w - 1].box;
        wide_gap = word.box.x0 - prev.x1 > kWideGap * std::max(1, prev.height());
      }
      if (is_stop || box_edge || wide_gap) {
        if (!heading) emit(first, w - first);
        heading = false;
        first = is_stop || box_edge ? w + 1 : w;
        continue;
      }
      if (EndsPhrase(word.text)) {
        if (!heading) emit(first, w + 1 - first);
        heading = false;
        first = w + 1;
      }
    }
    if (!heading) emit(first, end - first);
  }
  return out;
}

}  // namespace scanstraat
