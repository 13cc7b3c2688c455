// An exclusive advisory lock on a file (flock), released when the object is
// destroyed or the process dies, so a killed process never leaves it held.
// Thread-safety: one FileLock per holder.
#pragma once

#include <filesystem>

#include "pipeline/core/status.h"

namespace scanstraat {

class FileLock {
 public:
  FileLock() = default;
  FileLock(FileLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  FileLock& operator=(FileLock&& other) noexcept;
  FileLock(const FileLock&) = delete;
  ~FileLock();

  // Creates `path` if needed and locks it. `wait`: block until it is free;
  // otherwise kConflict when another process holds it.
  static Result<FileLock> Acquire(const std::filesystem::path& path, bool wait);

 private:
  explicit FileLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace scanstraat
