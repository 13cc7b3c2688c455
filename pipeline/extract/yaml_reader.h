// Reading typed values out of yaml-cpp nodes while collecting problems with
// file:line, never throwing. Used by the rule loader only.
//
// Thread-safety: a YamlReader is used by one thread (it appends problems).
#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/extract/rule_set.h"

namespace scanstraat {

class YamlReader {
 public:
  YamlReader(std::string file, std::vector<RuleProblem>& problems)
      : file_(std::move(file)), problems_(problems) {}

  void Problem(const YAML::Node& at, const std::string& message);
  void ProblemAtLine(int line, const std::string& message);
  [[nodiscard]] static int Line(const YAML::Node& n) { return n.Mark().line + 1; }

  // Reports keys of the map `node` that are not in `allowed`.
  void CheckKeys(const YAML::Node& node, std::initializer_list<std::string_view> allowed,
                 std::string_view where);

  // Each returns nullopt (after recording a problem) when the key is present
  // but of the wrong kind, and nullopt silently when absent unless required.
  std::optional<std::string> String(const YAML::Node& map, const char* key, bool required = false);
  std::optional<double> Double(const YAML::Node& map, const char* key, bool required = false);
  std::optional<int> Int(const YAML::Node& map, const char* key, bool required = false);
  std::optional<bool> Bool(const YAML::Node& map, const char* key);
  // A string or a list of strings.
  std::vector<std::string> Strings(const YAML::Node& map, const char* key);

 private:
  std::string file_;
  std::vector<RuleProblem>& problems_;
};

}  // namespace scanstraat
