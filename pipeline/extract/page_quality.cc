#include "pipeline/extract/page_quality.h"

#include "pipeline/validate/text_util.h"

namespace scanstraat {

double ReadingQuality(const PageText& page) {
  if (page.source != TextSource::kOcr) return -1;
  double sum = 0;
  int n = 0;
  for (const Word& w : page.words) {
    if (!HasAsciiLetterOrDigit(w.text)) continue;
    sum += w.confidence;
    ++n;
  }
  return n < kMinJudgedWords ? -1 : sum / n;
}

int FirstPoorlyReadPage(const std::vector<PageText>& pages, double threshold) {
  for (const PageText& p : pages) {
    const double q = ReadingQuality(p);
    if (q >= 0 && q < threshold) return p.page_no;
  }
  return 0;
}

}  // namespace scanstraat
