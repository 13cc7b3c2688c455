// Finds the input files of a run: files given directly, and every regular
// file below given folders (recursively, in a stable sorted order; hidden
// files and folders, whose names start with '.', are skipped). A file that
// is still being written (changed less than `settle_seconds` ago) is waited
// for until its size and time stop changing.
// Thread-safety: call from one thread.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/core/status.h"

namespace scanstraat {

struct InputFile {
  std::filesystem::path path;   // as found (the input joined with the relative path)
  std::string source;           // the path as shown in results: as given on the command line
  int64_t size = 0;
};

struct DiscoverResult {
  std::vector<InputFile> files;
  std::vector<std::string> problems;  // inputs that do not exist or cannot be read
};

// Files inside folders whose name matches one of `exclude` (fnmatch globs,
// e.g. "*.json") are skipped; files named directly are always taken.
DiscoverResult DiscoverInputs(const std::vector<std::filesystem::path>& inputs,
                              double settle_seconds,
                              const std::vector<std::string>& exclude = {});

}  // namespace scanstraat
