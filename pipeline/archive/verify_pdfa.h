// The PDF/A essentials `scanstraat verify` checks on an archived PDF, with
// libqpdf: the header, XMP metadata claiming PDF/A-2b (pdfaid:part 2,
// pdfaid:conformance B), an OutputIntent /GTS_PDFA1 with an embedded ICC
// profile, a trailer /ID, no /Encrypt, no JavaScript, every font embedded,
// and a file that parses without damage (a truncated file is a problem).
// This is not full PDF/A validation (that needs veraPDF).
// Thread-safety: safe to call from many threads at once.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/archive/problem.h"
#include "pipeline/core/status.h"

namespace scanstraat {

// Returns the problems found (empty when all essentials hold). A file that
// cannot be parsed at all is one problem ("pdfa.parse"), not an error; the
// status is non-ok only when the file cannot be read (NotFound, IOError).
Result<std::vector<Problem>> CheckPdfAEssentials(const std::filesystem::path& path);

// Returns a "sha256" problem when the file's SHA-256 differs from
// `expected_hex`, a "missing" problem when the file does not exist.
std::vector<Problem> CheckSha256(const std::filesystem::path& path, std::string_view expected_hex);

}  // namespace scanstraat
