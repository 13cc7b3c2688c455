#include "pipeline/archive/faulty_file_system.h"

#include <string>

namespace scanstraat {
namespace {

class FaultyFile final : public WritableFile {
 public:
  FaultyFile(std::unique_ptr<WritableFile> base, FaultyFileSystem& fs)
      : base_(std::move(base)), fs_(fs) {}

  Status Append(std::string_view bytes) override {
    const auto fault = fs_.Hit(FaultyFileSystem::Op::kAppend);
    if (fault != FaultyFileSystem::Fault::kNone) {
      // Leave a half-written file behind, as a real failure would.
      (void)base_->Append(bytes.substr(0, bytes.size() / 2));
      return Status::IOError(fault == FaultyFileSystem::Fault::kDiskFull
                                 ? "write failed: No space left on device (injected)"
                                 : "write failed: Input/output error (injected)");
    }
    return base_->Append(bytes);
  }
  Status Sync() override {
    if (fs_.Hit(FaultyFileSystem::Op::kSync) != FaultyFileSystem::Fault::kNone)
      return Status::IOError("fsync failed: Input/output error (injected)");
    return base_->Sync();
  }
  Status Close() override { return base_->Close(); }

 private:
  std::unique_ptr<WritableFile> base_;
  FaultyFileSystem& fs_;
};

}  // namespace

void FaultyFileSystem::Inject(Fault fault, int nth) {
  creates_ = appends_ = syncs_ = renames_ = syncdirs_ = 0;
  nth_ = nth;
  fault_ = fault;
}

FaultyFileSystem::Fault FaultyFileSystem::Hit(Op op) {
  std::atomic<int>* counter = nullptr;
  Op faulty_op = Op::kCreate;
  switch (op) {
    case Op::kCreate: counter = &creates_; break;
    case Op::kAppend: counter = &appends_; break;
    case Op::kSync: counter = &syncs_; break;
    case Op::kRename: counter = &renames_; break;
    case Op::kSyncDir: counter = &syncdirs_; break;
  }
  const Fault fault = fault_;
  switch (fault) {
    case Fault::kNone: faulty_op = op; break;
    case Fault::kWriteError:
    case Fault::kDiskFull: faulty_op = Op::kAppend; break;
    case Fault::kSyncError: faulty_op = Op::kSync; break;
    case Fault::kRenameError: faulty_op = Op::kRename; break;
    case Fault::kSyncDirError: faulty_op = Op::kSyncDir; break;
    case Fault::kCreateError: faulty_op = Op::kCreate; break;
  }
  const int n = ++*counter;
  return (fault != Fault::kNone && faulty_op == op && n == nth_) ? fault : Fault::kNone;
}

Result<std::unique_ptr<WritableFile>> FaultyFileSystem::NewWritableFile(
    const std::filesystem::path& path) {
  if (Hit(Op::kCreate) != Fault::kNone)
    return Status::IOError("cannot create file: Input/output error (injected)");
  auto base = base_.NewWritableFile(path);
  if (!base.ok()) return base.status();
  return std::unique_ptr<WritableFile>(new FaultyFile(std::move(*base), *this));
}

Status FaultyFileSystem::Rename(const std::filesystem::path& from,
                                const std::filesystem::path& to) {
  if (Hit(Op::kRename) != Fault::kNone) return Status::IOError("rename failed (injected)");
  return base_.Rename(from, to);
}

Status FaultyFileSystem::Remove(const std::filesystem::path& path) { return base_.Remove(path); }

Status FaultyFileSystem::SyncDir(const std::filesystem::path& dir) {
  if (Hit(Op::kSyncDir) != Fault::kNone) return Status::IOError("fsync of folder failed (injected)");
  return base_.SyncDir(dir);
}

Status FaultyFileSystem::CreateDirs(const std::filesystem::path& dir) {
  return base_.CreateDirs(dir);
}

}  // namespace scanstraat
