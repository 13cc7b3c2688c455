#include "pipeline/run/page_ink.h"

#include <map>
#include <memory>

#include "pipeline/image/ink.h"
#include "pipeline/image/preprocess.h"

namespace scanstraat {

InkFn MakeInkFn(SourceDocument* source, const RunOptions& options) {
  auto cache = std::make_shared<std::map<int, PixPtr>>();
  const int page_count = source ? source->PageCount() : 0;
  PreprocessOptions pre;
  pre.target_dpi = options.dpi;
  pre.orient = options.orient;
  pre.deskew = options.deskew;
  const int dpi = options.dpi;
  return [source, page_count, pre, dpi, cache](int page_no, Box box) -> std::optional<double> {
    if (!source || page_no < 1 || page_no > page_count) return std::nullopt;
    auto it = cache->find(page_no);
    if (it == cache->end()) {
      PixPtr grey;
      Result<SourcePage> page = source->LoadPage(page_no - 1, dpi);
      if (page.ok() && page->image) {
        Result<Preprocessed> clean = Preprocess(page->image.get(), page->dpi, pre);
        if (clean.ok()) grey = std::move(clean->grey);
      }
      it = cache->emplace(page_no, std::move(grey)).first;
    }
    if (!it->second) return std::nullopt;
    return InkRatio(it->second.get(), box);
  };
}

}  // namespace scanstraat
