// Whether a born-digital page plainly draws in black and white only, read
// from its content stream rather than from a drawing (poppler_doc.cc draws
// such a page in 1 bit without a 50 dpi look first).
//
// The content is read with a small PDF lexer of its own: qpdf's object
// parser made a handle for every operand and cost about 6 M instructions on
// a form page, as much as a tenth of the page's whole drawing.
//
// Thread-safety: pure function.
#pragma once

#include <string_view>

namespace scanstraat {

// True when `content` (a page's content streams, decoded and joined) only
// sets graphics state (not gs), draws paths and text, and uses colours in
// DeviceGray, DeviceRGB or DeviceCMYK that Poppler draws as grey levels
// outside mid-grey (image/two_tone.h). Anything else, an inline image, an
// XObject (Do), a shading (sh), a named colour space, an operand out of
// range or a malformed stream, gives false. The page's resources and
// annotations are the caller's to check.
bool ContentDrawsInTwoTones(std::string_view content);

}  // namespace scanstraat
