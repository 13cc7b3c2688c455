#include "pipeline/extract/reread.h"

#include <algorithm>

#include "pipeline/validate/field_type.h"


namespace scanstraat {
namespace {

const PageText* PageOf(const std::vector<PageText>& pages, int page_no) {
  for (const PageText& p : pages) {
    if (p.page_no == page_no) return &p;
  }
  return nullptr;
}

bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || static_cast<unsigned char>(c) >= 0x80;
}

// Letters and digits of `text`, ASCII letters in lower case, and "|" (a box
// edge read as a sign); other characters (spaces, signs, "€") are dropped,
// non-ASCII letters kept as they are.
std::string ReadingKey(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\u20ac") == 0) {
      i += 2;
      continue;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80 || (c >= '0' && c <= '9') || c == '|') out.push_back(static_cast<char>(c));
    else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') out.push_back(static_cast<char>(c | 0x20));
  }
  return out;
}

std::string WithoutBars(std::string key) {
  std::erase(key, '|');
  return key;
}

bool IsEdgeSign(char c) { return c == '1' || c == 'l' || c == 'i' || c == '|'; }

// `longer` is `shorter` with an edge sign before or after it.
bool OneEdgeSignMore(const std::string& longer, const std::string& shorter) {
  if (shorter.empty() || longer.size() != shorter.size() + 1) return false;
  return (IsEdgeSign(longer.front()) && longer.compare(1, std::string::npos, shorter) == 0) ||
         (IsEdgeSign(longer.back()) && longer.compare(0, shorter.size(), shorter) == 0);
}

}  // namespace

OtherReading CompareReadings(const std::string& first, const std::string& second) {
  const std::string a = ReadingKey(first), b = ReadingKey(second);
  const std::string a_plain = WithoutBars(a), b_plain = WithoutBars(b);
  if (a == b) return OtherReading::kSameLetters;
  if (a_plain == b_plain || OneEdgeSignMore(a_plain, b_plain) || OneEdgeSignMore(b_plain, a_plain)) {
    return OtherReading::kEdgeMark;
  }
  if (2 * b_plain.size() < a_plain.size()) return OtherReading::kCutShort;
  return OtherReading::kRival;
}

std::string TrimOutside(std::string text, const ValueSpan& span) {
  size_t front = 0;
  while (front < span.outside_front && front < text.size() && !IsAlnum(text[front])) ++front;
  size_t back = 0;
  while (back < span.outside_back && back < text.size() - front && !IsAlnum(text[text.size() - 1 - back])) ++back;
  return text.substr(front, text.size() - front - back);
}

bool IsDoubtful(const FieldRule& rule, const FieldValue& v, const std::vector<PageText>& pages) {
  if (!v.found || IsInkFieldType(rule.type)) return false;
  if (v.bbox.width() <= 0 || v.bbox.height() <= 0) return false;
  const PageText* page = PageOf(pages, v.page);
  if (page == nullptr || page->source != TextSource::kOcr) return false;
  return !v.valid || v.confidence < std::max(rule.min_confidence, kCheckBelow);
}

std::optional<MatchedText> RereadValue(const FieldRule& rule, const FieldValue& v,
                                       const std::vector<PageText>& pages, const RereadFn& reread,
                                       const std::string& charset) {
  if (!reread) return std::nullopt;
  // A value over two lines (a date at a line end in a letter) is read line
  // by line: a single-line reading of both would be garbage.
  std::optional<Reread> again;
  for (const Box& box : v.span.lines.empty() ? std::vector<Box>{v.bbox} : v.span.lines) {
    std::optional<Reread> line = reread(v.page, box, charset);
    if (!line || line->confidences.empty()) return std::nullopt;
    if (!again) {
      again = std::move(line);
      continue;
    }
    again->text += " " + line->text;
    again->confidences.insert(again->confidences.end(), line->confidences.begin(), line->confidences.end());
  }
  if (!again) return std::nullopt;
  std::optional<MatchedText> m = MatchInText(TrimOutside(again->text, v.span), rule.value_re.get());
  // A small part of a longer text is a number in a sentence, not the value.
  if (!m || m->small_part) return std::nullopt;
  for (size_t p = 0; p < pages.size(); ++p) {
    if (pages[p].page_no == v.page) m->page_index = static_cast<int>(p);
  }
  m->bbox = v.bbox;
  m->span = v.span;
  // The reading's words, as Cover blends page words: the mean and the lowest.
  double sum = 0, low = 1;
  for (float c : again->confidences) {
    sum += c;
    low = std::min(low, static_cast<double>(c));
  }
  m->ocr_confidence = 0.5 * (sum / static_cast<double>(again->confidences.size()) + low);
  return m;
}

}  // namespace scanstraat
