#include "pipeline/extract/choice_field.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "pipeline/extract/checkbox.h"
#include "pipeline/extract/locate.h"
#include "pipeline/validate/text_util.h"

namespace scanstraat {
namespace {

double Distance(const Box& a, const Box& b) {
  const double dx = (a.x0 + a.x1) / 2.0 - (b.x0 + b.x1) / 2.0;
  const double dy = (a.y0 + a.y1) / 2.0 - (b.y0 + b.y1) / 2.0;
  return std::sqrt(dx * dx + dy * dy);
}

// The option label span to use: nearest to the group label when there is
// one (on its page), else the best/first in reading order.
template <typename Span>
const WordSpan* PickSpan(const std::vector<Span>& spans, const WordSpan* group) {
  const WordSpan* best = nullptr;
  double best_d = std::numeric_limits<double>::max();
  for (const Span& s : spans) {
    double d = 0;
    if (group != nullptr) {
      if (s.page_index != group->page_index || s.box.y1 < group->box.y0) continue;
      d = Distance(s.box, group->box);
    } else {
      d = s.page_index * 1e7 + s.box.y0 * 1e3 + s.box.x0 - s.similarity;
    }
    if (d < best_d) {
      best_d = d;
      best = &s;
    }
  }
  return best;
}

// A word of an option's text: two or more letters, digits, '-', '\'' and
// '.', read surely. A box is often read as a word ("DX]", "[J", "i", "nm").
constexpr double kSurePhraseWord = 0.8;
bool IsPlainWord(const Word& w) {
  const std::string& t = w.text;
  return t.size() >= 2 && w.confidence >= kSurePhraseWord && std::all_of(t.begin(), t.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80 || IsAsciiAlpha(c) || IsAsciiDigit(c) || c == '-' || c == '\'' ||
           c == '.';
  });
}

// An option's box stands before its whole text, and an option label may
// match only the end of it ("koophuis" in "Ik heb een koophuis"): with the
// box on the left, the span grows by the words before it in the same phrase
// (LabelHead), up to another label or a word that is no plain word (a box
// read as text, a tick mark).
WordSpan OptionPhrase(const PageText& page, const WordSpan& span, const InkRule& ink, const LabelMask& stop) {
  if (!ink.left) return span;
  WordSpan out = span;
  const std::vector<int> head = LabelHead(page, span);
  for (auto it = head.rbegin(); it != head.rend(); ++it) {
    const Word& word = page.words[*it];
    const bool box_or_mark = !IsPlainWord(word) || ClassifyGlyph(word.text) != TickGlyph::kNone;
    if (*it != out.first - 1 || Stops(stop, *it) || box_or_mark) break;
    out.first = *it;
    ++out.count;
    out.box = UnionBox(out.box, word.box);
  }
  return out;
}

struct OptionSeen {
  const WordSpan* span = nullptr;
  WordSpan phrase;  // the span with the words before it in its phrase
  TickObservation obs;
};

FieldValue Found(const ExtractContext& ctx, const WordSpan& span, const TickObservation& obs, std::string value,
                 double confidence, std::string how) {
  FieldValue v;
  v.found = true;
  v.value = std::move(value);
  v.raw = v.value;
  v.valid = true;
  v.page = (*ctx.pages)[span.page_index].page_no;
  v.bbox = UnionBox(span.box, obs.box);
  v.confidence = std::clamp(confidence, 0.0, 0.99);
  v.parts.label = span.similarity;
  v.parts.ocr = obs.ink ? 1.0 : obs.glyph_confidence;
  v.parts.pattern = 1.0;
  v.how = std::move(how);
  return v;
}

FieldValue Checkbox(const FieldRule& rule, size_t index, const ExtractContext& ctx) {
  FieldValue none;
  const PageText* page = nullptr;
  const WordSpan* span = PickSpan(ctx.labels->fields[index], nullptr);
  if (span == nullptr) return none;
  page = &(*ctx.pages)[span->page_index];
  const TickObservation obs = ObserveTick(*page, *span, rule.ink, ctx.ink_ratio);
  const double thr = rule.ink.threshold;
  if (obs.ink) {
    const bool ticked = *obs.ink >= thr;
    const double conf = (0.5 + std::fabs(*obs.ink - thr) / (2 * thr)) * span->similarity;
    return Found(ctx, *span, obs, ticked ? "true" : "false", conf, "ink " + FormatScore(*obs.ink) + " vs threshold " + FormatScore(thr));
  }
  if (obs.glyph == TickGlyph::kTicked) {
    return Found(ctx, *span, obs, "true", 0.95 * obs.glyph_confidence * std::sqrt(span->similarity),
                 "tick mark read by OCR");
  }
  if (obs.glyph == TickGlyph::kEmpty) {
    return Found(ctx, *span, obs, "false", 0.9 * obs.glyph_confidence * span->similarity, "empty box read by OCR");
  }
  // No mark at all: an empty box often reads as nothing. Unsure.
  return Found(ctx, *span, obs, "false", 0.6 * span->similarity, "no tick mark beside the label");
}

FieldValue Choice(const FieldRule& rule, size_t index, const ExtractContext& ctx) {
  const WordSpan* group = PickSpan(ctx.labels->fields[index], nullptr);
  std::vector<OptionSeen> seen(rule.options.size());
  bool any = false;
  for (size_t o = 0; o < rule.options.size(); ++o) {
    seen[o].span = PickSpan(ctx.labels->options[index][o], group);
    if (seen[o].span == nullptr && group != nullptr) seen[o].span = PickSpan(ctx.labels->options[index][o], nullptr);
    if (seen[o].span == nullptr) continue;
    any = true;
    const PageText& page = (*ctx.pages)[seen[o].span->page_index];
    seen[o].phrase = OptionPhrase(page, *seen[o].span, rule.ink, ctx.labels->stops[seen[o].span->page_index]);
    seen[o].obs = ObserveTick(page, seen[o].phrase, rule.ink, ctx.ink_ratio);
  }
  FieldValue none;
  if (!any) return none;
  // Ink: fullest box against the runner-up.
  int best = -1, second = -1;
  for (size_t o = 0; o < seen.size(); ++o) {
    if (!seen[o].span || !seen[o].obs.ink) continue;
    const double ink = *seen[o].obs.ink;
    if (best < 0 || ink > *seen[best].obs.ink) {
      second = best;
      best = static_cast<int>(o);
    } else if (second < 0 || ink > *seen[second].obs.ink) {
      second = static_cast<int>(o);
    }
  }
  if (best >= 0) {
    const double b = *seen[best].obs.ink;
    const double s = second >= 0 ? *seen[second].obs.ink : 0.0;
    const OptionSeen& o = seen[best];
    const std::string how = "ink " + FormatScore(b) + " in '" + rule.options[best].key + "', next " + FormatScore(s);
    if (b < rule.ink.threshold) {
      FieldValue v = none;
      v.how = "no box ticked (" + how + ")";
      return v;
    }
    // The nearer the runner-up comes to the fullest box, the less sure.
    const double conf = std::min(0.5 + (b - s) / (4 * rule.ink.margin), 1.3 - s / b) * o.span->similarity;
    FieldValue v = Found(ctx, *o.span, o.obs, rule.options[best].key, conf, how);
    if (second >= 0 && s >= rule.ink.threshold && (b - s < rule.ink.margin || s >= rule.ink.second * b)) {
      v.valid = false;
      v.errors.push_back("multiple_ticked");
      v.confidence = std::min(v.confidence, 0.3);
    }
    return v;
  }
  // Glyphs.
  std::vector<int> ticked;
  int empties = 0;
  for (size_t o = 0; o < seen.size(); ++o) {
    if (!seen[o].span) continue;
    if (seen[o].obs.glyph == TickGlyph::kTicked) ticked.push_back(static_cast<int>(o));
    if (seen[o].obs.glyph == TickGlyph::kEmpty) ++empties;
  }
  if (ticked.empty()) {
    // Every other option shows an empty box and exactly one shows none: its
    // box was ticked (a cross is often read as nothing, or merged into the label).
    int unmarked = -1, unmarked_count = 0;
    for (size_t o = 0; o < seen.size(); ++o) {
      if (seen[o].span && seen[o].obs.glyph == TickGlyph::kNone) {
        unmarked = static_cast<int>(o);
        ++unmarked_count;
      }
    }
    if (unmarked_count == 1 && empties >= 1 && empties + 1 == static_cast<int>(std::count_if(
                                                   seen.begin(), seen.end(), [](const OptionSeen& s) { return s.span; }))) {
      const OptionSeen& u = seen[unmarked];
      return Found(ctx, *u.span, u.obs, rule.options[unmarked].key, 0.85 * std::sqrt(u.span->similarity),
                   "the only option without an empty box read by OCR: '" + rule.options[unmarked].key + "'");
    }
    FieldValue v = none;
    v.how = "no tick mark read beside any option";
    return v;
  }
  const OptionSeen& o = seen[ticked.front()];
  const double base = empties > 0 ? 0.95 : 0.9;
  FieldValue v = Found(ctx, *o.span, o.obs, rule.options[ticked.front()].key,
                       base * o.obs.glyph_confidence * std::sqrt(o.span->similarity),
                       "tick mark read by OCR beside '" + rule.options[ticked.front()].key + "'");
  if (ticked.size() > 1) {
    v.valid = false;
    v.errors.push_back("multiple_ticked");
    v.confidence = std::min(v.confidence, 0.3);
  }
  return v;
}

}  // namespace

FieldValue ExtractTickField(const FieldRule& rule, size_t index, const ExtractContext& ctx) {
  return rule.type == "choice" ? Choice(rule, index, ctx) : Checkbox(rule, index, ctx);
}

}  // namespace scanstraat
