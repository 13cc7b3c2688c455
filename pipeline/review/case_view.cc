#include "pipeline/review/case_view.h"

#include <algorithm>
#include <set>

#include "pipeline/validate/mask.h"

namespace scanstraat {
namespace {

using json = nlohmann::json;

// Reasons that name `field` ("invalid:bsn" names bsn).
std::vector<std::string> ReasonsFor(const std::vector<std::string>& reasons, const std::string& field) {
  std::vector<std::string> out;
  for (const std::string& r : reasons) {
    const size_t colon = r.find(':');
    if (colon != std::string::npos && r.compare(colon + 1, std::string::npos, field) == 0 &&
        std::find(out.begin(), out.end(), r) == out.end())
      out.push_back(r);
  }
  return out;
}

// A date keeps nothing (its last four characters would give day and month).
json Masked(const json& v, const std::string& type = "") {
  if (v.is_null()) return v;
  if (v.is_array()) {
    json out = json::array();
    for (const json& item : v) out.push_back(Masked(item, type));
    return out;
  }
  const std::string text = v.is_string() ? v.get<std::string>() : v.dump();
  if (type == "date") return std::string("**-**-****");
  return MaskValue(text);
}

json FieldView(const std::string& name, const FieldRule* rule, const json& f, const json* correction,
               const std::vector<std::string>& case_reasons) {
  const bool mask = rule != nullptr && rule->mask;
  json value = f.value("value", json());
  json raw = f.value("raw", json());
  json v;
  v["name"] = name;
  v["label"] = FieldLabel(rule, name);
  v["type"] = rule != nullptr ? rule->type : "text";
  v["required"] = rule != nullptr && rule->required;
  v["valid"] = f.value("valid", false);
  v["errors"] = f.value("errors", json::array());
  v["confidence"] = f.value("confidence", 0.0);
  v["page"] = f.value("page", json());
  v["bbox"] = f.value("bbox", json());
  v["reasons"] = ReasonsFor(case_reasons, name);
  v["review"] = rule != nullptr ? rule->review : "";
  v["corrected"] = correction != nullptr;
  v["corrected_by"] = correction != nullptr ? correction->value("by", json()) : json();
  v["second_needed"] = correction != nullptr && rule != nullptr && rule->review == "double" &&
                       correction->value("second_by", json()).is_null();
  if (correction != nullptr) {
    value = correction->value("value", json());
    if (value == json("")) value = nullptr;
    v["valid"] = true;
    v["errors"] = json::array();
  }
  const double min_conf = rule != nullptr ? rule->min_confidence : 0.8;
  v["doubtful"] = correction == nullptr &&
                  (!v["reasons"].empty() || (!value.is_null() && !f.value("valid", false)) ||
                   (!value.is_null() && f.value("confidence", 0.0) < min_conf));
  v["masked"] = mask && !value.is_null();
  v["revealable"] = mask && !value.is_null();
  const std::string type = rule != nullptr ? rule->type : "";
  v["value"] = mask ? Masked(value, type) : value;
  v["raw"] = mask ? Masked(raw, type) : raw;
  return v;
}

}  // namespace

std::string FieldLabel(const FieldRule* rule, const std::string& name) {
  if (rule != nullptr && !rule->labels.empty()) return rule->labels.front();
  std::string out = name;
  for (char& c : out)
    if (c == '_') c = ' ';
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

json CaseView(const CaseRow& c, const RuleSet& rules, const std::vector<PageView>& pages) {
  const json record = json::parse(c.result_json, nullptr, false);
  const json fields = record.is_object() ? record.value("fields", json::object()) : json::object();
  const DocTypeRule* type = rules.Find(c.doctype);
  json view;
  view["id"] = c.id;
  view["doc"] = c.doc_id.substr(0, 12);
  view["state"] = c.state;
  view["reasons"] = c.reasons;
  view["claimed_by"] = c.claimed_by.empty() ? json() : json(c.claimed_by);
  view["claim_expires"] = c.claim_expires;
  view["awaiting_second"] = c.awaiting_second;
  view["first_approval_by"] = c.first_approval_by.empty() ? json() : json(c.first_approval_by);
  view["doctype"] = {{"id", c.doctype},
                     {"name", type != nullptr ? type->title : std::string("Onbekend")},
                     {"confidence", record.is_object() && record.contains("doctype")
                                        ? record["doctype"].value("confidence", 0.0) : 0.0}};
  json types = json::array();
  for (const DocTypeRule& t : rules.types) types.push_back({{"id", t.id}, {"name", t.title}});
  view["doctypes"] = std::move(types);
  view["error"] = c.error_code.empty() ? json() : json({{"code", c.error_code}});
  json page_list = json::array();
  for (const PageView& p : pages) {
    page_list.push_back({{"page", p.page},
                         {"url", "/api/cases/" + std::to_string(c.id) + "/pages/" + std::to_string(p.page)},
                         {"width", p.width}, {"height", p.height}, {"scale", p.scale}});
  }
  view["pages"] = std::move(page_list);
  // Field reasons: the case's, and those of a record re-read for a new type.
  std::vector<std::string> reasons = c.reasons;
  if (record.is_object() && record.contains("route") && record["route"].is_object())
    for (const json& r : record["route"].value("reasons", json::array()))
      if (r.is_string()) reasons.push_back(r.get<std::string>());
  json list = json::array();
  std::set<std::string> shown;
  if (type != nullptr) {
    for (const FieldRule& rule : type->fields) {
      const json f = fields.value(rule.name, json::object());
      const json* corr = c.corrections.contains(rule.name) ? &c.corrections[rule.name] : nullptr;
      list.push_back(FieldView(rule.name, &rule, f, corr, reasons));
      shown.insert(rule.name);
    }
  }
  for (const auto& [name, f] : fields.items()) {
    if (shown.count(name)) continue;
    const json* corr = c.corrections.contains(name) ? &c.corrections[name] : nullptr;
    json v = FieldView(name, nullptr, f, corr, reasons);
    // Without its rule nobody knows whether it is personal data: mask it.
    if (!v["value"].is_null()) {
      v["value"] = Masked(v["value"]);
      v["raw"] = Masked(v["raw"]);
      v["masked"] = true;
      v["revealable"] = true;
    }
    list.push_back(std::move(v));
  }
  view["fields"] = std::move(list);
  return view;
}

nlohmann::ordered_json CorrectedRecord(const CaseRow& c) {
  nlohmann::ordered_json record = nlohmann::ordered_json::parse(c.result_json, nullptr, false);
  if (!record.is_object()) record = nlohmann::ordered_json::object();
  for (const auto& [name, corr] : c.corrections.items()) {
    nlohmann::ordered_json& f = record["fields"][name];
    const nlohmann::ordered_json value =
        nlohmann::ordered_json::parse(corr.value("value", json()).dump());
    const bool empty = value.is_null() || value == nlohmann::ordered_json("");
    f["value"] = empty ? nlohmann::ordered_json() : value;
    f["valid"] = !empty;
    f["errors"] = empty ? nlohmann::ordered_json::array({"missing"}) : nlohmann::ordered_json::array();
    f["confidence"] = 1.0;
    f["corrected"] = true;
  }
  return record;
}

std::vector<std::string> NotReady(const nlohmann::ordered_json& record, const RuleSet& rules) {
  std::vector<std::string> out;
  const std::string doctype = record.contains("doctype") && record["doctype"].is_object()
                                  ? record["doctype"].value("id", "") : "";
  const DocTypeRule* type = rules.Find(doctype);
  if (type == nullptr) return {"unknown_doctype"};
  const nlohmann::ordered_json fields = record.value("fields", nlohmann::ordered_json::object());
  for (const FieldRule& rule : type->fields) {
    const nlohmann::ordered_json f = fields.value(rule.name, nlohmann::ordered_json::object());
    const bool present = f.contains("value") && !f["value"].is_null();
    const bool valid = f.value("valid", false);
    if ((rule.required && (!present || !valid)) || (present && !valid)) out.push_back(rule.name);
  }
  return out;
}

}  // namespace scanstraat
