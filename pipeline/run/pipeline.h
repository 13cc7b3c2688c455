// RunPipeline: the worker's part of `scanstraat run`. Takes the documents
// a run still has to do and carries each one through the stages, in
// parallel over pages with a bound on pages in flight:
//
//   open (serial)  →  load / clean-up / OCR (parallel, one Tesseract per
//   thread)  →  store page (serial)  →  when a document's last page is
//   stored: rules, route, record (serial, one transaction)
//
// A failure in one document is recorded on it and never stops the rest.
// Thread-safety: call from one thread; it drives its own TBB arena.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/core/options.h"
#include "pipeline/core/page_text.h"
#include "pipeline/run/page_reread.h"
#include "pipeline/store/store.h"

namespace scanstraat {

class Progress;

// PageAccess (page_reread.h): ink in a box of a page of the document being
// finished, and a box of it read again.

// Applies the rules to a document's pages; returns the "doctype", "fields",
// "checks" and "route" parts, or null when no rules are in use.
using AnalyzeFn = std::function<nlohmann::json(const std::string& doc_id,
                                               const std::vector<PageText>& pages,
                                               const PageAccess& access)>;

struct PipelineStats {
  int documents = 0;
  int pages = 0;
  bool cancelled = false;
};

// `isolated`: one page in flight at a time, documents one by one (used for
// documents that were in progress when a worker died).
Result<PipelineStats> RunPipeline(Store& store, int64_t run_id,
                                  const std::vector<PendingDocument>& documents,
                                  const RunOptions& options, bool isolated,
                                  const AnalyzeFn& analyze, Progress& progress,
                                  const std::atomic<bool>& cancel);

}  // namespace scanstraat
