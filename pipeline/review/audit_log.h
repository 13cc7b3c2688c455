// The audit log (BIO 8.15): who did what to which object, with what result,
// from where and when. Append-only (triggers in the schema refuse UPDATE and
// DELETE) and hash-chained: every entry's hash covers its fields and the
// hash before it, so changing, removing or reordering an entry breaks the
// chain from there on, and `scanstraat audit verify` finds it.
//
// Details never hold personal data: a reveal names the field, not its value.
//
// Thread-safety: an AuditLog is used by one thread at a time (like its Db).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/store/sqlite_db.h"

namespace scanstraat {

struct AuditEvent {
  std::string actor;   // user name, or "-" when nobody is logged in
  std::string action;  // login | logout | view_case | view_page | reveal | correct | set_doctype |
                       // approve | approve_first | reject | claim | export | user_add | …
  std::string object;  // case:17 | doc:<short id> | user:anna | run:3 | …
  std::string result;  // ok | denied | failed | invalid | conflict
  std::string origin;  // client address, or cli:<os user>
  std::string detail;  // e.g. "field=bsn"; never a personal-data value
};

struct AuditEntry : AuditEvent {
  int64_t seq = 0;
  std::string at, prev_hash, hash;
};

struct AuditVerdict {
  int64_t entries = 0;
  int64_t first_bad = 0;   // seq of the first entry that does not verify; 0 = none
  std::string problem;     // what is wrong there
  std::string head;        // hash of the last entry (keep it elsewhere to detect truncation)
  bool ok() const { return first_bad == 0; }
};

// The chain's hash of an entry: SHA-256 over its previous hash and its
// fields (seq, at, actor, action, object, result, origin, detail).
[[nodiscard]] std::string AuditHash(const AuditEntry& e);

class AuditLog {
 public:
  explicit AuditLog(Db& db) : db_(db) {}

  // Appends in a transaction of its own.
  Status Append(const AuditEvent& event);
  // Appends inside the caller's transaction (so a change and its entry
  // commit together).
  Status AppendInTransaction(const AuditEvent& event);

  struct Query {
    int limit = 100;
    int64_t before = 0;       // entries with seq < before; 0 = from the newest
    std::string actor, action, object_prefix, since;
  };
  // Newest first.
  Result<std::vector<AuditEntry>> List(const Query& query);
  Result<AuditVerdict> Verify();

 private:
  Db& db_;
};

// The origin of a command-line action: "cli:<login name>".
[[nodiscard]] std::string CliOrigin();

}  // namespace scanstraat
