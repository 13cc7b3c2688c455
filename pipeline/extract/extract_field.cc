#include "pipeline/extract/extract_field.h"
#include "pipeline/validate/text_util.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>

#include "pipeline/extract/choice_field.h"
#include "pipeline/extract/combined_value.h"
#include "pipeline/extract/page_words.h"
#include "pipeline/extract/text_run.h"
#include "pipeline/validate/amount.h"
#include "pipeline/validate/field_type.h"

namespace scanstraat {
namespace {

// A rival value (another label, another position) below this confidence does
// not cast doubt on the chosen one.
constexpr double kRivalConfidence = 0.6;

// Two readings of a value that disagree as surely: it is no surer than this.
constexpr double kDisagreementCap = 0.5;

// Confidence × this for a value found by a label that is part of a longer
// phrase: a person checks that the phrase is the field's label.
constexpr double kPartialLabelFactor = 0.92;

// A combined match with no more than a few specks beside it takes the whole
// text at its position (JudgeLeftOver).
constexpr double kWholeCombined = 0.97;

// Text under a label in which no value was recognised counts as an unread
// value up to this many words.
constexpr size_t kMaxUnreadBelowWords = 3;

bool IsFreeTextType(const std::string& type) { return type == "text" || type == "name"; }

// At least half of the letters and digits are digits: "12-03-2024", "1234
// AB", not "12 maart 2024" (a month name is a word OCR checks against its
// dictionary).
bool MostlyDigits(const std::string& text) {
  int digits = 0, alnum = 0;
  for (char c : text) {
    if (IsAsciiDigit(c)) ++digits;
    if (IsAsciiDigit(c) || IsAsciiAlpha(c)) ++alnum;
  }
  return alnum > 0 && 2 * digits >= alnum;
}

// Text with a digit or an '@' in it: a value of some kind, not the label of
// the next column ("E-mailadres aanvrager").
bool LooksLikeValue(const PageText& page, const WordRun& run) {
  for (int w : run.words) {
    for (char c : page.words[w].text) {
      if (IsAsciiDigit(c) || c == '@') return true;
    }
  }
  return false;
}

// Words with a letter or digit: part of a longer label, not a speck or the
// "*" that marks a required field ("Postcode en plaats *").
bool HasText(const PageText& page, const std::vector<int>& words) {
  for (int w : words) {
    for (char c : page.words[w].text) {
      if (IsAsciiDigit(c) || IsAsciiAlpha(c) || static_cast<unsigned char>(c) >= 0xC0) return true;
    }
  }
  return false;
}

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

// A field with a vocabulary: a value that is one of its spellings once
// spaces, case and accents are set aside ("Haar lem" → "Haarlem") takes
// that spelling, and a split word no longer counts against it; one letter
// off a single spelling takes it as a repair; anything else is unknown.
void ApplyVocabulary(const FieldRule& rule, const MatchedText& m, FieldValue& v) {
  if (rule.vocabulary.empty() || !v.valid) return;
  const std::string key = MatchKey(v.value);
  for (size_t i = 0; i < rule.vocabulary_keys.size(); ++i) {
    if (rule.vocabulary_keys[i] != key) continue;
    v.value = rule.vocabulary[i];
    v.parts.known = true;
    if (m.split_word) v.parts.pattern = std::min(1.0, v.parts.pattern / kSplitWordFactor);
    return;
  }
  int near = -1, near_count = 0;
  if (key.size() >= 5) {
    for (size_t i = 0; i < rule.vocabulary_keys.size(); ++i) {
      if (EditDistance(rule.vocabulary_keys[i], key, 1) <= 1) {
        near = static_cast<int>(i);
        ++near_count;
      }
    }
  }
  if (near_count == 1) {
    v.value = rule.vocabulary[near];
    v.parts.known = true;
    v.parts.repaired = true;
    return;
  }
  v.parts.unknown = true;
}

// Turns matched text into a candidate value.
FieldValue MakeCandidate(const FieldRule& rule, const ExtractContext& ctx, const MatchedText& m,
                         double label_similarity, std::string how) {
  FieldValue v;
  v.found = true;
  v.raw = m.text;
  v.page = (*ctx.pages)[m.page_index].page_no;
  v.bbox = m.bbox;
  v.span = m.span;
  const std::optional<Validated> checked = NormaliseAndValidate(rule.type, m.text);
  if (checked) {
    v.value = checked->value;
    v.valid = checked->valid;
    v.errors = checked->errors;
    v.parts.repaired = checked->repaired;
    v.parts.unusual = checked->unusual;
  }
  ApplyFieldRules(rule, ctx.today, v);
  v.parts.ocr = m.ocr_confidence;
  v.parts.label = label_similarity;
  v.parts.pattern = m.pattern_quality;
  v.parts.checksum = HasChecksum(rule.type) && v.valid;
  v.parts.formatted_number = IsFormattedNumberType(rule.type) && MostlyDigits(m.text);
  ApplyVocabulary(rule, m, v);
  v.confidence = CombineConfidence(v.parts, v.valid, ctx.model);
  v.how = std::move(how);
  return v;
}

std::string LabelText(const PageText& page, const WordSpan& span) {
  std::string text;
  for (int w = span.first; w < span.first + span.count; ++w) text += (text.empty() ? "" : " ") + page.words[w].text;
  return text;
}

// Candidates from label matches: per label span, the first position (in the
// rule's order) whose text holds a value; an invalid value there lets later
// positions try, but stays as a fallback. Returns true when some label stood
// on its own (not part of a longer phrase); a combined label only when it
// gave a value.
bool LabelCandidates(const FieldRule& rule, size_t index, const ExtractContext& ctx,
                     std::vector<FieldValue>& out) {
  bool whole_label = false;
  for (const LabelSpan& span : ctx.labels->fields[index]) {
    const PageText& page = (*ctx.pages)[span.page_index];
    const std::string label_text = LabelText(page, span);
    // A combined label ("Postcode en woonplaats") gives the field's part of
    // its value by the combined entry's pattern.
    const bool combined = span.combined >= 0;
    const re2::RE2* value_re = combined ? rule.combined[span.combined].re.get() : rule.value_re.get();
    if (combined && value_re == nullptr) continue;
    const std::string label_kind = combined ? "combined label '" : span.by_words ? "label by its words '" : "label '";
    bool runs_into_label = false;
    const std::vector<int> tail = LabelTail(page, span, ctx.labels->stops[span.page_index], &runs_into_label);
    const bool partial = (HasText(page, tail) && !IsHint(page, tail) && !ClosesQuestion(page, span, tail)) ||
                         QualifiesLabel(page, LabelHead(page, span)) || (tail.empty() && runs_into_label);
    // A combined label's pattern is loose (a street, a number): inside a
    // longer phrase ("Adres bouwlocatie", or a title "Wijziging woonadres")
    // it counts only where its pattern takes the whole text there.
    const bool whole_only = combined && partial;
    std::optional<FieldValue> fallback;
    std::optional<std::pair<WordRun, Position>> unread;
    bool found = false;
    for (Position pos : rule.positions) {
      const WordRun run = LocateValue(page, span, pos, ctx.labels->stops[span.page_index], rule.max_words);
      if (run.words.empty()) continue;
      // Free text after a label on a form is as likely the label's own
      // continuation ("Achternaam aanvrager"); only a typed value is taken.
      if (run.label_tail && IsFreeTextType(rule.type)) continue;
      std::optional<MatchedText> m = MatchInRun(page, run, value_re, combined);
      // At a label of the field's own, the box may hold a value of several
      // parts all the same ("Woonplaats" over "3811 BB Amersfoort"): its
      // part, when that is another text than the field's own pattern takes
      // ("BB Amersfoort"). The same text stays judged by the own pattern
      // (a speck before "131" must not pass for a street).
      std::optional<MatchedText> whole = combined ? std::nullopt : WholeCombinedMatch(rule, page, run);
      const bool whole_combined = whole && (!m || m->text != whole->text);
      if (whole_combined) m = std::move(whole);
      if (m && run.may_continue) m->pattern_quality *= kSplitWordFactor;
      // Under the label, a value that is a small part of a longer text is a
      // number in the next sentence ("schaal 1:100"), not the value.
      if (m && pos == Position::kBelow && value_re != nullptr && m->small_part) m.reset();
      if (m && whole_only && (m->small_part || m->pattern_quality < kWholeCombined)) m.reset();
      if (!m) {
        // Beside the label, not in a sentence (a label with words around
        // it), unless the words after it are all there is (running text:
        // "Mijn BSN is 1447.62:566.").
        const bool beside = !partial || (run.label_tail && !IsFreeTextType(rule.type));
        // Of a combined label the field's part may be absent ("Adres" with
        // the street only): nothing unread. Under the label only a few
        // words, as a box holds them ("daan22@hotmail.éom"), not a sentence.
        const bool near = pos == Position::kRight || pos == Position::kSameCell ||
                          (pos == Position::kBelow && run.words.size() <= kMaxUnreadBelowWords);
        if (!unread && !combined && beside && near && LooksLikeValue(page, run)) {
          unread.emplace(run, pos);
        }
        continue;
      }
      found = true;
      FieldValue v = MakeCandidate(rule, ctx, *m, span.similarity,
                                   label_kind + label_text + "' (" + FormatScore(span.similarity) + "), " +
                                       std::string(PositionName(pos)) + (whole_combined ? ", a combined value" : ""));
      v.parts.partial_label = partial && !run.label_tail;
      if (v.parts.partial_label) {
        // Perhaps another field's label ("Naam" in "Naam onderneming").
        v.confidence *= kPartialLabelFactor;
        v.how += " (the label is part of a longer one)";
      }
      if (v.valid) {
        out.push_back(std::move(v));
        fallback.reset();
        break;
      }
      if (!fallback) fallback = std::move(v);
    }
    // A label of its own; a combined one ("Adres" over the street alone)
    // only when it gave the field's part: "Postcode bouwlocatie" below it
    // is then the postcode's label.
    if (!partial && (!combined || found || fallback)) whole_label = true;
    if (fallback) out.push_back(std::move(*fallback));
    // A label of its own with text beside it in which no value could be
    // recognised ("jan@out look . com"): the value is there but unread. Not
    // finding it would let an optional field pass as left blank.
    if (!found && unread) {
      if (std::optional<MatchedText> m = MatchInRun(page, unread->first, nullptr)) {
        FieldValue v = MakeCandidate(rule, ctx, *m, span.similarity,
                                     "label '" + label_text + "' (" + FormatScore(span.similarity) + "), " +
                                         std::string(PositionName(unread->second)) + ": no value recognised");
        v.valid = false;
        v.errors = {"unreadable"};
        v.confidence = std::min(v.confidence, ctx.model.invalid_cap);
        out.push_back(std::move(v));
      }
    }
  }
  return whole_label;
}

// A field none of whose labels gave a valid value: the labels of the fields
// it shares a combined label with (SiblingFields), where the box holds the
// whole combined value ("Plaats" over "3811 BB Amersfoort" gives the
// postcode, "Straatnaam" over "Emmastraat 12" the house number). Less sure,
// as a label that is part of a longer one.
void SiblingCandidates(const DocTypeRule& type, size_t index, const ExtractContext& ctx,
                       std::vector<FieldValue>& out) {
  const FieldRule& rule = type.fields[index];
  for (const SiblingField& s : SiblingFields(type, index)) {
    const re2::RE2* re = rule.combined[s.combined].re.get();
    if (re == nullptr) continue;
    const FieldRule& sibling = type.fields[s.field];
    for (const LabelSpan& span : ctx.labels->fields[s.field]) {
      if (span.combined >= 0) continue;  // a combined label the field has as well
      const PageText& page = (*ctx.pages)[span.page_index];
      for (Position pos : sibling.positions) {
        const WordRun run = LocateValue(page, span, pos, ctx.labels->stops[span.page_index], sibling.max_words);
        if (run.words.empty() || run.label_tail || run.may_continue) continue;
        std::optional<MatchedText> m = MatchInRun(page, run, re, /*combined=*/true);
        if (!m || m->small_part || m->pattern_quality < kWholeCombined) continue;
        FieldValue v = MakeCandidate(rule, ctx, *m, span.similarity,
                                     "label '" + LabelText(page, span) + "' of " + sibling.name + " (" +
                                         FormatScore(span.similarity) + "), " + std::string(PositionName(pos)) +
                                         ", a combined value");
        if (!v.valid) continue;
        v.parts.partial_label = true;
        v.confidence *= kPartialLabelFactor;
        out.push_back(std::move(v));
        break;
      }
    }
  }
}

// A second reading of a doubtful value: first OCR as it is, then (when that
// gives no valid value) limited to the characters of the field's type. A
// limited reading is the second choice: it forces every mark into one of
// the characters ("[8025 CS" becomes "T025S"), where a free reading leaves a
// box edge as "[" beside the value. nullopt when neither gives a valid value.
std::optional<FieldValue> SecondReading(const FieldRule& rule, const ExtractContext& ctx, const FieldValue& first) {
  const std::string any;  // a reading not limited to some characters
  const std::string limited = ReadingCharset(rule.type, first.raw);
  for (const std::string* charset : {&any, &limited}) {
    if (charset == &limited && limited.empty()) break;  // free text: one reading
    const std::optional<MatchedText> m = RereadValue(rule, first, *ctx.pages, ctx.reread, *charset);
    if (!m) continue;
    FieldValue second = MakeCandidate(rule, ctx, *m, first.parts.label, first.how);
    if (second.valid) return second;
  }
  return std::nullopt;
}

// A doubtful value (reread.h) read again on its own. Two readings that
// agree make the surer one's OCR confidence count; a valid second reading
// replaces an invalid first one, with its own confidence; a second reading
// that gives another valid value about as surely (kAsSure) leaves a coin's
// toss between them, so the first is no surer than kDisagreementCap; a much
// less sure other value (a cut-off or garbled reading) leaves the first as
// it was. The text read is not put in `how`: it may be personal data.
FieldValue ReadAgain(const FieldRule& rule, const ExtractContext& ctx, FieldValue first) {
  if (!ctx.reread || !IsDoubtful(rule, first, *ctx.pages)) return first;
  if (ctx.ink_ratio) {
    const std::optional<double> ink = ctx.ink_ratio(first.page, first.bbox);
    if (ink && *ink < kMinRereadInk) return first;
  }
  std::optional<FieldValue> second = SecondReading(rule, ctx, first);
  if (!second) {
    first.how += "; read again on its own: no valid value";
    return first;
  }
  char note[64];
  std::snprintf(note, sizeof note, " (OCR %.2f)", second->parts.ocr);
  // Factors the first confidence had beyond its parts (a partial label, a
  // rival value) apply to the second as well.
  const double base = CombineConfidence(first.parts, first.valid, ctx.model);
  const double factor = first.valid && base > 0 ? first.confidence / base : 1.0;
  if (first.valid && second->value == first.value) {
    first.parts.ocr = std::max(first.parts.ocr, second->parts.ocr);
    first.confidence = std::min(ctx.model.ceiling, CombineConfidence(first.parts, true, ctx.model) * factor);
    first.how += std::string("; read again on its own: the same value") + note;
    return first;
  }
  if (first.valid) {
    switch (CompareReadings(first.raw, second->raw)) {
      case OtherReading::kSameLetters:
        first.how += std::string("; read again on its own: the same letters, in another case or spacing") + note;
        return first;
      case OtherReading::kCutShort:
        first.how += std::string("; read again on its own: a part of the value") + note;
        return first;
      case OtherReading::kEdgeMark:
        first.confidence = std::min(first.confidence, kDisagreementCap);
        first.how += std::string("; read again on its own: the value with a mark at its edge more or less") + note;
        return first;
      case OtherReading::kRival: break;
    }
    if (second->confidence >= first.confidence - kAsSure) {
      first.confidence = std::min(first.confidence, kDisagreementCap);
      first.how += std::string("; read again on its own: a different value as surely") + note;
    } else {
      first.how += std::string("; read again on its own: a different value, less surely") + note;
    }
    return first;
  }
  second->parts.partial_label = first.parts.partial_label;
  if (second->parts.partial_label) second->confidence *= kPartialLabelFactor;
  second->how += std::string("; read again on its own: a valid value") + note;
  return *second;
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
    // Where the field's label stands on its own, the same words inside a
    // longer phrase are another field's label ("aanvrager" in "Handtekening
    // aanvrager"), not a second place for the value.
    if (LabelCandidates(rule, index, ctx, candidates)) {
      std::erase_if(candidates, [](const FieldValue& c) { return c.parts.partial_label; });
    }
    if (std::none_of(candidates.begin(), candidates.end(), [](const FieldValue& c) { return c.valid; })) {
      SiblingCandidates(type, index, ctx, candidates);
    }
    ContextCandidates(rule, ctx, candidates);
    // Best: valid before invalid, then higher confidence, then reading order.
    // With pick: first, reading order instead of confidence.
    std::stable_sort(candidates.begin(), candidates.end(), [&](const FieldValue& a, const FieldValue& b) {
      if (a.valid != b.valid) return a.valid;
      if (a.parts.partial_label != b.parts.partial_label) return !a.parts.partial_label;
      if (rule.pick_first) {
        if (a.page != b.page) return a.page < b.page;
        return a.bbox.y0 != b.bbox.y0 ? a.bbox.y0 < b.bbox.y0 : a.bbox.x0 < b.bbox.x0;
      }
      return a.confidence > b.confidence;
    });
    if (!candidates.empty()) {
      result = candidates.front();
      if (!rule.repeat) result = ReadAgain(rule, ctx, std::move(result));
      if (rule.repeat) {
        // Each text that two patterns matched counts once; a doubtful one is
        // read again.
        std::vector<FieldValue> occurrences;
        for (const FieldValue& c : candidates) {
          const bool same = std::any_of(occurrences.begin(), occurrences.end(), [&](const FieldValue& o) {
            return o.page == c.page && o.bbox == c.bbox && o.raw == c.raw;
          });
          if (!same) occurrences.push_back(ReadAgain(rule, ctx, c));
        }
        for (const FieldValue& c : occurrences) {
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
          const auto unread = std::count_if(occurrences.begin(), occurrences.end(),
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
        // Two labels that give different valid values: we cannot be sure. A
        // rival read too poorly to stand on its own (a signature read as
        // "NAW") does not count.
        for (size_t k = 1; k < candidates.size(); ++k) {
          if (candidates[k].parts.partial_label && !result.parts.partial_label) continue;
          if (candidates[k].valid && result.valid && candidates[k].value != result.value &&
              candidates[k].confidence > 0.5 * result.confidence && candidates[k].confidence >= kRivalConfidence) {
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


}  // namespace scanstraat
