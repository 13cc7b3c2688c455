#include "pipeline/extract/classify.h"

#include <algorithm>
#include <cstdio>

#include "pipeline/extract/fuzzy_match.h"

namespace scanstraat {
namespace {

std::string Fmt(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

constexpr double kNearTie = 0.02;

}  // namespace

double FindPhrase(const std::vector<PageText>& pages, const Phrase& phrase, double min_similarity) {
  double best = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    for (const WordSpan& s : FindKey(pages[i], static_cast<int>(i), phrase.key, min_similarity)) {
      best = std::max(best, s.similarity);
      if (best >= 1.0) return best;
    }
  }
  return best;
}

std::vector<TypeScore> ScoreTypes(const RuleSet& rules, const std::vector<PageText>& pages) {
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
      const double sim = FindPhrase(pages, p, c.similarity);
      found += p.weight * sim;
      if (sim == 0) {
        s.excluded = true;
        s.notes.push_back("must '" + p.text + "' not found");
      } else {
        s.notes.push_back("must '" + p.text + "' found (" + Fmt(sim) + ")");
      }
    }
    for (const Phrase& p : c.may) {
      total += p.weight;
      const double sim = FindPhrase(pages, p, c.similarity);
      found += p.weight * sim;
      if (sim > 0) s.notes.push_back("may '" + p.text + "' found (" + Fmt(sim) + ")");
    }
    for (const Phrase& p : c.must_not) {
      const double sim = FindPhrase(pages, p, c.similarity);
      if (sim > 0) {
        s.excluded = true;
        s.notes.push_back("must_not '" + p.text + "' found (" + Fmt(sim) + ")");
      }
    }
    s.score = (s.excluded || total == 0) ? 0.0 : found / total;
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
