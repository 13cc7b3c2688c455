#include "pipeline/extract/label_index.h"

#include <algorithm>
#include <optional>

#include "pipeline/extract/label_words.h"
#include "pipeline/validate/field_type.h"
#include "pipeline/validate/text_util.h"

namespace scanstraat {
namespace {

// A section phrase counts as a heading when it starts its line (after a
// section number at most) and the line holds little else: "3. Uw nieuwe
// adres", not "Ligt de locatie in een beschermd stadsgezicht …".
bool IsHeading(const PageText& page, const WordSpan& s) {
  const int line = page.words[s.first].line;
  if (page.lines.empty() || line < 0 || line >= static_cast<int>(page.lines.size())) return true;
  const Line& l = page.lines[line];
  int before = 0;  // words before the phrase other than a section number or a speck
  for (int w = l.first_word; w < s.first; ++w) {
    const std::string& t = page.words[w].text;
    if (HasAsciiLetterOrDigit(t) && !IsHeadingNumber(t)) ++before;  // not a speck
  }
  const int after = l.first_word + l.word_count - (s.first + s.count);
  return before == 0 && after <= 2;
}

std::vector<WordSpan> FindSpans(const std::vector<PageText>& pages, const std::vector<std::string>& keys,
                                double similarity) {
  std::vector<WordSpan> out;
  if (keys.empty()) return out;  // most fields have no sections: no word keys to make
  for (size_t p = 0; p < pages.size(); ++p) {
    const WordKeySet word_keys = WordKeys(pages[p]);
    for (const std::string& key : keys) {
      for (const WordSpan& s : FindKey(pages[p], word_keys, static_cast<int>(p), key, similarity)) out.push_back(s);
    }
  }
  return out;
}

bool SameWords(const WordSpan& a, const WordSpan& b) {
  return a.page_index == b.page_index && a.first == b.first && a.count == b.count;
}

bool Overlap(const WordSpan& a, const WordSpan& b) {
  return a.page_index == b.page_index && a.first < b.first + b.count && b.first < a.first + a.count;
}

// A longer span hides a shorter one inside it only when it matched about as
// well: "Datum" inside "Datum ondertekening", not an exact "Plaats" inside a
// loose match of a longer label that took a neighbouring word along.
bool Hides(const WordSpan& outer, const WordSpan& inner) {
  return outer.page_index == inner.page_index && outer.first <= inner.first &&
         outer.first + outer.count >= inner.first + inner.count && outer.count > inner.count &&
         outer.similarity + 0.1 >= inner.similarity;
}

// Drops spans inside a longer label span (of any field) and spans on the very
// same words as a better match of another field; of one field's variants on
// the same words only the best stays. Each field's spans best first.
std::vector<std::vector<LabelSpan>> DropHidden(const std::vector<std::vector<LabelSpan>>& found) {
  std::vector<std::vector<LabelSpan>> kept(found.size());
  for (size_t i = 0; i < found.size(); ++i) {
    for (const LabelSpan& s : found[i]) {
      bool drop = false;
      for (size_t j = 0; j < found.size() && !drop; ++j) {
        drop = std::any_of(found[j].begin(), found[j].end(), [&](const LabelSpan& o) {
          return Hides(o, s) || (j != i && SameWords(o, s) && o.similarity > s.similarity);
        });
      }
      if (drop) continue;
      auto dup = std::find_if(kept[i].begin(), kept[i].end(), [&](const LabelSpan& k) { return SameWords(k, s); });
      if (dup == kept[i].end()) {
        kept[i].push_back(s);
      } else if (s.similarity > dup->similarity) {
        *dup = s;
      }
    }
    std::stable_sort(kept[i].begin(), kept[i].end(),
                     [](const LabelSpan& a, const LabelSpan& b) { return a.similarity > b.similarity; });
  }
  return kept;
}

// Overlapping matches of one field's variants are one label: "Korte
// omschrijving" and "Omschrijving van het bouwplan" on "Korte omschrijving
// van het bouwplan". The merged label is combined when its longer part was.
void MergeOverlaps(std::vector<LabelSpan>& spans) {
  for (size_t a = 0; a < spans.size(); ++a) {
    for (size_t b = a + 1; b < spans.size();) {
      if (!Overlap(spans[a], spans[b])) {
        ++b;
        continue;
      }
      LabelSpan& x = spans[a];
      const LabelSpan& y = spans[b];
      if (y.count > x.count) x.combined = y.combined;
      const int end = std::max(x.first + x.count, y.first + y.count);
      x.first = std::min(x.first, y.first);
      x.count = end - x.first;
      x.similarity = std::max(x.similarity, y.similarity);
      x.box = UnionBox(x.box, y.box);
      spans.erase(spans.begin() + static_cast<long>(b));
      b = a + 1;  // the grown span may now overlap an earlier one
    }
  }
}

bool Below(const WordSpan& s, const WordSpan& heading) {
  return s.page_index > heading.page_index || (s.page_index == heading.page_index && s.box.y0 >= heading.box.y1);
}

// Skipped sections: under a heading such as "Uw huidige adres" the field's
// first label belongs to that section (the old address), not to the field.
void SkipSections(const FieldRule& f, const std::vector<PageText>& pages, std::vector<LabelSpan>& spans) {
  std::vector<WordSpan> headings;  // each heading once, however many phrases match it
  for (const WordSpan& h : FindSpans(pages, f.skip_section_keys, f.label_similarity)) {
    const bool seen = std::any_of(headings.begin(), headings.end(), [&](const WordSpan& o) { return Overlap(o, h); });
    if (!seen && IsHeading(pages[h.page_index], h)) headings.push_back(h);
  }
  for (const WordSpan& h : headings) {
    auto first = spans.end();
    for (auto it = spans.begin(); it != spans.end(); ++it) {
      if (!Below(*it, h)) continue;
      if (first == spans.end() || it->page_index < first->page_index ||
          (it->page_index == first->page_index && it->box.y0 < first->box.y0)) {
        first = it;
      }
    }
    if (first != spans.end()) spans.erase(first);
  }
}

// Sections: a field with `section` headings only keeps labels after the
// first of them (e.g. the new address after "Uw nieuwe adres").
void KeepSection(const FieldRule& f, const std::vector<PageText>& pages, std::vector<LabelSpan>& spans) {
  std::optional<WordSpan> anchor;
  for (const WordSpan& s : FindSpans(pages, f.section_keys, f.label_similarity)) {
    if (!IsHeading(pages[s.page_index], s)) continue;
    if (!anchor || s.page_index < anchor->page_index ||
        (s.page_index == anchor->page_index && s.first < anchor->first)) {
      anchor = s;
    }
  }
  if (anchor) std::erase_if(spans, [&](const LabelSpan& s) { return !Below(s, *anchor); });
}

}  // namespace

LabelIndex IndexLabels(const DocTypeRule& type, const std::vector<PageText>& pages) {
  LabelIndex index;
  std::vector<std::vector<LabelSpan>> found;
  for (const FieldRule& f : type.fields) {
    auto& spans = found.emplace_back();
    for (const WordSpan& s : FindSpans(pages, f.label_keys, f.label_similarity)) spans.push_back({s});
    for (size_t c = 0; c < f.combined.size(); ++c) {
      for (const WordSpan& s : FindSpans(pages, f.combined[c].label_keys, f.label_similarity)) {
        spans.push_back({s, static_cast<int>(c)});
      }
    }
    auto& options = index.options.emplace_back();
    for (const ChoiceOption& o : f.options) options.push_back(FindSpans(pages, o.label_keys, f.label_similarity));
  }
  index.fields = DropHidden(found);
  for (auto& spans : index.fields) MergeOverlaps(spans);
  // Every label is a stop for value searches, also one a section rules out.
  index.stops.resize(pages.size());
  for (size_t p = 0; p < pages.size(); ++p) index.stops[p].assign(pages[p].words.size(), 0);
  auto mark = [&](const WordSpan& s) {
    for (int w = s.first; w < s.first + s.count; ++w) index.stops[s.page_index][w] = 1;
  };
  for (const auto& spans : index.fields) std::for_each(spans.begin(), spans.end(), mark);
  for (const auto& opts : index.options) {
    for (const auto& spans : opts) std::for_each(spans.begin(), spans.end(), mark);
  }
  // A field none of whose labels is there: a phrase of its label words.
  for (size_t i = 0; i < type.fields.size(); ++i) {
    const FieldRule& f = type.fields[i];
    if (!index.fields[i].empty() || IsInkFieldType(f.type) || f.labels.empty()) continue;
    for (size_t p = 0; p < pages.size(); ++p) {
      for (const WordSpan& s : FindByWords(pages[p], static_cast<int>(p), f, index.stops[p])) {
        LabelSpan span{s};
        span.by_words = true;
        index.fields[i].push_back(span);
        mark(s);
      }
    }
  }
  for (size_t i = 0; i < type.fields.size(); ++i) {
    SkipSections(type.fields[i], pages, index.fields[i]);
    if (!type.fields[i].section_keys.empty()) KeepSection(type.fields[i], pages, index.fields[i]);
  }
  return index;
}

}  // namespace scanstraat
