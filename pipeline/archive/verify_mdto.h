// Checks of MDTO files for `scanstraat verify`: XML Schema validation against
// MDTO-XML1.0.1.xsd (libxml2), and reading back the facts of a `bestand` file
// (name, size, checksum) so the archived file can be compared with them.
// Thread-safety: safe to call from many threads at once (libxml2 is
// initialised once, each call has its own schema and contexts).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/archive/problem.h"
#include "pipeline/core/status.h"

namespace scanstraat {

// Validates `path` against the XSD at `xsd`. Returns the problems ("mdto.schema",
// one per libxml2 error, at most 20); empty when valid. Non-ok when the XSD
// itself cannot be loaded (a set-up error, not a problem of the archive), or
// NotFound when `path` is missing.
Result<std::vector<Problem>> CheckMdto(const std::filesystem::path& path,
                                       const std::filesystem::path& xsd);

struct MdtoBestandFacts {
  std::string name;          // naam
  std::uint64_t size = 0;    // omvang
  std::string sha256;        // checksumWaarde (of the SHA-256 checksum)
};

// Reads the naam, omvang and SHA-256 checksumWaarde of a bestand file written
// by MdtoBestandXml. Corrupt when one of them is missing.
Result<MdtoBestandFacts> ReadMdtoBestandFacts(const std::filesystem::path& path);

}  // namespace scanstraat
