#include "pipeline/archive/image_encode.h"

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "pipeline/image/g4_encode.h"
#include "pipeline/image/pix.h"
#include "pipeline/image/tiff_g4.h"
#include "pipeline/image/two_tone.h"

namespace scanstraat {
namespace {

struct LeptFree {
  void operator()(l_uint8* p) const { lept_free(p); }
};
using LeptBytes = std::unique_ptr<l_uint8, LeptFree>;

struct CidDeleter {
  void operator()(L_COMP_DATA* c) const { l_CIDataDestroy(&c); }
};
using CidPtr = std::unique_ptr<L_COMP_DATA, CidDeleter>;

PIX* Mutable(const PIX* pix) { return const_cast<PIX*>(pix); }  // Leptonica lacks const

// A page image in one of: 1 bpp, 8 bpp grey, 32 bpp RGB; no colormap, no
// alpha. Either the caller's pix itself (already in such a form: no copy of
// a page-sized buffer) or a converted one owned here.
class Normalised {
 public:
  explicit Normalised(const PIX* input) : view_(input) {}
  const PIX* get() const { return view_; }
  // Takes `converted` (null: the conversion failed) in place of the current image.
  bool Replace(PIX* converted) {
    owned_.reset(converted);
    view_ = converted;
    return converted != nullptr;
  }

 private:
  const PIX* view_;
  PixPtr owned_;
};

Result<Normalised> Normalise(const PIX* pix) {
  Normalised out(pix);
  PIX* p = Mutable(pix);
  if (pixGetColormap(p) && !out.Replace(pixRemoveColormap(p, REMOVE_CMAP_BASED_ON_SRC)))
    return Status::Internal("cannot remove the page image's colormap");
  PIX* cur = Mutable(out.get());
  const int d = pixGetDepth(cur);
  bool ok = true;
  if (d == 2 || d == 4 || d == 16) {
    ok = out.Replace(pixConvertTo8(cur, 0));
  } else if (d == 24) {
    ok = out.Replace(pixConvert24To32(cur));
  } else if (d == 32 && pixGetSpp(cur) == 4) {
    ok = out.Replace(pixAlphaBlendUniform(cur, 0xffffff00));
    if (ok) pixSetSpp(Mutable(out.get()), 3);  // a new pix, ours to change
  }
  if (!ok) return Status::Internal("cannot convert page image depth");
  const int nd = pixGetDepth(Mutable(out.get()));
  if (nd != 1 && nd != 8 && nd != 32) return Status::Unsupported("page image depth not supported");
  return out;
}

// True when (almost) no pixel has colour: channels differ by more than JPEG
// noise in at most 1 of 10,000 pixels (a 3 x 3 mm stamp at 300 dpi is more,
// so coloured stamps keep their colour).
bool IsGreyRgb(const PIX* pix) {
  const int w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
  const l_uint32* data = pixGetData(Mutable(pix));
  long coloured = 0;
  const long allowed = long(w) * h / 10000;
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = data + size_t(y) * wpl;
    for (int x = 0; x < w; ++x) {
      l_int32 r, g, b;
      extractRGBValues(line[x], &r, &g, &b);
      if (std::abs(r - g) > 12 || std::abs(g - b) > 12 || std::abs(r - b) > 12) {
        if (++coloured > allowed) return false;
      }
    }
  }
  return true;
}

// Every third pixel of every third row: a million samples on an A4 page at
// 300 dpi tell the share of mid-grey as well as all nine million do, and the
// full count was a third of the CPU time of a text-layer page.
constexpr int kTwoToneSampling = 3;

Result<EncodedImage> EncodeG4(const PIX* bilevel) {
  SS_ASSIGN_OR_RETURN(std::string g4, EncodeG4Stream(bilevel));
  EncodedImage out;
  out.data = std::move(g4);
  out.filter = ImageFilter::kCcittG4;
  out.width = pixGetWidth(bilevel);
  out.height = pixGetHeight(bilevel);
  out.bits_per_component = 1;
  out.components = 1;
  return out;
}

Result<EncodedImage> EncodeJpeg(const PIX* pix, int quality) {
  l_uint8* raw = nullptr;
  size_t size = 0;
  if (pixWriteMemJpeg(&raw, &size, Mutable(pix), quality, 0) != 0 || !raw)
    return Status::Internal("JPEG encoding failed");
  LeptBytes jpeg(raw);
  EncodedImage out;
  out.data.assign(reinterpret_cast<const char*>(jpeg.get()), size);
  out.filter = ImageFilter::kDct;
  out.width = pixGetWidth(pix);
  out.height = pixGetHeight(pix);
  out.bits_per_component = 8;
  out.components = pixGetDepth(pix) == 32 ? 3 : 1;
  return out;
}

// Flate beats JPEG only on flat, synthetic pages; on a noisy scan it is
// several times larger and takes 10-30 times as long (measured: 0.8-1.6 s
// against 50 ms for an A4 page at 300 dpi). Compressing every 8th band of 16
// rows predicts its size at an eighth of the cost; the margin covers the
// estimate's error, so a page where Flate would win is still tried.
bool FlateMayWin(const PIX* pix, size_t jpeg_bytes) {
  constexpr int kBand = 16, kEvery = 8;
  const int w = pixGetWidth(pix), h = pixGetHeight(pix);
  const int bands = h / (kBand * kEvery);
  if (bands < 4) return true;  // small page: just try
  PixPtr sample(pixCreate(w, bands * kBand, pixGetDepth(pix)));
  if (!sample) return true;
  for (int b = 0; b < bands; ++b)
    pixRasterop(sample.get(), 0, b * kBand, w, kBand, PIX_SRC, Mutable(pix), 0, b * kBand * kEvery);
  L_COMP_DATA* raw = nullptr;
  if (pixGenerateCIData(sample.get(), L_FLATE_ENCODE, 0, 0, &raw) != 0 || !raw) return true;
  CidPtr cid(raw);
  const double estimate = double(cid->nbytescomp) * h / (bands * kBand);
  return estimate < 1.5 * double(jpeg_bytes);
}

Result<EncodedImage> EncodeFlate(const PIX* pix) {
  L_COMP_DATA* raw = nullptr;
  if (pixGenerateCIData(Mutable(pix), L_FLATE_ENCODE, 0, 0, &raw) != 0 || !raw)
    return Status::Internal("Flate encoding failed");
  CidPtr cid(raw);
  if (cid->ncolors > 0 || cid->bps != 8) return Status::Internal("Flate data has a colormap");
  EncodedImage out;
  out.data.assign(reinterpret_cast<const char*>(cid->datacomp), cid->nbytescomp);
  out.filter = ImageFilter::kFlate;
  out.width = cid->w;
  out.height = cid->h;
  out.bits_per_component = 8;
  out.components = cid->spp;
  return out;
}

}  // namespace

std::string_view FilterName(ImageFilter filter) {
  switch (filter) {
    case ImageFilter::kCcittG4: return "CCITTFaxDecode";
    case ImageFilter::kDct: return "DCTDecode";
    case ImageFilter::kFlate: return "FlateDecode";
  }
  return "FlateDecode";
}

Result<EncodedImage> EncodeForArchive(const PIX* pix, int dpi, const EncodeOptions& options) {
  if (!pix || pixGetWidth(Mutable(pix)) <= 0 || pixGetHeight(Mutable(pix)) <= 0)
    return Status::InvalidArgument("no page image to archive");
  if (dpi <= 0) dpi = PixDpi(pix) > 0 ? PixDpi(pix) : 300;

  SS_ASSIGN_OR_RETURN(Normalised page, Normalise(pix));
  if (pixGetDepth(Mutable(page.get())) == 32 && IsGreyRgb(page.get()) &&
      !page.Replace(pixConvertRGBToLuminance(Mutable(page.get()))))
    return Status::Internal("cannot convert page image to grey");
  if (pixGetDepth(Mutable(page.get())) == 8 && IsTwoTone(page.get(), kTwoToneSampling, options.two_tone_mid_fraction) &&
      !page.Replace(pixThresholdToBinary(Mutable(page.get()), 128)))
    return Status::Internal("cannot binarise two-tone page image");

  Result<EncodedImage> best = Status::Internal("no encoding");
  if (pixGetDepth(Mutable(page.get())) == 1) {
    best = EncodeG4(page.get());
  } else {
    best = EncodeJpeg(page.get(), options.jpeg_quality);
    if (!best.ok() || FlateMayWin(page.get(), best->data.size())) {
      auto flate = EncodeFlate(page.get());
      if (flate.ok() && (!best.ok() || flate->data.size() < best->data.size())) best = std::move(flate);
    }
  }
  if (best.ok()) best->dpi = dpi;
  return best;
}

namespace {
// Paints `boxes` (scaled by `scale`) black on an 8- or 32-bit pix.
void Blacken(PIX* pix, const std::vector<PixelBox>& boxes, double scale) {
  for (const PixelBox& b : boxes) {
    const int x = static_cast<int>(b.x0 * scale), y = static_cast<int>(b.y0 * scale);
    const int w = static_cast<int>((b.x1 - b.x0) * scale + 1.5), h = static_cast<int>((b.y1 - b.y0) * scale + 1.5);
    if (w <= 0 || h <= 0) continue;
    BOX* box = boxCreate(x, y, w, h);
    pixClearInRect(pix, box);
    boxDestroy(&box);
  }
}
}  // namespace

Result<std::string> EncodedImageToPng(const EncodedImage& image, double scale,
                                      const std::vector<PixelBox>& blacked) {
  PixPtr pix;
  switch (image.filter) {
    case ImageFilter::kCcittG4: {
      const std::string tiff = WrapG4InTiff(image.data, image.width, image.height);
      pix.reset(pixReadMemTiff(reinterpret_cast<const l_uint8*>(tiff.data()), tiff.size(), 0));
      break;
    }
    case ImageFilter::kDct:
      pix.reset(pixReadMemJpeg(reinterpret_cast<const l_uint8*>(image.data.data()),
                               image.data.size(), 0, 1, nullptr, 0));
      break;
    case ImageFilter::kFlate: {
      size_t n = 0;
      LeptBytes rows(zlibUncompress(reinterpret_cast<const l_uint8*>(image.data.data()),
                                    image.data.size(), &n));
      const size_t stride = size_t(image.width) * image.components;
      if (!rows || n != stride * size_t(image.height)) return Status::Corrupt("Flate image data");
      pix.reset(pixCreate(image.width, image.height, image.components == 3 ? 32 : 8));
      if (!pix) return Status::Internal("cannot allocate page image");
      for (int y = 0; y < image.height; ++y) {
        const l_uint8* src = rows.get() + stride * y;
        for (int x = 0; x < image.width; ++x) {
          if (image.components == 3) {
            const l_uint8* p = src + 3 * x;
            pixSetPixel(pix.get(), x, y, (l_uint32(p[0]) << 24) | (l_uint32(p[1]) << 16) |
                                             (l_uint32(p[2]) << 8));
          } else {
            pixSetPixel(pix.get(), x, y, src[x]);
          }
        }
      }
      break;
    }
  }
  if (!pix) return Status::Corrupt("archived page image cannot be decoded");
  pixSetResolution(pix.get(), image.dpi, image.dpi);
  if (scale > 0 && scale < 1) {  // grey scaling keeps thin strokes of a 1-bit page readable
    PixPtr small(pixGetDepth(pix.get()) == 1 ? pixScaleToGray(pix.get(), static_cast<float>(scale))
                                             : pixScale(pix.get(), static_cast<float>(scale),
                                                        static_cast<float>(scale)));
    if (!small) return Status::Internal("cannot scale page image");
    const int dpi = static_cast<int>(image.dpi * scale + 0.5);
    pixSetResolution(small.get(), dpi, dpi);
    Blacken(small.get(), blacked, scale);
    return EncodePng(small.get());
  }
  if (!blacked.empty()) {
    if (pixGetDepth(pix.get()) == 1) pix.reset(pixConvert1To8(nullptr, pix.get(), 255, 0));
    if (!pix) return Status::Internal("cannot convert page image");
    Blacken(pix.get(), blacked, 1.0);
  }
  return EncodePng(pix.get());
}

}  // namespace scanstraat
