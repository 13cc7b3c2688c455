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

}  // namespace

bool IsDoubtful(const FieldRule& rule, const FieldValue& v, const std::vector<PageText>& pages) {
  if (!v.found || IsInkFieldType(rule.type)) return false;
  if (v.bbox.width() <= 0 || v.bbox.height() <= 0) return false;
  const PageText* page = PageOf(pages, v.page);
  if (page == nullptr || page->source != TextSource::kOcr) return false;
  return !v.valid || v.confidence < rule.min_confidence;
}

std::optional<MatchedText> RereadValue(const FieldRule& rule, const FieldValue& v,
                                       const std::vector<PageText>& pages, const RereadFn& reread,
                                       const std::string& charset) {
  if (!reread) return std::nullopt;
  // A value over two lines (a date at a line end in a letter) is read line
  // by line: a single-line reading of both would be garbage.
  std::optional<Reread> again;
  for (const Box& box : v.line_boxes.empty() ? std::vector<Box>{v.bbox} : v.line_boxes) {
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
  std::optional<MatchedText> m = MatchInText(again->text, rule.value_re.get());
  // A small part of a longer text is a number in a sentence, not the value.
  if (!m || m->small_part) return std::nullopt;
  for (size_t p = 0; p < pages.size(); ++p) {
    if (pages[p].page_no == v.page) m->page_index = static_cast<int>(p);
  }
  m->bbox = v.bbox;
  m->line_boxes = v.line_boxes;
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
