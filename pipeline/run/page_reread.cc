#include "pipeline/run/page_reread.h"

#include "pipeline/image/crop.h"

namespace scanstraat {

RereadFn MakeRereadFn(std::shared_ptr<CleanPages> pages, EngineFn engine) {
  return [pages, engine](int page_no, const Box& box, const std::string& charset) -> std::optional<Reread> {
    const PIX* grey = pages ? pages->Get(page_no) : nullptr;
    if (grey == nullptr || !engine) return std::nullopt;
    Result<LineCrop> crop = CropLine(grey, pages->dpi(), box);
    if (!crop.ok()) return std::nullopt;
    Result<TesseractEngine*> eng = engine();
    if (!eng.ok()) return std::nullopt;
    Result<LineReading> line = eng.value()->ReadLine(crop->image.get(), crop->dpi, charset, kRereadTimeoutMs);
    if (!line.ok()) return std::nullopt;
    return Reread{std::move(line->text), std::move(line->confidences)};
  };
}

PageAccess MakePageAccess(SourceDocument* source, const RunOptions& options, EngineFn engine) {
  auto pages = std::make_shared<CleanPages>(source, options);
  PageAccess access;
  access.ink = MakeInkFn(pages);
  if (engine) access.reread = MakeRereadFn(pages, std::move(engine));
  return access;
}

}  // namespace scanstraat
