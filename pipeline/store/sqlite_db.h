// The SQLite adapter: an owned connection and prepared statements with
// typed binds, every SQLite result code turned into a Status here.
// Nothing outside pipeline/store/ sees a sqlite3 handle.
//
// Thread-safety: a Db is used by one thread at a time (SQLite is built
// serialised, but statements are not shared). Open one Db per thread or
// process; WAL lets readers work while one writer writes.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/core/status.h"

namespace scanstraat {

class Stmt {
 public:
  Stmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Stmt(Stmt&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Stmt(const Stmt&) = delete;
  ~Stmt() { sqlite3_finalize(stmt_); }

  // Binds by 1-based index; returns *this for chaining.
  Stmt& Bind(int i, int64_t v);
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, double v);
  Stmt& Bind(int i, std::string_view v);
  Stmt& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Stmt& BindNull(int i);
  Stmt& BindBlob(int i, std::string_view v);
  Stmt& Bind(int i, const std::optional<std::string>& v) { return v ? Bind(i, *v) : BindNull(i); }

  // Steps once: true while a row is available; false when done.
  Result<bool> Step();
  // Steps to completion (for statements without rows).
  Status Run();

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  std::string Text(int col) const;
  std::string Blob(int col) const;
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class Db {
 public:
  ~Db();
  Db(const Db&) = delete;
  // Opens (creating if asked) the database at `path` in WAL mode with a
  // busy timeout, foreign keys on, synchronous=NORMAL.
  static Result<std::unique_ptr<Db>> Open(const std::filesystem::path& path, bool create);

  Status Exec(std::string_view sql);
  Result<Stmt> Prepare(std::string_view sql);
  int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  int Changes() const { return sqlite3_changes(db_); }

  // BEGIN IMMEDIATE ... COMMIT; rolls back when `body` returns an error.
  template <typename F>
  Status Transaction(F&& body) {
    SS_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    Status s = body();
    if (s.ok()) s = Exec("COMMIT");
    if (!s.ok()) (void)Exec("ROLLBACK");
    return s;
  }

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

// Status for a failed SQLite call, with SQLite's own message.
Status SqliteError(sqlite3* db, int rc, std::string_view what);

}  // namespace scanstraat
