// The Leptonica adapter: owning handles for PIX and friends, and the few
// Leptonica calls the rest of the pipeline needs, turned into Status values.
// Nothing outside pipeline/image/ (and the engine adapters) calls Leptonica.
// Thread-safety: Leptonica functions used here are re-entrant; a PixPtr is
// owned by one thread at a time.
#pragma once

#include <leptonica/allheaders.h>

#include <memory>
#include <string>
#include <string_view>

#include "pipeline/core/status.h"

namespace scanstraat {

struct PixDeleter {
  void operator()(PIX* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

// Silences Leptonica's messages on standard error (they may name files and
// are noise in a nightly log). Call once at start-up.
void QuietLeptonica();

struct ImageHeader {
  int width = 0, height = 0, bits_per_sample = 0, samples_per_pixel = 0;
  int format = 0;  // Leptonica IFF_* value
};

// Reads dimensions without decoding the pixels (for GIF, Leptonica decodes
// the file: check GIF frame sizes first, see pipeline/ingest/gif_frames.h).
Result<ImageHeader> ReadImageHeader(std::string_view bytes);

// Decodes a single-image file (PNG, JPEG, BMP, GIF, WebP, JP2) from memory.
Result<PixPtr> DecodeImage(std::string_view bytes);

// Makes a pix from uncompressed rows as PDF (and PNM) store them: each row
// starts on a byte boundary; 1-bit grey with 0 = black, 8-bit grey, or 8-bit
// RGB. Returns a 1 bpp (1 = black, Leptonica's sense), 8 bpp or 32 bpp pix.
// Rows are `stride` bytes apart (0: packed, each row as long as its pixels
// need); the bytes of a row past its pixels are ignored. Corrupt when `rows`
// holds fewer than `height` rows; InvalidArgument for another layout or a
// stride shorter than a row.
Result<PixPtr> PixFromRows(std::string_view rows, int width, int height, int bits, int components,
                           size_t stride = 0);

// Resolution stored in the image, or 0 when absent or implausible.
int PixDpi(const PIX* pix);

// Encodes as PNG (for the review screen and tests).
Result<std::string> EncodePng(const PIX* pix);

}  // namespace scanstraat
