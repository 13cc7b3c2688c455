#include "pipeline/cli/review_common.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "pipeline/core/log.h"
#include "pipeline/review/audit_log.h"

namespace scanstraat {

Result<std::shared_ptr<const RuleSet>> LoadReviewRules(const ParsedArgs& args) {
  const std::filesystem::path dir = args.Get("rules").value_or("rules");
  if (!std::filesystem::is_directory(dir)) {
    if (args.Has("rules")) return Status::InvalidArgument("rules folder " + dir.string() + " does not exist");
    LogWarn("no rules folder at " + dir.string() + "; fields are shown without their rules (use --rules DIR)");
    return std::make_shared<const RuleSet>();
  }
  Result<RuleSet> rules = LoadRuleSet(dir);
  if (!rules.ok()) return rules.status().WithContext("rules in " + dir.string());
  return std::make_shared<const RuleSet>(std::move(rules).value());
}

Result<Actor> CliActor(ReviewService& service, const ParsedArgs& args) {
  std::string name = args.Get("user").value_or("");
  if (name.empty()) {
    const char* env = std::getenv("SCANSTRAAT_USER");
    if (env != nullptr) name = env;
  }
  if (name.empty()) return Status::InvalidArgument("say who you are with --user NAME (or $SCANSTRAAT_USER)");
  Result<User> user = service.users().Find(name);
  if (!user.ok() || user->disabled) return Status::PermissionDenied("no enabled user " + name);
  return Actor{*user, CliOrigin()};
}

Result<std::string> ReadPasswordLine() {
  std::string line;
  if (!std::getline(std::cin, line)) return Status::InvalidArgument("no password on standard input");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace scanstraat
