#include "pipeline/ingest/sniff.h"

namespace scanstraat {
namespace {
bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
}  // namespace

FileKind SniffKind(std::string_view head) {
  if (head.empty()) return FileKind::kEmpty;
  // PDF readers accept the header anywhere in the first KiB (junk before it is common).
  if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos) return FileKind::kPdf;
  if (StartsWith(head, std::string_view("II*\0", 4)) || StartsWith(head, std::string_view("MM\0*", 4)))
    return FileKind::kTiff;
  if (StartsWith(head, "\x89PNG\r\n\x1a\n")) return FileKind::kPng;
  if (StartsWith(head, "\xFF\xD8\xFF")) return FileKind::kJpeg;
  if (StartsWith(head, "GIF87a") || StartsWith(head, "GIF89a") || StartsWith(head, "BM") ||
      (StartsWith(head, "RIFF") && head.size() >= 12 && head.substr(8, 4) == "WEBP") ||
      StartsWith(head, std::string_view("\0\0\0\x0cjP  ", 8)) ||
      StartsWith(head, "\xFF\x4F\xFF\x51")) {
    return FileKind::kOtherImage;
  }
  return FileKind::kUnknown;
}

std::string_view FileKindName(FileKind kind) {
  switch (kind) {
    case FileKind::kEmpty: return "empty";
    case FileKind::kPdf: return "pdf";
    case FileKind::kTiff: return "tiff";
    case FileKind::kPng: return "png";
    case FileKind::kJpeg: return "jpeg";
    case FileKind::kOtherImage: return "image";
    case FileKind::kUnknown: return "unknown";
  }
  return "unknown";
}

}  // namespace scanstraat
