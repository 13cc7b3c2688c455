// Images as SourceDocuments through Leptonica: multi-page TIFF, and single
// PNG, JPEG (and GIF, BMP, WebP, JPEG 2000) images. Dimensions are checked
// from the header before any pixel is decoded.
// Thread-safety: LoadPage decodes from an immutable buffer; safe in parallel.
#pragma once

#include <memory>
#include <string>

#include "pipeline/ingest/source_document.h"

namespace scanstraat {

Result<std::unique_ptr<SourceDocument>> OpenTiff(std::string bytes, const Limits& limits);
Result<std::unique_ptr<SourceDocument>> OpenImage(std::string bytes, const Limits& limits);

}  // namespace scanstraat
