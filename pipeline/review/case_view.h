// The case as the review screen and `scanstraat review show` see it
// (pipeline/serve/API.md, "The case"): the record's fields in rule order
// with their corrections, doubt and reasons, and masked fields masked. The
// view never holds a masked field in clear, whoever asks; revealing is a
// separate, audited call.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/extract/rule_set.h"
#include "pipeline/review/cases.h"
#include "pipeline/store/store.h"

namespace scanstraat {

struct PageView {
  int page = 0;
  int width = 0, height = 0;  // of the preview image, pixels
  double scale = 2.0;         // bbox coordinates = preview pixels × scale
};

// The preview of a page is drawn at this share of its stored resolution.
inline constexpr double kPreviewScale = 0.5;

// The field list, doctype and state of `c`. `rules` may lack the case's type
// (unknown, or rules changed): then the record's fields are shown as they are.
[[nodiscard]] nlohmann::json CaseView(const CaseRow& c, const RuleSet& rules,
                                      const std::vector<PageView>& pages);

// The record of `c` with its corrections applied (values in clear): what is
// archived on approval. Corrected fields get valid=true, errors=[],
// confidence 1 and "corrected": true; a correction to "" empties a field.
[[nodiscard]] nlohmann::ordered_json CorrectedRecord(const CaseRow& c);

// Fields that keep an approval back: required but missing or invalid, or
// read but invalid and not corrected. With `unknown` when the type is.
[[nodiscard]] std::vector<std::string> NotReady(const nlohmann::ordered_json& record,
                                                const RuleSet& rules);

// The field's label for people: its first label in the rules, else its name.
[[nodiscard]] std::string FieldLabel(const FieldRule* rule, const std::string& name);

}  // namespace scanstraat
