#include "pipeline/extract/combined_value.h"

#include <re2/re2.h>

#include <algorithm>

namespace scanstraat {
namespace {

// Pattern quality of a combined match with no more than a few specks beside
// the whole match (JudgeLeftOver).
constexpr double kWholeMatch = 0.97;

}  // namespace

std::optional<MatchedText> WholeCombinedMatch(const FieldRule& rule, const PageText& page, const WordRun& run) {
  for (const CombinedLabel& c : rule.combined) {
    if (!c.re) continue;
    std::optional<MatchedText> m = MatchInRun(page, run, c.re.get(), /*combined=*/true);
    if (m && !m->small_part && m->pattern_quality >= kWholeMatch - 1e-9) return m;
  }
  return std::nullopt;
}

std::vector<SiblingField> SiblingFields(const DocTypeRule& type, size_t index) {
  std::vector<SiblingField> out;
  const FieldRule& asked = type.fields[index];
  for (size_t c = 0; c < asked.combined.size(); ++c) {
    std::vector<std::string> keys = asked.combined[c].label_keys;
    std::sort(keys.begin(), keys.end());
    for (size_t g = 0; g < type.fields.size(); ++g) {
      if (g == index) continue;
      const bool shares = std::any_of(type.fields[g].combined.begin(), type.fields[g].combined.end(),
                                      [&](const CombinedLabel& other) {
                                        std::vector<std::string> k = other.label_keys;
                                        std::sort(k.begin(), k.end());
                                        return k == keys;
                                      });
      if (shares) out.push_back({g, static_cast<int>(c)});
    }
  }
  return out;
}

}  // namespace scanstraat
