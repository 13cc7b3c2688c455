#include "pipeline/cli/args.h"

#include <charconv>
#include <cstdlib>

namespace scanstraat {

std::optional<std::string> ParsedArgs::Get(const std::string& name) const {
  auto it = values.find(name);
  if (it == values.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> ParsedArgs::GetAll(const std::string& name) const {
  auto it = all_values.find(name);
  return it == all_values.end() ? std::vector<std::string>{} : it->second;
}

Result<ParsedArgs> ParseArgs(const std::vector<std::string>& args,
                             const std::set<std::string>& with_value,
                             const std::set<std::string>& flags) {
  ParsedArgs out;
  bool only_positional = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (only_positional || a.size() < 2 || a[0] != '-' || a == "-") {
      out.positional.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positional = true;
      continue;
    }
    std::string body = a.substr(a[1] == '-' ? 2 : 1);
    std::string name = body, value;
    bool inline_value = false;
    if (size_t eq = body.find('='); eq != std::string::npos) {
      name = body.substr(0, eq);
      value = body.substr(eq + 1);
      inline_value = true;
    }
    if (with_value.count(name)) {
      if (!inline_value) {
        if (i + 1 >= args.size()) return Status::InvalidArgument("option --" + name + " needs a value");
        value = args[++i];
      }
      out.values[name] = value;
      out.all_values[name].push_back(value);
    } else if (flags.count(name)) {
      if (inline_value) return Status::InvalidArgument("option --" + name + " takes no value");
      out.flags.insert(name);
    } else {
      return Status::InvalidArgument("unknown option " + a);
    }
  }
  return out;
}

std::string WorkspaceFrom(const ParsedArgs& args) {
  if (auto v = args.Get("workspace")) return *v;
  if (const char* env = std::getenv("SCANSTRAAT_WORKSPACE")) return env;
  return "workspace";
}

Result<int64_t> ParseInt(const std::string& option, const std::string& text, int64_t lo, int64_t hi) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size() || v < lo || v > hi)
    return Status::InvalidArgument("--" + option + " takes a whole number from " + std::to_string(lo) +
                                   " to " + std::to_string(hi) + ", not '" + text + "'");
  return v;
}

}  // namespace scanstraat
