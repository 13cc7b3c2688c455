// Ink in a box of a page, for checkboxes and choice groups, measured on the
// cleaned page images (clean_pages.h) so that the boxes the OCR reported
// line up with the image measured.
//
// Used by the pipeline (pipeline.cc) and by reanalysis of stored pages
// (`rules test`, `explain`) through MakePageAccess (page_reread.h), so both
// measure ink the same way.
// Thread-safety: the returned function uses a CleanPages and must be called
// from one thread at a time.
#pragma once

#include <functional>
#include <memory>
#include <optional>

#include "pipeline/core/page_text.h"
#include "pipeline/run/clean_pages.h"

namespace scanstraat {

// Share of dark pixels in a box of a page (from 1) of the document, or
// nullopt when it cannot be measured.
using InkFn = std::function<std::optional<double>(int page_no, Box box)>;

// Returns the ink function over the pages of `pages` (may be null: no ink).
[[nodiscard]] InkFn MakeInkFn(std::shared_ptr<CleanPages> pages);

}  // namespace scanstraat
