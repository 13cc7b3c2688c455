#include "pipeline/run/clean_pages.h"

#include "pipeline/image/preprocess.h"

namespace scanstraat {

CleanPages::CleanPages(SourceDocument* source, const RunOptions& options)
    : source_(source), dpi_(options.dpi), orient_(options.orient), deskew_(options.deskew) {}

const PIX* CleanPages::Get(int page_no) {
  if (source_ == nullptr || page_no < 1 || page_no > source_->PageCount()) return nullptr;
  auto it = pages_.find(page_no);
  if (it == pages_.end()) {
    PixPtr grey;
    Result<SourcePage> page = source_->LoadPage(page_no - 1, dpi_);
    if (page.ok() && page->image) {
      PreprocessOptions pre;
      pre.target_dpi = dpi_;
      pre.orient = orient_;
      pre.deskew = deskew_;
      Result<Preprocessed> clean = Preprocess(page->image.get(), page->dpi, pre);
      if (clean.ok()) grey = std::move(clean->grey);
    }
    it = pages_.emplace(page_no, std::move(grey)).first;
  }
  return it->second.get();
}

}  // namespace scanstraat
