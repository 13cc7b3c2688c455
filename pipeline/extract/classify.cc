#include "pipeline/extract/classify.h"
#include "pipeline/validate/text_util.h"

#include <algorithm>
#include <cstdio>

#include "pipeline/extract/fuzzy_match.h"

namespace scanstraat {
namespace {

constexpr double kNearTie = 0.02;
// A form whose title is worded otherwise still carries its field labels: the
// share of the type's own field labels found, times this, also counts as the
// type's score (a title and headings remain the stronger evidence).
constexpr double kOwnLabelWeight = 0.8;
// A phrase found as part of a compound word (FindPhrase) and how long it must
// be for that (shorter ones hide in too many words).
constexpr double kCompoundSimilarity = 0.9;
constexpr size_t kMinCompoundPart = 7;

}  // namespace

namespace {

// Each page's WordKeys, made once for all the phrases and labels of all types.
using PageKeys = std::vector<WordKeySet>;

PageKeys AllWordKeys(const std::vector<PageText>& pages) {
  PageKeys word_keys;
  word_keys.reserve(pages.size());
  for (const PageText& page : pages) word_keys.push_back(WordKeys(page));
  return word_keys;
}

double FindPhrase(const std::vector<PageText>& pages, const PageKeys& word_keys, const Phrase& phrase,
                  double min_similarity) {
  double best = 0;
  for (const std::string& key : phrase.keys) {
    for (size_t i = 0; i < pages.size(); ++i) {
      for (const WordSpan& s : FindKey(pages[i], word_keys[i], static_cast<int>(i), key, min_similarity)) {
        best = std::max(best, s.similarity);
        if (best >= 1.0) return best;
      }
    }
  }
  if (best >= kCompoundSimilarity) return best;
  // Dutch writes compounds as one word: "bijstand" in "Bijstandsuitkering",
  // "vergunning" in "Vergunningaanvraag". A longer phrase found inside a word
  // counts a little less than the word itself.
  for (const std::string& key : phrase.keys) {
    if (key.size() < kMinCompoundPart) continue;
    for (const WordKeySet& page_keys : word_keys) {
      for (const std::string& word : page_keys.keys) {
        if (word.size() > key.size() && word.find(key) != std::string::npos) return kCompoundSimilarity;
      }
    }
  }
  return best;
}

// Share of a type's own fields (fields with a label no other type uses)
// whose label is on the page; -1 when the type has fewer than two such
// fields. `found` and `own` are set for the explanation.
double OwnLabelShare(const RuleSet& rules, const DocTypeRule& type, const std::vector<PageText>& pages,
                     const PageKeys& word_keys, int& found, int& own) {
  found = own = 0;
  for (const FieldRule& f : type.fields) {
    std::vector<std::string> keys;
    for (const std::string& key : f.label_keys) {
      bool shared = false;
      for (const DocTypeRule& other : rules.types) {
        if (&other == &type) continue;
        for (const FieldRule& g : other.fields) {
          shared = shared || std::find(g.label_keys.begin(), g.label_keys.end(), key) != g.label_keys.end();
        }
      }
      if (!shared && !key.empty()) keys.push_back(key);
    }
    if (keys.empty()) continue;
    ++own;
    bool seen = false;
    for (size_t p = 0; p < pages.size() && !seen; ++p) {
      for (const std::string& key : keys) {
        if (!FindKey(pages[p], word_keys[p], static_cast<int>(p), key, f.label_similarity).empty()) {
          seen = true;
          break;
        }
      }
    }
    found += seen ? 1 : 0;
  }
  return own >= 2 ? static_cast<double>(found) / own : -1.0;
}

}  // namespace

double FindPhrase(const std::vector<PageText>& pages, const Phrase& phrase, double min_similarity) {
  return FindPhrase(pages, AllWordKeys(pages), phrase, min_similarity);
}

std::vector<TypeScore> ScoreTypes(const RuleSet& rules, const std::vector<PageText>& pages) {
  const PageKeys word_keys = AllWordKeys(pages);
  std::vector<TypeScore> scores;
  for (const DocTypeRule& t : rules.types) {
    const ClassifyRule& c = t.classify;
    TypeScore s;
    s.id = t.id;
    s.rules = t.Ref();
    s.threshold = c.threshold;
    s.priority = c.priority;
    double total = 0, found = 0;
    for (const Phrase& p : c.must) {
      total += p.weight;
      const double sim = FindPhrase(pages, word_keys, p, c.similarity);
      found += p.weight * sim;
      if (sim == 0) {
        s.excluded = true;
        s.notes.push_back("must '" + p.text + "' not found");
      } else {
        s.notes.push_back("must '" + p.text + "' found (" + FormatScore(sim) + ")");
      }
    }
    for (const Phrase& p : c.may) {
      total += p.weight;
      const double sim = FindPhrase(pages, word_keys, p, c.similarity);
      found += p.weight * sim;
      if (sim > 0) s.notes.push_back("may '" + p.text + "' found (" + FormatScore(sim) + ")");
    }
    for (const Phrase& p : c.must_not) {
      const double sim = FindPhrase(pages, word_keys, p, c.similarity);
      if (sim > 0) {
        s.excluded = true;
        s.notes.push_back("must_not '" + p.text + "' found (" + FormatScore(sim) + ")");
      }
    }
    s.score = (s.excluded || total == 0) ? 0.0 : found / total;
    int labels_found = 0, labels_own = 0;
    const double share = OwnLabelShare(rules, t, pages, word_keys, labels_found, labels_own);
    if (share >= 0) {
      s.notes.push_back("labels of " + std::to_string(labels_found) + " of its " + std::to_string(labels_own) +
                        " own fields found");
      if (!s.excluded && share * kOwnLabelWeight > s.score) s.score = share * kOwnLabelWeight;
    }
    scores.push_back(std::move(s));
  }
  std::stable_sort(scores.begin(), scores.end(), [](const TypeScore& a, const TypeScore& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.priority > b.priority;
  });
  return scores;
}

std::string PickWinner(const std::vector<TypeScore>& scores) {
  const TypeScore* best = nullptr;
  for (const TypeScore& s : scores) {
    if (s.excluded || s.score <= 0 || s.score < s.threshold) continue;
    if (best == nullptr) {
      best = &s;
    } else if (best->score - s.score <= kNearTie && s.priority > best->priority) {
      best = &s;  // near-tie: the higher priority wins
    }
  }
  return best == nullptr ? "" : best->id;
}

}  // namespace scanstraat
