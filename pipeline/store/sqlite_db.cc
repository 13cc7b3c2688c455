#include "pipeline/store/sqlite_db.h"

#include "pipeline/store/fault_vfs.h"

namespace scanstraat {

Status SqliteError(sqlite3* db, int rc, std::string_view what) {
  std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return Status::Corrupt(msg + " (the workspace database is damaged)");
    case SQLITE_FULL: return Status::IOError(msg + " (disk full)");
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return Status::IOError(msg);
    default: return Status::Internal(msg);
  }
}

Stmt& Stmt::Bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Stmt& Stmt::Bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}
Stmt& Stmt::Bind(int i, std::string_view v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::BindBlob(int i, std::string_view v) {
  sqlite3_bind_blob64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::BindNull(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

Result<bool> Stmt::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteError(db_, rc, "database statement failed");
}

Status Stmt::Run() {
  for (;;) {
    Result<bool> r = Step();
    if (!r.ok()) return r.status();
    if (!r.value()) return Status::Ok();
  }
}

std::string Stmt::Text(int col) const {
  const unsigned char* t = sqlite3_column_text(stmt_, col);
  if (t == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(stmt_, col));
}

std::string Stmt::Blob(int col) const {
  const void* b = sqlite3_column_blob(stmt_, col);
  if (b == nullptr) return {};
  return std::string(static_cast<const char*>(b), sqlite3_column_bytes(stmt_, col));
}

namespace {

// SQLite's automatic checkpoint (every 1000 WAL frames) ignores its own
// errors, so a failed fsync there went unnoticed, and after a failed fsync
// Linux may already have dropped the dirty pages. This one does the same
// checkpoint but reports an error, which fails the statement whose commit
// triggered it (the commit itself has happened), so the run stops.
constexpr int kAutoCheckpointFrames = 1000;
int CheckpointReportingErrors(void*, sqlite3* db, const char* schema, int frames) {
  if (frames < kAutoCheckpointFrames) return SQLITE_OK;
  int rc = sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  return (rc & 0xff) == SQLITE_BUSY ? SQLITE_OK : rc;  // busy: the next commit tries again
}

}  // namespace

Db::~Db() { sqlite3_close_v2(db_); }

Result<std::unique_ptr<Db>> Db::Open(const std::filesystem::path& path, bool create) {
  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  // nullptr (SQLite's own VFS) unless a test asked for faults (fault_vfs.h).
  SS_ASSIGN_OR_RETURN(const char* vfs, FaultVfsForOpen());
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, vfs);
  if (rc != SQLITE_OK) {
    Status s = SqliteError(raw, rc, "cannot open the workspace database");
    sqlite3_close_v2(raw);
    return s;
  }
  std::unique_ptr<Db> db(new Db(raw));
  sqlite3_busy_timeout(raw, 30'000);
  SS_RETURN_IF_ERROR(db->Exec("PRAGMA journal_mode=WAL"));
  SS_RETURN_IF_ERROR(db->Exec("PRAGMA synchronous=NORMAL"));
  SS_RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys=ON"));
  sqlite3_wal_hook(raw, CheckpointReportingErrors, nullptr);
  return db;
}

Status Db::Exec(std::string_view sql) {
  char* err = nullptr;
  std::string s(sql);
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string m = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    Status st = SqliteError(db_, rc, "database command failed");
    return Status(st.code(), "database command failed: " + m);
  }
  return Status::Ok();
}

Result<Stmt> Db::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, "cannot prepare database statement");
  return Stmt(db_, stmt);
}

}  // namespace scanstraat
