// Test helpers: the small rule set of tests/extract/data/test_rules, loaded
// once per test binary, and a field of an analysis by name.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "pipeline/extract/analyze.h"
#include "pipeline/extract/rule_set.h"

namespace scanstraat::testing {

inline const RuleSet& TestRules() {
  static const RuleSet* rules = [] {
    auto r = LoadRuleSet(std::filesystem::path(SCANSTRAAT_SOURCE_DIR) / "tests/extract/data/test_rules");
    if (!r.ok()) ADD_FAILURE() << r.status().ToString();
    return new RuleSet(r.ok() ? std::move(r).value() : RuleSet());
  }();
  return *rules;
}

// The field `name` of `a`; a test failure and an empty value when there is none.
inline const FieldValue& Field(const Analysis& a, const std::string& name) {
  for (const auto& f : a.fields) {
    if (f.name == name) return f;
  }
  static FieldValue none;
  ADD_FAILURE() << "no field " << name;
  return none;
}

}  // namespace scanstraat::testing
