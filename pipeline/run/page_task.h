// One page through the heavy stages: load (text layer, render or decode),
// clean-up, OCR. Returns the page's record for the store; errors are values
// on the record (a failed page never throws).
// Thread-safety: call from any worker thread with that thread's own engine.
#pragma once

#include <atomic>
#include <functional>
#include <optional>

#include "pipeline/archive/image_encode.h"
#include "pipeline/core/options.h"
#include "pipeline/ingest/source_document.h"
#include "pipeline/ocr/tesseract_engine.h"
#include "pipeline/store/store.h"

namespace scanstraat {

struct PageOutcome {
  PageRecord record;
  Status status;  // not ok: the page failed (record.error_* say why), or was cancelled
  // The page compressed for the archive and the review screen: for OCR'd
  // pages the cleaned image (what the OCR boxes refer to), for text-layer
  // pages the page drawn at the run's dpi. None for failed pages and for
  // text-layer pages that cannot be drawn.
  std::optional<PageImage> image;
  double encode_ms = 0;  // time spent compressing it
  ImageOrigin origin = ImageOrigin::kImageFile;  // of the image OCR'd (run log)
};

// A text-layer page as the archive keeps it: drawn at `dpi` without
// anti-aliasing (no clean-up: its word boxes are in unrotated page
// coordinates) and compressed. The run does this in its parallel stage; the
// archive step again for a page that has no stored image.
Result<EncodedImage> DrawTextLayerPage(SourceDocument& doc, int index, int dpi);

// `engine` is called only when the page needs OCR (it may create the
// thread's engine lazily). `index` counts from 0.
PageOutcome ProcessPage(SourceDocument& doc, int index, const RunOptions& options,
                        const std::function<Result<TesseractEngine*>()>& engine,
                        const std::atomic<bool>* cancel);

}  // namespace scanstraat
