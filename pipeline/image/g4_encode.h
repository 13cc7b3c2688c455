// CCITT Group 4 (ITU-T T.6) encoding of a 1-bit page, for the archive's
// /CCITTFaxDecode page images. Works on Leptonica's words directly: white
// stretches are skipped a machine word at a time, so a mostly white A4 page at
// 300 dpi costs a few million instructions (the libtiff route through a TIFF
// file cost about 25 million).
//
// Thread-safety: a pure function; the pix is only read.
#pragma once

#include <leptonica/allheaders.h>

#include <string>

#include "pipeline/core/status.h"

namespace scanstraat {

// Returns the bare T.6 code stream of `bilevel` (1 bpp, Leptonica's 1 =
// black): two-dimensional coding throughout (K -1), rows not byte-aligned, no
// EOL codes except the EOFB that ends the stream, the last byte padded with 0
// bits. A PDF reads it with /CCITTFaxDecode << /K -1 /BlackIs1 false /Columns
// width /Rows height >> (black decodes to 0 bits); a TIFF holds it as a
// Compression 4 strip with Photometric 0 (min-is-white). The bytes are those
// libtiff writes for the same pixels. Pad bits past the width are ignored.
// Returns InvalidArgument for a null or empty pix or one of another depth.
Result<std::string> EncodeG4Stream(const PIX* bilevel);

}  // namespace scanstraat
