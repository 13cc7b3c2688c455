// SHA-256 of files and byte strings (OpenSSL EVP), as lower-case hex.
// A document's id is the SHA-256 of its bytes. Thread-safe.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "pipeline/core/status.h"

namespace scanstraat {

// Returns the hex SHA-256 of the file's bytes, reading it in 1 MiB chunks.
Result<std::string> Sha256File(const std::filesystem::path& path);
std::string Sha256Hex(std::string_view bytes);

}  // namespace scanstraat
