#include "pipeline/extract/analyze.h"

#include <algorithm>

#include "pipeline/extract/check_expr.h"
#include "pipeline/extract/classify.h"
#include "pipeline/extract/extract_field.h"
#include "pipeline/extract/page_words.h"
#include "pipeline/extract/page_quality.h"
#include "pipeline/extract/route.h"
#include "pipeline/validate/amount.h"
#include "pipeline/validate/date.h"

namespace scanstraat {
namespace {

CheckField ToCheckField(const FieldValue* v) {
  CheckField f;
  if (v == nullptr || !v->found) return f;
  f.present = true;
  if (!v->valid) return f;
  if (v->type == "date") {
    f.value = CheckValue::Date(v->value);
  } else if (v->type == "amount") {
    if (auto cents = AmountToCents(v->value)) f.value = CheckValue::Number(static_cast<double>(*cents) / 100.0);
  } else if (v->type == "integer") {
    f.value = CheckValue::Number(std::stod(v->value));
  } else if (v->type == "checkbox") {
    f.value = CheckValue::Bool(v->value == "true");
  } else {
    f.value = CheckValue::Text(v->value);
  }
  return f;
}

void RunChecks(const DocTypeRule& type, const std::string& today, Analysis& a) {
  auto lookup = [&](std::string_view name) -> CheckField {
    for (const FieldValue& v : a.fields) {
      if (v.name == name) return ToCheckField(&v);
    }
    return {};
  };
  for (const CheckRule& c : type.checks) {
    CheckOutcome out{c.name, c.expr, std::nullopt, c.line};
    if (c.compiled) out.passed = c.compiled->Evaluate(lookup, today);
    a.checks.push_back(std::move(out));
  }
}

// "a = b + c": an equality with arithmetic in it. When it holds, a misread
// digit in any of its amounts would have broken it, as check digits would.
bool IsArithmeticEquality(const std::string& expr) {
  bool equality = false;
  for (size_t i = 0; i < expr.size(); ++i) {
    if (expr[i] != '=') continue;
    const char before = i > 0 ? expr[i - 1] : ' ';
    const char after = i + 1 < expr.size() ? expr[i + 1] : ' ';
    if (before != '<' && before != '>' && before != '!' && before != '=' && after != '=') equality = true;
  }
  return equality && (expr.find('+') != std::string::npos || expr.find('-') != std::string::npos);
}

// Raises the confidence of the fields of every arithmetic equality that held.
void ConfirmByChecks(const DocTypeRule& type, const ConfidenceModel& model, Analysis& a) {
  for (size_t i = 0; i < type.checks.size() && i < a.checks.size(); ++i) {
    const CheckRule& rule = type.checks[i];
    if (!a.checks[i].passed.value_or(false) || !rule.compiled || !IsArithmeticEquality(rule.expr)) continue;
    for (const std::string& name : rule.compiled->Fields()) {
      for (FieldValue& v : a.fields) {
        if (v.name != name || !v.found || !v.valid) continue;
        v.confidence = std::min(model.ceiling, 1.0 - (1.0 - v.confidence) * model.checksum_doubt);
        v.how += "; confirmed by check " + rule.name;
      }
    }
  }
}

nlohmann::json BoxJson(const Box& b) { return nlohmann::json::array({b.x0, b.y0, b.x1, b.y1}); }

nlohmann::json ValueJson(const FieldValue& v) {
  if (!v.found) return nullptr;
  if (!v.items.empty()) {
    // Repeat fields: the distinct values, sorted (dates sort by time).
    std::vector<std::string> values;
    for (const FieldValue& i : v.items) values.push_back(i.value);
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
  }
  if (v.type == "checkbox" && v.valid) return v.value == "true";
  return v.value;
}

}  // namespace

Analysis Analyze(const RuleSet& rules, const std::vector<PageText>& read_pages, const std::string& document_id,
                 const AnalyzeOptions& options) {
  // Box outlines read as blank words would pass for values, and a label
  // glued to its value would not be found (page_words.h).
  const std::vector<PageText> pages = SplitGluedLabels(WithoutBlankWords(read_pages));
  Analysis a;
  a.document_id = document_id;
  a.archive_mode = options.archive_mode;
  a.scores = ScoreTypes(rules, pages);
  const std::string winner = options.doctype.empty() ? PickWinner(a.scores) : options.doctype;
  const DocTypeRule* type = winner.empty() ? nullptr : rules.Find(winner);
  if (type != nullptr && !options.doctype.empty()) {
    a.doctype_confidence = 1.0;  // a person said so
  } else if (type != nullptr) {
    for (const TypeScore& s : a.scores) {
      if (s.id == winner) a.doctype_confidence = s.score;
    }
    for (const TypeScore& s : a.scores) {
      if (s.id != winner) {
        a.doctype_margin = a.doctype_confidence - s.score;
        break;
      }
    }
  } else if (options.archive_mode && rules.ArchiveFallback() != nullptr) {
    type = rules.ArchiveFallback();
    a.fallback = true;
    // Sure it is none of the others to the degree the best of them missed.
    a.doctype_confidence = 1.0 - (a.scores.empty() ? 0.0 : a.scores.front().score);
  }
  if (type == nullptr) {
    a.reasons = {"unknown_doctype"};
    a.decision = "review";
    return a;
  }
  a.doctype = type->id;
  a.doctype_rules = type->Ref();
  a.doctype_file = type->file;

  a.poorly_read_page = FirstPoorlyReadPage(pages, options.confidence.poor_page);
  const LabelIndex labels = IndexLabels(*type, pages);
  ExtractContext ctx;
  ctx.pages = &pages;
  ctx.labels = &labels;
  ctx.ink_ratio = options.ink_ratio;
  ctx.today = options.today.empty() ? TodayIso() : options.today;
  ctx.model = options.confidence;
  auto extract = [&](const RereadFn& reread) {
    ctx.reread = reread;
    a.fields.clear();
    a.checks.clear();
    for (size_t i = 0; i < type->fields.size(); ++i) a.fields.push_back(ExtractField(*type, i, ctx));
    RunChecks(*type, ctx.today, a);
    ConfirmByChecks(*type, ctx.model, a);
    a.reasons = FieldReasons(a, *type);
  };
  // Reading values again is OCR, so it costs (a sixth more CPU per scanned
  // page when every doubtful value of every document was read again). It
  // runs only where it can change the outcome: see RereadCanChangeOutcome.
  extract(RereadFn{});
  if (options.reread && (options.reread_always || RereadCanChangeOutcome(a.reasons))) extract(options.reread);

  if (a.reasons.empty() && SampledForReview(document_id, options.sample_seed, options.sample_rate)) {
    a.reasons.push_back("sampled");
  }
  a.decision = a.reasons.empty() ? "archive" : "review";
  return a;
}

nlohmann::json ToResultJson(const Analysis& a) {
  nlohmann::json out;
  out["doctype"] = {{"id", a.doctype}, {"confidence", a.doctype_confidence}, {"rules", a.doctype_rules}};
  if (a.fallback) out["doctype"]["fallback"] = true;
  nlohmann::json fields = nlohmann::json::object();
  for (const FieldValue& v : a.fields) {
    nlohmann::json f;
    f["value"] = ValueJson(v);
    f["raw"] = v.found ? nlohmann::json(v.raw) : nlohmann::json(nullptr);
    f["valid"] = v.valid;
    f["confidence"] = v.confidence;
    f["page"] = v.found ? nlohmann::json(v.page) : nlohmann::json(nullptr);
    f["bbox"] = v.found ? BoxJson(v.bbox) : nlohmann::json(nullptr);
    f["errors"] = v.errors;
    f["rule"] = v.rule_file + ":" + std::to_string(v.rule_line);
    f["rules"] = v.rule_ref;
    if (!v.items.empty()) {
      nlohmann::json items = nlohmann::json::array();
      for (const FieldValue& i : v.items) {
        items.push_back({{"value", i.value}, {"raw", i.raw}, {"page", i.page}, {"bbox", BoxJson(i.bbox)},
                         {"confidence", i.confidence}});
      }
      f["values"] = std::move(items);
    }
    fields[v.name] = std::move(f);
  }
  out["fields"] = std::move(fields);
  nlohmann::json checks = nlohmann::json::array();
  for (const CheckOutcome& c : a.checks) {
    checks.push_back({{"name", c.name},
                      {"result", !c.passed ? "skipped" : (*c.passed ? "passed" : "failed")}});
  }
  out["checks"] = std::move(checks);
  out["route"] = {{"decision", a.decision}, {"reasons", a.reasons}};
  return out;
}

}  // namespace scanstraat
