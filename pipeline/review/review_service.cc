#include "pipeline/review/review_service.h"

#include <cctype>

#include "pipeline/core/file_lock.h"
#include "pipeline/core/page_text_json.h"
#include "pipeline/core/log.h"
#include "pipeline/core/options.h"
#include "pipeline/extract/analyze.h"
#include "pipeline/review/case_view.h"
#include "pipeline/run/archive_step.h"
#include "pipeline/run/engine_pool.h"
#include "pipeline/run/reanalyze.h"
#include "pipeline/run/rules_hook.h"
#include "pipeline/validate/field_type.h"

namespace scanstraat {
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

Status Denied() { return Status::PermissionDenied("your role may not do this"); }

std::string CaseObject(int64_t id) { return "case:" + std::to_string(id); }

// Validates a value a reviewer typed for a field of `rule`.
CheckResult CheckValue(const FieldRule* rule, const json& value) {
  CheckResult r;
  if (value.is_string() && value.get<std::string>().empty()) {  // "not on the document"
    r.valid = rule == nullptr || !rule->required;
    if (!r.valid) r.errors = {"empty"};
    r.value = "";
    return r;
  }
  if (rule == nullptr) {
    r.errors = {"unknown_field"};
    return r;
  }
  if (rule->type == "checkbox") {
    r.valid = value.is_boolean() || value == json("true") || value == json("false");
    if (r.valid) r.value = value.is_boolean() ? value.get<bool>() : value == json("true");
    else r.errors = {"invalid_format"};
    return r;
  }
  if (!value.is_string()) {
    r.errors = {"invalid_format"};
    return r;
  }
  const std::string text = value.get<std::string>();
  if (rule->type == "choice") {
    for (const ChoiceOption& o : rule->options)
      if (o.key == text) r.valid = true;
    if (r.valid) r.value = text;
    else r.errors = {"unknown_option"};
    return r;
  }
  std::optional<Validated> v = NormaliseAndValidate(rule->type, text);
  if (!v) {
    r.errors = {"unknown_type"};
    return r;
  }
  r.valid = v->valid;
  r.errors = v->errors;
  r.value = v->value;
  if (r.valid && rule->has_range) {
    char* end = nullptr;
    const double n = std::strtod(v->value.c_str(), &end);
    if (end == v->value.c_str() || n < rule->range_min || n > rule->range_max) {
      r.valid = false;
      r.errors = {"out_of_range"};
    }
  }
  return r;
}

const FieldRule* RuleOf(const RuleSet& rules, const CaseRow& c, const std::string& field) {
  const DocTypeRule* type = rules.Find(c.doctype);
  return type != nullptr ? type->FindField(field) : nullptr;
}

}  // namespace

std::string AuditResult(const Status& s) {
  switch (s.code()) {
    case Code::kOk: return "ok";
    case Code::kPermissionDenied: return "denied";
    case Code::kConflict: return "conflict";
    case Code::kInvalidArgument: return "invalid";
    case Code::kNotFound: return "not_found";
    default: return "failed";
  }
}

ReviewService::ReviewService(fs::path workspace, std::unique_ptr<Store> store,
                             std::shared_ptr<const RuleSet> rules, SessionPolicy sessions)
    : workspace_(std::move(workspace)),
      store_(std::move(store)),
      rules_(std::move(rules)),
      users_(store_->db()),
      sessions_(store_->db(), std::move(sessions)),
      audit_(store_->db()),
      cases_(store_->db()) {}

Result<std::unique_ptr<ReviewService>> ReviewService::Open(const fs::path& workspace,
                                                           std::shared_ptr<const RuleSet> rules,
                                                           SessionPolicy sessions) {
  SS_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, Store::OpenExisting(workspace));
  if (!rules) rules = std::make_shared<const RuleSet>();
  return std::unique_ptr<ReviewService>(
      new ReviewService(workspace, std::move(store), std::move(rules), std::move(sessions)));
}

void ReviewService::Audit(const AuditEvent& e) {
  Status s = audit_.Append(e);
  if (!s.ok()) LogError("the audit log cannot be written: " + s.message());
}

template <typename T, typename F>
Result<T> ReviewService::Audited(const Actor& a, const std::string& action, int64_t id,
                                 const std::string& detail, bool allowed, F&& body) {
  AuditEvent e{a.user.name, action, CaseObject(id), "", a.origin, detail};
  if (!allowed) {
    e.result = "denied";
    Audit(e);
    return Denied();
  }
  Result<T> r = body(e);
  if (!r.ok()) {  // refusals and failures are logged too; successes log inside their transaction
    e.result = AuditResult(r.status());
    Audit(e);
  }
  return r;
}

Result<json> ReviewService::Queue(const Actor& a, const CaseFilter& filter) {
  if (!MayReadCases(a.user.role)) {
    Audit({a.user.name, "list_cases", "queue", "denied", a.origin, ""});
    return Denied();
  }
  SS_ASSIGN_OR_RETURN(std::vector<CaseRow> rows, cases_.ListOpen(filter));
  SS_ASSIGN_OR_RETURN(std::vector<CaseRow> all, cases_.ListOpen({}));
  json cases = json::array();
  for (const CaseRow& c : rows) {
    const DocTypeRule* t = rules_->Find(c.doctype);
    cases.push_back({{"id", c.id}, {"doc", c.doc_id.substr(0, 12)}, {"doctype", c.doctype},
                     {"doctype_name", t != nullptr ? t->title : std::string("Onbekend")},
                     {"reasons", c.reasons}, {"created_at", c.created_at},
                     {"claimed_by", c.claimed_by.empty() ? json() : json(c.claimed_by)},
                     {"claim_expires", c.claim_expires}, {"awaiting_second", c.awaiting_second}});
  }
  std::set<std::string> types, reasons;
  for (const CaseRow& c : all) {
    types.insert(c.doctype);
    for (const std::string& r : c.reasons) {
      reasons.insert(r);
      if (r.find(':') != std::string::npos) reasons.insert(r.substr(0, r.find(':')));
    }
  }
  return json{{"cases", std::move(cases)}, {"types", types}, {"reasons", reasons}};
}

Result<int64_t> ReviewService::Claim(const Actor& a, int64_t id) {
  return Audited<int64_t>(a, "claim", id, "", MayDecide(a.user.role), [&](AuditEvent& e) -> Result<int64_t> {
    e.result = "ok";
    SS_RETURN_IF_ERROR(cases_.Claim(id, a.user.name, e));
    SS_ASSIGN_OR_RETURN(CaseRow c, cases_.Get(id));
    return c.claim_expires;
  });
}

Status ReviewService::Release(const Actor& a, int64_t id) {
  return cases_.Release(id, a.user.name);
}

Result<std::vector<PageView>> ReviewService::Pages(const CaseRow& c) {
  SS_ASSIGN_OR_RETURN(std::vector<PageRecord> pages, store_->LoadPages(c.doc_id));
  std::vector<PageView> out;
  for (const PageRecord& p : pages) {
    if (!p.error_code.empty() || p.width <= 0) continue;
    PageView v;
    v.page = p.page_no;
    v.scale = 1.0 / kPreviewScale;
    v.width = static_cast<int>(p.width * kPreviewScale);
    v.height = static_cast<int>(p.height * kPreviewScale);
    out.push_back(v);
  }
  return out;
}

Result<json> ReviewService::Show(const Actor& a, int64_t id) {
  return Audited<json>(a, "view_case", id, "", MayReadCases(a.user.role), [&](AuditEvent& e) -> Result<json> {
    if (MayDecide(a.user.role)) SS_RETURN_IF_ERROR(cases_.RequireClaim(id, a.user.name));
    SS_ASSIGN_OR_RETURN(CaseRow c, cases_.Get(id));
    SS_ASSIGN_OR_RETURN(std::vector<PageView> pages, Pages(c));
    json view = CaseView(c, *rules_, pages);
    e.result = "ok";
    SS_RETURN_IF_ERROR(audit_.Append(e));
    return view;
  });
}

Result<std::string> ReviewService::PagePng(const Actor& a, int64_t id, int page,
                                           const std::vector<std::string>& reveal) {
  std::string detail = "page=" + std::to_string(page);
  for (const std::string& f : reveal) detail += (f == reveal.front() ? " reveal=" : ",") + f;
  const bool allowed = MayReadCases(a.user.role) && (reveal.empty() || MaySeeClear(a.user.role));
  return Audited<std::string>(a, "view_page", id, detail, allowed, [&](AuditEvent& e) -> Result<std::string> {
    if (MayDecide(a.user.role)) SS_RETURN_IF_ERROR(cases_.RequireClaim(id, a.user.name));
    SS_ASSIGN_OR_RETURN(CaseRow c, cases_.Get(id));
    const std::vector<PixelBox> blacked = MaskedBoxes(c, page, reveal);
    if (!reveal.empty()) {
      e.result = "ok";
      SS_RETURN_IF_ERROR(audit_.Append(e));
    }
    SS_ASSIGN_OR_RETURN(auto images, store_->LoadPageImages(c.doc_id));
    auto it = images.find(page);
    if (it != images.end()) {
      SS_ASSIGN_OR_RETURN(EncodedImage image, FromPageImage(std::move(it->second)));
      return EncodedImageToPng(image, kPreviewScale, blacked);
    }
    // A page read from its text layer has no stored image: draw it now.
    SS_ASSIGN_OR_RETURN(std::vector<PageRecord> pages, store_->LoadPages(c.doc_id));
    bool known = false;
    for (const PageRecord& p : pages) known |= p.page_no == page && p.error_code.empty();
    if (!known) return Status::NotFound("no page " + std::to_string(page));
    SS_ASSIGN_OR_RETURN(std::unique_ptr<SourceDocument> source, OpenSourceFile(c.doc_path, RunOptions{}));
    const int dpi = static_cast<int>(300 * kPreviewScale);
    SS_ASSIGN_OR_RETURN(SourcePage rendered, source->RenderPage(page - 1, dpi));
    SS_ASSIGN_OR_RETURN(EncodedImage image, EncodeForArchive(rendered.image.get(), dpi));
    std::vector<PixelBox> small;  // the boxes are in 300 dpi pixels
    for (const PixelBox& b : blacked)
      small.push_back({static_cast<int>(b.x0 * kPreviewScale), static_cast<int>(b.y0 * kPreviewScale),
                       static_cast<int>(b.x1 * kPreviewScale + 1), static_cast<int>(b.y1 * kPreviewScale + 1)});
    return EncodedImageToPng(image, 1.0, small);
  });
}

namespace {
// Letters and digits only, upper case: "NL89 asnb" → "NL89ASNB".
std::string Folded(const std::string& text) {
  std::string out;
  for (unsigned char ch : text)
    if (std::isalnum(ch)) out.push_back(static_cast<char>(std::toupper(ch)));
  return out;
}
}  // namespace

std::vector<PixelBox> ReviewService::MaskedBoxes(const CaseRow& c, int page, const std::vector<std::string>& reveal) {
  std::vector<PixelBox> out;
  const json record = json::parse(c.result_json, nullptr, false);
  if (!record.is_object() || !record.contains("fields")) return out;
  const DocTypeRule* type = rules_->Find(c.doctype);
  const int margin = 12;  // pixels at 300 dpi: the ink around the box the OCR drew
  auto add = [&](int x0, int y0, int x1, int y1) {
    out.push_back({x0 - margin, y0 - margin, x1 + margin, y1 + margin});
  };
  auto add_item = [&](const json& item) {
    if (item.value("page", json()) != json(page)) return;
    const json bbox = item.value("bbox", json());
    if (bbox.is_array() && bbox.size() == 4)
      add(bbox[0].get<int>(), bbox[1].get<int>(), bbox[2].get<int>(), bbox[3].get<int>());
  };
  std::vector<std::string> secrets;  // folded masked values, to find elsewhere on the page
  for (const auto& [name, f] : record["fields"].items()) {
    const FieldRule* rule = type != nullptr ? type->FindField(name) : nullptr;
    const bool mask = rule == nullptr || rule->mask;  // without its rule, assume personal data
    if (!mask || std::find(reveal.begin(), reveal.end(), name) != reveal.end()) continue;
    add_item(f);
    for (const json& item : f.value("values", json::array())) add_item(item);
    for (const char* key : {"value", "raw"})
      if (f.contains(key) && f[key].is_string() && Folded(f[key]).size() >= 4) secrets.push_back(Folded(f[key]));
  }
  // The same value elsewhere on the page (an IBAN repeated in the text, a BSN
  // in a letter's reference line): every word of three or more letters and
  // digits that is part of a masked value.
  if (secrets.empty()) return out;
  Result<std::vector<PageRecord>> pages = store_->LoadPages(c.doc_id);
  if (!pages.ok()) return out;
  for (PageRecord& p : *pages) {
    if (p.page_no != page) continue;
    Result<PageText> text = PageTextFromJson(p.page_json, std::move(p.text));
    if (!text.ok()) continue;
    for (const Word& w : text->words) {
      const std::string folded = Folded(w.text);
      if (folded.size() < 3) continue;
      for (const std::string& secret : secrets)
        if (secret.find(folded) != std::string::npos) {
          add(w.box.x0, w.box.y0, w.box.x1, w.box.y1);
          break;
        }
    }
  }
  return out;
}

Result<json> ReviewService::Reveal(const Actor& a, int64_t id, const std::string& field) {
  return Audited<json>(a, "reveal", id, "field=" + field, MaySeeClear(a.user.role),
                       [&](AuditEvent& e) -> Result<json> {
    SS_RETURN_IF_ERROR(cases_.RequireClaim(id, a.user.name));
    SS_ASSIGN_OR_RETURN(CaseRow c, cases_.Get(id));
    const json record = json::parse(c.result_json, nullptr, false);
    if (!record.is_object() || !record.contains("fields") || !record["fields"].contains(field))
      return Status::NotFound("no field " + field);
    const json& f = record["fields"][field];
    json value = f.value("value", json());
    if (c.corrections.contains(field)) value = c.corrections[field].value("value", json());
    e.result = "ok";
    SS_RETURN_IF_ERROR(audit_.Append(e));
    return json{{"field", field}, {"value", value}, {"raw", f.value("raw", json())}};
  });
}

Result<CheckResult> ReviewService::Check(const Actor& a, int64_t id, const std::string& field,
                                         const json& value) {
  if (!MayDecide(a.user.role)) return Denied();
  SS_RETURN_IF_ERROR(cases_.RequireClaim(id, a.user.name));
  SS_ASSIGN_OR_RETURN(CaseRow c, cases_.Get(id));
  return CheckValue(RuleOf(*rules_, c, field), value);
}

Result<json> ReviewService::Correct(const Actor& a, int64_t id, const std::string& field, const json& value) {
  return Audited<json>(a, "correct", id, "field=" + field, MayDecide(a.user.role),
                       [&](AuditEvent& e) -> Result<json> {
    SS_RETURN_IF_ERROR(cases_.RequireClaim(id, a.user.name));
    SS_ASSIGN_OR_RETURN(CaseRow c, cases_.Get(id));
    json stored = nullptr;  // null: take the correction back
    if (!value.is_null()) {
      CheckResult r = CheckValue(RuleOf(*rules_, c, field), value);
      if (!r.valid) {
        std::string errors;
        for (const std::string& x : r.errors) errors += (errors.empty() ? "" : ", ") + x;
        return Status::InvalidArgument("invalid: " + errors);
      }
      stored = r.value;
    }
    e.result = "ok";
    if (value.is_null()) e.detail += " undo";
    SS_RETURN_IF_ERROR(cases_.SaveCorrection(id, a.user.name, field, stored, e));
    SS_ASSIGN_OR_RETURN(CaseRow now, cases_.Get(id));
    SS_ASSIGN_OR_RETURN(std::vector<PageView> pages, Pages(now));
    return CaseView(now, *rules_, pages);
  });
}

Result<json> ReviewService::ChangeType(const Actor& a, int64_t id, const std::string& doctype) {
  return Audited<json>(a, "set_doctype", id, "doctype=" + doctype, MayDecide(a.user.role),
                       [&](AuditEvent& e) -> Result<json> {
    SS_RETURN_IF_ERROR(cases_.RequireClaim(id, a.user.name));
    if (rules_->Find(doctype) == nullptr) return Status::InvalidArgument("unknown document type " + doctype);
    SS_ASSIGN_OR_RETURN(CaseRow c, cases_.Get(id));
    SS_ASSIGN_OR_RETURN(DocumentPages pages, LoadStoredPages(*store_, c.doc_id));
    AnalyzeOptions options;
    options.doctype = doctype;
    const RunOptions run_options;
    Result<std::unique_ptr<SourceDocument>> source = OpenSourceFile(c.doc_path, run_options);
    // Doubtful values are read again as the run reads them (an engine only
    // when one is).
    EnginePool engines(run_options.lang);
    Analysis analysis = AnalyzePages(*rules_, pages.pages, c.doc_id, source.ok() ? source.value().get() : nullptr,
                                     options, run_options, engines.Fn());
    const json parts = ToResultJson(analysis);
    nlohmann::ordered_json record = nlohmann::ordered_json::parse(c.result_json, nullptr, false);
    if (!record.is_object()) record = nlohmann::ordered_json::object();
    for (const char* key : {"doctype", "fields", "checks", "route"})
      if (parts.contains(key)) record[key] = nlohmann::ordered_json::parse(parts[key].dump());
    e.result = "ok";
    SS_RETURN_IF_ERROR(cases_.SetDoctype(id, a.user.name, doctype, record.dump(), e));
    SS_ASSIGN_OR_RETURN(CaseRow now, cases_.Get(id));
    SS_ASSIGN_OR_RETURN(std::vector<PageView> page_views, Pages(now));
    return CaseView(now, *rules_, page_views);
  });
}

Result<ApproveResult> ReviewService::Approve(const Actor& a, int64_t id) {
  return Audited<ApproveResult>(a, "approve", id, "", MayDecide(a.user.role),
                                [&](AuditEvent& e) -> Result<ApproveResult> {
    SS_RETURN_IF_ERROR(cases_.RequireClaim(id, a.user.name));
    SS_ASSIGN_OR_RETURN(CaseRow c, cases_.Get(id));
    const std::vector<std::string> not_ready = NotReady(CorrectedRecord(c), *rules_);
    if (!not_ready.empty()) {
      std::string list;
      for (const std::string& f : not_ready) list += (list.empty() ? "" : ", ") + f;
      e.detail = "not_ready";
      return Status::InvalidArgument("not_ready: " + list);
    }
    // Four eyes: a changed `review: double` field needs a senior who did not change it.
    std::vector<std::string> waiting;
    for (const auto& [field, corr] : c.corrections.items()) {
      const FieldRule* rule = RuleOf(*rules_, c, field);
      if (rule != nullptr && rule->review == "double" && corr.value("second_by", json()).is_null())
        waiting.push_back(field);
    }
    bool second_ok = MayApproveSecond(a.user.role);
    for (const std::string& f : waiting) second_ok &= c.corrections[f].value("by", "") != a.user.name;
    if (!waiting.empty() && !second_ok) {
      std::string fields;
      for (const std::string& f : waiting) fields += (fields.empty() ? "field=" : ",") + f;
      AuditEvent first{a.user.name, "approve_first", CaseObject(id), "ok", a.origin, fields};
      SS_RETURN_IF_ERROR(cases_.AwaitSecond(id, a.user.name, c.corrections, first));
      return ApproveResult{"awaiting_second", nullptr};
    }
    for (const std::string& f : waiting) c.corrections[f]["second_by"] = a.user.name;
    return ArchiveApproved(a, std::move(c));
  });
}

Result<ApproveResult> ReviewService::ArchiveApproved(const Actor& a, CaseRow c) {
  // One approval writes the archive at a time, and a run's clean-up waits.
  SS_ASSIGN_OR_RETURN(FileLock lock, FileLock::Acquire(ArchiveLockPath(workspace_), true));
  SS_ASSIGN_OR_RETURN(CaseRow fresh, cases_.Get(c.id));
  if (fresh.state != "open") return Status::Conflict("case " + std::to_string(c.id) + " is " + fresh.state);

  nlohmann::ordered_json record = CorrectedRecord(c);
  SS_ASSIGN_OR_RETURN(std::vector<PageRecord> pages, store_->LoadPages(c.doc_id));
  SS_ASSIGN_OR_RETURN(auto images, store_->LoadPageImages(c.doc_id));
  std::unique_ptr<SourceDocument> source;
  for (const PageRecord& p : pages) {
    if (p.source == "pdf_text" && !images.count(p.page_no) && !source) {
      Result<std::unique_ptr<SourceDocument>> opened = OpenSourceFile(c.doc_path, RunOptions{});
      if (!opened.ok())
        return Status::IOError("the input file is needed to archive this document and cannot be read");
      source = std::move(opened).value();
    }
  }
  const json analysis_record = json::parse(record.dump());
  json analysis = ArchiveFacts(*rules_, analysis_record);
  analysis["doctype"] = analysis_record.value("doctype", json::object());

  nlohmann::ordered_json corrections = nlohmann::ordered_json::object();
  for (const auto& [field, corr] : c.corrections.items())
    corrections[field] = nlohmann::ordered_json::parse(corr.value("value", json()).dump());
  ArchiveRequest rq;
  rq.doc_id = c.doc_id;
  rq.input_path = c.doc_path;
  rq.source = source.get();
  rq.pages = &pages;
  rq.images = std::move(images);
  rq.analysis = &analysis;
  rq.review = {{"case", c.id}, {"state", "approved"}, {"by", a.user.name}, {"corrections", corrections}};

  DocumentOutcome outcome;
  outcome.decision = "archive";
  outcome.result_json = record.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  SS_ASSIGN_OR_RETURN(std::unique_ptr<ArchiveStep> step, ArchiveStep::Create(workspace_));
  SS_RETURN_IF_ERROR(step->Archive(rq, outcome));

  AuditEvent e{a.user.name, "approve", CaseObject(c.id), "ok", a.origin, "doc=" + c.doc_id.substr(0, 12)};
  SS_RETURN_IF_ERROR(store_->RecordApproval(c.doc_id, c.id, a.user.name, c.corrections.dump(), outcome,
                                            [&] { return audit_.AppendInTransaction(e); }));
  const json final_record = json::parse(outcome.result_json, nullptr, false);
  return ApproveResult{"approved", final_record.is_object() ? final_record.value("archive", json()) : json()};
}

Status ReviewService::Reject(const Actor& a, int64_t id, const std::string& reason) {
  Result<bool> r = Audited<bool>(a, "reject", id, "", MayDecide(a.user.role), [&](AuditEvent& e) -> Result<bool> {
    if (reason.empty()) return Status::InvalidArgument("a rejection needs a reason");
    if (reason.size() > 500) return Status::InvalidArgument("the reason is longer than 500 characters");
    e.result = "ok";
    SS_RETURN_IF_ERROR(cases_.Reject(id, a.user.name, reason, e));
    return true;
  });
  return r.status();
}

Result<std::vector<AuditEntry>> ReviewService::AuditEntries(const Actor& a, const AuditLog::Query& q) {
  if (!MayReadAudit(a.user.role)) {
    Audit({a.user.name, "read_audit", "audit", "denied", a.origin, ""});
    return Denied();
  }
  SS_ASSIGN_OR_RETURN(std::vector<AuditEntry> entries, audit_.List(q));
  Audit({a.user.name, "read_audit", "audit", "ok", a.origin, "entries=" + std::to_string(entries.size())});
  return entries;
}

}  // namespace scanstraat
