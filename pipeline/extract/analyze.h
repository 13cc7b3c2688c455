// The rules applied to one document: classify, extract every field,
// normalise and validate, run the cross-field checks, route. Also the
// "doctype", "fields" and "route" parts of the result record (RESULTS.md).
//
// Thread-safety: Analyze only reads the RuleSet and the pages, so many
// threads may analyse different documents with one RuleSet at once. The
// ink_ratio and reread functions are called on the calling thread.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/core/page_text.h"
#include "pipeline/extract/analysis.h"
#include "pipeline/extract/confidence.h"
#include "pipeline/extract/reread.h"
#include "pipeline/extract/rule_set.h"

namespace scanstraat {

struct AnalyzeOptions {
  // Archive batch: an unclassified document becomes the archive_fallback type
  // (archiefstuk) instead of `unknown` + review.
  bool archive_mode = false;
  // Share (0..1) of documents without any reason that still go to review.
  double sample_rate = 0.0;
  std::string sample_seed = "scanstraat";
  // Fraction of dark pixels in a box of page `page_no` (from 1); empty or
  // nullopt: fall back to tick marks read by OCR.
  std::function<std::optional<double>(int, Box)> ink_ratio;
  // Reads a box of a page again (reread.h); empty: a doubtful value is not
  // read again.
  RereadFn reread;
  // false (the default): read again only when that can change where the
  // document goes (RereadCanChangeOutcome in route.h); true: whenever a value
  // is doubtful (tests of the reading itself).
  bool reread_always = false;
  // "Today" for not_in_future and `today` in checks, YYYY-MM-DD; empty = the
  // system date. Tests and reruns of old batches set it.
  std::string today;
  ConfidenceModel confidence;  // defaults are the shipped calibration
  // A type chosen by a person (the review screen's "change type"): used
  // instead of the classifier's pick, with confidence 1. Must name a type of
  // the rule set; otherwise the document is `unknown`.
  std::string doctype;
};

[[nodiscard]] Analysis Analyze(const RuleSet& rules, const std::vector<PageText>& pages,
                               const std::string& document_id, const AnalyzeOptions& options);

// {"doctype": {...}, "fields": {...}, "route": {...}, "checks": [...]} as in
// RESULTS.md. Values are in clear (the export is for systems that may see
// them). Checkbox values are JSON booleans; repeat fields add "values".
[[nodiscard]] nlohmann::json ToResultJson(const Analysis& analysis);

}  // namespace scanstraat
