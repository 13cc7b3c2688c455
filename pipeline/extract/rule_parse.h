// Internal to the rule loader: parsing of the parts of a rule file.
// Thread-safety: as YamlReader (one thread per file).
#pragma once

#include <yaml-cpp/yaml.h>

#include <memory>
#include <string>

#include "pipeline/extract/rule_set.h"
#include "pipeline/extract/yaml_reader.h"

namespace scanstraat {

// File-wide defaults (the `defaults:` block) applied to every field.
struct FieldDefaults {
  double min_confidence = 0.8;
  double label_similarity = 0.8;
  std::vector<Position> positions = {Position::kRight, Position::kBelow, Position::kSameCell};
};

// Compiles an RE2 pattern (case-insensitive); records a problem at `at` and
// returns null when it does not compile.
std::shared_ptr<const re2::RE2> CompilePattern(YamlReader& r, const YAML::Node& at, const std::string& pattern);

std::vector<Position> ParsePositions(YamlReader& r, const YAML::Node& node);
FieldRule ParseField(YamlReader& r, const YAML::Node& node, const FieldDefaults& defaults);
ClassifyRule ParseClassify(YamlReader& r, const YAML::Node& node);

}  // namespace scanstraat
