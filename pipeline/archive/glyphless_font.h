// The font of the invisible text layer: a Type0 font with Identity-H encoding
// over an embedded one-glyph TrueType (CIDFontType2) whose CIDToGIDMap sends
// every code to that glyph, and a ToUnicode CMap that maps every 2-byte code
// to the same UTF-16 code unit. So text is written as UTF-16BE and extracts as
// itself, the font is embedded (PDF/A), and nothing is ever drawn.
// Thread-safety: the QPDF passed in must be used by one thread only.
#pragma once

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

namespace scanstraat {

// Adds the font's objects to `pdf` and returns the (indirect) Type0 font
// dictionary for the pages' /Font resources. May throw QPDF exceptions.
QPDFObjectHandle AddGlyphlessFont(QPDF& pdf);

// The ToUnicode CMap text (exposed for tests).
std::string GlyphlessToUnicodeCMap();

}  // namespace scanstraat
