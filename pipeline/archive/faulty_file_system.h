// A FileSystem that wraps another and fails on purpose, for tests of error
// paths (an I/O error on the Nth write, a full disk, a failing fsync, rename
// or folder sync). Issue 7 (crash safety) builds on it.
//
// Thread-safety: the counters are atomic, so one FaultyFileSystem may be
// shared by several threads; which call is "the Nth" is then racy by nature.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>

#include "pipeline/archive/file_system.h"

namespace scanstraat {

class FaultyFileSystem final : public FileSystem {
 public:
  enum class Fault {
    kNone,
    kWriteError,   // the Nth Append fails with EIO, having written half its bytes
    kDiskFull,     // the Nth Append writes half its bytes, then fails with ENOSPC
    kSyncError,    // the Nth file Sync fails
    kRenameError,  // the Nth Rename fails
    kSyncDirError, // the Nth SyncDir fails
    kCreateError,  // the Nth NewWritableFile fails
  };

  explicit FaultyFileSystem(FileSystem& base) : base_(base) {}

  // Arms a fault on the `nth` (counting from 1) call of its kind from now on.
  void Inject(Fault fault, int nth = 1);
  // Calls of each kind seen since the last Inject.
  int appends() const { return appends_; }
  int renames() const { return renames_; }

  Result<std::unique_ptr<WritableFile>> NewWritableFile(
      const std::filesystem::path& path) override;
  Status Rename(const std::filesystem::path& from, const std::filesystem::path& to) override;
  Status Remove(const std::filesystem::path& path) override;
  Status SyncDir(const std::filesystem::path& dir) override;
  Status CreateDirs(const std::filesystem::path& dir) override;

  enum class Op { kCreate, kAppend, kSync, kRename, kSyncDir };
  // Counts one call of `op`; returns the armed fault when this call must fail,
  // else kNone. Used by the wrapped files too.
  Fault Hit(Op op);

 private:
  FileSystem& base_;
  std::atomic<Fault> fault_{Fault::kNone};
  std::atomic<int> nth_{0};
  std::atomic<int> creates_{0}, appends_{0}, syncs_{0}, renames_{0}, syncdirs_{0};
};

}  // namespace scanstraat
