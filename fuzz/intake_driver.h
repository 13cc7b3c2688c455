// The intake path that the fuzz targets and their regression test drive: the
// same calls the worker makes on a file's bytes (pipeline/run/pipeline.cc:
// SniffKind, OpenSourceDocument, then LoadPage per page), with small limits so
// one input stays fast. Header-only so that the GoogleTest in tests/ingest/
// can use it without linking anything from fuzz/.
//
// Thread-safety: the functions are re-entrant; QuietLibraries() is meant to be
// called once at start-up.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "pipeline/core/status.h"
#include "pipeline/image/pix.h"
#include "pipeline/ingest/poppler_doc.h"
#include "pipeline/ingest/sniff.h"
#include "pipeline/ingest/source_document.h"

namespace scanstraat::fuzz {

// Small enough that a page decodes or renders in milliseconds, large enough
// that an A4 page at kFuzzDpi (595 x 842 pixels) and the usual test images
// still go all the way through decoding.
inline Limits FuzzLimits() {
  Limits limits;
  limits.max_pixels = 2'000'000;  // about 1400 x 1400
  limits.max_pages = 8;
  return limits;
}
inline constexpr int kFuzzDpi = 72;

// Silences Poppler and Leptonica on standard error (a fuzzer calls them
// millions of times with garbage).
inline void QuietLibraries() {
  QuietPoppler();
  QuietLeptonica();
}

// Opens `bytes` as `kind` and loads every page; for a page that came back as
// a text layer, also renders it (the archive and review screen do that).
// Returns the first error, as the worker would record it; Ok when every page
// loaded.
inline Status DriveIntake(std::string bytes, FileKind kind, const Limits& limits) {
  Result<std::unique_ptr<SourceDocument>> doc = OpenSourceDocument(std::move(bytes), kind, limits);
  if (!doc.ok()) return doc.status();
  Status first;
  for (int i = 0; i < doc.value()->PageCount(); ++i) {
    Result<SourcePage> page = doc.value()->LoadPage(i, kFuzzDpi);
    if (page.ok() && page->text_layer.has_value()) {
      Result<SourcePage> image = doc.value()->RenderPage(i, kFuzzDpi);
      if (!image.ok() && first.ok()) first = image.status();
    } else if (!page.ok() && first.ok()) {
      first = page.status();
    }
  }
  return first;
}

// PDF intake: the bytes as a PDF, whatever they look like.
inline Status DrivePdfIntake(std::string_view bytes) {
  return DriveIntake(std::string(bytes), FileKind::kPdf, FuzzLimits());
}

// Image intake: the bytes go where the worker would send them by their
// content. Returns Unsupported without opening anything for bytes that do not
// sniff as an image (PDFs belong to the PDF target).
inline Status DriveImageIntake(std::string_view bytes) {
  FileKind kind = SniffKind(bytes.substr(0, 1024));
  switch (kind) {
    case FileKind::kTiff:
    case FileKind::kPng:
    case FileKind::kJpeg:
    case FileKind::kOtherImage: return DriveIntake(std::string(bytes), kind, FuzzLimits());
    case FileKind::kEmpty:
    case FileKind::kPdf:
    case FileKind::kUnknown: break;
  }
  return Status::Unsupported("not an image");
}

}  // namespace scanstraat::fuzz
