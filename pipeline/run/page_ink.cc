#include "pipeline/run/page_ink.h"

#include "pipeline/image/ink.h"

namespace scanstraat {

InkFn MakeInkFn(std::shared_ptr<CleanPages> pages) {
  return [pages](int page_no, Box box) -> std::optional<double> {
    const PIX* grey = pages ? pages->Get(page_no) : nullptr;
    if (grey == nullptr) return std::nullopt;
    return InkRatio(grey, box);
  };
}

}  // namespace scanstraat
