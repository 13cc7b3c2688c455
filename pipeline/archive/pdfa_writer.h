// The searchable PDF/A-2b writer: one page per scanned page, the page image
// scaled to the page (points = pixels * 72 / dpi) with the OCR words as an
// invisible text layer over it (text_layer.h), an embedded glyphless font
// with a ToUnicode CMap, XMP metadata claiming PDF/A-2b that matches the Info
// dictionary, an sRGB OutputIntent with an embedded ICC profile, a trailer
// /ID, and nothing PDF/A forbids (no encryption, JavaScript, transparency,
// LZW, external streams). Written with libqpdf.
//
// What this does not do: full PDF/A validation (veraPDF is not packaged in
// Debian); CheckPdfAEssentials (verify_pdfa.h) checks the essentials.
// Thread-safety: safe to call from many threads at once on different
// documents; each call uses its own QPDF object.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/archive/file_system.h"
#include "pipeline/archive/image_encode.h"
#include "pipeline/archive/pdf_info.h"
#include "pipeline/core/page_text.h"
#include "pipeline/core/status.h"

namespace scanstraat {

struct ArchivePage {
  EncodedImage image;
  // The page's words in pixels of the image at text.dpi. When text.dpi or the
  // text's size differ from the image's, the words are scaled to the image.
  PageText text;
};

// Returns the bytes of the PDF/A-2b file. InvalidArgument when there are no
// pages or a page image is empty; Internal when libqpdf fails.
Result<std::string> RenderPdfA(const std::vector<ArchivePage>& pages, const PdfInfo& info);

// Renders and writes atomically to `out` (WriteFileAtomic).
[[nodiscard]] Status WritePdfA(const std::vector<ArchivePage>& pages, const PdfInfo& info,
                               const std::filesystem::path& out);
[[nodiscard]] Status WritePdfA(FileSystem& fs, const std::vector<ArchivePage>& pages,
                               const PdfInfo& info, const std::filesystem::path& out);

}  // namespace scanstraat
