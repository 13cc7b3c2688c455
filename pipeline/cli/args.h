// A small command-line parser: `--name value`, `--name=value`, boolean
// `--flag`, and positional arguments. Unknown options are errors.
// Thread-safety: values.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pipeline/core/status.h"

namespace scanstraat {

struct ParsedArgs {
  std::map<std::string, std::string> values;  // option name without dashes → last value
  std::map<std::string, std::vector<std::string>> all_values;  // every value, in order
  std::set<std::string> flags;
  std::vector<std::string> positional;

  bool Has(const std::string& name) const { return values.count(name) || flags.count(name); }
  std::optional<std::string> Get(const std::string& name) const;
  std::vector<std::string> GetAll(const std::string& name) const;
};

// `with_value`: options that take a value; `flags`: options that do not.
Result<ParsedArgs> ParseArgs(const std::vector<std::string>& args,
                             const std::set<std::string>& with_value,
                             const std::set<std::string>& flags);

// The workspace a command works on: --workspace, else $SCANSTRAAT_WORKSPACE,
// else ./workspace.
std::string WorkspaceFrom(const ParsedArgs& args);

// Parses a whole number in [lo, hi]; the error names the option.
Result<int64_t> ParseInt(const std::string& option, const std::string& text, int64_t lo, int64_t hi);

}  // namespace scanstraat
