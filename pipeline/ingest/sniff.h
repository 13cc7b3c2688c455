// Decides what a file is from its first bytes, never from its name.
// Thread-safety: pure functions.
#pragma once

#include <string_view>

namespace scanstraat {

enum class FileKind { kEmpty, kPdf, kTiff, kPng, kJpeg, kOtherImage, kUnknown };

// `head` is the first bytes of the file (1 KiB is plenty).
FileKind SniffKind(std::string_view head);
std::string_view FileKindName(FileKind kind);

}  // namespace scanstraat
