// Ink in a box of a page, for checkboxes and choice groups. The rules ask
// for it after OCR, when the page image is gone: the page is loaded and
// cleaned up again with the same deterministic steps as before OCR, so the
// boxes the OCR reported line up with the image measured.
//
// Used by the pipeline (pipeline.cc) and by reanalysis of stored pages
// (`rules test`, `explain`), so both measure ink the same way.
// Thread-safety: the returned function caches cleaned pages and must be
// called from one thread at a time.
#pragma once

#include <functional>
#include <optional>

#include "pipeline/core/options.h"
#include "pipeline/core/page_text.h"
#include "pipeline/ingest/source_document.h"

namespace scanstraat {

// Share of dark pixels in a box of a page (from 1) of the document, or
// nullopt when it cannot be measured.
using InkFn = std::function<std::optional<double>(int page_no, Box box)>;

// Returns the ink function over `source` (may be null: no ink). Each page is
// loaded and cleaned up once, on first use. REQUIRES: `source` outlives the
// returned function. Uses options.dpi, .orient and .deskew.
[[nodiscard]] InkFn MakeInkFn(SourceDocument* source, const RunOptions& options);

}  // namespace scanstraat
