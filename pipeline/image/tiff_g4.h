// CCITT Group 4 data in and out of a TIFF container, in memory. Leptonica
// encodes and decodes G4 only as a TIFF file; a PDF holds the bare G4
// stream: the archive writes one, the review screen shows an archived page
// from it, and a scanner's PDF page is read from it (pipeline/ingest/).
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "pipeline/core/status.h"

namespace scanstraat {

struct G4Strip {
  std::string data;        // the CCITT G4 code stream
  int width = 0, height = 0;
  bool min_is_black = false;  // TIFF photometric: 0-bits are black
};

// Returns the single G4 strip of a little- or big-endian single-image TIFF.
// Corrupt when the TIFF is not G4 or holds more than one strip.
Result<G4Strip> ExtractG4FromTiff(std::string_view tiff);

// Returns a minimal little-endian TIFF (one strip, min-is-white) around `g4`.
std::string WrapG4InTiff(std::string_view g4, int width, int height);

}  // namespace scanstraat
