#include "pipeline/extract/route.h"

#include <cstdint>

#include "pipeline/core/sha256.h"

namespace scanstraat {

std::vector<std::string> FieldReasons(const Analysis& analysis, const DocTypeRule& type) {
  std::vector<std::string> reasons;
  for (const FieldValue& v : analysis.fields) {
    const FieldRule* rule = type.FindField(v.name);
    if (rule == nullptr) continue;
    if (!v.found) {
      if (rule->required || analysis.poorly_read_page > 0) reasons.push_back("missing:" + v.name);
    } else if (!v.valid) {
      reasons.push_back("invalid:" + v.name);
    } else if (v.confidence < rule->min_confidence) {
      reasons.push_back("low_confidence:" + v.name);
    }
  }
  for (const CheckOutcome& c : analysis.checks) {
    if (c.passed.has_value() && !*c.passed) reasons.push_back("check_failed:" + c.name);
  }
  return reasons;
}

bool RereadCanChangeOutcome(const std::vector<std::string>& reasons) {
  for (const std::string& r : reasons) {
    const bool doubtful = r.rfind("invalid:", 0) == 0 || r.rfind("low_confidence:", 0) == 0 ||
                          r.rfind("check_failed:", 0) == 0;
    if (!doubtful) return false;
  }
  return true;
}

bool SampledForReview(const std::string& document_id, const std::string& seed, double rate) {
  if (rate <= 0) return false;
  if (rate >= 1) return true;
  const std::string hex = Sha256Hex(seed + "\n" + document_id);
  uint64_t v = 0;
  for (int i = 0; i < 16; ++i) {
    const char c = hex[i];
    v = (v << 4) | static_cast<uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
  }
  // Uniform in [0, 1).
  const double u = static_cast<double>(v >> 11) / static_cast<double>(uint64_t{1} << 53);
  return u < rate;
}

}  // namespace scanstraat
