// Reading a box of a page again (pipeline/extract/reread.h): the box is cut
// out of the cleaned page image (clean_pages.h), scaled up when its text is
// small, and read as a single line by Tesseract (the adapter's ReadLine).
// Also what the rules may ask of a document's page images, bundled.
//
// Thread-safety: the returned functions use a CleanPages and the engine the
// caller hands out; call them from one thread at a time.
#pragma once

#include <functional>
#include <memory>

#include "pipeline/core/options.h"
#include "pipeline/extract/reread.h"
#include "pipeline/ocr/tesseract_engine.h"
#include "pipeline/run/clean_pages.h"
#include "pipeline/run/page_ink.h"

namespace scanstraat {

// The calling thread's Tesseract engine (created on first use).
using EngineFn = std::function<Result<TesseractEngine*>()>;

// A reading of one box takes at most this long; a value is small.
inline constexpr int kRereadTimeoutMs = 5000;

// Returns the reread function over the pages of `pages`, reading with the
// engine `engine` gives. nullopt from it when the page has no image or OCR
// fails (a failure only means the value stays as first read).
[[nodiscard]] RereadFn MakeRereadFn(std::shared_ptr<CleanPages> pages, EngineFn engine);

// What the rules ask of a document's page images: ink in a box, a box read
// again. Either may be empty.
struct PageAccess {
  InkFn ink;
  RereadFn reread;
};

// Both over one CleanPages of `source` (may be null: neither answers). An
// empty `engine`: no reading again. REQUIRES: `source` outlives the result.
[[nodiscard]] PageAccess MakePageAccess(SourceDocument* source, const RunOptions& options, EngineFn engine);

}  // namespace scanstraat
