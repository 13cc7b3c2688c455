#include "pipeline/store/fault_vfs.h"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <string>

#include "pipeline/core/log.h"

namespace scanstraat {
namespace {

constexpr const char* kVfsName = "scanstraat-fault";
constexpr const char* kEnvVariable = "SCANSTRAAT_FAULT_STORE";

// The armed fault. Written by Arm/Disarm only, read by every file call.
struct Armed {
  std::atomic<bool> on{false};
  std::atomic<FaultKind> kind{FaultKind::kWrite};
  std::atomic<int> nth{1};
  std::atomic<bool> sticky{false};
  std::atomic<bool> worker_only{false};
  std::atomic<int> writes{0}, syncs{0}, injected{0};
};
Armed g_armed;

sqlite3_vfs* g_real = nullptr;  // the default VFS at registration
sqlite3_vfs g_vfs{};
std::once_flag g_register_once, g_env_once;
std::atomic<bool> g_registered{false};
Status g_env_status;

// Our file: SQLite allocates szOsFile bytes; the real file follows ours.
struct FaultFile {
  sqlite3_file base;
  sqlite3_file* real;
  const char* what;  // "database" | "WAL" | nullptr (not counted)
};
static_assert(sizeof(FaultFile) % 8 == 0, "the real file must stay 8-byte aligned");

sqlite3_file* Real(sqlite3_file* f) { return reinterpret_cast<FaultFile*>(f)->real; }

// Counts one call; true when it must fail (and logs that it does).
bool Inject(FaultFile* f, bool is_write, std::string_view kind_name) {
  if (f->what == nullptr || !g_armed.on.load()) return false;
  const FaultKind kind = g_armed.kind.load();
  if (is_write != (kind == FaultKind::kWrite || kind == FaultKind::kFull)) return false;
  FaultSpec spec;
  spec.worker_only = g_armed.worker_only.load();
  if (!FaultAppliesHere(spec)) return false;
  const int n = ++(is_write ? g_armed.writes : g_armed.syncs);
  const int nth = g_armed.nth.load();
  if (n != nth && !(g_armed.sticky.load() && n > nth)) return false;
  ++g_armed.injected;
  LogWarn("fault injection: store " + std::string(kind_name) + " #" + std::to_string(n) +
          " on the " + f->what + " fails");
  return true;
}

int Close(sqlite3_file* f) { return Real(f)->pMethods->xClose(Real(f)); }
int Read(sqlite3_file* f, void* buf, int n, sqlite3_int64 off) {
  return Real(f)->pMethods->xRead(Real(f), buf, n, off);
}
int Write(sqlite3_file* f, const void* buf, int n, sqlite3_int64 off) {
  auto* ff = reinterpret_cast<FaultFile*>(f);
  const bool full = g_armed.kind.load() == FaultKind::kFull;
  if (Inject(ff, true, full ? "write (disk full)" : "write")) {
    (void)Real(f)->pMethods->xWrite(Real(f), buf, n / 2, off);  // a torn write
    return full ? SQLITE_FULL : SQLITE_IOERR_WRITE;
  }
  return Real(f)->pMethods->xWrite(Real(f), buf, n, off);
}
int Truncate(sqlite3_file* f, sqlite3_int64 size) {
  return Real(f)->pMethods->xTruncate(Real(f), size);
}
int Sync(sqlite3_file* f, int flags) {
  if (Inject(reinterpret_cast<FaultFile*>(f), false, "fsync")) return SQLITE_IOERR_FSYNC;
  return Real(f)->pMethods->xSync(Real(f), flags);
}
int FileSize(sqlite3_file* f, sqlite3_int64* size) {
  return Real(f)->pMethods->xFileSize(Real(f), size);
}
int Lock(sqlite3_file* f, int level) { return Real(f)->pMethods->xLock(Real(f), level); }
int Unlock(sqlite3_file* f, int level) { return Real(f)->pMethods->xUnlock(Real(f), level); }
int CheckReservedLock(sqlite3_file* f, int* out) {
  return Real(f)->pMethods->xCheckReservedLock(Real(f), out);
}
int FileControl(sqlite3_file* f, int op, void* arg) {
  return Real(f)->pMethods->xFileControl(Real(f), op, arg);
}
int SectorSize(sqlite3_file* f) { return Real(f)->pMethods->xSectorSize(Real(f)); }
int DeviceCharacteristics(sqlite3_file* f) {
  return Real(f)->pMethods->xDeviceCharacteristics(Real(f));
}
int ShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
  return Real(f)->pMethods->xShmMap(Real(f), region, size, extend, out);
}
int ShmLock(sqlite3_file* f, int offset, int n, int flags) {
  return Real(f)->pMethods->xShmLock(Real(f), offset, n, flags);
}
void ShmBarrier(sqlite3_file* f) { Real(f)->pMethods->xShmBarrier(Real(f)); }
int ShmUnmap(sqlite3_file* f, int delete_flag) {
  return Real(f)->pMethods->xShmUnmap(Real(f), delete_flag);
}
int Fetch(sqlite3_file* f, sqlite3_int64 off, int n, void** out) {
  return Real(f)->pMethods->xFetch(Real(f), off, n, out);
}
int Unfetch(sqlite3_file* f, sqlite3_int64 off, void* p) {
  return Real(f)->pMethods->xUnfetch(Real(f), off, p);
}

// One method table per io_methods version, so that SQLite never calls a
// method the real file does not have.
const sqlite3_io_methods* MethodsFor(int version) {
  static const sqlite3_io_methods kMethods[3] = {
      {1, Close, Read, Write, Truncate, Sync, FileSize, Lock, Unlock, CheckReservedLock,
       FileControl, SectorSize, DeviceCharacteristics, nullptr, nullptr, nullptr, nullptr,
       nullptr, nullptr},
      {2, Close, Read, Write, Truncate, Sync, FileSize, Lock, Unlock, CheckReservedLock,
       FileControl, SectorSize, DeviceCharacteristics, ShmMap, ShmLock, ShmBarrier, ShmUnmap,
       nullptr, nullptr},
      {3, Close, Read, Write, Truncate, Sync, FileSize, Lock, Unlock, CheckReservedLock,
       FileControl, SectorSize, DeviceCharacteristics, ShmMap, ShmLock, ShmBarrier, ShmUnmap,
       Fetch, Unfetch},
  };
  return &kMethods[std::clamp(version, 1, 3) - 1];
}

int Open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
  auto* f = reinterpret_cast<FaultFile*>(file);
  f->real = reinterpret_cast<sqlite3_file*>(f + 1);
  f->what = (flags & SQLITE_OPEN_MAIN_DB) ? "database" : (flags & SQLITE_OPEN_WAL) ? "WAL" : nullptr;
  int rc = g_real->xOpen(g_real, name, f->real, flags, out_flags);
  file->pMethods = (rc == SQLITE_OK && f->real->pMethods != nullptr)
                       ? MethodsFor(f->real->pMethods->iVersion) : nullptr;
  return rc;
}

// Everything else is the real VFS's business.
int Delete(sqlite3_vfs*, const char* name, int sync_dir) {
  return g_real->xDelete(g_real, name, sync_dir);
}
int Access(sqlite3_vfs*, const char* name, int flags, int* out) {
  return g_real->xAccess(g_real, name, flags, out);
}
int FullPathname(sqlite3_vfs*, const char* name, int n, char* out) {
  return g_real->xFullPathname(g_real, name, n, out);
}
void* DlOpen(sqlite3_vfs*, const char* name) { return g_real->xDlOpen(g_real, name); }
void DlError(sqlite3_vfs*, int n, char* out) { g_real->xDlError(g_real, n, out); }
void (*DlSym(sqlite3_vfs*, void* h, const char* sym))(void) { return g_real->xDlSym(g_real, h, sym); }
void DlClose(sqlite3_vfs*, void* h) { g_real->xDlClose(g_real, h); }
int Randomness(sqlite3_vfs*, int n, char* out) { return g_real->xRandomness(g_real, n, out); }
int Sleep(sqlite3_vfs*, int us) { return g_real->xSleep(g_real, us); }
int CurrentTime(sqlite3_vfs*, double* out) { return g_real->xCurrentTime(g_real, out); }
int GetLastError(sqlite3_vfs*, int n, char* out) { return g_real->xGetLastError(g_real, n, out); }
int CurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out) {
  return g_real->xCurrentTimeInt64(g_real, out);
}

}  // namespace

void InstallFaultVfs() {
  std::call_once(g_register_once, [] {
    g_real = sqlite3_vfs_find(nullptr);
    g_vfs.iVersion = 2;
    g_vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + g_real->szOsFile;
    g_vfs.mxPathname = g_real->mxPathname;
    g_vfs.zName = kVfsName;
    g_vfs.xOpen = Open;
    g_vfs.xDelete = Delete;
    g_vfs.xAccess = Access;
    g_vfs.xFullPathname = FullPathname;
    g_vfs.xDlOpen = DlOpen;
    g_vfs.xDlError = DlError;
    g_vfs.xDlSym = DlSym;
    g_vfs.xDlClose = DlClose;
    g_vfs.xRandomness = Randomness;
    g_vfs.xSleep = Sleep;
    g_vfs.xCurrentTime = CurrentTime;
    g_vfs.xGetLastError = GetLastError;
    g_vfs.xCurrentTimeInt64 = CurrentTimeInt64;
    sqlite3_vfs_register(&g_vfs, /*makeDflt=*/0);
    g_registered = true;
  });
}

void ArmFaultVfs(const FaultSpec& spec) {
  InstallFaultVfs();
  g_armed.on = false;
  g_armed.kind = spec.kind;
  g_armed.nth = spec.nth;
  g_armed.sticky = spec.sticky;
  g_armed.worker_only = spec.worker_only;
  g_armed.writes = 0;
  g_armed.syncs = 0;
  g_armed.injected = 0;
  g_armed.on = true;
}

void DisarmFaultVfs() { g_armed.on = false; }

int FaultVfsInjected() { return g_armed.injected.load(); }

Result<const char*> FaultVfsForOpen() {
  std::call_once(g_env_once, [] {
    Result<std::optional<FaultSpec>> spec = FaultSpecFromEnv(kEnvVariable);
    if (!spec.ok()) {
      g_env_status = spec.status();
    } else if (spec.value() && spec.value()->kind == FaultKind::kRename) {
      g_env_status = Status::InvalidArgument(std::string(kEnvVariable) +
                                             ": the store has no rename fault (write, full, fsync)");
    } else if (spec.value()) {
      ArmFaultVfs(*spec.value());
    }
  });
  if (!g_env_status.ok()) return g_env_status;
  return g_registered.load() ? kVfsName : static_cast<const char*>(nullptr);
}

}  // namespace scanstraat
