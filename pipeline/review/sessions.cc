#include "pipeline/review/sessions.h"

#include <chrono>

#include "pipeline/core/sha256.h"
#include "pipeline/review/password.h"

namespace scanstraat {

int64_t Sessions::Now() const {
  if (policy_.clock) return policy_.clock();
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch()).count();
}

Result<Session> Sessions::Create(const User& user, const std::string& origin) {
  Session s;
  s.token = RandomHex(32);
  s.csrf = RandomHex(32);
  s.user = user;
  s.created_at = s.last_seen = Now();
  SS_ASSIGN_OR_RETURN(Stmt st, db_.Prepare(
      "INSERT INTO sessions(token_hash, user_id, csrf, origin, created_at, last_seen) "
      "VALUES(?, ?, ?, ?, ?, ?)"));
  st.Bind(1, Sha256Hex(s.token)).Bind(2, user.id).Bind(3, s.csrf).Bind(4, origin)
      .Bind(5, s.created_at).Bind(6, s.last_seen);
  SS_RETURN_IF_ERROR(st.Run());
  return s;
}

Result<Session> Sessions::Find(const std::string& token) {
  if (token.size() != 64) return Status::NotFound("no session");
  const std::string key = Sha256Hex(token);
  SS_ASSIGN_OR_RETURN(Stmt q, db_.Prepare(
      "SELECT s.csrf, s.created_at, s.last_seen, u.id, u.name, u.role, u.disabled, u.created_at "
      "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash=?"));
  q.Bind(1, key);
  SS_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return Status::NotFound("no session");
  Session s;
  s.csrf = q.Text(0);
  s.created_at = q.Int(1);
  s.last_seen = q.Int(2);
  s.user.id = q.Int(3);
  s.user.name = q.Text(4);
  s.user.role = ParseRole(q.Text(5)).value_or(Role::kReviewer);
  s.user.disabled = q.Int(6) != 0;
  s.user.created_at = q.Text(7);
  const int64_t now = Now();
  if (s.user.disabled || now - s.last_seen > policy_.idle_seconds ||
      now - s.created_at > policy_.absolute_seconds) {
    (void)End(token);
    return Status::NotFound("the session expired");
  }
  if (now - s.last_seen >= 30) {  // not a write per request
    SS_ASSIGN_OR_RETURN(Stmt up, db_.Prepare("UPDATE sessions SET last_seen=? WHERE token_hash=?"));
    up.Bind(1, now).Bind(2, key);
    SS_RETURN_IF_ERROR(up.Run());
    s.last_seen = now;
  }
  return s;
}

Status Sessions::End(const std::string& token) {
  SS_ASSIGN_OR_RETURN(Stmt st, db_.Prepare("DELETE FROM sessions WHERE token_hash=?"));
  st.Bind(1, Sha256Hex(token));
  return st.Run();
}

Result<int> Sessions::Sweep() {
  const int64_t now = Now();
  SS_ASSIGN_OR_RETURN(Stmt st, db_.Prepare(
      "DELETE FROM sessions WHERE last_seen < ? OR created_at < ?"));
  st.Bind(1, now - policy_.idle_seconds).Bind(2, now - policy_.absolute_seconds);
  SS_RETURN_IF_ERROR(st.Run());
  return db_.Changes();
}

}  // namespace scanstraat
