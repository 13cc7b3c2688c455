#include "pipeline/extract/explain.h"
#include "pipeline/validate/text_util.h"

#include <cstdio>

#include "pipeline/validate/mask.h"

namespace scanstraat {
namespace {

std::string Shown(const FieldValue& v, const std::string& text, const ExplainOptions& o) {
  return v.mask && !o.show_personal_data ? MaskValue(text) : text;
}

std::string Join(const std::vector<std::string>& items) {
  std::string s;
  for (const auto& i : items) s += (s.empty() ? "" : ", ") + i;
  return s;
}

void ExplainType(const Analysis& a, std::string& out) {
  out += "Document " + a.document_id.substr(0, 16) + "\n";
  if (a.doctype == "unknown") {
    out += "Type: unknown — no type reached its threshold\n";
  } else if (a.fallback) {
    out += "Type: " + a.doctype_rules + " (archive mode: no other type reached its threshold)\n";
  } else {
    out += "Type: " + a.doctype_rules + ", score " + FormatScore(a.doctype_confidence) + ", ahead of the next by " +
           FormatScore(a.doctype_margin) + "\n";
  }
  out += "Scores:\n";
  for (const TypeScore& s : a.scores) {
    out += "  " + s.id + "  " + FormatScore(s.score) + " (threshold " + FormatScore(s.threshold) + ", priority " +
           std::to_string(s.priority) + ")" + (s.excluded ? " excluded" : "") + "\n";
    for (const auto& n : s.notes) out += "      " + n + "\n";
  }
}

}  // namespace

std::string Explain(const Analysis& a, const RuleSet& rules) { return Explain(a, rules, ExplainOptions{}); }

std::string Explain(const Analysis& a, const RuleSet& rules, const ExplainOptions& o) {
  std::string out;
  ExplainType(a, out);
  const DocTypeRule* type = rules.Find(a.doctype);
  if (type != nullptr) out += "Rules: " + type->file + " version " + std::to_string(type->version) + "\n";
  if (!a.fields.empty()) out += "Fields:\n";
  for (const FieldValue& v : a.fields) {
    const FieldRule* rule = type ? type->FindField(v.name) : nullptr;
    const double min_conf = rule ? rule->min_confidence : 0.0;
    out += "  " + v.name + " (" + v.type + (rule && rule->required ? ", required" : "") + ", rule " + v.rule_file +
           ":" + std::to_string(v.rule_line) + ")\n";
    if (!v.found) {
      out += "      not found" + (v.how.empty() ? "" : ": " + v.how) + "\n";
      out += std::string("      => ") + (rule && rule->required ? "FAIL missing" : "ok (optional)") + "\n";
      continue;
    }
    out += "      value " + Shown(v, v.value, o) + "  read as \"" + Shown(v, v.raw, o) + "\"  page " +
           std::to_string(v.page) + " box [" + std::to_string(v.bbox.x0) + "," + std::to_string(v.bbox.y0) + "," +
           std::to_string(v.bbox.x1) + "," + std::to_string(v.bbox.y1) + "]\n";
    out += "      found by " + v.how + "\n";
    out += "      confidence " + FormatScore(v.confidence) + " (ocr " + FormatScore(v.parts.ocr) + ", label " + FormatScore(v.parts.label) +
           ", pattern " + FormatScore(v.parts.pattern) + (v.parts.checksum ? ", check digits hold" : "") +
           (v.parts.known ? ", in the vocabulary" : "") + (v.parts.unknown ? ", not in the vocabulary" : "") +
           (v.parts.repaired ? ", OCR repair needed" : "") + (v.parts.unusual ? ", unusual for its type" : "") +
           (v.parts.formatted_number ? ", a number: OCR counts less" : "") + "), minimum " + FormatScore(min_conf) + "\n";
    if (!v.items.empty()) out += "      " + std::to_string(v.items.size()) + " occurrences\n";
    if (!v.valid) {
      out += "      => FAIL invalid: " + Join(v.errors) + "\n";
    } else if (v.confidence < min_conf) {
      out += "      => FAIL low confidence\n";
    } else {
      out += "      => ok\n";
    }
  }
  if (!a.checks.empty()) out += "Checks:\n";
  for (const CheckOutcome& c : a.checks) {
    out += "  " + c.name + ": " + c.expr + "  => " +
           (!c.passed ? "skipped (a field it needs is missing or invalid)" : *c.passed ? "passed" : "FAILED") + "\n";
  }
  if (a.poorly_read_page > 0)
    out += "Page " + std::to_string(a.poorly_read_page) +
           " was read poorly: a field not found may be on it, unread, so it counts as missing.\n";
  out += "Route: " + a.decision + (a.reasons.empty() ? "" : " — " + Join(a.reasons)) + "\n";
  return out;
}

}  // namespace scanstraat
