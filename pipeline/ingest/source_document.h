// A document being read: a PDF (Poppler), a multi-page TIFF or a single
// image (Leptonica). Gives the page count and, per page, either the words of
// a usable PDF text layer or the page as an image to OCR.
//
// Thread-safety: LoadPage and RenderPage may be called from several threads
// at once on one document; implementations serialise what their library
// needs serialised.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "pipeline/core/options.h"
#include "pipeline/core/page_text.h"
#include "pipeline/core/status.h"
#include "pipeline/image/pix.h"
#include "pipeline/ingest/sniff.h"

namespace scanstraat {

// How a page is drawn. kSmooth (anti-aliased) looks best at screen sizes;
// kCrisp draws text and lines in pure black and white, so a text page is
// two-tone and the archive stores it as CCITT G4 (a lossless, ~20 times
// cheaper encoding than Flate of the anti-aliased grey page; measured on
// born-digital pages). Images on the page are drawn the same either way.
// A PDF page drawn kCrisp that is two-tone (pipeline/image/two_tone.h) comes
// as a 1-bit image, drawn so by Poppler at about a third of the CPU of grey;
// one with photos or grey areas comes in 8-bit grey.
enum class RenderStyle { kSmooth, kCrisp };

// Where a page image came from. A PDF page drawn by Poppler costs more CPU
// than one whose scanned image is taken from the file; the run log counts both.
enum class ImageOrigin { kImageFile, kPdfImage, kPdfDrawn };

struct SourcePage {
  // Set when the page has a usable text layer: no OCR needed.
  std::optional<PageText> text_layer;
  // Set otherwise: the page image at `dpi` (0 when the image says nothing;
  // a scanned PDF page taken from the file keeps its own resolution).
  PixPtr image;
  int dpi = 0;
  ImageOrigin origin = ImageOrigin::kImageFile;
};

class SourceDocument {
 public:
  virtual ~SourceDocument() = default;
  virtual int PageCount() const = 0;
  // `index` counts from 0. Returns the text layer if usable, else the image.
  virtual Result<SourcePage> LoadPage(int index, int dpi) = 0;
  // Always an image (for the archive and the review screen), at `dpi` or less
  // when the page would exceed the pixel limit. Image documents ignore `style`.
  virtual Result<SourcePage> RenderPage(int index, int dpi, RenderStyle style) = 0;
  Result<SourcePage> RenderPage(int index, int dpi) { return RenderPage(index, dpi, RenderStyle::kSmooth); }
};

// Opens `bytes` (the whole file, already read and hashed) as `kind`.
// Errors: kEmpty, kCorrupt, kEncrypted, kUnsupported, kTooLarge.
Result<std::unique_ptr<SourceDocument>> OpenSourceDocument(std::string bytes, FileKind kind,
                                                          const Limits& limits);

// Reads a whole file, refusing files over `max_bytes`.
Result<std::string> ReadWholeFile(const std::filesystem::path& path, int64_t max_bytes);

}  // namespace scanstraat
