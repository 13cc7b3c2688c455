// Builds a document's result record (RESULTS.md, "scanstraat.result/1") and
// its routing decision from what the pages gave and what the rules found.
// Thread-safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pipeline/core/status.h"
#include "pipeline/store/store.h"

namespace scanstraat {

struct DocumentFacts {
  std::string id;
  std::string source;
  int page_count = 0;                 // pages in the file (0 when it could not be opened)
  Status open_status;                 // not ok: the file could not be read at all
  std::string open_error_code;        // overrides the code name (e.g. "crashed")
  std::vector<PageRecord> pages;      // as stored, in page order
};

// "ocr", "pdf_text", "mixed" or "none" (no page was read).
std::string TextSourceOf(const std::vector<PageRecord>& pages);

// `analysis` holds the rules' "doctype", "fields" and "route" parts, or is
// null when no rules were applied (then the document is `unknown` and goes
// to review). Failed input: decision "failed", reason "unreadable".
DocumentOutcome DecideDocument(const DocumentFacts& facts, const nlohmann::json& analysis);

// Adds the review part to a stored record, for `scanstraat results`.
// `corrections_json` is the case's corrections column ({"field": {"value": …,
// …}}); the record shows field → corrected value.
nlohmann::ordered_json WithReview(nlohmann::ordered_json record, int64_t case_id,
                                  const std::string& case_state, const std::string& decided_by = "",
                                  const std::string& corrections_json = "{}");

}  // namespace scanstraat
