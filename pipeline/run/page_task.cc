#include "pipeline/run/page_task.h"

#include <chrono>

#include "pipeline/core/page_text_json.h"
#include "pipeline/archive/image_encode.h"
#include "pipeline/image/preprocess.h"
#include "pipeline/run/archive_step.h"

namespace scanstraat {
namespace {

PageOutcome Failed(PageOutcome out, const Status& s) {
  out.status = s;
  out.record.source = "none";
  out.record.error_code = std::string(CodeName(s.code()));
  out.record.error_message = "page " + std::to_string(out.record.page_no) + ": " + s.message();
  return out;
}

void FillFromText(PageRecord& r, const PageText& text, double confidence) {
  r.width = text.width;
  r.height = text.height;
  r.dpi = text.dpi;
  r.words = static_cast<int>(text.words.size());
  r.confidence = confidence;
  r.text = text.text;
  r.page_json = PageTextToJson(text);
}

}  // namespace

Result<EncodedImage> DrawTextLayerPage(SourceDocument& doc, int index, int dpi) {
  SS_ASSIGN_OR_RETURN(SourcePage rendered, doc.RenderPage(index, dpi, RenderStyle::kCrisp));
  return EncodeForArchive(rendered.image.get(), rendered.dpi > 0 ? rendered.dpi : dpi);
}

PageOutcome ProcessPage(SourceDocument& doc, int index, const RunOptions& options,
                        const std::function<Result<TesseractEngine*>()>& engine,
                        const std::atomic<bool>* cancel) {
  auto t0 = std::chrono::steady_clock::now();
  PageOutcome out;
  out.record.page_no = index + 1;
  auto finish = [&](PageOutcome o) {
    o.record.millis = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - t0).count();
    return o;
  };

  Result<SourcePage> page = doc.LoadPage(index, options.dpi);
  if (!page.ok()) return finish(Failed(std::move(out), page.status()));

  if (page->text_layer) {
    out.record.source = "pdf_text";
    FillFromText(out.record, *page->text_layer, 1.0);
    page->text_layer.reset();
    // The page as the archive and the review screen show it, rendered and
    // compressed here so the serial stage only assembles. A page that cannot
    // be drawn keeps its text; the archive step renders it again and sends
    // the document to review with the reason.
    auto te = std::chrono::steady_clock::now();
    if (Result<EncodedImage> image = DrawTextLayerPage(doc, index, options.dpi); image.ok()) {
      out.image = ToPageImage(std::move(image).value());
      out.encode_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - te).count();
    }
    return finish(std::move(out));
  }

  out.origin = page->origin;
  PreprocessOptions pre;
  pre.target_dpi = options.dpi;
  pre.orient = options.orient;
  pre.deskew = options.deskew;
  Result<Preprocessed> clean = Preprocess(page->image.get(), page->dpi, pre);
  page->image.reset();  // free the original before OCR
  if (!clean.ok()) return finish(Failed(std::move(out), clean.status()));

  Result<TesseractEngine*> eng = engine();
  if (!eng.ok()) return finish(Failed(std::move(out), eng.status()));
  Result<OcrOutput> ocr = eng.value()->Recognize(clean->grey.get(), options.dpi, index + 1,
                                                 options.limits.page_timeout_ms, cancel);
  if (!ocr.ok()) return finish(Failed(std::move(out), ocr.status()));

  // Compressed here, in the parallel stage, so the serial stage only stores it.
  auto te = std::chrono::steady_clock::now();
  Result<EncodedImage> encoded = EncodeForArchive(clean->grey.get(), options.dpi);
  if (!encoded.ok()) return finish(Failed(std::move(out), encoded.status()));
  out.image = ToPageImage(std::move(encoded).value());
  out.encode_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - te).count();

  out.record.source = "ocr";
  out.record.rotation = clean->info.rotation;
  out.record.skew = clean->info.skew_degrees;
  FillFromText(out.record, ocr->text, ocr->mean_confidence);
  out.record.hocr = std::move(ocr->hocr);
  return finish(std::move(out));
}

}  // namespace scanstraat
