// The file-system operations the archive writer needs, behind an interface so
// that tests can inject failures (an I/O error on the Nth write, a full disk,
// a failing fsync or rename) the way leveldb's ErrorEnv does.
//
// Every file the archive module writes goes through a FileSystem; the real
// one is PosixFileSystem(). Thread-safety: PosixFileSystem() is stateless and
// safe to use from many threads at once; a WritableFile belongs to one thread.
#pragma once

#include <filesystem>
#include <memory>
#include <string_view>

#include "pipeline/core/status.h"

namespace scanstraat {

// An open file being written. Close() is called by the owner; the destructor
// closes without syncing if the owner did not.
class WritableFile {
 public:
  virtual ~WritableFile() = default;
  [[nodiscard]] virtual Status Append(std::string_view bytes) = 0;
  // Flushes the file's data and metadata to stable storage (fsync).
  [[nodiscard]] virtual Status Sync() = 0;
  [[nodiscard]] virtual Status Close() = 0;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  // Creates `path` (which must not exist) for writing, with mode 0644 minus
  // the umask. Returns IOError when it exists or cannot be created.
  [[nodiscard]] virtual Result<std::unique_ptr<WritableFile>> NewWritableFile(
      const std::filesystem::path& path) = 0;
  // Atomically replaces `to` by `from` (rename(2)); both in one folder.
  [[nodiscard]] virtual Status Rename(const std::filesystem::path& from,
                                     const std::filesystem::path& to) = 0;
  // Removes a file; NotFound when it does not exist.
  [[nodiscard]] virtual Status Remove(const std::filesystem::path& path) = 0;
  // Makes a folder's entries (a rename, a new file) durable (fsync on the folder).
  [[nodiscard]] virtual Status SyncDir(const std::filesystem::path& dir) = 0;
  // Creates the folder and its parents when missing.
  [[nodiscard]] virtual Status CreateDirs(const std::filesystem::path& dir) = 0;
};

// The real POSIX file system. Returns a process-wide stateless instance.
FileSystem& PosixFileSystem();

}  // namespace scanstraat
