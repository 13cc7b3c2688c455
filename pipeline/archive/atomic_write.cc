#include "pipeline/archive/atomic_write.h"

#include <atomic>
#include <cstdio>
#include <random>
#include <string>
#include <system_error>
#include <vector>

namespace scanstraat {
namespace {

constexpr std::string_view kTempMarker = ".tmp-";

// A temporary name unique across threads and processes: random bits from the
// OS once per thread, plus a process-wide counter.
std::string TempSuffix() {
  static std::atomic<unsigned long> counter{0};
  thread_local std::mt19937_64 rng{std::random_device{}()};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%012llx%04lx",
                static_cast<unsigned long long>(rng() & 0xffffffffffffULL),
                counter.fetch_add(1) & 0xffff);
  return buf;
}

}  // namespace

bool IsAtomicTempName(std::string_view name) {
  return name.size() > 1 && name[0] == '.' && name.find(kTempMarker) != std::string_view::npos;
}

Status WriteFileAtomic(FileSystem& fs, const std::filesystem::path& path, std::string_view bytes) {
  const std::string name = path.filename().string();
  if (name.empty()) return Status::InvalidArgument("archive file path has no file name");
  const std::filesystem::path dir = path.parent_path();
  const std::filesystem::path tmp = dir / ("." + name + std::string(kTempMarker) + TempSuffix());

  auto file = fs.NewWritableFile(tmp);
  if (!file.ok()) return file.status().WithContext(name);
  Status s = (*file)->Append(bytes);
  if (s.ok()) s = (*file)->Sync();
  Status c = (*file)->Close();
  if (s.ok()) s = c;
  if (s.ok()) s = fs.Rename(tmp, path);
  if (!s.ok()) {
    // The final name was never touched; drop the half-written temporary file.
    (void)fs.Remove(tmp);
    return s.WithContext(name);
  }
  // The rename happened; make it durable. If that fails the caller must not
  // record the file, so the file goes too: an error always means "no file".
  s = fs.SyncDir(dir);
  if (!s.ok()) {
    (void)fs.Remove(path);
    return s.WithContext(name);
  }
  return s;
}

Result<int> RemoveAtomicLeftovers(FileSystem& fs, const std::filesystem::path& dir) {
  std::error_code ec;
  std::vector<std::filesystem::path> leftovers;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && IsAtomicTempName(it->path().filename().string()))
      leftovers.push_back(it->path());
  }
  if (ec) return Status::IOError("cannot list archive folder: " + ec.message());
  for (const auto& p : leftovers) SS_RETURN_IF_ERROR(fs.Remove(p));
  if (!leftovers.empty()) SS_RETURN_IF_ERROR(fs.SyncDir(dir));
  return int(leftovers.size());
}

Status WriteFileAtomic(const std::filesystem::path& path, std::string_view bytes) {
  return WriteFileAtomic(PosixFileSystem(), path, bytes);
}

}  // namespace scanstraat
