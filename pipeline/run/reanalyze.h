// The rules applied to a document outside a run: to the pages a run stored
// (`scanstraat rules test`, so that a rule change needs no new OCR), or to a
// file read on the spot (`scanstraat explain`). Both use the same page code
// (page_task.h) and ink measurement (page_ink.h) as the pipeline.
//
// Thread-safety: a Store is used by one thread at a time (store.h); the
// rest is per call.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/core/options.h"
#include "pipeline/core/page_text.h"
#include "pipeline/extract/analyze.h"
#include "pipeline/run/page_reread.h"
#include "pipeline/ingest/source_document.h"
#include "pipeline/store/store.h"

namespace scanstraat {

// Reads and opens the file at `path` as the pipeline does (content decides
// the kind). Errors name no content of the file.
[[nodiscard]] Result<std::unique_ptr<SourceDocument>> OpenSourceFile(const std::filesystem::path& path,
                                                                     const RunOptions& options);

struct DocumentPages {
  std::vector<PageText> pages;  // the pages that were read, in page order
  int failed_pages = 0;         // pages with an error (left out of `pages`)
};

// The pages a run stored for document `id`. kNotFound when no page of it is
// stored (the document was never read, or could not be opened).
[[nodiscard]] Result<DocumentPages> LoadStoredPages(Store& store, const std::string& id);

// Reads every page of `source` through ProcessPage (text layer, or clean-up
// and OCR) with one engine for `options.lang`.
[[nodiscard]] Result<DocumentPages> ReadPages(SourceDocument& source, const RunOptions& options);

// Applies `rules` to `pages`. Ink for checkboxes and doubtful values read
// again come from `source` (may be null: ticks read as text only, nothing
// read again), reading with the engine `engine` gives (empty: nothing read
// again). REQUIRES: `source` outlives the call.
[[nodiscard]] Analysis AnalyzePages(const RuleSet& rules, const std::vector<PageText>& pages,
                                    const std::string& document_id, SourceDocument* source,
                                    const AnalyzeOptions& analyze_options, const RunOptions& options,
                                    const EngineFn& engine);

}  // namespace scanstraat
