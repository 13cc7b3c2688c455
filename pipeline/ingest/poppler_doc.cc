#include "pipeline/ingest/poppler_doc.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <utility>
#include <vector>

#include "pipeline/image/preprocess.h"
#include "pipeline/image/two_tone.h"
#include "pipeline/ingest/pdf_page_image.h"
#include "pipeline/ingest/text_layer.h"

namespace scanstraat {
namespace {

void DiscardMessage(const std::string&, void*) {}

// Poppler makes two process-wide colour profiles (GfxState::sRGBProfile and
// XYZProfile) lazily, without a lock, the first time it lays out any page;
// the first pages of two documents laid out at once on two threads raced on
// them (found by TSan). So the first page layout of the process runs alone;
// later ones only read the profiles and run in parallel as before.
class FirstLayoutAlone {
 public:
  FirstLayoutAlone() {
    if (!done_.load(std::memory_order_acquire)) lock_ = std::unique_lock<std::mutex>(mu_);
  }
  ~FirstLayoutAlone() {
    if (lock_.owns_lock() && laid_out_) done_.store(true, std::memory_order_release);
  }
  void LaidOut() { laid_out_ = true; }

 private:
  static inline std::mutex mu_;
  static inline std::atomic<bool> done_{false};
  std::unique_lock<std::mutex> lock_;
  bool laid_out_ = false;
};

// Copies Poppler's 8-bit rows into a Leptonica pix of the same size. A pix
// keeps each 4 pixels in one 32-bit word, the first in the high byte; whole
// words are assembled at once (per-pixel SET_DATA_BYTE with the image's
// size re-read per pixel cost ~0.2 G instructions per A4 page at 300 dpi).
void CopyGreyRows(const poppler::image& img, PIX* pix) {
  const int w = img.width(), h = img.height(), wpl = pixGetWpl(pix);
  const int stride = img.bytes_per_row();
  const auto* src = reinterpret_cast<const unsigned char*>(img.const_data());
  l_uint32* data = pixGetData(pix);
  for (int y = 0; y < h; ++y) {
    const unsigned char* row = src + static_cast<size_t>(y) * stride;
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    int x = 0;
    for (; x + 4 <= w; x += 4)
      line[x / 4] = l_uint32{row[x]} << 24 | l_uint32{row[x + 1]} << 16 |
                    l_uint32{row[x + 2]} << 8 | l_uint32{row[x + 3]};
    for (; x < w; ++x) SET_DATA_BYTE(line, x, row[x]);
  }
}

// The page's size in pixels when drawn at `dpi`, as Splash sizes it: the
// crop box, turned by the page's /Rotate, each side rounded.
std::pair<int, int> DrawnSize(const poppler::page& page, double dpi) {
  const poppler::rectf rect = page.page_rect();
  const int w = static_cast<int>(rect.width() * dpi / 72.0 + 0.5);
  const int h = static_cast<int>(rect.height() * dpi / 72.0 + 0.5);
  const poppler::page::orientation_enum o = page.orientation();
  if (o == poppler::page::landscape || o == poppler::page::seascape) return {h, w};
  return {w, h};
}

Result<PixPtr> ToGreyPix(const poppler::image& img) {
  if (!img.is_valid() || img.width() <= 0 || img.height() <= 0) return Status::Corrupt("page cannot be rendered");
  PixPtr pix(pixCreate(img.width(), img.height(), 8));
  if (!pix) return Status::TooLarge("page image does not fit in memory");
  CopyGreyRows(img, pix.get());
  return pix;
}

// Whether the page drawn without anti-aliasing is two-tone, judged on a
// drawing at kProbeDpi (1/36 of the pixels at 300 dpi, ~3 ms): with no
// anti-aliasing each pixel samples one point of the page, so the share of
// mid-grey is the same at any resolution, as long as grey areas are larger
// than a pixel (0.5 mm).
constexpr double kProbeDpi = 50;

bool DrawsTwoTone(poppler::page_renderer& renderer, const poppler::page* page, double dpi) {
  const double probe = std::min(kProbeDpi, dpi);
  renderer.set_image_format(poppler::image::format_gray8);
  Result<PixPtr> small = ToGreyPix(renderer.render_page(page, probe, probe));
  return small.ok() && IsTwoTone(small->get());
}

// Above this resolution Splash dithers grey in 1 bit with a "stochastic
// clustered" screen: a 64 x 64 matrix built for every page (42 M
// instructions, a fifth of a born-digital page) from a randomly seeded
// generator, so the same page came out with other dots in every run. At or
// below it Splash uses a fixed 4 x 4 ordered matrix.
constexpr double kOrderedDitherDpi = 299.9;

// The page in 1 bit (Splash's Mono1 mode: no alpha channel to composite onto
// the paper, 1/8 of the memory of grey, no threshold or histogram after).
// The little grey a two-tone page may have (light table shading) comes out
// as a fine dot pattern, where thresholding the grey drawing lost it.
// A page wanted at 300 dpi is drawn at 299.9 into the 300 dpi frame (so the
// ordered dither): 0.03% smaller, at most 1.2 pixels at the far edge of an
// A4 page, as much as rounding the page to whole pixels already moves it.
// (Above 300 dpi, which the pipeline does not use, the random screen stays.)
// Rows are drawn a multiple of 32 pixels wide and cut to the page's width:
// poppler-cpp (22.12) takes a 1-bit image's rows as (width + 7) / 8 bytes,
// where Splash pads each row to 4 bytes, so other widths came out sheared.
Result<PixPtr> DrawBilevel(poppler::page_renderer& renderer, const poppler::page* page, double dpi) {
  const auto [w, h] = DrawnSize(*page, dpi);
  const int padded = (w + 31) / 32 * 32;
  const double draw = dpi > kOrderedDitherDpi && dpi <= 300.0 ? kOrderedDitherDpi : dpi;
  renderer.set_image_format(poppler::image::format_mono);
  poppler::image img = renderer.render_page(page, draw, draw, 0, 0, padded, h);
  if (!img.is_valid() || img.width() != padded || img.height() != h || img.bytes_per_row() * 8 != padded)
    return Status::Internal("page cannot be drawn in 1 bit");
  return PixFromRows({img.const_data(), size_t(img.bytes_per_row()) * size_t(h)}, w, h, 1, 1,
                     size_t(img.bytes_per_row()));
}

// Whether a scanned page's image at `image_dpi` ends up the size of the page
// drawn at `dpi`: at that resolution (within 1%), or far enough off that
// clean-up scales it to `dpi`. In between, clean-up would keep the image's
// size and the archived page would come out a few percent too small; such
// pages (rare: scanners use 200, 300, 400 or 600 dpi) are drawn instead.
bool KeepsPageSize(int image_dpi, int dpi) {
  return std::abs(image_dpi - dpi) * 100 <= dpi || RescalesTo(image_dpi, dpi);
}

class PdfDocument final : public SourceDocument {
 public:
  PdfDocument(std::string bytes, const Limits& limits) : bytes_(std::move(bytes)), limits_(limits) {}

  Status Open() {
    if (bytes_.size() > static_cast<size_t>(INT32_MAX)) return Status::TooLarge("PDF over 2 GiB");
    doc_.reset(poppler::document::load_from_raw_data(bytes_.data(), static_cast<int>(bytes_.size())));
    if (!doc_) {
      // Poppler refuses to open encrypted files without the password; tell
      // that case apart from damage by the /Encrypt key in the trailer.
      if (bytes_.find("/Encrypt") != std::string::npos)
        return Status::Encrypted("PDF is encrypted and needs a password; ask the sender for an unprotected copy");
      return Status::Corrupt("PDF cannot be opened (damaged or not a PDF)");
    }
    if (doc_->is_locked())
      return Status::Encrypted("PDF is encrypted and needs a password; ask the sender for an unprotected copy");
    pages_ = doc_->pages();
    if (pages_ <= 0) return Status::Empty("PDF has no pages");
    if (pages_ > limits_.max_pages)
      return Status::TooLarge("PDF has " + std::to_string(pages_) + " pages, over the limit of " +
                              std::to_string(limits_.max_pages));
    page_images_ = std::make_unique<PdfPageImages>(bytes_, pages_, limits_);
    return Status::Ok();
  }

  int PageCount() const override { return pages_; }

  Result<SourcePage> LoadPage(int index, int dpi) override {
    // A scanned page: its own image, decoded, costs less than drawing the
    // page (pdf_page_image.h). Such a page paints nothing but the image, so
    // it has no text layer to look for.
    if (Result<SourcePage> scan = page_images_->Read(index); scan.ok() && KeepsPageSize(scan->dpi, dpi))
      return scan;
    {
      std::lock_guard<std::mutex> lock(mu_);
      std::unique_ptr<poppler::page> page(doc_->create_page(index));
      if (!page) return Status::Corrupt("page cannot be read");
      FirstLayoutAlone first;
      PageText text;
      text.page_no = index + 1;
      text.dpi = dpi;
      text.source = TextSource::kPdfText;
      poppler::rectf rect = page->page_rect();
      double scale = dpi / 72.0;
      text.width = static_cast<int>(std::lround(rect.width() * scale));
      text.height = static_cast<int>(std::lround(rect.height() * scale));
      std::vector<poppler::text_box> boxes = page->text_list();
      first.LaidOut();
      for (poppler::text_box& tb : boxes) {
        poppler::byte_array utf8 = tb.text().to_utf8();
        std::string s(utf8.begin(), utf8.end());
        if (s.empty()) continue;
        poppler::rectf b = tb.bbox();
        Word w;
        w.text = std::move(s);
        w.box = {static_cast<int>(b.left() * scale), static_cast<int>(b.top() * scale),
                 static_cast<int>(std::ceil(b.right() * scale)),
                 static_cast<int>(std::ceil(b.bottom() * scale))};
        w.confidence = 1.0f;
        text.words.push_back(std::move(w));
      }
      if (IsUsableTextLayer(text.words)) {
        BuildLinesAndText(text);
        SourcePage out;
        out.text_layer = std::move(text);
        out.dpi = dpi;
        return out;
      }
    }
    return RenderPage(index, dpi, RenderStyle::kSmooth);
  }

  Result<SourcePage> RenderPage(int index, int dpi, RenderStyle style) override {
    std::lock_guard<std::mutex> lock(mu_);
    std::unique_ptr<poppler::page> page(doc_->create_page(index));
    if (!page) return Status::Corrupt("page cannot be read");
    poppler::rectf rect = page->page_rect();
    if (!(rect.width() > 0 && rect.height() > 0)) return Status::Corrupt("page has no size");
    // Lower the resolution of an enormous page so it stays inside the pixel limit.
    double px = rect.width() * rect.height() * (dpi / 72.0) * (dpi / 72.0);
    double use_dpi = dpi;
    if (px > static_cast<double>(limits_.max_pixels)) {
      use_dpi = dpi * std::sqrt(static_cast<double>(limits_.max_pixels) / px);
      if (use_dpi < 36)
        return Status::TooLarge("page is too large to render (" + std::to_string(static_cast<int>(rect.width())) +
                                " x " + std::to_string(static_cast<int>(rect.height())) + " pt)");
    }
    poppler::page_renderer renderer;
    const bool smooth = style == RenderStyle::kSmooth;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, smooth);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, smooth);
    Result<PixPtr> pix = Status::Internal("not drawn");
    {
      FirstLayoutAlone first;
      // The content read through qpdf vouches for most born-digital pages;
      // the others are looked at.
      if (!smooth && (page_images_->DrawsInTwoTones(index) || DrawsTwoTone(renderer, page.get(), use_dpi)))
        pix = DrawBilevel(renderer, page.get(), use_dpi);
      if (!pix.ok()) {
        renderer.set_image_format(poppler::image::format_gray8);
        pix = ToGreyPix(renderer.render_page(page.get(), use_dpi, use_dpi));
      }
      first.LaidOut();
    }
    if (!pix.ok()) return pix.status();
    int d = static_cast<int>(std::lround(use_dpi));
    pixSetResolution(pix->get(), d, d);
    SourcePage out;
    out.image = std::move(pix).value();
    out.dpi = d;
    out.origin = ImageOrigin::kPdfDrawn;
    return out;
  }

 private:
  std::string bytes_;  // Poppler reads from this buffer; it must outlive doc_
  Limits limits_;
  std::mutex mu_;
  std::unique_ptr<poppler::document> doc_;
  int pages_ = 0;
  std::unique_ptr<PdfPageImages> page_images_;  // reads bytes_; has its own lock
};

}  // namespace

void QuietPoppler() { poppler::set_debug_error_function(&DiscardMessage, nullptr); }

namespace {

// poppler-cpp sets up Poppler's global parameters (font and encoding tables)
// when a document opens while none is open, and drops them when the last
// one closes: with one document at a time that was ~0.6 ms (4 M
// instructions) for every PDF. An empty document kept open for the life of
// the process keeps them.
constexpr char kEmptyPdf[] =
    "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

void KeepGlobalParameters() {
  static const std::unique_ptr<poppler::document> keeper(
      poppler::document::load_from_raw_data(kEmptyPdf, static_cast<int>(sizeof kEmptyPdf - 1)));
}

}  // namespace

Result<std::unique_ptr<SourceDocument>> OpenPdf(std::string bytes, const Limits& limits) {
  KeepGlobalParameters();
  auto doc = std::make_unique<PdfDocument>(std::move(bytes), limits);
  SS_RETURN_IF_ERROR(doc->Open());
  return std::unique_ptr<SourceDocument>(std::move(doc));
}

}  // namespace scanstraat
