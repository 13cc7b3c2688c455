// The qpdf adapter, reading side: takes a scanned PDF page's own image out
// of the file instead of having Poppler draw the page. A scanner's PDF page
// is one image painted over the whole page; decoding that image costs less
// than drawing the page at 300 dpi and copying the result (40 scanned A4
// pages, whole run with OCR: 0.87 s of CPU a page drawn, 0.72 s read this
// way, 0.69 s for the same pages as image files), and OCR then sees the
// very pixels it would see in the image file.
// Nothing outside this pair of files sees a qpdf type (the writing side is
// pipeline/archive/pdfa_writer.*).
//
// The image is taken only when that is clearly what drawing the page would
// show: the content stream paints exactly one image XObject (around it only
// q, Q, cm and operators that set state an image does not use), the image
// covers the visible page box within 1%, turned by a multiple of 90 degrees
// at most (and the page's /Rotate is applied as Poppler does), with no mask,
// no Decode array, grey or RGB colour (Device, CalGray, ICCBased), 1 or 8
// bits, square pixels, stored as JPEG (not CMYK), Flate (with or without
// PNG predictors), CCITT G4 or unfiltered, and the page has no annotation
// that could draw. Anything else, and any error on the way, is a "no"
// (kUnsupported with the reason): the caller then draws the page as before.
//
// Thread-safety: one qpdf object per document behind one mutex; Read may be
// called from several threads at once. The parsing and Flate inflating run
// under the mutex; JPEG and G4 decoding and turning the image run outside it.
#pragma once

#include <memory>
#include <mutex>
#include <string_view>

#include "pipeline/core/options.h"
#include "pipeline/ingest/source_document.h"

namespace scanstraat {

class PdfPageImages {
 public:
  // `bytes` is the whole PDF; it must outlive this object (qpdf reads it in
  // place). Opens nothing yet: the file is parsed on the first Read.
  PdfPageImages(std::string_view bytes, int page_count, const Limits& limits);
  ~PdfPageImages();
  PdfPageImages(const PdfPageImages&) = delete;
  PdfPageImages& operator=(const PdfPageImages&) = delete;

  // Returns page `index` (from 0) as its embedded image, upright as the page
  // shows it, with its dpi (image pixels over the page's size in inches).
  // Errors: kUnsupported with the reason when the page is anything but one
  // plain scanned image, or its image is damaged; the caller draws the page.
  // An image over limits.max_pixels is refused from its /Width and /Height,
  // before decoding, so drawing it at a lower resolution can take over.
  // InvalidArgument for an index out of range.
  Result<SourcePage> Read(int index);

  // True when page `index` plainly draws in black and white only: text,
  // lines and fills in device grey, RGB or CMYK colours that Poppler draws
  // outside mid-grey (ingest/two_tone_content.h), with no image, form,
  // shading, pattern, ExtGState (transparency), Type 3 font or annotation
  // that could draw.
  // Drawn without anti-aliasing such a page is two-tone (image/two_tone.h),
  // so it can be drawn in 1 bit without looking at a drawing first. False
  // whenever it cannot tell, and on any error: the caller then looks.
  bool DrawsInTwoTones(int index);

 private:
  struct Parsed;
  // Parses the file on first use; the "no" of Read when qpdf cannot.
  Status ParseLocked();
  std::string_view bytes_;
  int page_count_;
  Limits limits_;
  std::mutex mu_;
  std::unique_ptr<Parsed> parsed_;  // guarded by mu_; made on the first Read
  bool open_failed_ = false;        // guarded by mu_
};

}  // namespace scanstraat
