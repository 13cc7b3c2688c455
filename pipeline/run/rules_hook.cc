#include "pipeline/run/rules_hook.h"

#include <filesystem>
#include <memory>

#include "pipeline/core/log.h"
#include "pipeline/extract/analyze.h"
#include "pipeline/extract/rule_set.h"

namespace scanstraat {

Result<AnalyzeFn> MakeAnalyzer(const RunOptions& options) {
  if (!std::filesystem::is_directory(options.rules_dir)) {
    if (options.rules_explicit)
      return Status::InvalidArgument("rules folder " + options.rules_dir.string() + " does not exist");
    LogWarn("no rules folder at " + options.rules_dir.string() +
            "; every document is unknown and goes to review (use --rules DIR)");
    return AnalyzeFn{};
  }
  Result<RuleSet> loaded = LoadRuleSet(options.rules_dir);
  if (!loaded.ok())
    return loaded.status().WithContext("rules in " + options.rules_dir.string() +
                                       " cannot be used (scanstraat rules check shows why)");
  auto rules = std::make_shared<const RuleSet>(std::move(loaded).value());
  AnalyzeOptions base;
  base.archive_mode = options.mode == "archive";
  base.sample_rate = options.sample_rate;
  return AnalyzeFn([rules, base](const std::string& id, const std::vector<PageText>& pages,
                                 const InkFn& ink) {
    AnalyzeOptions o = base;
    o.ink_ratio = ink;
    return ToResultJson(Analyze(*rules, pages, id, o));
  });
}

}  // namespace scanstraat
