// Page images compressed for the archive: bilevel pages as CCITT G4, grey and
// colour pages as JPEG or Flate, whichever is smaller. The result is what a PDF
// image XObject needs (bytes, filter, size, depth, colour components) plus the
// resolution, so the page size in points follows from it.
//
// Thread-safety: safe to call from many threads at once, also on the same
// PIX (the input is only read). Leptonica writes nothing to disk here.
#pragma once

#include <leptonica/allheaders.h>

#include <string>
#include <vector>

#include "pipeline/core/status.h"
#include "pipeline/image/two_tone.h"

namespace scanstraat {

enum class ImageFilter {
  kCcittG4,  // /CCITTFaxDecode, K -1; 1 bit, 0 = black (BlackIs1 false)
  kDct,      // /DCTDecode: a complete JPEG (JFIF) file
  kFlate,    // /FlateDecode: zlib-compressed rows, no predictor
};
std::string_view FilterName(ImageFilter filter);  // "CCITTFaxDecode", …

struct EncodedImage {
  std::string data;            // the compressed bytes
  ImageFilter filter = ImageFilter::kFlate;
  int width = 0, height = 0;   // pixels
  int bits_per_component = 8;  // 1 (G4) or 8
  int components = 1;          // 1 = DeviceGray, 3 = DeviceRGB
  int dpi = 300;
};

struct EncodeOptions {
  int jpeg_quality = 70;  // 1..100; 70 keeps scanned text crisp at a third of q90's size
  // An 8-bit page counts as two-tone (and goes to G4) when at most this share
  // of its pixels lies outside the darkest and lightest 1/8 of the range.
  double two_tone_mid_fraction = kTwoToneMidFraction;  // 0.002 (pipeline/image/two_tone.h)
};

// Compresses `pix` for the archive. Colormaps are removed, alpha is blended
// onto white, 2/4/16-bit pages become 8-bit, RGB pages without colour become
// grey; 1-bit and two-tone 8-bit pages are encoded as G4, the others as JPEG
// or Flate (the smaller). `dpi` <= 0 means: the resolution stored in the pix,
// else 300. Returns InvalidArgument for a null or empty pix.
Result<EncodedImage> EncodeForArchive(const PIX* pix, int dpi, const EncodeOptions& options = {});

// A rectangle in image pixels: x0, y0, x1, y1.
struct PixelBox {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// Decodes an EncodedImage back to a PNG file (for the review screen and tests),
// scaled by `scale` when it is in (0, 1) (1-bit pages become grey), with
// every box of `blacked` (in the unscaled image's pixels) painted black.
Result<std::string> EncodedImageToPng(const EncodedImage& image, double scale = 1.0,
                                      const std::vector<PixelBox>& blacked = {});

}  // namespace scanstraat
