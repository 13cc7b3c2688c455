#include "pipeline/run/rules_hook.h"

#include <filesystem>
#include <memory>

#include "pipeline/core/log.h"
#include "pipeline/extract/analyze.h"
#include "pipeline/extract/rule_set.h"

namespace scanstraat {
namespace {

// For the archive step (archive_step.h): the document type's archive
// settings, and the dates of the document for MDTO dekkingInTijd: valid values
// of its date fields that are not personal data (a birth date is masked).
void AddArchiveFacts(const RuleSet& rules, const Analysis& a, nlohmann::json& out) {
  const DocTypeRule* type = rules.Find(a.doctype);
  if (type == nullptr) return;
  const ArchiveSettings& s = type->archive;
  out["archive_settings"] = {{"name", s.name.empty() ? type->title : s.name},
                             {"selectielijst", s.selectielijst}, {"categorie", s.categorie},
                             {"omschrijving", s.omschrijving}, {"waardering", s.waardering},
                             {"bewaartermijn", s.bewaartermijn}, {"from_batch", s.from_batch}};
  nlohmann::json dates = nlohmann::json::array();
  for (const FieldValue& v : a.fields) {
    if (v.type != "date" || v.mask) continue;
    if (v.items.empty() && v.valid) dates.push_back(v.value);
    for (const FieldValue& i : v.items) dates.push_back(i.value);
  }
  out["document_dates"] = std::move(dates);
}

}  // namespace

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
    Analysis a = Analyze(*rules, pages, id, o);
    nlohmann::json out = ToResultJson(a);
    AddArchiveFacts(*rules, a, out);
    return out;
  });
}

}  // namespace scanstraat
