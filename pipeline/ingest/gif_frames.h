// Reads how many pixels a GIF will make giflib allocate, from the block
// structure alone, so that the pixel limit holds for GIFs too. Leptonica has
// no header-only reader for GIF: pixReadHeaderMem decodes the whole file
// (DGifSlurp allocates width x height bytes for every frame), so a 43-byte
// GIF that declares 20000 x 20000 pixels made the "header check" allocate
// 400 MB (found by the image_intake fuzzer, fuzz/README.md).
// Thread-safety: a pure function.
#pragma once

#include <cstdint>
#include <string_view>

namespace scanstraat {

// True when `bytes` starts with a GIF signature.
bool IsGif(std::string_view bytes);

// The sum of width x height over every frame descriptor in `bytes` (a GIF):
// what giflib allocates when it reads the file. A frame counts as soon as its
// descriptor is seen (giflib allocates before it reads the pixel data). Stops
// at the trailer, at the end of the bytes or at a block it does not know
// (giflib fails there too). 0 for bytes that are not a GIF.
int64_t GifPixelsToDecode(std::string_view bytes);

}  // namespace scanstraat
