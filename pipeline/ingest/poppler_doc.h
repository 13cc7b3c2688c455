// The Poppler adapter: a PDF as a SourceDocument. Nothing outside this pair
// of files sees a Poppler type.
// Thread-safety: one mutex per document serialises all Poppler calls on it;
// different documents run in parallel.
#pragma once

#include <memory>
#include <string>

#include "pipeline/ingest/source_document.h"

namespace scanstraat {

// Silences Poppler's messages on standard error. Call once at start-up.
void QuietPoppler();

Result<std::unique_ptr<SourceDocument>> OpenPdf(std::string bytes, const Limits& limits);

}  // namespace scanstraat
