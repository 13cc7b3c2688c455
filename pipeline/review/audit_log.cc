#include "pipeline/review/audit_log.h"

#include <pwd.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "pipeline/core/log.h"
#include "pipeline/core/sha256.h"

namespace scanstraat {
namespace {
constexpr const char* kGenesis = "0000000000000000000000000000000000000000000000000000000000000000";

AuditEntry EntryFrom(const Stmt& q) {
  AuditEntry e;
  e.seq = q.Int(0);
  e.at = q.Text(1);
  e.actor = q.Text(2);
  e.action = q.Text(3);
  e.object = q.Text(4);
  e.result = q.Text(5);
  e.origin = q.Text(6);
  e.detail = q.Text(7);
  e.prev_hash = q.Text(8);
  e.hash = q.Text(9);
  return e;
}

constexpr const char* kColumns =
    "SELECT seq, at, actor, action, object, result, origin, detail, prev_hash, hash FROM audit_log ";
}  // namespace

std::string AuditHash(const AuditEntry& e) {
  // JSON keeps the fields apart whatever they contain.
  const nlohmann::json fields = {e.seq, e.at, e.actor, e.action, e.object, e.result, e.origin, e.detail};
  return Sha256Hex(e.prev_hash + "\n" + fields.dump());
}

Status AuditLog::Append(const AuditEvent& event) {
  return db_.Transaction([&] { return AppendInTransaction(event); });
}

Status AuditLog::AppendInTransaction(const AuditEvent& event) {
  AuditEntry e;
  static_cast<AuditEvent&>(e) = event;
  SS_ASSIGN_OR_RETURN(Stmt last, db_.Prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
  SS_ASSIGN_OR_RETURN(bool row, last.Step());
  e.seq = row ? last.Int(0) + 1 : 1;
  e.prev_hash = row ? last.Text(1) : kGenesis;
  e.at = UtcNowIso();
  e.hash = AuditHash(e);
  SS_ASSIGN_OR_RETURN(Stmt ins, db_.Prepare(
      "INSERT INTO audit_log(seq, at, actor, action, object, result, origin, detail, prev_hash, hash) "
      "VALUES(?,?,?,?,?,?,?,?,?,?)"));
  ins.Bind(1, e.seq).Bind(2, e.at).Bind(3, e.actor).Bind(4, e.action).Bind(5, e.object)
      .Bind(6, e.result).Bind(7, e.origin).Bind(8, e.detail).Bind(9, e.prev_hash).Bind(10, e.hash);
  return ins.Run();
}

Result<std::vector<AuditEntry>> AuditLog::List(const Query& query) {
  std::string sql = std::string(kColumns) + "WHERE 1=1";
  if (query.before > 0) sql += " AND seq < ?1";
  if (!query.actor.empty()) sql += " AND actor = ?2";
  if (!query.action.empty()) sql += " AND action = ?3";
  if (!query.object_prefix.empty()) sql += " AND substr(object, 1, length(?4)) = ?4";
  if (!query.since.empty()) sql += " AND at >= ?5";
  sql += " ORDER BY seq DESC LIMIT ?6";
  SS_ASSIGN_OR_RETURN(Stmt q, db_.Prepare(sql));
  if (query.before > 0) q.Bind(1, query.before);
  if (!query.actor.empty()) q.Bind(2, query.actor);
  if (!query.action.empty()) q.Bind(3, query.action);
  if (!query.object_prefix.empty()) q.Bind(4, query.object_prefix);
  if (!query.since.empty()) q.Bind(5, query.since);
  q.Bind(6, static_cast<int64_t>(query.limit));
  std::vector<AuditEntry> out;
  for (;;) {
    SS_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.push_back(EntryFrom(q));
  }
  return out;
}

Result<AuditVerdict> AuditLog::Verify() {
  SS_ASSIGN_OR_RETURN(Stmt q, db_.Prepare(std::string(kColumns) + "ORDER BY seq"));
  AuditVerdict v;
  std::string prev = kGenesis;
  int64_t expect_seq = 1;
  for (;;) {
    SS_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    const AuditEntry e = EntryFrom(q);
    ++v.entries;
    std::string problem;
    if (e.seq != expect_seq) problem = "entry " + std::to_string(expect_seq) + " is missing";
    else if (e.prev_hash != prev) problem = "its link to the entry before does not match";
    else if (AuditHash(e) != e.hash) problem = "its content does not match its hash";
    if (!problem.empty() && v.first_bad == 0) {
      v.first_bad = e.seq;
      v.problem = problem;
    }
    prev = e.hash;
    expect_seq = e.seq + 1;
  }
  v.head = prev;
  return v;
}

std::string CliOrigin() {
  const char* user = std::getenv("USER");
  if (user == nullptr || *user == '\0') {
    const passwd* pw = getpwuid(getuid());
    user = pw != nullptr ? pw->pw_name : "unknown";
  }
  return std::string("cli:") + user;
}

}  // namespace scanstraat
