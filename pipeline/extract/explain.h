// `scanstraat explain`: a human-readable account of what the rules made of a
// document — which type won and by how much, and per field where it was
// found, by which rule, with what confidence, and why it passed or failed.
// Masked fields are shown masked unless the caller may see them.
//
// Thread-safety: pure functions.
#pragma once

#include <string>

#include "pipeline/extract/analysis.h"
#include "pipeline/extract/rule_set.h"

namespace scanstraat {

struct ExplainOptions {
  bool show_personal_data = false;  // print masked fields in clear
};

[[nodiscard]] std::string Explain(const Analysis& analysis, const RuleSet& rules);
[[nodiscard]] std::string Explain(const Analysis& analysis, const RuleSet& rules, const ExplainOptions& options);

}  // namespace scanstraat
