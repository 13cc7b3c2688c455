// Safe writing: a file appears under its final name complete and durable, or
// not at all. Used for every file of the archive (PDF/A, MDTO, result record,
// original bytes of a born-digital PDF).
//
// Thread-safety: safe to call from many threads at once for different paths.
// Two concurrent writers of the same path each write their own temporary file;
// the last rename wins, and both results are complete files.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "pipeline/archive/file_system.h"
#include "pipeline/core/status.h"

namespace scanstraat {

// Writes `bytes` to a unique temporary name in the folder of `path`
// (".<name>.tmp-<random>"), fsyncs it, renames it over `path`, and fsyncs the
// folder. On any failure the temporary file is removed and no file is left
// under `path` (a failure to sync the folder after the rename removes the
// renamed file too), so an error always means: nothing to record.
// REQUIRES: the folder of `path` exists.
[[nodiscard]] Status WriteFileAtomic(FileSystem& fs, const std::filesystem::path& path,
                                     std::string_view bytes);
// One file of a WriteFilesAtomic batch.
struct FileToWrite {
  std::filesystem::path path;
  std::string_view bytes;
};

// Writes several files of one folder as WriteFileAtomic does, with the syncs
// grouped: every temporary file written, then each fsynced, then each
// renamed, then the folder fsynced once. On any failure none of the files is
// left under its final name (renamed ones are removed again) and no
// temporary file stays. A crash part-way may leave some of them complete
// under their final names, never a partial one.
// REQUIRES: all paths in one existing folder.
[[nodiscard]] Status WriteFilesAtomic(FileSystem& fs, const std::vector<FileToWrite>& files);

// WriteFileAtomic on the real file system.
[[nodiscard]] Status WriteFileAtomic(const std::filesystem::path& path, std::string_view bytes);

// True when `name` is a temporary name made by WriteFileAtomic (so `verify`
// and crash recovery can recognise and remove leftovers of an interrupted run).
bool IsAtomicTempName(std::string_view name);

// Removes the temporary files an interrupted WriteFileAtomic left in `dir`
// (not recursive). Returns how many were removed. For crash recovery at the
// start of a run; REQUIRES: no writer is active in `dir`.
Result<int> RemoveAtomicLeftovers(FileSystem& fs, const std::filesystem::path& dir);

}  // namespace scanstraat
