#include "pipeline/extract/yaml_reader.h"

namespace scanstraat {

void YamlReader::Problem(const YAML::Node& at, const std::string& message) {
  const YAML::Mark m = at.Mark();
  problems_.push_back({file_, m.line + 1, m.column + 1, message});
}

void YamlReader::ProblemAtLine(int line, const std::string& message) {
  problems_.push_back({file_, line, 0, message});
}

void YamlReader::CheckKeys(const YAML::Node& node, std::initializer_list<std::string_view> allowed,
                           std::string_view where) {
  if (!node.IsMap()) return;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string key = it->first.Scalar();
    bool ok = false;
    for (auto a : allowed) ok = ok || a == key;
    if (!ok) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      Problem(it->first, "unknown key '" + key + "' in " + std::string(where) + " (expected one of: " + list + ")");
    }
  }
}

std::optional<std::string> YamlReader::String(const YAML::Node& map, const char* key, bool required) {
  const YAML::Node n = map[key];
  if (!n) {
    if (required) Problem(map, std::string("missing required key '") + key + "'");
    return std::nullopt;
  }
  if (!n.IsScalar()) {
    Problem(n, std::string("'") + key + "' must be a text value");
    return std::nullopt;
  }
  return n.Scalar();
}

std::optional<double> YamlReader::Double(const YAML::Node& map, const char* key, bool required) {
  const YAML::Node n = map[key];
  if (!n) {
    if (required) Problem(map, std::string("missing required key '") + key + "'");
    return std::nullopt;
  }
  try {
    return n.as<double>();
  } catch (const YAML::Exception&) {
    Problem(n, std::string("'") + key + "' must be a number");
    return std::nullopt;
  }
}

std::optional<int> YamlReader::Int(const YAML::Node& map, const char* key, bool required) {
  const YAML::Node n = map[key];
  if (!n) {
    if (required) Problem(map, std::string("missing required key '") + key + "'");
    return std::nullopt;
  }
  try {
    return n.as<int>();
  } catch (const YAML::Exception&) {
    Problem(n, std::string("'") + key + "' must be a whole number");
    return std::nullopt;
  }
}

std::optional<bool> YamlReader::Bool(const YAML::Node& map, const char* key) {
  const YAML::Node n = map[key];
  if (!n) return std::nullopt;
  try {
    return n.as<bool>();
  } catch (const YAML::Exception&) {
    Problem(n, std::string("'") + key + "' must be true or false");
    return std::nullopt;
  }
}

std::vector<std::string> YamlReader::Strings(const YAML::Node& map, const char* key) {
  std::vector<std::string> out;
  const YAML::Node n = map[key];
  if (!n) return out;
  if (n.IsScalar()) {
    out.push_back(n.Scalar());
  } else if (n.IsSequence()) {
    for (const auto& item : n) {
      if (item.IsScalar()) {
        out.push_back(item.Scalar());
      } else {
        Problem(item, std::string("entries of '") + key + "' must be text");
      }
    }
  } else {
    Problem(n, std::string("'") + key + "' must be a text or a list of texts");
  }
  return out;
}

}  // namespace scanstraat
