#include "pipeline/extract/extract_field.h"
#include "pipeline/validate/text_util.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>

#include "pipeline/extract/choice_field.h"
#include "pipeline/extract/page_words.h"
#include "pipeline/extract/text_run.h"
#include "pipeline/validate/amount.h"
#include "pipeline/validate/field_type.h"

namespace scanstraat {
namespace {

// Type, range and date rules beyond the type itself.
void ApplyFieldRules(const FieldRule& rule, const std::string& today, FieldValue& v) {
  if (!v.valid) return;
  if (rule.not_in_future && rule.type == "date" && !today.empty() && v.value > today) {
    v.valid = false;
    v.errors.push_back("future_date");
  }
  if (rule.has_range) {
    double n = 0;
    bool numeric = false;
    if (rule.type == "amount") {
      if (auto cents = AmountToCents(v.value)) {
        n = static_cast<double>(*cents) / 100.0;
        numeric = true;
      }
    } else {
      numeric = !v.value.empty() && v.value.size() < 16 &&
                std::all_of(v.value.begin(), v.value.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (numeric) n = std::stod(v.value);
    }
    if (numeric && (n < rule.range_min || n > rule.range_max)) {
      v.valid = false;
      v.errors.push_back("out_of_range");
    }
  }
}

// Turns matched text into a candidate value.
FieldValue MakeCandidate(const FieldRule& rule, const ExtractContext& ctx, const MatchedText& m,
                         double label_similarity, std::string how) {
  FieldValue v;
  v.found = true;
  v.raw = m.text;
  v.page = (*ctx.pages)[m.page_index].page_no;
  v.bbox = m.bbox;
  const std::optional<Validated> checked = NormaliseAndValidate(rule.type, m.text);
  if (checked) {
    v.value = checked->value;
    v.valid = checked->valid;
    v.errors = checked->errors;
    v.parts.repaired = checked->repaired;
  }
  ApplyFieldRules(rule, ctx.today, v);
  v.parts.ocr = m.ocr_confidence;
  v.parts.label = label_similarity;
  v.parts.pattern = m.pattern_quality;
  v.parts.checksum = HasChecksum(rule.type) && v.valid;
  v.confidence = CombineConfidence(v.parts, v.valid, ctx.model);
  v.how = std::move(how);
  return v;
}

// Candidates from label matches: per label span, the first position (in the
// rule's order) whose text holds a value; an invalid value there lets later
// positions try, but stays as a fallback.
void LabelCandidates(const FieldRule& rule, size_t index, const ExtractContext& ctx,
                     std::vector<FieldValue>& out) {
  for (const WordSpan& span : ctx.labels->fields[index]) {
    const PageText& page = (*ctx.pages)[span.page_index];
    std::string label_text;
    for (int w = span.first; w < span.first + span.count; ++w) {
      label_text += (label_text.empty() ? "" : " ") + page.words[w].text;
    }
    std::optional<FieldValue> fallback;
    for (Position pos : rule.positions) {
      const WordRun run = LocateValue(page, span, pos, ctx.labels->stops[span.page_index], rule.max_words);
      if (run.words.empty()) continue;
      const std::optional<MatchedText> m = MatchInRun(page, run, rule.value_re.get());
      if (!m) continue;
      FieldValue v = MakeCandidate(rule, ctx, *m, span.similarity,
                                   "label '" + label_text + "' (" + FormatScore(span.similarity) + "), " +
                                       std::string(PositionName(pos)));
      if (v.valid) {
        out.push_back(std::move(v));
        fallback.reset();
        break;
      }
      if (!fallback) fallback = std::move(v);
    }
    if (fallback) out.push_back(std::move(*fallback));
  }
}

void ContextCandidates(const FieldRule& rule, const ExtractContext& ctx, std::vector<FieldValue>& out) {
  for (const ContextPattern& cp : rule.context) {
    if (!cp.re) continue;
    for (const MatchedText& m : MatchContext(*ctx.pages, *cp.re)) {
      out.push_back(MakeCandidate(rule, ctx, m, 1.0, "context pattern (line " + std::to_string(cp.line) + ")"));
    }
  }
}

}  // namespace

FieldValue ExtractField(const DocTypeRule& type, size_t index, const ExtractContext& ctx) {
  const FieldRule& rule = type.fields[index];
  FieldValue result;
  if (IsInkFieldType(rule.type)) {
    result = ExtractTickField(rule, index, ctx);
  } else {
    std::vector<FieldValue> candidates;
    LabelCandidates(rule, index, ctx, candidates);
    ContextCandidates(rule, ctx, candidates);
    // Best: valid before invalid, then higher confidence, then reading order.
    // With pick: first, reading order instead of confidence.
    std::stable_sort(candidates.begin(), candidates.end(), [&](const FieldValue& a, const FieldValue& b) {
      if (a.valid != b.valid) return a.valid;
      if (rule.pick_first) {
        if (a.page != b.page) return a.page < b.page;
        return a.bbox.y0 != b.bbox.y0 ? a.bbox.y0 < b.bbox.y0 : a.bbox.x0 < b.bbox.x0;
      }
      return a.confidence > b.confidence;
    });
    if (!candidates.empty()) {
      result = candidates.front();
      if (rule.repeat) {
        for (const FieldValue& c : candidates) {
          if (!c.valid) continue;
          const bool dup = std::any_of(result.items.begin(), result.items.end(), [&](const FieldValue& i) {
            return i.page == c.page && i.bbox == c.bbox;
          });
          if (!dup) result.items.push_back(c);
        }
        std::sort(result.items.begin(), result.items.end(), [](const FieldValue& a, const FieldValue& b) {
          return a.page != b.page ? a.page < b.page : a.bbox.y0 < b.bbox.y0;
        });
        // Every occurrence must be right, and none may hide in text that was
        // misread: the least sure occurrence times the share read surely,
        // squared (a missed occurrence is as wrong as a misread one).
        if (!result.items.empty()) {
          // A text that matched the pattern but is no valid value is an
          // occurrence that could not be read: the set is not complete.
          const auto unread = std::count_if(candidates.begin(), candidates.end(),
                                            [](const FieldValue& c) { return !c.valid; });
          double least = unread > 0 ? ctx.model.invalid_cap : 1.0;
          for (const FieldValue& i : result.items) least = std::min(least, i.confidence);
          const double read = SurelyReadShare(*ctx.pages);
          result.confidence = least * read * read;
          char note[128];
          std::snprintf(note, sizeof note, "; %zu occurrences, %d unreadable, least sure %.2f, %.0f%% of the words read surely",
                        result.items.size(), static_cast<int>(unread), least, 100.0 * read);
          result.how += note;
        }
      } else if (!rule.pick_first) {
        // Two labels that give different valid values: we cannot be sure.
        for (size_t k = 1; k < candidates.size(); ++k) {
          if (candidates[k].valid && result.valid && candidates[k].value != result.value &&
              candidates[k].confidence > 0.5 * result.confidence) {
            result.confidence *= 0.5;
            result.how += "; another match gave a different value";
            break;
          }
        }
      }
    }
  }
  result.name = rule.name;
  result.type = rule.type;
  result.mask = rule.mask;
  result.rule_file = type.file;
  result.rule_line = rule.line;
  result.rule_ref = type.Ref();
  if (!result.found) {
    result = FieldValue{.name = rule.name, .type = rule.type, .mask = rule.mask, .rule_file = type.file,
                        .rule_line = rule.line, .rule_ref = type.Ref(), .how = result.how};
    result.errors = {"missing"};
  }
  return result;
}

LabelIndex IndexLabels(const DocTypeRule& type, const std::vector<PageText>& pages) {
  LabelIndex index;
  index.fields.resize(type.fields.size());
  index.options.resize(type.fields.size());
  for (size_t i = 0; i < type.fields.size(); ++i) {
    const FieldRule& f = type.fields[i];
    for (size_t p = 0; p < pages.size(); ++p) {
      for (const std::string& key : f.label_keys) {
        for (const WordSpan& s : FindKey(pages[p], static_cast<int>(p), key, f.label_similarity)) {
          index.fields[i].push_back(s);
        }
      }
    }
    index.options[i].resize(f.options.size());
    for (size_t o = 0; o < f.options.size(); ++o) {
      for (size_t p = 0; p < pages.size(); ++p) {
        for (const std::string& key : f.options[o].label_keys) {
          for (const WordSpan& s : FindKey(pages[p], static_cast<int>(p), key, f.label_similarity)) {
            index.options[i][o].push_back(s);
          }
        }
      }
    }
  }
  // Sections: a field with `section` phrases only keeps labels after the
  // first of them (e.g. the new address after "Uw nieuwe adres").
  for (size_t i = 0; i < type.fields.size(); ++i) {
    const FieldRule& f = type.fields[i];
    if (f.section_keys.empty()) continue;
    std::optional<WordSpan> anchor;
    for (size_t p = 0; p < pages.size() && !anchor; ++p) {
      for (const std::string& key : f.section_keys) {
        for (const WordSpan& s : FindKey(pages[p], static_cast<int>(p), key, f.label_similarity)) {
          if (!anchor || s.page_index < anchor->page_index ||
              (s.page_index == anchor->page_index && s.first < anchor->first)) {
            anchor = s;
          }
        }
      }
    }
    if (!anchor) continue;
    std::erase_if(index.fields[i], [&](const WordSpan& s) {
      return s.page_index < anchor->page_index || (s.page_index == anchor->page_index && s.box.y0 < anchor->box.y1);
    });
  }
  auto contains = [](const WordSpan& outer, const WordSpan& inner) {
    return outer.page_index == inner.page_index && outer.first <= inner.first &&
           outer.first + outer.count >= inner.first + inner.count && outer.count > inner.count;
  };
  auto same_words = [](const WordSpan& a, const WordSpan& b) {
    return a.page_index == b.page_index && a.first == b.first && a.count == b.count;
  };
  // Drop spans inside a longer label span (of any field), and spans on the very
  // same words as a better match of another field.
  std::vector<std::vector<WordSpan>> kept(type.fields.size());
  for (size_t i = 0; i < index.fields.size(); ++i) {
    for (const WordSpan& s : index.fields[i]) {
      bool drop = false;
      for (size_t j = 0; j < index.fields.size() && !drop; ++j) {
        for (const WordSpan& o : index.fields[j]) {
          if (contains(o, s) || (j != i && same_words(o, s) && o.similarity > s.similarity)) {
            drop = true;
            break;
          }
        }
      }
      const bool dup = std::any_of(kept[i].begin(), kept[i].end(), [&](const WordSpan& k) { return same_words(k, s); });
      if (!drop && !dup) kept[i].push_back(s);
    }
    std::stable_sort(kept[i].begin(), kept[i].end(),
                     [](const WordSpan& a, const WordSpan& b) { return a.similarity > b.similarity; });
  }
  index.fields = std::move(kept);
  index.stops.resize(pages.size());
  for (size_t p = 0; p < pages.size(); ++p) index.stops[p].assign(pages[p].words.size(), 0);
  auto mark = [&](const WordSpan& s) {
    for (int w = s.first; w < s.first + s.count; ++w) index.stops[s.page_index][w] = 1;
  };
  for (const auto& spans : index.fields) std::for_each(spans.begin(), spans.end(), mark);
  for (const auto& opts : index.options) {
    for (const auto& spans : opts) std::for_each(spans.begin(), spans.end(), mark);
  }
  return index;
}

}  // namespace scanstraat
