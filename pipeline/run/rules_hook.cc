#include "pipeline/run/rules_hook.h"

#include <filesystem>
#include <memory>

#include "pipeline/core/log.h"
#include "pipeline/extract/analyze.h"
#include "pipeline/extract/rule_set.h"

namespace scanstraat {

nlohmann::json ArchiveFacts(const RuleSet& rules, const nlohmann::json& record) {
  nlohmann::json out = nlohmann::json::object();
  const nlohmann::json* doctype = record.contains("doctype") ? &record["doctype"] : nullptr;
  const std::string id = doctype && doctype->is_object() ? doctype->value("id", "") : "";
  const DocTypeRule* type = rules.Find(id);
  if (type == nullptr) return out;
  const ArchiveSettings& s = type->archive;
  out["archive_settings"] = {{"name", s.name.empty() ? type->title : s.name},
                             {"selectielijst", s.selectielijst}, {"categorie", s.categorie},
                             {"omschrijving", s.omschrijving}, {"waardering", s.waardering},
                             {"bewaartermijn", s.bewaartermijn}, {"from_batch", s.from_batch}};
  nlohmann::json dates = nlohmann::json::array();
  const nlohmann::json fields = record.value("fields", nlohmann::json::object());
  for (const FieldRule& rule : type->fields) {
    if (rule.type != "date" || rule.mask || !fields.contains(rule.name)) continue;
    const nlohmann::json& f = fields[rule.name];
    if (f.contains("values") && f["values"].is_array()) {
      for (const nlohmann::json& item : f["values"])
        if (item.contains("value") && item["value"].is_string()) dates.push_back(item["value"]);
    } else if (f.value("valid", false) && f.contains("value") && f["value"].is_string()) {
      dates.push_back(f["value"]);
    }
  }
  out["document_dates"] = std::move(dates);
  return out;
}

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
                                 const PageAccess& access) {
    AnalyzeOptions o = base;
    o.ink_ratio = access.ink;
    o.reread = access.reread;
    Analysis a = Analyze(*rules, pages, id, o);
    nlohmann::json out = ToResultJson(a);
    out.update(ArchiveFacts(*rules, out));
    return out;
  });
}

}  // namespace scanstraat
