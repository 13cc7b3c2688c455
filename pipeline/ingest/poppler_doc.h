// The Poppler adapter: a PDF as a SourceDocument. Nothing outside this pair
// of files sees a Poppler type. A scanned page (one image over the page) is
// read as its embedded image through the qpdf reader (pdf_page_image.h)
// rather than drawn.
// Thread-safety: one mutex per document serialises all Poppler calls on it,
// and the qpdf reader has its own; different documents run in parallel.
#pragma once

#include <memory>
#include <string>

#include "pipeline/ingest/source_document.h"

namespace scanstraat {

// Silences Poppler's messages on standard error. Call once at start-up.
void QuietPoppler();

Result<std::unique_ptr<SourceDocument>> OpenPdf(std::string bytes, const Limits& limits);

}  // namespace scanstraat
