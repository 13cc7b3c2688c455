#include "pipeline/ingest/image_doc.h"

#include <cstdio>

#include "pipeline/ingest/gif_frames.h"

namespace scanstraat {
namespace {

Status CheckPixels(int64_t w, int64_t h, const Limits& limits) {
  if (w <= 0 || h <= 0) return Status::Corrupt("image has no pixels");
  if (w * h > limits.max_pixels)
    return Status::TooLarge("image is " + std::to_string(w) + " x " + std::to_string(h) +
                            " pixels, over the limit of " + std::to_string(limits.max_pixels));
  return Status::Ok();
}

const l_uint8* Data(const std::string& s) { return reinterpret_cast<const l_uint8*>(s.data()); }

class TiffDocument final : public SourceDocument {
 public:
  TiffDocument(std::string bytes, const Limits& limits) : bytes_(std::move(bytes)), limits_(limits) {}

  Status Open() {
    FILE* f = fmemopen(bytes_.data(), bytes_.size(), "rb");
    if (!f) return Status::Internal("cannot read TIFF from memory");
    l_int32 n = 0;
    l_ok bad = tiffGetCount(f, &n);
    std::fclose(f);
    if (bad != 0) return Status::Corrupt("TIFF cannot be read (damaged or truncated)");
    if (n <= 0) return Status::Empty("TIFF has no pages");
    if (n > limits_.max_pages)
      return Status::TooLarge("TIFF has " + std::to_string(n) + " pages, over the limit of " +
                              std::to_string(limits_.max_pages));
    pages_ = n;
    return Status::Ok();
  }

  int PageCount() const override { return pages_; }

  Result<SourcePage> LoadPage(int index, int dpi) override {
    return RenderPage(index, dpi, RenderStyle::kSmooth);
  }

  Result<SourcePage> RenderPage(int index, int, RenderStyle) override {
    l_int32 w = 0, h = 0, bps = 0, spp = 0, res = 0, cmap = 0, format = 0;
    if (readHeaderMemTiff(Data(bytes_), bytes_.size(), index, &w, &h, &bps, &spp, &res, &cmap,
                          &format) != 0) {
      return Status::Corrupt("TIFF page header cannot be read");
    }
    SS_RETURN_IF_ERROR(CheckPixels(w, h, limits_));
    PIX* pix = pixReadMemTiff(Data(bytes_), bytes_.size(), index);
    if (!pix) return Status::Corrupt("TIFF page cannot be decoded (damaged or unsupported compression)");
    SourcePage out;
    out.image.reset(pix);
    out.dpi = PixDpi(pix);
    return out;
  }

 private:
  std::string bytes_;
  Limits limits_;
  int pages_ = 0;
};

class SingleImageDocument final : public SourceDocument {
 public:
  SingleImageDocument(std::string bytes, const Limits& limits) : bytes_(std::move(bytes)), limits_(limits) {}

  Status Open() {
    if (IsGif(bytes_)) {
      // Leptonica reads a GIF's "header" by decoding all of it (gif_frames.h).
      int64_t pixels = GifPixelsToDecode(bytes_);
      if (pixels > limits_.max_pixels)
        return Status::TooLarge("GIF frames hold " + std::to_string(pixels) +
                                " pixels, over the limit of " + std::to_string(limits_.max_pixels));
    }
    Result<ImageHeader> h = ReadImageHeader(bytes_);
    if (!h.ok()) return h.status();
    return CheckPixels(h->width, h->height, limits_);
  }

  int PageCount() const override { return 1; }
  Result<SourcePage> LoadPage(int index, int dpi) override {
    return RenderPage(index, dpi, RenderStyle::kSmooth);
  }

  Result<SourcePage> RenderPage(int, int, RenderStyle) override {
    Result<PixPtr> pix = DecodeImage(bytes_);
    if (!pix.ok()) return pix.status();
    SourcePage out;
    out.dpi = PixDpi(pix->get());
    out.image = std::move(pix).value();
    return out;
  }

 private:
  std::string bytes_;
  Limits limits_;
};

}  // namespace

Result<std::unique_ptr<SourceDocument>> OpenTiff(std::string bytes, const Limits& limits) {
  auto doc = std::make_unique<TiffDocument>(std::move(bytes), limits);
  SS_RETURN_IF_ERROR(doc->Open());
  return std::unique_ptr<SourceDocument>(std::move(doc));
}

Result<std::unique_ptr<SourceDocument>> OpenImage(std::string bytes, const Limits& limits) {
  auto doc = std::make_unique<SingleImageDocument>(std::move(bytes), limits);
  SS_RETURN_IF_ERROR(doc->Open());
  return std::unique_ptr<SourceDocument>(std::move(doc));
}

}  // namespace scanstraat
