#include "pipeline/extract/confidence.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace scanstraat {

double CombineConfidence(const ConfidenceParts& p, bool valid, const ConfidenceModel& m) {
  auto clamp01 = [](double v) { return std::clamp(v, 0.0, 1.0); };
  const double ocr_weight = p.formatted_number ? m.number_ocr_weight : m.ocr_weight;
  double c = std::pow(clamp01(p.ocr), ocr_weight) * std::pow(clamp01(p.label), m.label_weight) *
             std::pow(clamp01(p.pattern), m.pattern_weight);
  if (valid && p.checksum) c = 1.0 - (1.0 - c) * m.checksum_doubt;
  if (valid && p.known) c = 1.0 - (1.0 - c) * m.vocabulary_doubt;
  if (p.unknown) c *= m.unknown_factor;
  if (p.repaired) c *= m.repaired_factor;
  if (p.unusual) c *= m.repaired_factor;
  if (!valid) c = std::min(c, m.invalid_cap);
  return std::min(c, m.ceiling);
}

std::vector<CalibrationRow> CalibrationTable(const std::vector<CalibrationSample>& samples, int buckets) {
  buckets = std::max(1, buckets);
  std::vector<CalibrationRow> rows(buckets);
  for (int i = 0; i < buckets; ++i) {
    rows[i].low = static_cast<double>(i) / buckets;
    rows[i].high = static_cast<double>(i + 1) / buckets;
  }
  for (const auto& s : samples) {
    int i = static_cast<int>(std::floor(std::clamp(s.confidence, 0.0, 1.0) * buckets));
    i = std::min(i, buckets - 1);
    ++rows[i].count;
    rows[i].correct += s.correct ? 1 : 0;
  }
  int count = 0, correct = 0;
  for (int i = buckets - 1; i >= 0; --i) {
    auto& r = rows[i];
    r.share_correct = r.count ? static_cast<double>(r.correct) / r.count : 0.0;
    count += r.count;
    correct += r.correct;
    r.count_at_least = count;
    r.share_correct_at_least = count ? static_cast<double>(correct) / count : 0.0;
  }
  return rows;
}

bool IsCalibrated(const std::vector<CalibrationRow>& table, double tolerance, int min_count) {
  for (const auto& r : table) {
    if (r.count_at_least >= min_count && r.share_correct_at_least < r.low - tolerance) return false;
  }
  return true;
}

std::string FormatCalibrationTable(const std::vector<CalibrationRow>& table) {
  std::string out = "confidence   n      correct  | >= low: correct (n)\n";
  for (auto it = table.rbegin(); it != table.rend(); ++it) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%.2f-%.2f  %-6d %-8.3f | %.3f (%d)%s\n", it->low, it->high, it->count,
                  it->share_correct, it->share_correct_at_least, it->count_at_least,
                  it->count_at_least > 0 && it->share_correct_at_least < it->low ? "  << overconfident" : "");
    out += buf;
  }
  return out;
}

}  // namespace scanstraat
