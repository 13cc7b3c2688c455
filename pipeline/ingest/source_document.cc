#include "pipeline/ingest/source_document.h"

#include <cstdio>

#include "pipeline/ingest/image_doc.h"
#include "pipeline/ingest/poppler_doc.h"

namespace scanstraat {

Result<std::unique_ptr<SourceDocument>> OpenSourceDocument(std::string bytes, FileKind kind,
                                                          const Limits& limits) {
  switch (kind) {
    case FileKind::kEmpty: return Status::Empty("file is empty (0 bytes)");
    case FileKind::kPdf: return OpenPdf(std::move(bytes), limits);
    case FileKind::kTiff: return OpenTiff(std::move(bytes), limits);
    case FileKind::kPng:
    case FileKind::kJpeg:
    case FileKind::kOtherImage: return OpenImage(std::move(bytes), limits);
    case FileKind::kUnknown: break;
  }
  return Status::Unsupported(
      "not a PDF, TIFF, PNG or JPEG file (the content decides, not the file name)");
}

Result<std::string> ReadWholeFile(const std::filesystem::path& path, int64_t max_bytes) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return Status::IOError("file cannot be read (" + ec.message() + ")");
  if (static_cast<int64_t>(size) > max_bytes)
    return Status::TooLarge("file is " + std::to_string(size) + " bytes, over the limit of " +
                            std::to_string(max_bytes));
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::IOError("file cannot be opened for reading");
  std::string out(size, '\0');
  size_t n = std::fread(out.data(), 1, size, f);
  std::fclose(f);
  if (n != size) return Status::IOError("file changed or could not be read completely");
  return out;
}

}  // namespace scanstraat
