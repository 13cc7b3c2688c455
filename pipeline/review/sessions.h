// Login sessions of the review server, kept in the store so that
// `scanstraat users disable` ends them at once. Only a SHA-256 of each
// session token is stored: a copy of the database opens no session.
//
// Thread-safety: a Sessions is used by one thread at a time (like its Db).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "pipeline/review/users.h"

namespace scanstraat {

struct SessionPolicy {
  int64_t idle_seconds = 30 * 60;        // ends after this long without a request
  int64_t absolute_seconds = 10 * 3600;  // ends this long after login, whatever happens
  std::function<int64_t()> clock;        // unix seconds; empty = the system clock
};

struct Session {
  std::string token;  // the cookie value; only set by Create
  std::string csrf;   // sent back in X-CSRF-Token on every change
  User user;
  int64_t created_at = 0, last_seen = 0;
};

class Sessions {
 public:
  Sessions(Db& db, SessionPolicy policy) : db_(db), policy_(std::move(policy)) {}

  Result<Session> Create(const User& user, const std::string& origin);
  // The live session of `token`: kNotFound when there is none, it expired,
  // or its user is disabled. Refreshes its idle time.
  Result<Session> Find(const std::string& token);
  Status End(const std::string& token);
  // Deletes expired sessions; returns how many.
  Result<int> Sweep();

  int64_t Now() const;

 private:
  Db& db_;
  SessionPolicy policy_;
};

}  // namespace scanstraat
