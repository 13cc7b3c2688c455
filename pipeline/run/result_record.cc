#include "pipeline/run/result_record.h"

namespace scanstraat {

std::string TextSourceOf(const std::vector<PageRecord>& pages) {
  bool ocr = false, text = false;
  for (const PageRecord& p : pages) {
    ocr |= p.source == "ocr";
    text |= p.source == "pdf_text";
  }
  if (ocr && text) return "mixed";
  if (ocr) return "ocr";
  if (text) return "pdf_text";
  return "none";
}

DocumentOutcome DecideDocument(const DocumentFacts& facts, const nlohmann::json& analysis) {
  DocumentOutcome out;
  out.pages = facts.page_count;
  out.text_source = TextSourceOf(facts.pages);

  int failed_pages = 0;
  const PageRecord* first_failure = nullptr;
  for (const PageRecord& p : facts.pages) {
    if (!p.error_code.empty()) {
      ++failed_pages;
      if (!first_failure) first_failure = &p;
    }
  }

  nlohmann::ordered_json record = {
      {"schema", "scanstraat.result/1"},
      {"document", {{"id", facts.id}, {"source", facts.source}, {"pages", facts.page_count},
                    {"text_source", out.text_source}}},
  };

  bool unreadable = !facts.open_status.ok() ||
                    (facts.page_count > 0 && failed_pages == facts.page_count);
  if (!facts.open_status.ok()) {
    out.error_code = facts.open_error_code.empty() ? std::string(CodeName(facts.open_status.code()))
                                                   : facts.open_error_code;
    out.error_message = facts.open_status.message();
  } else if (first_failure) {
    out.error_code = first_failure->error_code;
    out.error_message = first_failure->error_message;
    if (failed_pages > 1)
      out.error_message += " (and " + std::to_string(failed_pages - 1) + " more pages)";
  }

  if (unreadable || analysis.is_null()) {
    record["doctype"] = {{"id", "unknown"}, {"confidence", 0.0}, {"rules", nullptr}};
    record["fields"] = nlohmann::ordered_json::object();
    out.decision = unreadable ? "failed" : "review";
    out.reasons = {unreadable ? "unreadable" : "unknown_doctype"};
    if (!unreadable && failed_pages > 0) out.reasons.insert(out.reasons.begin(), "unreadable");
  } else {
    // Keep the contract's key order (ordered_json) for readable output.
    record["doctype"] = nlohmann::ordered_json::parse(analysis.at("doctype").dump());
    record["fields"] = nlohmann::ordered_json::parse(analysis.at("fields").dump());
    if (analysis.contains("checks"))
      record["checks"] = nlohmann::ordered_json::parse(analysis.at("checks").dump());
    const nlohmann::json& route = analysis.at("route");
    out.decision = route.at("decision").get<std::string>();
    out.reasons = route.at("reasons").get<std::vector<std::string>>();
    if (failed_pages > 0) {
      out.decision = "review";
      out.reasons.insert(out.reasons.begin(), "unreadable");
    }
  }
  record["route"] = {{"decision", out.decision}, {"reasons", out.reasons}};
  if (!out.error_code.empty())
    record["error"] = {{"code", out.error_code}, {"message", out.error_message}};
  record["archive"] = nullptr;
  out.result_json = record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return out;
}

nlohmann::ordered_json WithReview(nlohmann::ordered_json record, int64_t case_id,
                                  const std::string& case_state, const std::string& decided_by,
                                  const std::string& corrections_json) {
  if (case_id <= 0) {
    record["review"] = nullptr;
    return record;
  }
  nlohmann::ordered_json corrections = nlohmann::ordered_json::object();
  const nlohmann::json stored = nlohmann::json::parse(corrections_json, nullptr, false);
  if (stored.is_object()) {
    for (const auto& [field, c] : stored.items())
      corrections[field] = c.is_object() && c.contains("value") ? c["value"] : c;
  }
  record["review"] = {{"case", case_id}, {"state", case_state},
                      {"by", decided_by.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(decided_by)},
                      {"corrections", std::move(corrections)}};
  return record;
}

}  // namespace scanstraat
