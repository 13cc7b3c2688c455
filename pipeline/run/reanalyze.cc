#include "pipeline/run/reanalyze.h"

#include "pipeline/core/log.h"
#include "pipeline/core/page_text_json.h"
#include "pipeline/ingest/sniff.h"
#include "pipeline/ocr/tesseract_engine.h"
#include "pipeline/run/page_task.h"

namespace scanstraat {

Result<std::unique_ptr<SourceDocument>> OpenSourceFile(const std::filesystem::path& path,
                                                       const RunOptions& options) {
  SS_ASSIGN_OR_RETURN(std::string bytes, ReadWholeFile(path, options.limits.max_file_bytes));
  FileKind kind = SniffKind(std::string_view(bytes).substr(0, 1024));
  return OpenSourceDocument(std::move(bytes), kind, options.limits);
}

Result<DocumentPages> LoadStoredPages(Store& store, const std::string& id) {
  SS_ASSIGN_OR_RETURN(std::vector<PageRecord> records, store.LoadPages(id));
  if (records.empty()) return Status::NotFound("no pages stored for document " + ShortId(id));
  DocumentPages out;
  for (PageRecord& r : records) {
    if (!r.error_code.empty()) {
      ++out.failed_pages;
      continue;
    }
    Result<PageText> text = PageTextFromJson(r.page_json, std::move(r.text));
    if (!text.ok()) {
      ++out.failed_pages;
      continue;
    }
    out.pages.push_back(std::move(text).value());
  }
  return out;
}

Result<DocumentPages> ReadPages(SourceDocument& source, const RunOptions& options) {
  std::unique_ptr<TesseractEngine> engine;
  auto get_engine = [&]() -> Result<TesseractEngine*> {
    if (!engine) {
      SS_ASSIGN_OR_RETURN(engine, TesseractEngine::Create(options.lang));
    }
    return engine.get();
  };
  DocumentPages out;
  for (int i = 0; i < source.PageCount(); ++i) {
    PageOutcome page = ProcessPage(source, i, options, get_engine, nullptr);
    if (!page.status.ok()) {
      ++out.failed_pages;
      continue;
    }
    Result<PageText> text = PageTextFromJson(page.record.page_json, std::move(page.record.text));
    if (!text.ok()) return text.status();
    out.pages.push_back(std::move(text).value());
  }
  return out;
}

Analysis AnalyzePages(const RuleSet& rules, const std::vector<PageText>& pages, const std::string& document_id,
                      SourceDocument* source, const AnalyzeOptions& analyze_options, const RunOptions& options,
                      const EngineFn& engine) {
  AnalyzeOptions o = analyze_options;
  const PageAccess access = MakePageAccess(source, options, engine);
  o.ink_ratio = access.ink;
  o.reread = access.reread;
  return Analyze(rules, pages, document_id, o);
}

}  // namespace scanstraat
