// The cleaned page images of one document, had again after OCR: the rules
// ask for pixels (ink in a checkbox, a doubtful value read again) when the
// images of the OCR stage are gone. Each page is loaded and cleaned up with
// the same deterministic steps as before OCR, so the boxes OCR reported line
// up with the image.
//
// Thread-safety: one thread at a time (the rules of one document run on one
// thread).
#pragma once

#include <map>

#include "pipeline/core/options.h"
#include "pipeline/image/pix.h"
#include "pipeline/ingest/source_document.h"

namespace scanstraat {

class CleanPages {
 public:
  // `source` may be null (no images). REQUIRES: `source` outlives this.
  // Uses options.dpi, .orient and .deskew.
  CleanPages(SourceDocument* source, const RunOptions& options);

  // The cleaned 8 bpp image of page `page_no` (from 1), or null when the
  // page has none (a text layer) or cannot be loaded. Loaded on first use.
  const PIX* Get(int page_no);

  int dpi() const { return dpi_; }

 private:
  SourceDocument* source_;
  int dpi_;
  bool orient_, deskew_;
  std::map<int, PixPtr> pages_;
};

}  // namespace scanstraat
